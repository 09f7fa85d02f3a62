/*
 * The report's own date (落款, 成文日期): the day the office signs it, chosen on 报表 or with
 * `report --date`, today by default. Not the moment the file was made: a report drafted on the
 * 20th for the 12th's meeting says 12th.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, years 2000–2100 (2025-02-30 is not one). */
export function isReportDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 2025-04-12 → 2025年4月12日 (公文 dates: Arabic numerals, no leading zeros). */
export function reportDateText(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${year}年${month}月${day}日`;
}

/** This PC's calendar day as YYYY-MM-DD: the default report date. */
export function localDateText(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a clerk is told when the date is not one. */
export const REPORT_DATE_ERROR = '报告日期应为有效日期，格式 YYYY-MM-DD，例如 2025-04-12';
