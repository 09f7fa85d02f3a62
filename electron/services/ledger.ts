import { countQuarter, type LeadState } from '../../shared/domain/quarter-state';
import type { CallResult } from '../../shared/api';
import type { DashboardSummary, LeadStateRow, LedgerFilter, LedgerRow, LedgerStatus, LightCounts } from '../../shared/api/ledger';
import { ledgerStatuses } from '../../shared/api/ledger';
import type { LightColor } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { dashboardIndicators, scopeIndicators } from './dashboard-indicators';
import { applyFilter, hlcTime } from './ledger-filter';
import { loadScope, type LedgerScope, type ScopedTask } from './ledger-scope';
import { midterm } from './midterm';

function units(json: string | null): string[] {
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : [];
}

function facets(scope: LedgerScope): CallResult<'ledger.query'>['facets'] {
  const plans = new Map<string, number>();
  const departments = new Map<string, number>();
  const sections = new Map<string, { planId: string; label: string; count: number }>();
  for (const task of scope.tasks) {
    plans.set(task.row.plan_id, (plans.get(task.row.plan_id) ?? 0) + 1);
    for (const id of task.leads) departments.set(id, (departments.get(id) ?? 0) + 1);
    if (task.row.section_id) {
      const section = sections.get(task.row.section_id) ?? { planId: task.row.plan_id, label: task.row.section_title ?? '', count: 0 };
      section.count++;
      sections.set(task.row.section_id, section);
    }
  }
  return {
    plans: scope.plans.filter((p) => plans.has(p.id)).map((p) => ({ id: p.id, label: p.title, count: plans.get(p.id)! })),
    departments: [...departments]
      .map(([id, count]) => ({ id, label: scope.departmentNames.get(id) ?? '', count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN')),
    sections: [...sections].map(([id, s]) => ({ id, planId: s.planId, label: s.label, count: s.count })),
  };
}

export function leadRow(lead: LeadState): LeadStateRow {
  return {
    departmentId: lead.departmentId,
    name: lead.departmentName,
    kind: lead.kind,
    counted: lead.counted,
    awaitingReview: lead.awaitingReview,
    late: lead.late,
    state: lead.state,
    light: lead.light,
  };
}

function toRow(scope: LedgerScope, task: ScopedTask, match: string | null, updatedAt: string | null): LedgerRow {
  const row = task.row;
  return {
    taskId: row.id,
    planId: row.plan_id,
    planTitle: row.plan_title ?? '',
    sectionId: row.section_id,
    sectionTitle: row.section_title,
    number: row.number ?? '',
    title: row.title ?? '',
    departments: task.leads.map((id) => ({ id, name: scope.departmentNames.get(id) ?? '' })),
    units: units(row.responsible_units),
    deadline: row.deadline,
    light: task.light,
    state: task.quarter.state,
    leads: task.quarter.leads.map(leadRow),
    partial: task.quarter.partial,
    status: task.status,
    percent: task.percent,
    workflowState: task.workflowState,
    updatedAt,
    overdue: task.overdue,
    match,
  };
}

function hasChips(filter: LedgerFilter): boolean {
  return (
    filter.planIds.length + filter.departmentIds.length + filter.sectionIds.length + filter.lights.length + filter.statuses.length + filter.states.length > 0 ||
    filter.overdue ||
    filter.search.trim() !== ''
  );
}

/** Tasks in the office's plans for the year, without reading them (the first screen's count). */
function countTasks(core: Core, scope: LedgerScope): number {
  const count = core.db.prepare('SELECT COUNT(*) FROM tasks WHERE plan_id = ? AND deleted = 0').pluck();
  return scope.plans.reduce((sum, plan) => sum + (count.get(plan.id) as number), 0);
}

export function ledgerQuery(core: Core, args: LedgerFilter & { limit: number | null }): CallResult<'ledger.query'> {
  const { limit, ...filter } = args;
  // Without chips the first screen is the first tasks in document order: read only those.
  const scope = loadScope(core, filter, limit !== null && !hasChips(filter) ? limit : null);
  const { tasks: matched, matches } = applyFilter(core, scope, filter);
  const tasks = limit !== null ? matched.slice(0, limit) : matched;
  return {
    complete: scope.complete && tasks.length === matched.length,
    period: scope.period,
    asOf: scope.asOf,
    officeId: scope.officeId,
    officeName: scope.officeName,
    total: scope.complete ? scope.tasks.length : countTasks(core, scope),
    rows: tasks.map((task) => toRow(scope, task, matches.get(task.row.id) ?? null, hlcTime(task.lastHlc))),
    facets: facets(scope),
  };
}

const emptyCounts = (): LightCounts => ({ green: 0, yellow: 0, red: 0, grey: 0 });

export function dashboardSummary(core: Core, filter: LedgerFilter): DashboardSummary {
  const scope = loadScope(core, filter);
  const { tasks } = applyFilter(core, scope, filter);
  const departmentFilter = new Set(filter.departmentIds);

  const byDepartment = new Map<string, LightCounts>();
  const bySection = new Map<string, LightCounts & { planId: string; title: string }>();
  const byStatus = new Map<LedgerStatus, number>();
  // Ordered by the HLC of the newest report (times alone tie within a second).
  const lagging: (DashboardSummary['lagging'][number] & { order: string })[] = [];
  const { total, ...counts } = countQuarter(tasks.map((task) => task.quarter));
  const cards = { tasks: total, ...counts, overdue: 0, indicatorsMet: 0, indicatorsClose: 0, indicatorsNotMet: 0, indicatorsNoData: 0 };

  for (const task of tasks) {
    const color: LightColor = task.light.color;
    if (task.overdue) cards.overdue++;
    byStatus.set(task.status, (byStatus.get(task.status) ?? 0) + 1);
    // Each department is judged on its own entry: a shared task counts once per lead.
    for (const lead of task.perLead) {
      if (departmentFilter.size > 0 && !departmentFilter.has(lead.departmentId)) continue;
      const counts = byDepartment.get(lead.departmentId) ?? emptyCounts();
      counts[lead.light.color]++;
      byDepartment.set(lead.departmentId, counts);
    }
    if (task.row.section_id) {
      const counts = bySection.get(task.row.section_id) ?? { ...emptyCounts(), planId: task.row.plan_id, title: task.row.section_title ?? '' };
      counts[color]++;
      bySection.set(task.row.section_id, counts);
    }
    if (color === 'red' || color === 'yellow') {
      lagging.push({
        order: task.lastHlc ?? '',
        kind: 'task',
        id: task.row.id,
        title: `${task.row.number ? `${task.row.number}. ` : ''}${task.row.title ?? ''}`,
        owners: task.leads.map((id) => scope.departmentNames.get(id) ?? ''),
        color,
        reason: task.light.reason,
        updatedAt: hlcTime(task.lastHlc),
      });
    }
  }

  for (const indicator of scopeIndicators(core, scope, filter)) {
    const color = indicator.light.color;
    if (color === 'green') cards.indicatorsMet++;
    else if (color === 'yellow') cards.indicatorsClose++;
    else if (color === 'red') cards.indicatorsNotMet++;
    else cards.indicatorsNoData++;
    if (color === 'red' || color === 'yellow') {
      lagging.push({
        order: indicator.updatedHlc ?? '',
        kind: 'indicator',
        id: indicator.id,
        title: indicator.name,
        owners: indicator.owner ? [indicator.owner] : [],
        color,
        reason: indicator.light.reason,
        updatedAt: indicator.updatedAt,
      });
    }
  }

  // Newest report first; red before yellow among equals; never-reported last.
  lagging.sort((a, b) => b.order.localeCompare(a.order) || (a.color === b.color ? 0 : a.color === 'red' ? -1 : 1) || a.title.localeCompare(b.title, 'zh-CN'));

  return {
    period: scope.period,
    asOf: scope.asOf,
    officeId: scope.officeId,
    officeName: scope.officeName,
    cards,
    byDepartment: [...byDepartment]
      .map(([departmentId, counts]) => ({ departmentId, name: scope.departmentNames.get(departmentId) ?? '', ...counts }))
      .sort((a, b) => b.red + b.yellow - (a.red + a.yellow) || a.name.localeCompare(b.name, 'zh-CN')),
    bySection: [...bySection].map(([sectionId, counts]) => ({ sectionId, ...counts })),
    byStatus: ledgerStatuses.filter((status) => byStatus.has(status)).map((status) => ({ status, count: byStatus.get(status)! })),
    lagging: lagging.map(({ order: _order, ...item }) => item),
  };
}

export const ledgerHandlers: HandlerMap<'ledger.query' | 'dashboard.summary' | 'dashboard.indicators' | 'dashboard.midterm'> = {
  'ledger.query': ({ core }, args) => ledgerQuery(core, args),
  'dashboard.summary': ({ core }, args) => dashboardSummary(core, args),
  'dashboard.indicators': ({ core }, args) => dashboardIndicators(core, args),
  'dashboard.midterm': ({ core }, args) => midterm(core, args.planId),
};
