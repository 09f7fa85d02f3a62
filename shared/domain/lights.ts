import type { Light } from './progress-status';
import type { TaskStatus } from './progress-status';
import { formatPeriod, parsePeriod, periodEndDate, periodLabel, type Period } from './period';

/**
 * Status lights, direction-aware. For ≥ targets higher is better, for ≤ targets lower is
 * better; progress runs from the baseline towards the target in either direction.
 *
 * Defaults (configurable per office, and the tolerance per indicator):
 * - closeTolerance 0.05: a value within 5% of the target (relative to the target, or to the
 *   baseline-to-target gap when that is larger) is "close" — yellow, not red. Clerks round
 *   figures and quarterly data lag; 5% separates rounding from real shortfalls.
 * - paceTolerance 0.10: a task or cumulative indicator up to 10 percentage points behind the
 *   expected pace (序时进度) is yellow; more is red. One quarter is 25 points, so 10 points is
 *   well under half a quarter behind.
 * - dueSoonDays 30: a task due within 30 days and not done is yellow.
 */
export interface StatusSettings {
  readonly closeTolerance: number;
  readonly paceTolerance: number;
  readonly dueSoonDays: number;
  /** Days after a quarter's end by which departments report; later a missing report is 逾期未报. */
  readonly reportGraceDays: number;
  readonly defaultPace: readonly [number, number, number, number];
}

export const defaultStatusSettings: StatusSettings = {
  closeTolerance: 0.05,
  paceTolerance: 0.1,
  dueSoonDays: 30,
  reportGraceDays: 10,
  defaultPace: [0.25, 0.5, 0.75, 1],
};

export type Comparator = '>=' | '<=' | '=' | '>' | '<' | 'between';
export type TargetState = 'met' | 'close' | 'not-met';

export interface TargetSpec {
  readonly name: string;
  readonly unit: string;
  readonly comparator: Comparator;
  readonly value: number;
  readonly valueMax: number | null;
  readonly baseline: number | null;
  /** Per-indicator override of settings.closeTolerance. */
  readonly tolerance?: number | null;
}

export interface TargetEvaluation {
  readonly state: TargetState;
  /** Share of the way from baseline to target (1 = reached); null without a baseline or for = / between. */
  readonly progress: number | null;
  readonly light: Light;
}

const fmt = (value: number) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000));
const withUnit = (value: number, unit: string) => `${fmt(value)}${unit}`;

/** Which way is better: up for ≥ and >, down for ≤ and <, towards the value or range otherwise. */
export function directionOf(comparator: Comparator): 'up' | 'down' | 'exact' {
  if (comparator === '>=' || comparator === '>') return 'up';
  if (comparator === '<=' || comparator === '<') return 'down';
  return 'exact';
}

function closeMargin(spec: TargetSpec, settings: StatusSettings): number {
  const tolerance = spec.tolerance ?? settings.closeTolerance;
  const gap = spec.baseline === null ? 0 : Math.abs(spec.value - spec.baseline);
  return tolerance * Math.max(Math.abs(spec.value), gap, 1e-9);
}

/** Is the actual value on the right side of the target, near it, or short? */
export function evaluateTarget(spec: TargetSpec, actual: number, settings: StatusSettings = defaultStatusSettings): TargetEvaluation {
  const margin = closeMargin(spec, settings);
  const target = withUnit(spec.value, spec.unit);
  const now = withUnit(actual, spec.unit);
  const direction = directionOf(spec.comparator);
  let state: TargetState;
  let reason: string;
  switch (spec.comparator) {
    case '>=':
    case '>': {
      const met = spec.comparator === '>=' ? actual >= spec.value : actual > spec.value;
      state = met ? 'met' : actual >= spec.value - margin ? 'close' : 'not-met';
      reason = met ? `${spec.name} ${now}，已达到目标${target}（越高越好）` : `${spec.name} ${now}，低于目标${target}（越高越好）`;
      break;
    }
    case '<=':
    case '<': {
      const met = spec.comparator === '<=' ? actual <= spec.value : actual < spec.value;
      state = met ? 'met' : actual <= spec.value + margin ? 'close' : 'not-met';
      reason = met ? `${spec.name} ${now}，控制在目标${target}以内（越低越好）` : `${spec.name} ${now}，高于目标${target}（越低越好）`;
      break;
    }
    case '=': {
      const off = Math.abs(actual - spec.value);
      state = off === 0 ? 'met' : off <= margin ? 'close' : 'not-met';
      reason = state === 'met' ? `${spec.name} ${now}，等于目标${target}` : `${spec.name} ${now}，偏离目标${target}`;
      break;
    }
    case 'between': {
      const max = spec.valueMax ?? spec.value;
      const inside = actual >= spec.value && actual <= max;
      const off = inside ? 0 : actual < spec.value ? spec.value - actual : actual - max;
      state = inside ? 'met' : off <= margin ? 'close' : 'not-met';
      const range = `${fmt(spec.value)}—${withUnit(max, spec.unit)}`;
      reason = inside ? `${spec.name} ${now}，在目标区间${range}之内` : `${spec.name} ${now}，不在目标区间${range}之内`;
      break;
    }
  }
  const progress = direction === 'exact' || spec.baseline === null || spec.value === spec.baseline ? null : (actual - spec.baseline) / (spec.value - spec.baseline);
  return { state, progress, light: { color: state === 'met' ? 'green' : state === 'close' ? 'yellow' : 'red', reason } };
}

export interface IndicatorSpec extends TargetSpec {
  readonly accumulation: 'cumulative' | 'point';
  /** Expected share of the annual target by the end of each quarter. */
  readonly pace: readonly number[] | null;
}

/** Expected share of a cumulative annual target by the end of a quarter (序时进度). */
export function expectedShare(spec: Pick<IndicatorSpec, 'pace'>, quarter: number, settings: StatusSettings = defaultStatusSettings): number {
  const pace = spec.pace && spec.pace.length === 4 ? spec.pace : settings.defaultPace;
  return pace[quarter - 1] ?? 1;
}

/**
 * The light of an indicator value in a period. A point-in-time value (婴儿死亡率, 健康素养水平)
 * is judged against the target directly; a cumulative count (救护培训3万人次) against the
 * share of the target that should be reached by then.
 */
export function indicatorLight(spec: IndicatorSpec, value: number | null, period: Period | null, settings: StatusSettings = defaultStatusSettings): Light {
  if (value === null) return { color: 'grey', reason: `${spec.name}本期尚未填报` };
  if (spec.accumulation === 'point' || period === null || directionOf(spec.comparator) !== 'up') return evaluateTarget(spec, value, settings).light;
  const share = expectedShare(spec, period.quarter, settings);
  const expected = spec.value * share;
  const done = spec.value === 0 ? 1 : value / spec.value;
  const label = formatPeriod(period);
  if (value >= spec.value) return { color: 'green', reason: `${spec.name}累计${withUnit(value, spec.unit)}，已完成全年目标${withUnit(spec.value, spec.unit)}` };
  const behind = share - done;
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  if (behind <= 0) return { color: 'green', reason: `${spec.name}累计${withUnit(value, spec.unit)}，完成全年目标的${percent(done)}，达到${label}序时进度${percent(share)}` };
  const color = behind <= (spec.tolerance ?? settings.paceTolerance) ? 'yellow' : 'red';
  return { color, reason: `${spec.name}累计${withUnit(value, spec.unit)}，完成全年目标的${percent(done)}，落后于${label}序时进度${percent(share)}（应达${withUnit(Math.round(expected * 100) / 100, spec.unit)}）` };
}

export interface TaskDue {
  readonly date: string | null;
  readonly fromYear: number | null;
  readonly toYear: number | null;
}

export interface Milestone {
  /** `2025-Q2` */
  readonly period: string;
  readonly text: string;
  /** Expected 完成比例 (0–100) at the end of that quarter; absent or null = equal weight per milestone. */
  readonly percent?: number | null;
}

/** “节点目标（2025年第二季度）：完成方案，应完成40%” — names the milestone a light is judged against. */
export function milestoneLabel(milestone: Milestone): string {
  const text = milestone.text.trim();
  const percent = milestone.percent === null || milestone.percent === undefined ? '' : `${text ? '，' : ''}应完成${fmt(milestone.percent)}%`;
  return `节点目标（${periodLabel(parsePeriod(milestone.period))}）：${text}${percent}`;
}

export interface TaskSpec {
  readonly title: string;
  readonly due: TaskDue | null;
  readonly milestones: readonly Milestone[] | null;
  /** The plan's years, used when the task has no deadline of its own. */
  readonly planYearFrom: number | null;
  readonly planYearTo: number | null;
}

export interface EntrySnapshot {
  readonly status: TaskStatus;
  readonly percent: number | null;
}

/** The date lights are judged at: a past quarter's last day, or today for the current quarter. */
export function asOfDate(period: Period, today: string): string {
  const end = periodEndDate(period);
  return today < end ? today : end;
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function startOf(task: TaskSpec, period: Period): string {
  const year = task.due?.fromYear ?? task.planYearFrom ?? period.year;
  return `${year}-01-01`;
}

export function dueOf(task: TaskSpec, period: Period): string | null {
  if (task.due?.date) return task.due.date;
  const year = task.due?.toYear ?? task.planYearTo;
  if (year) return `${year}-12-31`;
  return `${period.year}-12-31`;
}

/**
 * How far along a task should be at `asOf`: its milestones if it has them, else elapsed time
 * from the start of its years to its deadline. With milestones the share is the percent of the
 * last milestone due by then (0 before the first); one without a percent counts as an equal
 * step (the share of milestones due by then).
 */
export function expectedTaskShare(task: TaskSpec, period: Period, asOf: string): { share: number; milestone: Milestone | null } {
  if (task.milestones && task.milestones.length > 0) {
    const sorted = [...task.milestones].sort((a, b) => (a.period < b.period ? -1 : 1));
    const due = sorted.filter((m) => periodEndDate(parsePeriod(m.period)) <= asOf);
    const last = due.at(-1) ?? null;
    if (last === null) return { share: 0, milestone: null };
    const percent = last.percent;
    const share = percent === null || percent === undefined ? due.length / sorted.length : Math.min(1, Math.max(0, percent / 100));
    return { share, milestone: last };
  }
  const start = dayNumber(startOf(task, period));
  const end = dayNumber(dueOf(task, period)!);
  const now = dayNumber(asOf);
  if (end <= start) return { share: now >= end ? 1 : 0, milestone: null };
  return { share: Math.min(1, Math.max(0, (now - start + 1) / (end - start + 1))), milestone: null };
}

/**
 * A task's light at `asOf`: green when done or on pace; yellow when a little behind or due
 * within 30 days; red when overdue, far behind or reported 滞后; grey when not started and not
 * yet due. Every light carries one sentence that says why.
 */
export function taskLight(task: TaskSpec, entry: EntrySnapshot | null, period: Period, asOf: string, settings: StatusSettings = defaultStatusSettings): Light {
  const due = dueOf(task, period);
  const overdue = due !== null && asOf > due;
  const daysLeft = due === null ? null : dayNumber(due) - dayNumber(asOf);
  const done = entry?.status === '已完成' || entry?.status === '已办结';
  if (done) return { color: 'green', reason: `“${task.title}”已完成` };
  if (entry?.status === '滞后') return { color: 'red', reason: `“${task.title}”报告为滞后` };
  if (overdue) return { color: 'red', reason: `“${task.title}”已超过完成时限（${due}）仍未完成` };
  if (entry?.status === '长期坚持') return { color: 'green', reason: `“${task.title}”为长期坚持的工作，正常推进` };
  if (entry?.status === '暂缓') return { color: 'yellow', reason: `“${task.title}”报告为暂缓` };
  const { share, milestone } = expectedTaskShare(task, period, asOf);
  const expectedPercent = Math.round(share * 100);
  // A milestone with its own percent is named in every pace sentence; plain milestones keep the older wording.
  const named = milestone && milestone.percent !== null && milestone.percent !== undefined ? `（${milestoneLabel(milestone)}）` : '';
  if (!entry || entry.status === '未启动') {
    if (share === 0 || (milestone === null && (task.milestones?.length ?? 0) > 0)) return { color: 'grey', reason: `“${task.title}”尚未启动，还未到时限` };
    if (daysLeft !== null && daysLeft <= settings.dueSoonDays) return { color: 'red', reason: `“${task.title}”距完成时限只剩${daysLeft}天，仍未启动` };
    return share > settings.paceTolerance
      ? { color: 'red', reason: `“${task.title}”尚未启动，序时进度应达${expectedPercent}%${named}` }
      : { color: 'yellow', reason: `“${task.title}”尚未启动，序时进度应达${expectedPercent}%${named}` };
  }
  const percent = entry.percent;
  if (percent !== null) {
    // Judged in the whole percents the clerk reads: 30% against a 序时 of 30.1% is on pace.
    const behind = (expectedPercent - percent) / 100;
    if (behind > settings.paceTolerance) {
      return { color: 'red', reason: `“${task.title}”完成${fmt(percent)}%，落后于序时进度${expectedPercent}%${named || (milestone ? `（节点：${milestone.text}）` : '')}` };
    }
    if (behind > 0) return { color: 'yellow', reason: `“${task.title}”完成${fmt(percent)}%，略低于序时进度${expectedPercent}%${named}` };
  }
  if (daysLeft !== null && daysLeft <= settings.dueSoonDays) return { color: 'yellow', reason: `“${task.title}”距完成时限还有${daysLeft}天，尚未完成` };
  return { color: 'green', reason: percent === null ? `“${task.title}”正在推进` : `“${task.title}”完成${fmt(percent)}%，符合序时进度${expectedPercent}%${named}` };
}

export type ValueKind = 'proportion' | 'rate' | 'count' | 'amount' | 'growth' | 'other';

export const valueKindLabels: Record<ValueKind, string> = {
  proportion: '比例（率、水平、占比）',
  rate: '发生率（‰、/10万）',
  count: '数量（个、家、人次）',
  amount: '金额',
  growth: '增长率',
  other: '其他数值',
};

/**
 * Check a value against its indicator's kind. Returns a Chinese message naming the rule and
 * how to change the kind, or null when the value is acceptable.
 */
export function checkValue(kind: ValueKind, unit: string, value: number): string | null {
  if (!Number.isFinite(value)) return '数值必须是有限的数字';
  const change = '如该指标类型不对，可在“指标”页修改指标类型。';
  if (kind === 'proportion') {
    const max = unit === '‰' ? 1000 : 100;
    if (value < 0 || value > max) return `该指标是比例（单位${unit || '%'}），数值应在0到${max}之间。${change}`;
  }
  if (kind === 'rate' && value < 0) return `该指标是发生率，不能为负数。${change}`;
  if (kind === 'count') {
    if (value < 0) return `该指标是数量，不能为负数。${change}`;
    if (!Number.isInteger(value)) return `该指标是数量，应为整数。${change}`;
  }
  if (kind === 'amount' && value < 0) return `该指标是金额，不能为负数。${change}`;
  return null;
}

/** A value that jumps by more than `factor` times from the previous period earns a warning (not a block). */
export function outlierWarning(previous: number | null, value: number, factor = 3): string | null {
  if (previous === null || previous === 0 || value === 0) return null;
  const ratio = value / previous;
  if (ratio > factor || ratio < 1 / factor) return `本期数值${fmt(value)}与上期${fmt(previous)}相差超过${factor}倍，请核对是否填写有误`;
  return null;
}
