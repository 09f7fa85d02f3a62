import type { LedgerFilter, LedgerStatus } from '../../shared/api/ledger';
import { NOT_REPORTED } from '../../shared/api/ledger';
import { asOfDate, dueOf, type TaskSpec } from '../../shared/domain/lights';
import { aggregateTask, type LeadState, type TaskQuarter } from '../../shared/domain/quarter-state';
import { parsePeriod, type Period } from '../../shared/domain/period';
import type { Light } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { leadIds, lightContext, statusOf, taskSpec, workflowOf, type LightContext, type TaskSpecSource } from './progress-data';

/*
 * One office's tasks for one quarter with their lights: what the ledger lists and the dashboard
 * counts. Every read goes through an index keyed by office, plan or task, so the work follows
 * the size of the office's year, not the size of the database.
 */

/** A task's columns the views need (its long text is read only for search excerpts). */
export interface ScopeTaskRow extends TaskSpecSource {
  readonly id: string;
  readonly plan_id: string;
  readonly section_id: string | null;
  readonly number: string | null;
  readonly sort_order: number | null;
  readonly lead_department_ids: string | null;
  readonly responsible_units: string | null;
  readonly plan_title: string | null;
  readonly section_title: string | null;
  readonly section_sort: number | null;
}

/** An entry's columns the lights need, with the HLC of its newest change. */
export interface ScopeEntry {
  readonly id: string;
  readonly task_id: string | null;
  readonly department_id: string | null;
  readonly status: string | null;
  readonly percent: number | null;
  readonly workflow_state: string | null;
  readonly last_hlc: string | null;
}

export interface ScopedTask {
  readonly row: ScopeTaskRow;
  readonly leads: string[];
  /** The task's quarter by the one aggregation rule (shared/domain/quarter-state.ts). */
  readonly quarter: TaskQuarter;
  /** Each lead department's own entry for the quarter (or none), its state and the light it earns. */
  readonly perLead: { departmentId: string; entry: ScopeEntry | null; light: Light; lead: LeadState }[];
  /** The worst counted lead's light, named by department when there are several; grey when none counted. */
  readonly light: Light;
  readonly status: LedgerStatus;
  readonly percent: number | null;
  readonly workflowState: ReturnType<typeof workflowOf> | null;
  readonly overdue: boolean;
  /** HLC of the newest change to any of the task's entries this quarter. */
  readonly lastHlc: string | null;
}

export interface LedgerScope {
  /** False when loading stopped at `limit` tasks (the first plans in document order). */
  readonly complete: boolean;
  readonly officeId: string;
  readonly officeName: string;
  readonly period: string;
  readonly asOf: string;
  /** Submitted entries count as reported (marked 待审核), not only approved ones. */
  readonly includeSubmitted: boolean;
  readonly context: LightContext;
  readonly plans: { id: string; title: string; kind: string | null; yearFrom: number | null; yearTo: number | null }[];
  readonly tasks: ScopedTask[];
  readonly departmentNames: Map<string, string>;
}

export const SECTIONS_OF_PLAN = 'SELECT id, title, sort_order FROM sections WHERE plan_id = ? AND deleted = 0';

export const TASKS_OF_PLAN = `SELECT id, plan_id, section_id, number, sort_order, title, deadline, due_date, due_from_year, due_to_year,
  lead_department_ids, milestones, responsible_units FROM tasks WHERE plan_id = ? AND deleted = 0`;

/** CROSS JOIN keeps the plan's tasks first: by period alone SQLite would read every office's entries. */
export const ENTRIES_OF_PLAN = `SELECT r.id, r.task_id, r.department_id, r.status, r.percent, r.workflow_state,
  (SELECT e.hlc FROM entry_clock e WHERE e.entry_id = r.id) AS last_hlc
  FROM tasks t CROSS JOIN progress_reports r ON r.task_id = t.id AND r.period = ?
  WHERE t.plan_id = ? AND t.deleted = 0 AND r.deleted = 0`;

export function resolveOffice(core: Core, officeId: string | null): { id: string; name: string } {
  const id = officeId ?? core.requireIdentity().officeId;
  const row = core.db.prepare('SELECT name FROM offices WHERE id = ? AND deleted = 0').get(id) as { name: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该单位，可能尚未收到它的数据');
  return { id, name: row.name ?? '' };
}

/** The office's plans whose years include the period's year (open-ended plans always), newest first. */
export const PLANS_COVERING = `SELECT id, title, kind, year_from, year_to FROM plans
  WHERE office_id = ? AND deleted = 0 AND (year_from IS NULL OR year_from <= ?)
    AND (COALESCE(year_to, year_from) IS NULL OR COALESCE(year_to, year_from) >= ?)
  ORDER BY year_from DESC, title, id`;

export function plansCovering(core: Core, officeId: string, year: number): LedgerScope['plans'] {
  const rows = core.db
    .prepare(PLANS_COVERING)
    .all(officeId, year, year) as { id: string; title: string | null; kind: string | null; year_from: number | null; year_to: number | null }[];
  return rows.map((r) => ({ id: r.id, title: r.title ?? '', kind: r.kind, yearFrom: r.year_from, yearTo: r.year_to }));
}

/** Names of the office's departments (and any other department a task names, e.g. after sync). */
function departmentNamesOf(core: Core, officeId: string, wanted: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of core.db.prepare('SELECT id, name FROM departments WHERE office_id = ?').all(officeId) as { id: string; name: string | null }[]) {
    names.set(row.id, row.name ?? '');
  }
  const byId = core.db.prepare('SELECT name FROM departments WHERE id = ?').pluck();
  for (const id of wanted) if (!names.has(id)) names.set(id, (byId.get(id) as string | null | undefined) ?? '已删除的科室');
  return names;
}

function judge(
  spec: TaskSpec,
  leads: string[],
  entries: Map<string, ScopeEntry> | undefined,
  period: Period,
  asOf: string,
  context: LightContext,
  includeSubmitted: boolean,
  names: Map<string, string>,
): Omit<ScopedTask, 'row' | 'leads'> {
  const inputs = leads.map((departmentId) => {
    const entry = entries?.get(departmentId) ?? null;
    return {
      departmentId,
      departmentName: names.get(departmentId) ?? '',
      entry: entry ? { status: statusOf(entry.status), percent: entry.percent, workflow: workflowOf(entry.workflow_state) } : null,
    };
  });
  const quarter = aggregateTask(inputs, { task: spec, period, asOf, today: context.today, settings: context.settings, includeSubmitted });
  let lastHlc: string | null = null;
  for (const departmentId of leads) {
    const hlc = entries?.get(departmentId)?.last_hlc ?? null;
    if (hlc !== null && (lastHlc === null || hlc > lastHlc)) lastHlc = hlc;
  }
  // Status, percent and workflow come from the counted lead that decided the state.
  const deciding = quarter.deciding ? (entries?.get(quarter.deciding.departmentId) ?? null) : null;
  const status: LedgerStatus = deciding ? statusOf(deciding.status) : NOT_REPORTED;
  const due = dueOf(spec, period);
  return {
    quarter,
    perLead: quarter.leads.map((lead) => ({ departmentId: lead.departmentId, entry: entries?.get(lead.departmentId) ?? null, light: lead.light, lead })),
    light: quarter.light,
    status,
    percent: deciding?.percent ?? null,
    workflowState: deciding ? workflowOf(deciding.workflow_state) : null,
    overdue: due !== null && asOf > due && quarter.state !== '已完成',
    lastHlc,
  };
}

/**
 * The scope; with `limit`, only the first `limit` tasks in document order (the first screen).
 * With a department filter a shared task is judged on those departments' entries only: a
 * department's ledger shows its own part of the task.
 */
export function loadScope(
  core: Core,
  filter: Pick<LedgerFilter, 'period' | 'officeId'> & Partial<Pick<LedgerFilter, 'includeSubmitted' | 'departmentIds'>>,
  limit: number | null = null,
): LedgerScope {
  const office = resolveOffice(core, filter.officeId);
  const period = parsePeriod(filter.period);
  const context = lightContext(core);
  const asOf = asOfDate(period, context.today);
  const plans = plansCovering(core, office.id, period.year);
  const sectionStatement = core.db.prepare(SECTIONS_OF_PLAN);
  const taskStatement = core.db.prepare(TASKS_OF_PLAN);
  const entryStatement = core.db.prepare(ENTRIES_OF_PLAN);
  const rows: ScopeTaskRow[] = [];
  const entries = new Map<string, Map<string, ScopeEntry>>();
  let complete = true;
  for (const plan of plans) {
    if (limit !== null && rows.length >= limit) {
      complete = false;
      break;
    }
    const sections = new Map((sectionStatement.all(plan.id) as { id: string; title: string | null; sort_order: number | null }[]).map((s) => [s.id, s]));
    const planRows = (taskStatement.all(plan.id) as Omit<ScopeTaskRow, 'plan_title' | 'plan_year_from' | 'plan_year_to' | 'section_title' | 'section_sort'>[]).map((task) => {
      const section = task.section_id ? sections.get(task.section_id) : undefined;
      return { ...task, plan_title: plan.title, plan_year_from: plan.yearFrom, plan_year_to: plan.yearTo, section_title: section?.title ?? null, section_sort: section ? (section.sort_order ?? 0) : 0 };
    });
    // Document order: section, then task (tasks of a deleted section sort with the unsectioned).
    planRows.sort((a, b) => a.section_sort! - b.section_sort! || (a.sort_order ?? 0) - (b.sort_order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    rows.push(...planRows);
    for (const entry of entryStatement.all(filter.period, plan.id) as ScopeEntry[]) {
      if (!entry.task_id || !entry.department_id) continue;
      let byDepartment = entries.get(entry.task_id);
      if (!byDepartment) entries.set(entry.task_id, (byDepartment = new Map()));
      byDepartment.set(entry.department_id, entry);
    }
  }
  if (limit !== null && rows.length > limit) {
    rows.length = limit;
    complete = false;
  }
  const leadsOf = new Map(rows.map((row) => [row.id, leadIds(row)]));
  const names = departmentNamesOf(core, office.id, new Set([...leadsOf.values()].flat()));
  const chosen = new Set(filter.departmentIds ?? []);
  const includeSubmitted = filter.includeSubmitted ?? false;
  const tasks = rows.map((row) => {
    const leads = leadsOf.get(row.id)!;
    const judged = chosen.size > 0 && leads.some((id) => chosen.has(id)) ? leads.filter((id) => chosen.has(id)) : leads;
    return { row, leads, ...judge(taskSpec(row), judged, entries.get(row.id), period, asOf, context, includeSubmitted, names) };
  });
  return { complete, includeSubmitted, officeId: office.id, officeName: office.name, period: filter.period, asOf, context, plans, tasks, departmentNames: names };
}
