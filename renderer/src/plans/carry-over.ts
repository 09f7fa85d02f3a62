import { isDoneStatus } from '../../../shared/domain/progress-status';
import type { PlanDetail, PlanSummary } from '../../../shared/api/plans';
import type { SheetTask } from '../../../shared/api/progress';
import { comparePeriods, formatPeriod, parsePeriod, periodOfDate } from '../../../shared/domain/period';
import type { TaskStatus } from '../../../shared/domain/progress-status';

/** The quarter whose reports decide what is unfinished: the plan's last quarter, or today's if that is earlier. */
export function yearEndPeriod(plan: PlanSummary, today: Date): string {
  const now = periodOfDate(today.getFullYear(), today.getMonth() + 1);
  const lastYear = plan.yearTo ?? plan.yearFrom ?? now.year;
  const end = { year: lastYear, quarter: 4 as const };
  return formatPeriod(comparePeriods(end, now) < 0 ? end : now);
}

/** Departments that report on the plan's tasks, each once. */
export function leadDepartments(detail: PlanDetail): string[] {
  return [...new Set(detail.tasks.flatMap((t) => t.leadDepartmentIds))];
}

export interface TaskProgress {
  /** The newest status each lead department gave, null for a department that never reported. */
  readonly statuses: readonly (TaskStatus | null)[];
  readonly unfinished: boolean;
}

/**
 * From each department's sheet at the year end: the newest status per task (this quarter's
 * entry, else last quarter's). A task is unfinished unless every department reported it done.
 */
export function taskProgress(detail: PlanDetail, sheets: readonly { readonly tasks: readonly SheetTask[] }[]): Map<string, TaskProgress> {
  const statuses = new Map<string, (TaskStatus | null)[]>();
  for (const sheet of sheets) {
    for (const task of sheet.tasks) {
      const status = task.entry?.status ?? task.previous?.status ?? null;
      statuses.set(task.id, [...(statuses.get(task.id) ?? []), status]);
    }
  }
  const result = new Map<string, TaskProgress>();
  for (const task of detail.tasks) {
    const list = statuses.get(task.id) ?? [];
    const unfinished = list.length === 0 || list.some((s) => s === null || !isDoneStatus(s));
    result.set(task.id, { statuses: list, unfinished });
  }
  return result;
}

/** The plan the tasks go to by default: one starting the year after, else a new one made by the core. */
export function nextYearPlans(plans: readonly PlanSummary[], from: PlanSummary): PlanSummary[] {
  const year = from.yearTo ?? from.yearFrom;
  if (year == null) return plans.filter((p) => p.id !== from.id);
  return plans.filter((p) => p.id !== from.id && (p.yearFrom ?? p.yearTo ?? 0) > year);
}

export function periodYear(period: string): number {
  return parsePeriod(period).year;
}
