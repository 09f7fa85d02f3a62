import type { TaskMilestone } from '../../shared/api/plans';
import { AppError } from '../core/app-error';
import { parseMilestones } from './progress-data';

export interface MilestoneYears {
  readonly due_date?: string | null;
  readonly due_from_year?: number | null;
  readonly due_to_year?: number | null;
  readonly plan_year_from: number | null;
  readonly plan_year_to: number | null;
}

/** A task's stored milestones for the contract, sorted by quarter (old rows read with no percent). */
export function milestonesOf(text: string | null): { period: string; text: string; percent: number | null }[] {
  let list: ReturnType<typeof parseMilestones>;
  try {
    list = parseMilestones(text) ?? [];
  } catch {
    // A damaged value must not hide the task from 计划与任务; it shows without milestones.
    list = [];
  }
  return list.map((m) => ({ period: m.period, text: m.text, percent: m.percent ?? null })).sort((a, b) => (a.period < b.period ? -1 : 1));
}

/** The years a milestone may fall in: the task's own years, else its plan's; null when neither is known. */
function yearsOf(years: MilestoneYears): { from: number; to: number } | null {
  const dueYear = years.due_date ? Number(years.due_date.slice(0, 4)) : null;
  const to = years.due_to_year ?? dueYear ?? years.plan_year_to ?? years.plan_year_from;
  const from = years.due_from_year ?? years.plan_year_from ?? to;
  if (from == null || to == null) return null;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/**
 * The JSON the milestones column stores (validated by the contract already): sorted by quarter,
 * null for none. A quarter outside the task's years is refused, naming the years.
 */
export function milestoneColumn(list: readonly TaskMilestone[] | null, years: MilestoneYears): { period: string; text: string; percent: number | null }[] | null {
  if (list === null || list.length === 0) return null;
  const range = yearsOf(years);
  if (range) {
    for (const m of list) {
      const year = Number(m.period.slice(0, 4));
      if (year < range.from || year > range.to) {
        const span = range.from === range.to ? `${range.from}年` : `${range.from}—${range.to}年`;
        const message = `节点目标的季度${m.period}不在任务的年份（${span}）之内，请改为这些年份中的季度。未作任何改动`;
        throw new AppError('INVALID_ARGUMENT', message, { milestones: message });
      }
    }
  }
  return list.map((m) => ({ period: m.period, text: m.text, percent: m.percent ?? null })).sort((a, b) => (a.period < b.period ? -1 : 1));
}
