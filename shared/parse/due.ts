import type { ParsedDue } from './types';

function lastDayOfMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025年6月底前" → 2025-06-30; "2021-2025年" → years 2021–2025; "长期坚持" → null. */
export function parseDue(deadline: string | null): ParsedDue | null {
  if (!deadline) return null;
  const text = deadline.replace(/\s/g, '');
  const range = /((?:19|20)\d\d)年?[-—–~至到]((?:19|20)\d\d)年?/.exec(text);
  if (range) return { date: null, fromYear: Number(range[1]), toYear: Number(range[2]) };
  const day = /((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (day) return { date: `${day[1]}-${pad(Number(day[2]))}-${pad(Number(day[3]))}`, fromYear: null, toYear: Number(day[1]) };
  const month = /((?:19|20)\d\d)年(\d{1,2})月/.exec(text);
  if (month) {
    const y = Number(month[1]);
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) return { date: `${y}-${pad(m)}-${pad(lastDayOfMonth(y, m))}`, fromYear: null, toYear: y };
  }
  const quarter = /((?:19|20)\d\d)年(?:第)?([一二三四1-4])季度/.exec(text);
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[2]!) + 1 || Number(quarter[2]);
    const y = Number(quarter[1]);
    return { date: `${y}-${pad(q * 3)}-${pad(lastDayOfMonth(y, q * 3))}`, fromYear: null, toYear: y };
  }
  const year = /((?:19|20)\d\d)年/.exec(text);
  if (year) return { date: `${year[1]}-12-31`, fromYear: null, toYear: Number(year[1]) };
  return null;
}
