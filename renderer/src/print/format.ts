/** Text for the print view's cells and header lines. */

/** 2025-04-20 or an ISO time → 2025年4月20日 (the local calendar date of an ISO time). */
export function chineseDate(value: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[1]}年${Number(plain[2])}月${Number(plain[3])}日`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** A cell's text: numbers without float noise (12.3456 → 12.35), nothing for null. */
export function cellText(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return value;
}
