import type { LedgerFilter, LedgerStatus } from '../../shared/api/ledger';
import { NOT_REPORTED } from '../../shared/api/ledger';
import { asOfDate, dueOf } from '../../shared/domain/lights';
import { parsePeriod } from '../../shared/domain/period';
import type { Light } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { entryLight, leadIds, lightContext, snapshotOf, statusOf, taskSpec, workflowOf, worse, type EntryRow, type LightContext, type TaskRow } from './progress-data';

/*
 * One office's tasks for one quarter with their lights: what the ledger lists and the dashboard
 * counts. Every read goes through an index keyed by office, plan or task, so the work follows
 * the size of the office's year, not the size of the database.
 */

export interface ScopedTask {
  readonly row: TaskRow & { section_sort: number | null; responsible_units: string | null };
  readonly leads: string[];
  /** Each lead department's own entry for the quarter (or none) and the light it earns. */
  readonly perLead: { departmentId: string; entry: EntryRow | null; light: Light }[];
  /** The worst of the leads' lights, named by department when there are several. */
  readonly light: Light;
  readonly status: LedgerStatus;
  readonly percent: number | null;
  readonly workflowState: ReturnType<typeof workflowOf> | null;
  readonly overdue: boolean;
}

export interface LedgerScope {
  readonly officeId: string;
  readonly officeName: string;
  readonly period: string;
  readonly asOf: string;
  readonly context: LightContext;
  readonly plans: { id: string; title: string; kind: string | null; yearFrom: number | null; yearTo: number | null }[];
  readonly tasks: ScopedTask[];
  readonly departmentNames: Map<string, string>;
}

const DONE = new Set(['已完成', '已办结']);

export const TASKS_OF_PLAN = `SELECT t.id, t.plan_id, t.section_id, t.number, t.sort_order, t.title, t.text, t.deadline, t.due_date,
  t.due_from_year, t.due_to_year, t.lead_department_ids, t.milestones, t.carried_from_task_id, t.responsible_units,
  p.title AS plan_title, p.year_from AS plan_year_from, p.year_to AS plan_year_to,
  s.title AS section_title, s.sort_order AS section_sort
  FROM tasks t JOIN plans p ON p.id = t.plan_id
  LEFT JOIN sections s ON s.id = t.section_id AND s.deleted = 0
  WHERE t.plan_id = ? AND t.deleted = 0
  ORDER BY COALESCE(s.sort_order, 0), t.sort_order, t.id`;

/** CROSS JOIN keeps the plan's tasks first: by period alone SQLite would read every office's entries. */
export const ENTRIES_OF_PLAN = `SELECT r.* FROM tasks t CROSS JOIN progress_reports r ON r.task_id = t.id AND r.period = ?
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

function judge(task: ScopedTask['row'], leads: string[], entries: Map<string, EntryRow>, period: string, asOf: string, context: LightContext, names: Map<string, string>): Omit<ScopedTask, 'row' | 'leads'> {
  const perLead = leads.map((departmentId) => {
    const entry = entries.get(departmentId) ?? null;
    return { departmentId, entry, light: entryLight(task, entry ? snapshotOf(entry) : null, period, context) };
  });
  let worst: (typeof perLead)[number] | null = null;
  let light: Light | null = null;
  for (const lead of perLead) {
    const named = perLead.length > 1 ? { color: lead.light.color, reason: `${names.get(lead.departmentId) ?? ''}：${lead.light.reason}` } : lead.light;
    const next: Light = light ? worse(light, named) : named;
    if (next !== light) worst = lead;
    light = next;
  }
  light ??= entryLight(task, null, period, context);
  // Status and percent come from the lead that decided the light: the one furthest behind.
  const entry = worst?.entry ?? null;
  const status: LedgerStatus = entry ? statusOf(entry.status) : NOT_REPORTED;
  const due = dueOf(taskSpec(task), parsePeriod(period));
  return {
    perLead,
    light,
    status,
    percent: entry?.percent ?? null,
    workflowState: entry ? workflowOf(entry.workflow_state) : null,
    overdue: due !== null && asOf > due && !DONE.has(status),
  };
}

export function loadScope(core: Core, filter: Pick<LedgerFilter, 'period' | 'officeId'>): LedgerScope {
  const office = resolveOffice(core, filter.officeId);
  const { year } = parsePeriod(filter.period);
  const context = lightContext(core);
  const asOf = asOfDate(parsePeriod(filter.period), context.today);
  const plans = plansCovering(core, office.id, year);
  const taskStatement = core.db.prepare(TASKS_OF_PLAN);
  const entryStatement = core.db.prepare(ENTRIES_OF_PLAN);
  const rows: ScopedTask['row'][] = [];
  const entries = new Map<string, Map<string, EntryRow>>();
  for (const plan of plans) {
    rows.push(...(taskStatement.all(plan.id) as ScopedTask['row'][]));
    for (const entry of entryStatement.all(filter.period, plan.id) as EntryRow[]) {
      if (!entry.task_id || !entry.department_id) continue;
      let byDepartment = entries.get(entry.task_id);
      if (!byDepartment) entries.set(entry.task_id, (byDepartment = new Map()));
      byDepartment.set(entry.department_id, entry);
    }
  }
  const leadsOf = new Map(rows.map((row) => [row.id, leadIds(row)]));
  const names = departmentNamesOf(core, office.id, new Set([...leadsOf.values()].flat()));
  const tasks = rows.map((row) => {
    const leads = leadsOf.get(row.id)!;
    return { row, leads, ...judge(row, leads, entries.get(row.id) ?? new Map(), filter.period, asOf, context, names) };
  });
  return { officeId: office.id, officeName: office.name, period: filter.period, asOf, context, plans, tasks, departmentNames: names };
}
