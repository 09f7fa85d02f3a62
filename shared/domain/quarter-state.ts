import { taskLight, type StatusSettings, type TaskSpec } from './lights';
import { periodEndDate, type Period } from './period';
import { isDoneStatus, type Light, type TaskStatus, type WorkflowState } from './progress-status';

/*
 * The one rule that turns each lead department's entry into a task's quarter state. Every
 * surface (总览, 任务台账, 各单位对比, the reports, the print view, CSV and `cli status`) counts
 * through `aggregateTask` and `countQuarter`, so they cannot disagree.
 *
 * - Each lead reports its own entry. An entry counts as reported once the office approved it;
 *   with `includeSubmitted` a submitted entry counts too (marked 待审核). Drafts never count,
 *   and a returned entry is not progress (已退回修改) until the department submits it again.
 * - A task is judged on the entries that count: the worst of them decides the light and the
 *   state (滞后 over 按序时推进 over 已完成). A task no lead reported is 未填报 with the grey
 *   light: "did not report" is never 滞后 and never red.
 * - 部分科室未报: some but not all leads reported; the missing departments are named.
 * - After the reporting deadline (the office's grace days after the quarter's end) a lead
 *   that has not reported is 逾期未报 and goes on the 催办 list — distinct from 滞后.
 */

export const quarterStates = ['已完成', '按序时推进', '滞后', '未填报'] as const;
export type QuarterState = (typeof quarterStates)[number];

/** How a lead's entry stands for the counts. */
export const leadReportKinds = ['reported', 'pending-review', 'returned', 'draft', 'missing'] as const;
export type LeadReportKind = (typeof leadReportKinds)[number];

export const leadReportLabels: Record<LeadReportKind, string> = {
  reported: '已填报',
  'pending-review': '待审核',
  returned: '已退回修改',
  draft: '未提交',
  missing: '未填报',
};

export interface LeadEntry {
  readonly status: TaskStatus;
  readonly percent: number | null;
  readonly workflow: WorkflowState;
}

export interface LeadInput {
  readonly departmentId: string;
  readonly departmentName: string;
  readonly entry: LeadEntry | null;
}

export interface AggregationContext {
  readonly task: TaskSpec;
  readonly period: Period;
  /** The date lights are judged at (a past quarter's last day, or today). */
  readonly asOf: string;
  /** Today's date: the reporting deadline is a real date, not the judging date. */
  readonly today: string;
  /** The office's settings, including the reporting deadline's grace days. */
  readonly settings: StatusSettings;
  /** Count submitted (not yet approved) entries as reported, marked 待审核. */
  readonly includeSubmitted: boolean;
}

export interface LeadState {
  readonly departmentId: string;
  readonly departmentName: string;
  readonly kind: LeadReportKind;
  /** True when the entry counts as reported under the context's basis. */
  readonly counted: boolean;
  /** Counted and only submitted: shown as 待审核. */
  readonly awaitingReview: boolean;
  /** Not counted and past the reporting deadline (逾期未报); a submitted entry is never late. */
  readonly late: boolean;
  /** The lead's own state: its entry judged, or 未填报 when it does not count. */
  readonly state: QuarterState;
  /** The entry's own light when counted; grey with the reason it does not count otherwise. */
  readonly light: Light;
  readonly entry: LeadEntry | null;
}

export interface TaskQuarter {
  readonly state: QuarterState;
  /** The worst counted lead's light (named by department when there are several), grey when none counted. */
  readonly light: Light;
  readonly leads: readonly LeadState[];
  /** The counted lead that decided state and light, or null when none counted. */
  readonly deciding: LeadState | null;
  readonly reportedCount: number;
  /** 部分科室未报: at least one lead counted and at least one did not. */
  readonly partial: boolean;
  /** Names of leads whose report does not count (yet). */
  readonly missing: readonly string[];
  /** Names of leads 逾期未报. */
  readonly late: readonly string[];
  readonly returned: readonly string[];
  /** Names of leads whose submitted entry waits for the office (counted or not, by the basis). */
  readonly awaitingReview: readonly string[];
}

const stateRank: Record<QuarterState, number> = { 已完成: 0, 按序时推进: 1, 滞后: 2, 未填报: 3 };

/** The last day departments may report for a quarter: its end plus the grace days. */
export function reportingDeadline(period: Period, graceDays: number): string {
  const end = Date.parse(`${periodEndDate(period)}T00:00:00Z`);
  return new Date(end + graceDays * 86_400_000).toISOString().slice(0, 10);
}

function kindOf(entry: LeadEntry | null, includeSubmitted: boolean): { kind: LeadReportKind; counted: boolean } {
  if (!entry) return { kind: 'missing', counted: false };
  switch (entry.workflow) {
    case 'approved':
      return { kind: 'reported', counted: true };
    case 'submitted':
      return { kind: 'pending-review', counted: includeSubmitted };
    case 'returned':
      return { kind: 'returned', counted: false };
    default:
      return { kind: 'draft', counted: false };
  }
}

/** The state of a counted entry: done, or by its light (yellow and red are behind pace). */
export function stateOfLight(status: TaskStatus, light: Light): QuarterState {
  if (isDoneStatus(status)) return '已完成';
  return light.color === 'red' || light.color === 'yellow' ? '滞后' : '按序时推进';
}

function uncountedReason(name: string, kind: LeadReportKind, late: boolean, deadline: string): string {
  const who = name || '牵头科室';
  if (kind === 'returned') return `${who}的填报已退回修改，尚未重新提交`;
  if (kind === 'pending-review') return `${who}已提交，待办公室审核`;
  if (late) return `${who}逾期未报（报送截止${deadline}）`;
  return kind === 'draft' ? `${who}尚未提交本季度进展` : `${who}尚未填报本季度进展`;
}

export function leadState(input: LeadInput, context: AggregationContext, deadline: string): LeadState {
  const { kind, counted } = kindOf(input.entry, context.includeSubmitted);
  const late = !counted && kind !== 'pending-review' && context.today > deadline;
  if (counted && input.entry) {
    const light = taskLight(context.task, { status: input.entry.status, percent: input.entry.percent }, context.period, context.asOf, context.settings);
    return {
      departmentId: input.departmentId,
      departmentName: input.departmentName,
      kind,
      counted,
      awaitingReview: kind === 'pending-review',
      late: false,
      state: stateOfLight(input.entry.status, light),
      light,
      entry: input.entry,
    };
  }
  return {
    departmentId: input.departmentId,
    departmentName: input.departmentName,
    kind,
    counted: false,
    awaitingReview: false,
    late,
    state: '未填报',
    light: { color: 'grey', reason: uncountedReason(input.departmentName, kind, late, deadline) },
    entry: input.entry,
  };
}

const severity = { green: 0, grey: 1, yellow: 2, red: 3 } as const;

/** A task's quarter from its leads' entries (see the rule at the top of this file). */
export function aggregateTask(leads: readonly LeadInput[], context: AggregationContext): TaskQuarter {
  const deadline = reportingDeadline(context.period, context.settings.reportGraceDays);
  const states = leads.map((lead) => leadState(lead, context, deadline));
  const several = states.length > 1;
  let deciding: LeadState | null = null;
  for (const lead of states) {
    if (!lead.counted) continue;
    if (
      deciding === null ||
      stateRank[lead.state] > stateRank[deciding.state] ||
      (stateRank[lead.state] === stateRank[deciding.state] && severity[lead.light.color] > severity[deciding.light.color])
    ) {
      deciding = lead;
    }
  }
  const names = (pick: (lead: LeadState) => boolean) => states.filter(pick).map((lead) => lead.departmentName);
  const missing = names((lead) => !lead.counted);
  const reportedCount = states.length - missing.length;
  let light: Light;
  if (deciding) {
    light = several ? { color: deciding.light.color, reason: `${deciding.departmentName}：${deciding.light.reason}` } : deciding.light;
  } else if (states.length === 0) {
    light = { color: 'grey', reason: `“${context.task.title}”未指定牵头科室，无人填报` };
  } else if (!several) {
    light = states[0]!.light;
  } else {
    const late = names((lead) => lead.late);
    light = { color: 'grey', reason: late.length > 0 ? `${late.join('、')}逾期未报（报送截止${deadline}）` : `${missing.join('、')}均未填报本季度进展` };
  }
  return {
    state: deciding ? deciding.state : '未填报',
    light,
    leads: states,
    deciding,
    reportedCount,
    partial: reportedCount > 0 && missing.length > 0,
    missing,
    late: names((lead) => lead.late),
    returned: names((lead) => lead.kind === 'returned'),
    awaitingReview: names((lead) => lead.kind === 'pending-review'),
  };
}

export interface QuarterCounts {
  readonly total: number;
  readonly done: number;
  readonly onPace: number;
  readonly behind: number;
  readonly notReported: number;
  /** Tasks some but not all of whose leads reported (a mark, not a fifth state). */
  readonly partial: number;
  /** Tasks with at least one lead 逾期未报. */
  readonly late: number;
  /** Tasks with at least one submitted entry waiting for review. */
  readonly awaitingReview: number;
  /** Tasks with at least one returned entry. */
  readonly returned: number;
}

/** The counts every surface shows: done + onPace + behind + notReported = total. */
export function countQuarter(tasks: readonly Pick<TaskQuarter, 'state' | 'partial' | 'late' | 'awaitingReview' | 'returned'>[]): QuarterCounts {
  const counts = { total: tasks.length, done: 0, onPace: 0, behind: 0, notReported: 0, partial: 0, late: 0, awaitingReview: 0, returned: 0 };
  for (const task of tasks) {
    if (task.state === '已完成') counts.done++;
    else if (task.state === '按序时推进') counts.onPace++;
    else if (task.state === '滞后') counts.behind++;
    else counts.notReported++;
    if (task.partial) counts.partial++;
    if (task.late.length > 0) counts.late++;
    if (task.awaitingReview.length > 0) counts.awaitingReview++;
    if (task.returned.length > 0) counts.returned++;
  }
  return counts;
}

/** The task's state and marks as the contract carries them (names of departments, copied). */
export function quarterMarks(quarter: TaskQuarter) {
  return {
    state: quarter.state,
    partial: quarter.partial,
    missing: [...quarter.missing],
    late: [...quarter.late],
    returned: [...quarter.returned],
    awaitingReview: [...quarter.awaitingReview],
  };
}
