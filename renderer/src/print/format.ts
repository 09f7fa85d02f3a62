/** Text for the print view's cells and header lines. */

/** 2025-04-20 or an ISO time → 2025年4月20日: the renderer's one date formatter. */
export { formatChineseDate as chineseDate } from '../ui/format';

/** A cell's text: numbers without float noise (12.3456 → 12.35), nothing for null. */
export function cellText(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return value;
}
