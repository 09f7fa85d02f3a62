import type { PlanDetail, PlanSummary, Section, Task } from '../../shared/api/plans';
import type { PlanKind } from '../../shared/domain/plan-kinds';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import type { Writer } from '../core/mutation';
import { AppError } from '../core/app-error';
import { newId } from '../core/ids';
import { parseDue } from '../../shared/parse/due';
import { milestoneColumn, milestonesOf } from './task-milestones';

/** The due date and years the lights read follow the deadline text (nothing when the deadline is not given). */
function dueOf(deadline: string | null | undefined) {
  if (deadline === undefined) return {};
  const due = parseDue(deadline || null);
  return { due_date: due?.date ?? null, due_from_year: due?.fromYear ?? null, due_to_year: due?.toYear ?? null };
}

interface PlanRow {
  id: string;
  kind: string | null;
  title: string | null;
  doc_number: string | null;
  issuer: string | null;
  issued_on: string | null;
  year_from: number | null;
  year_to: number | null;
  task_count: number;
}
interface SectionRow {
  id: string;
  plan_id: string;
  parent_id: string | null;
  label: string | null;
  title: string | null;
  sort_order: number | null;
}
interface TaskRow {
  id: string;
  plan_id: string;
  section_id: string | null;
  number: string | null;
  sort_order: number | null;
  title: string | null;
  text: string | null;
  deadline: string | null;
  lead_department_ids: string | null;
  responsible_units: string | null;
  milestones: string | null;
}

const PLAN_SELECT = `SELECT p.id, p.kind, p.title, p.doc_number, p.issuer, p.issued_on, p.year_from, p.year_to,
  (SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id AND t.deleted = 0) AS task_count
  FROM plans p WHERE p.deleted = 0`;

const toPlan = (row: PlanRow): PlanSummary => ({
  id: row.id,
  kind: (row.kind ?? 'other') as PlanKind,
  title: row.title ?? '',
  docNumber: row.doc_number,
  issuer: row.issuer,
  issuedOn: row.issued_on,
  yearFrom: row.year_from,
  yearTo: row.year_to,
  taskCount: row.task_count,
});

const toSection = (row: SectionRow): Section => ({
  id: row.id,
  planId: row.plan_id,
  parentId: row.parent_id,
  label: row.label ?? '',
  title: row.title ?? '',
  sortOrder: row.sort_order ?? 0,
});

const toTask = (row: TaskRow): Task => ({
  id: row.id,
  planId: row.plan_id,
  sectionId: row.section_id,
  number: row.number ?? '',
  sortOrder: row.sort_order ?? 0,
  title: row.title ?? '',
  text: row.text ?? '',
  deadline: row.deadline,
  leadDepartmentIds: row.lead_department_ids ? (JSON.parse(row.lead_department_ids) as string[]) : [],
  responsibleUnits: row.responsible_units ? (JSON.parse(row.responsible_units) as string[]) : [],
  milestones: milestonesOf(row.milestones),
});

function getPlan(core: Core, id: string): PlanSummary {
  const row = core.db.prepare(`${PLAN_SELECT} AND p.id = ?`).get(id) as PlanRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该计划，可能已被删除');
  return toPlan(row);
}

function getSection(core: Core, id: string): Section {
  const row = core.db.prepare('SELECT * FROM sections WHERE id = ? AND deleted = 0').get(id) as SectionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该章节，可能已被删除');
  return toSection(row);
}

function getTask(core: Core, id: string): Task {
  const row = core.db.prepare('SELECT * FROM tasks WHERE id = ? AND deleted = 0').get(id) as TaskRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该任务，可能已被删除');
  return toTask(row);
}

/** The years a task's milestones must fall in: its due years (after this edit's deadline) or its plan's. */
function taskYears(core: Core, id: string, deadline: string | null | undefined) {
  const row = core.db
    .prepare('SELECT t.due_from_year, t.due_to_year, p.year_from AS plan_year_from, p.year_to AS plan_year_to FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE t.id = ?')
    .get(id) as { due_from_year: number | null; due_to_year: number | null; plan_year_from: number | null; plan_year_to: number | null };
  return { ...row, ...dueOf(deadline) };
}

/** A section or department referenced by an edit must exist, or the edit is refused. */
function assertSectionInPlan(core: Core, sectionId: string | null | undefined, planId: string): void {
  if (sectionId == null) return;
  const section = getSection(core, sectionId);
  if (section.planId !== planId) throw new AppError('INVALID_ARGUMENT', '所选章节不属于该计划', { sectionId: '所选章节不属于该计划' });
}

function assertDepartmentsExist(core: Core, ids: readonly string[] | undefined): void {
  if (!ids) return;
  const lookup = core.db.prepare('SELECT 1 FROM departments WHERE id = ? AND deleted = 0');
  for (const id of ids) {
    if (!lookup.get(id)) throw new AppError('INVALID_ARGUMENT', '所选牵头科室不存在，请先在“设置”中添加', { leadDepartmentIds: '所选牵头科室不存在' });
  }
}

function nextSortOrder(core: Core, table: 'sections' | 'tasks', planId: string): number {
  const row = core.db.prepare(`SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM ${table} WHERE plan_id = ? AND deleted = 0`).get(planId) as { n: number };
  return row.n;
}

function definedOnly(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

export function planDetail(core: Core, id: string): PlanDetail {
  const plan = getPlan(core, id);
  const sections = (core.db.prepare('SELECT * FROM sections WHERE plan_id = ? AND deleted = 0 ORDER BY sort_order').all(id) as SectionRow[]).map(toSection);
  const tasks = (core.db.prepare('SELECT * FROM tasks WHERE plan_id = ? AND deleted = 0 ORDER BY sort_order').all(id) as TaskRow[]).map(toTask);
  return { plan, sections, tasks };
}

function deletePlanTree(writer: Writer, core: Core, planId: string): void {
  for (const table of ['tasks', 'sections'] as const) {
    const ids = core.db.prepare(`SELECT id FROM ${table} WHERE plan_id = ? AND deleted = 0`).pluck().all(planId) as string[];
    for (const id of ids) writer.remove(table, id);
  }
  writer.remove('plans', planId);
}

type PlanCalls =
  | 'plans.list'
  | 'plans.get'
  | 'plans.create'
  | 'plans.update'
  | 'plans.delete'
  | 'sections.create'
  | 'sections.update'
  | 'sections.delete'
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.delete';

export const planHandlers: HandlerMap<PlanCalls> = {
  'plans.list': ({ core }) => {
    core.requireIdentity();
    return (core.db.prepare(`${PLAN_SELECT} ORDER BY p.year_from DESC, p.title`).all() as PlanRow[]).map(toPlan);
  },

  'plans.get': ({ core }, args) => planDetail(core, args.id),

  'plans.create': ({ core }, args) => {
    const { officeId } = core.requireIdentity();
    const id = newId();
    core.mutations.run((writer) =>
      writer.insert('plans', id, {
        office_id: officeId,
        kind: args.kind,
        title: args.title,
        doc_number: args.docNumber || null,
        issuer: args.issuer || null,
        issued_on: args.issuedOn,
        year_from: args.yearFrom,
        year_to: args.yearTo,
      }),
    );
    return getPlan(core, id);
  },

  'plans.update': ({ core }, args) => {
    const current = getPlan(core, args.id);
    const yearFrom = args.yearFrom === undefined ? current.yearFrom : args.yearFrom;
    const yearTo = args.yearTo === undefined ? current.yearTo : args.yearTo;
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw new AppError('INVALID_ARGUMENT', '起始年份不能晚于结束年份', { yearTo: '起始年份不能晚于结束年份' });
    }
    core.mutations.run((writer) =>
      writer.update(
        'plans',
        args.id,
        definedOnly({
          kind: args.kind,
          title: args.title,
          doc_number: args.docNumber,
          issuer: args.issuer,
          issued_on: args.issuedOn,
          year_from: args.yearFrom,
          year_to: args.yearTo,
        }),
      ),
    );
    return getPlan(core, args.id);
  },

  'plans.delete': ({ core }, args) => {
    getPlan(core, args.id);
    core.mutations.run((writer) => deletePlanTree(writer, core, args.id));
    return null;
  },

  'sections.create': ({ core }, args) => {
    getPlan(core, args.planId);
    assertSectionInPlan(core, args.parentId, args.planId);
    const id = newId();
    core.mutations.run((writer) =>
      writer.insert('sections', id, {
        plan_id: args.planId,
        parent_id: args.parentId,
        label: args.label,
        title: args.title,
        sort_order: nextSortOrder(core, 'sections', args.planId),
      }),
    );
    return getSection(core, id);
  },

  'sections.update': ({ core }, args) => {
    const current = getSection(core, args.id);
    if (args.parentId === args.id) throw new AppError('INVALID_ARGUMENT', '章节不能作为自己的上级', { parentId: '章节不能作为自己的上级' });
    assertSectionInPlan(core, args.parentId, current.planId);
    core.mutations.run((writer) => writer.update('sections', args.id, definedOnly({ parent_id: args.parentId, label: args.label, title: args.title })));
    return getSection(core, args.id);
  },

  'sections.delete': ({ core }, args) => {
    const section = getSection(core, args.id);
    core.mutations.run((writer) => {
      // Children move up one level so no task disappears with its heading.
      const children = core.db.prepare('SELECT id FROM sections WHERE parent_id = ? AND deleted = 0').pluck().all(args.id) as string[];
      for (const child of children) writer.update('sections', child, { parent_id: section.parentId });
      const tasks = core.db.prepare('SELECT id FROM tasks WHERE section_id = ? AND deleted = 0').pluck().all(args.id) as string[];
      for (const taskId of tasks) writer.update('tasks', taskId, { section_id: section.parentId });
      writer.remove('sections', args.id);
    });
    return null;
  },

  'tasks.create': ({ core }, args) => {
    getPlan(core, args.planId);
    assertSectionInPlan(core, args.sectionId, args.planId);
    assertDepartmentsExist(core, args.leadDepartmentIds);
    const plan = getPlan(core, args.planId);
    const milestones = milestoneColumn(args.milestones, { ...dueOf(args.deadline), plan_year_from: plan.yearFrom, plan_year_to: plan.yearTo });
    const id = newId();
    core.mutations.run((writer) =>
      writer.insert('tasks', id, {
        plan_id: args.planId,
        section_id: args.sectionId,
        number: args.number,
        sort_order: nextSortOrder(core, 'tasks', args.planId),
        title: args.title,
        text: args.text,
        deadline: args.deadline || null,
        ...dueOf(args.deadline),
        lead_department_ids: args.leadDepartmentIds,
        responsible_units: args.responsibleUnits,
        milestones,
      }),
    );
    return getTask(core, id);
  },

  'tasks.update': ({ core }, args) => {
    const current = getTask(core, args.id);
    assertSectionInPlan(core, args.sectionId, current.planId);
    assertDepartmentsExist(core, args.leadDepartmentIds);
    const milestones = args.milestones === undefined ? undefined : milestoneColumn(args.milestones, taskYears(core, args.id, args.deadline));
    core.mutations.run((writer) =>
      writer.update(
        'tasks',
        args.id,
        definedOnly({
          section_id: args.sectionId,
          number: args.number,
          title: args.title,
          text: args.text,
          deadline: args.deadline === '' ? null : args.deadline,
          ...dueOf(args.deadline),
          lead_department_ids: args.leadDepartmentIds,
          responsible_units: args.responsibleUnits,
          milestones,
        }),
      ),
    );
    return getTask(core, args.id);
  },

  'tasks.delete': ({ core }, args) => {
    getTask(core, args.id);
    core.mutations.run((writer) => writer.remove('tasks', args.id));
    return null;
  },
};
