/** Reporting periods are quarters written `2025-Q1`. */
export type Quarter = 1 | 2 | 3 | 4;

export interface Period {
  readonly year: number;
  readonly quarter: Quarter;
}

const PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;

export function isPeriod(text: string): boolean {
  return PERIOD_PATTERN.test(text);
}

export function parsePeriod(text: string): Period {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) throw new SyntaxError(`Not a period: ${text}`);
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter };
}

export function formatPeriod(period: Period): string {
  return `${period.year}-Q${period.quarter}`;
}

/** The quarter containing a calendar date (months are 1-based). */
export function periodOfDate(year: number, month: number): Period {
  if (month < 1 || month > 12) throw new RangeError(`Month out of range: ${month}`);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter };
}

export function nextPeriod(period: Period): Period {
  return period.quarter === 4
    ? { year: period.year + 1, quarter: 1 }
    : { year: period.year, quarter: (period.quarter + 1) as Quarter };
}

export function previousPeriod(period: Period): Period {
  return period.quarter === 1
    ? { year: period.year - 1, quarter: 4 }
    : { year: period.year, quarter: (period.quarter - 1) as Quarter };
}

/** Last day of the quarter as `YYYY-MM-DD`, the date lights of a past quarter are judged at. */
export function periodEndDate(period: Period): string {
  const month = period.quarter * 3;
  const day = month === 6 || month === 9 ? 30 : 31;
  return `${period.year}-${String(month).padStart(2, '0')}-${day}`;
}

export function periodLabel(period: Period): string {
  const names = ['一', '二', '三', '四'] as const;
  return `${period.year}年第${names[period.quarter - 1]}季度`;
}

export function comparePeriods(a: Period, b: Period): number {
  return a.year !== b.year ? a.year - b.year : a.quarter - b.quarter;
}
