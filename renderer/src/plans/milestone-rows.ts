import type { PlanSummary, TaskMilestone } from '../../../shared/api/plans';
import { parseDue } from '../../../shared/parse/due';

/** One editable quarter of 节点目标: the text and the percent as typed. */
export interface MilestoneDraft {
  readonly period: string;
  readonly text: string;
  readonly percent: string;
}

const MAX_YEARS = 15;

/** The quarters a task's milestones can be set for: its deadline's years, else its plan's, plus any already stored. */
export function milestoneQuarters(deadline: string, plan: Pick<PlanSummary, 'yearFrom' | 'yearTo'>, stored: readonly { period: string }[]): string[] {
  const due = parseDue(deadline.trim() || null);
  const to = due?.toYear ?? plan.yearTo ?? plan.yearFrom;
  const from = due?.fromYear ?? plan.yearFrom ?? to;
  const periods = new Set<string>();
  if (from != null && to != null) {
    const start = Math.min(from, to);
    for (let year = start; year <= Math.max(from, to) && year < start + MAX_YEARS; year++) {
      for (let quarter = 1; quarter <= 4; quarter++) periods.add(`${year}-Q${quarter}`);
    }
  }
  for (const m of stored) periods.add(m.period);
  return [...periods].sort();
}

/**
 * The milestones to save: filled rows only, in quarter order. A percent that is not a number is
 * left as NaN so the contract refuses it with its own message. Returns null when none is filled.
 */
export function milestonesToSave(drafts: readonly MilestoneDraft[]): TaskMilestone[] | null {
  const filled = drafts.filter((d) => d.text.trim() !== '' || d.percent.trim() !== '');
  if (filled.length === 0) return null;
  return [...filled]
    .sort((a, b) => (a.period < b.period ? -1 : 1))
    .map((d) => ({ period: d.period, text: d.text.trim(), percent: d.percent.trim() === '' ? null : Number(d.percent.trim().replace(/%$/, '')) }));
}

/** Per-quarter problems the form can point at before saving (the contract checks again). */
export function milestoneRowErrors(drafts: readonly MilestoneDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const d of drafts) {
    const percent = d.percent.trim().replace(/%$/, '');
    if (percent !== '' && !(Number.isFinite(Number(percent)) && Number(percent) >= 0 && Number(percent) <= 100)) errors[d.period] = '节点目标的完成比例应是0到100之间的数字';
    else if (d.text.trim().length > 100) errors[d.period] = '节点目标内容不能超过100个字';
  }
  return errors;
}
