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
import { isDoneStatus as isDone } from '../../shared/domain/progress-status';

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

export function paceOf(task: Pick<ScopedTask, 'status' | 'light'>): PaceAnswer {
  if (isDone(task.status)) return '已完成';
  if (task.status === NOT_REPORTED) return '未填报';
  if (task.light.color === 'green') return '是';
  if (task.light.color === 'yellow' || task.light.color === 'red') return '否';
  // Reported but not judged (暂缓 and the like).
  return '—';
}

function entriesOf(core: Core, scope: LedgerScope, task: ScopedTask, statement: Statement): ReportEntry[] {
  const rows = statement.all(task.row.id, scope.period) as EntryText[];
  const byDepartment = new Map(rows.map((r) => [r.department_id, r]));
  const entries: ReportEntry[] = [];
  for (const departmentId of task.leads) {
    const row = byDepartment.get(departmentId);
    if (!row) continue;
    entries.push({
      departmentName: scope.departmentNames.get(departmentId) ?? '',
      status: statusOf(row.status),
      percent: row.percent,
      progress: row.progress_text?.trim() ?? '',
      problems: row.problems_text?.trim() ?? '',
      nextSteps: row.next_steps_text?.trim() ?? '',
      workflowState: row.workflow_state ? workflowOf(row.workflow_state) : null,
    });
  }
  return entries;
}

function reportTask(core: Core, scope: LedgerScope, task: ScopedTask, statement: Statement, sectionLabel: (id: string | null) => string): ReportTask {
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
    light: task.light,
    percent: task.percent,
    overdue: task.overdue,
    pace: paceOf(task),
    entries: entriesOf(core, scope, task, statement),
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

function countsOf(tasks: readonly ReportTask[]): ReportModel['counts'] {
  const counts = { total: tasks.length, done: 0, onPace: 0, behind: 0, notReported: 0, other: 0, red: 0, yellow: 0, overdue: 0 };
  for (const task of tasks) {
    if (task.light.color === 'red') counts.red++;
    if (task.light.color === 'yellow') counts.yellow++;
    if (task.overdue) counts.overdue++;
    if (task.pace === '已完成') counts.done++;
    else if (task.pace === '未填报') counts.notReported++;
    else if (task.pace === '—') counts.other++;
    else if (task.pace === '是') counts.onPace++;
    else counts.behind++;
  }
  return counts;
}

/** 催办: each lead department's own red or yellow tasks, worst first, then in document order. */
function remindersOf(scope: LedgerScope, tasks: readonly ScopedTask[], departmentFilter: ReadonlySet<string>): ReportModel['reminders'] {
  const byDepartment = new Map<string, ReportModel['reminders'][number]['items']>();
  for (const task of tasks) {
    for (const lead of task.perLead) {
      if (departmentFilter.size > 0 && !departmentFilter.has(lead.departmentId)) continue;
      const color = lead.light.color;
      if (color !== 'red' && color !== 'yellow') continue;
      const status: LedgerStatus = lead.entry ? statusOf(lead.entry.status) : NOT_REPORTED;
      if (isDone(status)) continue;
      const items = byDepartment.get(lead.departmentId) ?? [];
      items.push({
        taskId: task.row.id,
        number: task.row.number ?? '',
        title: task.row.title ?? '',
        color,
        status,
        overdue: task.overdue,
        deadline: task.row.deadline,
        reason: lead.light.reason,
      });
      byDepartment.set(lead.departmentId, items);
    }
  }
  const rank = (color: 'red' | 'yellow') => (color === 'red' ? 0 : 1);
  return [...byDepartment]
    .map(([id, items]) => ({ departmentName: scope.departmentNames.get(id) ?? '', items: items.map((item, order) => ({ item, order })).sort((a, b) => rank(a.item.color) - rank(b.item.color) || a.order - b.order).map((x) => x.item) }))
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
    reportTasks.push(reportTask(core, scope, task, statement, sectionLabel));
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
    counts: countsOf(reportTasks),
    indicators,
    indicatorCounts,
    reminders: remindersOf(scope, tasks, new Set(filter.departmentIds)),
  };
}
