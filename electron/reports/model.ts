import type { Statement } from 'better-sqlite3';
import type { LedgerFilter, LedgerStatus } from '../../shared/api/ledger';
import { NOT_REPORTED } from '../../shared/api/ledger';
import type { MetAnswer, PaceAnswer, ReportEntry, ReportIndicator, ReportKind, ReportModel, ReportTask } from '../../shared/api/reports';
import { evaluateTarget } from '../../shared/domain/lights';
import { parsePeriod, periodLabel, type Period } from '../../shared/domain/period';
import type { Core } from '../core/core';
import { comparatorOf, indicatorSpec } from '../services/indicators';
import { direction, scopeIndicators } from '../services/dashboard-indicators';
import { applyFilter } from '../services/ledger-filter';
import { loadScope, type LedgerScope, type ScopedTask } from '../services/ledger-scope';
import { indicatorValueId } from '../core/ids';
import { statusOf, workflowOf } from '../services/progress-data';
import { countQuarter, quarterMarks, type LeadState, type QuarterState } from '../../shared/domain/quarter-state';

/*
 * The one model every report is drawn from: the ledger's scope and filter (so a report lists
 * exactly what 任务台账 shows with the same chips), each lead's narrative, indicators with
 * 是否达标, counts and 催办. Writers (xlsx, docx, csv, the print view) only lay it out.
 */

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const DIRECTION_LABELS = { up: '越高越好', down: '越低越好', band: '区间' } as const;

interface EntryText {
  readonly department_id: string | null;
  readonly status: string | null;
  readonly percent: number | null;
  readonly progress_text: string | null;
  readonly problems_text: string | null;
  readonly next_steps_text: string | null;
  readonly workflow_state: string | null;
}

const ENTRY_TEXTS_OF_TASK = `SELECT department_id, status, percent, progress_text, problems_text, next_steps_text, workflow_state
  FROM progress_reports WHERE task_id = ? AND period = ? AND deleted = 0`;

function parseUnits(json: string | null): string[] {
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : [];
}

const PACE_OF_STATE: Record<QuarterState, PaceAnswer> = { 已完成: '已完成', 按序时推进: '是', 滞后: '否', 未填报: '未填报' };

export function paceOf(task: Pick<ScopedTask, 'quarter'>): PaceAnswer {
  return PACE_OF_STATE[task.quarter.state];
}

/** Every lead's part, in lead order; text only where the entry counts (see reportEntry). */
function entriesOf(scope: LedgerScope, task: ScopedTask, statement: Statement): ReportEntry[] {
  const rows = statement.all(task.row.id, scope.period) as EntryText[];
  const byDepartment = new Map(rows.map((r) => [r.department_id, r]));
  return task.quarter.leads.map((lead) => {
    const row = lead.counted ? byDepartment.get(lead.departmentId) : undefined;
    const entry = byDepartment.get(lead.departmentId);
    return {
      departmentName: lead.departmentName,
      report: lead.kind,
      awaitingReview: lead.awaitingReview,
      late: lead.late,
      state: lead.state,
      light: lead.light,
      status: row ? statusOf(row.status) : NOT_REPORTED,
      percent: row?.percent ?? null,
      progress: meaningful(row?.progress_text),
      problems: meaningful(row?.problems_text),
      nextSteps: meaningful(row?.next_steps_text),
      workflowState: entry ? workflowOf(entry.workflow_state) : null,
    };
  });
}

/** A clerk's "无" or "暂无" means nothing to report: it must not be pasted into sentences. */
export function meaningful(text: string | null | undefined): string {
  const trimmed = (text ?? '').trim();
  return /^(无|暂无|没有|无。|暂无。|\/|—+|-+|无问题|暂无问题)$/.test(trimmed) ? '' : trimmed;
}

function reportTask(scope: LedgerScope, task: ScopedTask, statement: Statement, sectionLabel: (id: string | null) => string): ReportTask {
  const row = task.row;
  return {
    taskId: row.id,
    planId: row.plan_id,
    planTitle: row.plan_title ?? '',
    sectionId: row.section_id,
    sectionTitle: row.section_title,
    sectionLabel: sectionLabel(row.section_id),
    number: row.number ?? '',
    title: row.title ?? '',
    departments: task.leads.map((id) => scope.departmentNames.get(id) ?? ''),
    units: parseUnits(row.responsible_units),
    deadline: row.deadline,
    status: task.status,
    ...quarterMarks(task.quarter),
    light: task.light,
    percent: task.percent,
    overdue: task.overdue,
    pace: paceOf(task),
    entries: entriesOf(scope, task, statement),
  };
}

const fmt = (value: number) => String(Math.round(value * 100) / 100);

export function targetText(indicator: { comparator: string; targetValue: number | null; targetValueMax: number | null; unit: string }): string {
  if (indicator.targetValue === null) return '';
  const unit = indicator.unit;
  switch (indicator.comparator) {
    case '>=':
      return `≥${fmt(indicator.targetValue)}${unit}`;
    case '>':
      return `>${fmt(indicator.targetValue)}${unit}`;
    case '<=':
      return `≤${fmt(indicator.targetValue)}${unit}`;
    case '<':
      return `<${fmt(indicator.targetValue)}${unit}`;
    case 'between':
      return `${fmt(indicator.targetValue)}—${fmt(indicator.targetValueMax ?? indicator.targetValue)}${unit}`;
    default:
      return `${fmt(indicator.targetValue)}${unit}`;
  }
}

function quartersOfYear(period: Period): string[] {
  return Array.from({ length: period.quarter }, (_, i) => `${period.year}-Q${i + 1}`);
}

function reportIndicators(core: Core, scope: LedgerScope, filter: LedgerFilter): ReportIndicator[] {
  const period = parsePeriod(scope.period);
  const plans = new Map(scope.plans.map((p) => [p.id, p.title]));
  const valueById = core.db.prepare('SELECT value FROM indicator_values WHERE id = ? AND deleted = 0').pluck();
  return scopeIndicators(core, scope, filter).map((indicator) => {
    const row = indicator.row;
    const comparator = comparatorOf(row);
    const points = quartersOfYear(period).map((p) => ({ period: p, value: (valueById.get(indicatorValueId(row.id, scope.officeId, p)) as number | null | undefined) ?? null }));
    const spec = indicatorSpec(row);
    let met: MetAnswer = '无数据';
    if (spec && indicator.value !== null) {
      const state = evaluateTarget(spec, indicator.value, scope.context.settings).state;
      met = state === 'met' ? '是' : state === 'close' ? '接近' : '否';
    }
    const dir = direction(comparator);
    const base = { comparator, targetValue: row.target_value, targetValueMax: row.target_value_max, unit: row.unit ?? '' };
    return {
      indicatorId: row.id,
      planTitle: plans.get(row.plan_id ?? '') ?? '',
      name: indicator.name,
      unit: row.unit ?? '',
      comparator,
      direction: dir,
      directionLabel: DIRECTION_LABELS[dir],
      baselineValue: row.baseline_value,
      baselineYear: row.baseline_year,
      targetValue: row.target_value,
      targetValueMax: row.target_value_max,
      targetYear: row.target_year,
      targetText: targetText(base),
      departmentName: indicator.owner,
      points,
      value: indicator.value,
      completion: indicator.light.reason,
      met,
      light: indicator.light,
    };
  });
}

function countsOf(tasks: readonly ScopedTask[]): ReportModel['counts'] {
  const counts = { ...countQuarter(tasks.map((task) => task.quarter)), red: 0, yellow: 0, overdue: 0 };
  for (const task of tasks) {
    if (task.light.color === 'red') counts.red++;
    if (task.light.color === 'yellow') counts.yellow++;
    if (task.overdue) counts.overdue++;
  }
  return counts;
}

type ReminderItem = ReportModel['reminders'][number]['items'][number];

/** Why a lead is chased this quarter, or null: behind pace, 逾期未报, or returned and not resubmitted. */
function reminderOf(task: ScopedTask, lead: LeadState): Pick<ReminderItem, 'kind' | 'color' | 'status'> | null {
  const status: LedgerStatus = lead.counted && lead.entry ? lead.entry.status : NOT_REPORTED;
  if (lead.counted) return lead.state === '滞后' && (lead.light.color === 'red' || lead.light.color === 'yellow') ? { kind: 'behind', color: lead.light.color, status } : null;
  if (lead.kind === 'returned') return { kind: 'returned', color: 'grey', status };
  return lead.late ? { kind: 'late', color: 'grey', status } : null;
}

/** 催办 per lead department: behind first, then 逾期未报 and 已退回修改, each in document order. */
function remindersOf(tasks: readonly ScopedTask[]): ReportModel['reminders'] {
  const byDepartment = new Map<string, { name: string; items: ReminderItem[] }>();
  for (const task of tasks) {
    for (const lead of task.quarter.leads) {
      const why = reminderOf(task, lead);
      if (!why) continue;
      const group = byDepartment.get(lead.departmentId) ?? { name: lead.departmentName, items: [] };
      group.items.push({
        taskId: task.row.id,
        number: task.row.number ?? '',
        title: task.row.title ?? '',
        ...why,
        overdue: task.overdue,
        deadline: task.row.deadline,
        reason: lead.light.reason,
      });
      byDepartment.set(lead.departmentId, group);
    }
  }
  const rank = (item: ReminderItem) => (item.kind === 'behind' ? (item.color === 'red' ? 0 : 1) : item.kind === 'late' ? 2 : 3);
  return [...byDepartment.values()]
    .map((group) => ({ departmentName: group.name, items: group.items.map((item, order) => ({ item, order })).sort((a, b) => rank(a.item) - rank(b.item) || a.order - b.order).map((x) => x.item) }))
    .sort((a, b) => b.items.length - a.items.length || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

function scopeLabelOf(scope: LedgerScope, filter: LedgerFilter, tasks: readonly ScopedTask[]): { label: string; departmentName: string | null } {
  if (filter.departmentIds.length === 1) {
    const name = scope.departmentNames.get(filter.departmentIds[0]!) ?? '';
    return { label: name, departmentName: name };
  }
  if (filter.departmentIds.length > 1) {
    const names = filter.departmentIds.map((id) => scope.departmentNames.get(id) ?? '').filter(Boolean);
    return { label: names.join('、'), departmentName: null };
  }
  if (filter.sectionIds.length > 0) {
    const titles = [...new Set(tasks.filter((t) => t.row.section_id && filter.sectionIds.includes(t.row.section_id)).map((t) => t.row.section_title ?? ''))];
    return { label: titles.join('、'), departmentName: null };
  }
  // 渝北区卫生健康委 → 全区; a city commission → 全市; otherwise 全委.
  const office = scope.officeName;
  return { label: office.includes('区') ? '全区' : office.includes('市') ? '全市' : office.includes('县') ? '全县' : '全委', departmentName: null };
}

export interface ModelOptions {
  readonly kind: ReportKind;
  /** Report progress while reading narratives (the slow part for large ledgers). */
  readonly onProgress?: (done: number, total: number) => void;
}

export function buildReportModel(core: Core, filter: LedgerFilter, options: ModelOptions): ReportModel {
  const scope = loadScope(core, filter);
  const { tasks } = applyFilter(core, scope, filter);
  const period = parsePeriod(scope.period);
  const statement = core.db.prepare(ENTRY_TEXTS_OF_TASK);
  const labelStatement = core.db.prepare('SELECT label FROM sections WHERE id = ?').pluck();
  const labels = new Map<string, string>();
  const sectionLabel = (id: string | null): string => {
    if (id === null) return '';
    if (!labels.has(id)) labels.set(id, ((labelStatement.get(id) as string | null | undefined) ?? '').trim());
    return labels.get(id)!;
  };
  const reportTasks: ReportTask[] = [];
  for (const [index, task] of tasks.entries()) {
    reportTasks.push(reportTask(scope, task, statement, sectionLabel));
    if (options.onProgress && index % 500 === 499) options.onProgress(index + 1, tasks.length);
  }
  const indicators = reportIndicators(core, scope, filter);
  const indicatorCounts = { total: indicators.length, met: 0, close: 0, notMet: 0, noData: 0 };
  for (const indicator of indicators) {
    if (indicator.met === '是') indicatorCounts.met++;
    else if (indicator.met === '接近') indicatorCounts.close++;
    else if (indicator.met === '否') indicatorCounts.notMet++;
    else indicatorCounts.noData++;
  }
  const { label, departmentName } = scopeLabelOf(scope, filter, tasks);
  return {
    kind: options.kind,
    officeName: scope.officeName,
    period: scope.period,
    periodLabel: periodLabel(period),
    quarterLabel: QUARTER_NAMES[period.quarter - 1]!,
    asOf: scope.asOf,
    generatedAt: new Date(core.now()).toISOString(),
    scopeLabel: label,
    departmentName,
    plans: scope.plans.filter((p) => tasks.some((t) => t.row.plan_id === p.id) || filter.planIds.includes(p.id)).map((p) => ({ id: p.id, title: p.title })),
    tasks: reportTasks,
    includeSubmitted: scope.includeSubmitted,
    counts: countsOf(tasks),
    indicators,
    indicatorCounts,
    reminders: remindersOf(tasks),
  };
}
