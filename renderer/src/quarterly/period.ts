import type { DirectoryEntry } from '../../../shared/api/directory';
import type { PlanSummary } from '../../../shared/api/plans';
import type { SystemStatus } from '../../../shared/api/system';
import { formatPeriod, parsePeriod, periodLabel, periodOfDate, type Quarter } from '../../../shared/domain/period';

/** The quarter today falls in, as `2025-Q1` (local date: a clerk's calendar, not UTC). */
export function currentPeriodText(today: Date): string {
  return formatPeriod(periodOfDate(today.getFullYear(), today.getMonth() + 1));
}

/**
 * The quarter the pages open on: today's when a plan covers this year (or there is no plan yet);
 * when every plan has ended, the last quarter of the newest plan's last year (its final report);
 * when every plan starts later, the first quarter of the earliest.
 */
export function defaultPeriodText(today: Date, plans: readonly Pick<PlanSummary, 'yearFrom' | 'yearTo'>[] | null): string {
  const year = today.getFullYear();
  const spans: [number, number][] = [];
  for (const plan of plans ?? []) {
    const from = plan.yearFrom ?? plan.yearTo;
    const to = plan.yearTo ?? plan.yearFrom;
    if (from != null && to != null) spans.push([Math.min(from, to), Math.max(from, to)]);
  }
  if (spans.length === 0 || spans.some(([from, to]) => from <= year && year <= to)) return currentPeriodText(today);
  const ended = spans.filter(([, to]) => to < year).map(([, to]) => to);
  if (ended.length > 0) return formatPeriod({ year: Math.max(...ended), quarter: 4 });
  return formatPeriod({ year: Math.min(...spans.map(([from]) => from)), quarter: 1 });
}

export interface PeriodChoice {
  readonly value: string;
  readonly label: string;
}

/**
 * Quarters a clerk may pick, newest first: every year a plan covers, plus last year to next
 * year around today (so a past quarter can still be completed), capped at 12 years.
 */
export function periodChoices(today: Date, plans: readonly PlanSummary[] | null, selected?: string): PeriodChoice[] {
  const thisYear = today.getFullYear();
  let from = thisYear - 1;
  let to = thisYear;
  for (const plan of plans ?? []) {
    const start = plan.yearFrom ?? plan.yearTo;
    const end = plan.yearTo ?? plan.yearFrom;
    if (start != null) from = Math.min(from, start);
    if (end != null) to = Math.max(to, end);
  }
  from = Math.max(from, to - 11);
  if (selected) {
    const year = parsePeriod(selected).year;
    from = Math.min(from, year);
    to = Math.max(to, year);
  }
  const choices: PeriodChoice[] = [];
  for (let year = to; year >= from; year--) {
    for (let quarter = 4; quarter >= 1; quarter--) {
      const period = { year, quarter: quarter as Quarter };
      choices.push({ value: formatPeriod(period), label: periodLabel(period) });
    }
  }
  return choices;
}

/** This PC's department when it has one and it still exists, else the first department. */
export function defaultDepartmentId(status: SystemStatus | null, departments: readonly DirectoryEntry[] | null): string | null {
  const list = departments ?? [];
  const own = status?.installation?.departmentId ?? null;
  if (own && list.some((d) => d.id === own)) return own;
  const ownName = status?.installation?.departmentName ?? null;
  if (ownName) {
    const byName = list.find((d) => d.name === ownName || d.aliases.includes(ownName));
    if (byName) return byName.id;
  }
  return list[0]?.id ?? null;
}

/** `HH:mm` in local time, for 「已自动保存 HH:mm」 (the renderer's one formatter). */
export { clockTime } from '../ui/format';
