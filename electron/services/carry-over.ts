import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import type { Writer } from '../core/mutation';
import { AppError } from '../core/app-error';
import { newId } from '../core/ids';

interface PlanRow {
  id: string;
  office_id: string | null;
  kind: string | null;
  title: string | null;
  year_from: number | null;
  year_to: number | null;
}

interface SectionRow {
  id: string;
  parent_id: string | null;
  label: string | null;
  title: string | null;
}

interface SourceTask {
  id: string;
  plan_id: string;
  section_id: string | null;
  number: string | null;
  title: string | null;
  text: string | null;
  deadline: string | null;
  due_date: string | null;
  due_from_year: number | null;
  due_to_year: number | null;
  lead_department_ids: string | null;
  responsible_units: string | null;
  group_name: string | null;
}

function planRow(core: Core, id: string): PlanRow {
  const row = core.db.prepare('SELECT id, office_id, kind, title, year_from, year_to FROM plans WHERE id = ? AND deleted = 0').get(id) as PlanRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该计划，可能已被删除');
  return row;
}

/** "渝北区卫生健康委2025年工作要点" → "渝北区卫生健康委2026年工作要点"; a title without the year gets it in front. */
export function nextYearTitle(title: string, fromYear: number | null, nextYear: number): string {
  if (fromYear !== null && title.includes(String(fromYear))) return title.split(String(fromYear)).join(String(nextYear));
  return `${nextYear}年${title.replace(/^(19|20)\d\d年/, '')}`;
}

function nextSortOrder(core: Core, table: 'sections' | 'tasks', planId: string): number {
  const row = core.db.prepare(`SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM ${table} WHERE plan_id = ? AND deleted = 0`).get(planId) as { n: number };
  return row.n;
}

/** The plan the tasks go to: the given one, or next year's plan of the same kind (found or created). */
function targetPlan(core: Core, writer: Writer, from: PlanRow, toPlanId: string | null): string {
  if (toPlanId) {
    if (toPlanId === from.id) throw new AppError('INVALID_ARGUMENT', '不能结转到同一个计划，请选择下一年度的计划', { toPlanId: '不能结转到同一个计划' });
    planRow(core, toPlanId);
    return toPlanId;
  }
  const lastYear = from.year_to ?? from.year_from ?? new Date(core.now()).getFullYear();
  const span = from.year_from !== null && from.year_to !== null ? from.year_to - from.year_from : 0;
  const yearFrom = lastYear + 1;
  const title = nextYearTitle(from.title ?? '', from.year_to ?? from.year_from, yearFrom);
  const existing = core.db.prepare('SELECT id FROM plans WHERE deleted = 0 AND kind IS ? AND title = ? AND year_from IS ?').pluck().get(from.kind, title, yearFrom) as string | undefined;
  if (existing) return existing;
  const { officeId } = core.requireIdentity();
  const id = newId();
  writer.insert('plans', id, { office_id: from.office_id ?? officeId, kind: from.kind, title, year_from: yearFrom, year_to: yearFrom + span });
  return id;
}

/** The same heading (label and title, with its parents) in the target plan, created when missing. */
function matchingSection(core: Core, writer: Writer, sectionId: string | null, planId: string, made: Map<string, string | null>): string | null {
  if (!sectionId) return null;
  if (made.has(sectionId)) return made.get(sectionId)!;
  const source = core.db.prepare('SELECT id, parent_id, label, title FROM sections WHERE id = ? AND deleted = 0').get(sectionId) as SectionRow | undefined;
  if (!source) return null;
  const parent = matchingSection(core, writer, source.parent_id, planId, made);
  let id = core.db
    .prepare('SELECT id FROM sections WHERE plan_id = ? AND deleted = 0 AND parent_id IS ? AND label IS ? AND title IS ?')
    .pluck()
    .get(planId, parent, source.label, source.title) as string | undefined;
  if (!id) {
    id = newId();
    writer.insert('sections', id, { plan_id: planId, parent_id: parent, label: source.label, title: source.title, sort_order: nextSortOrder(core, 'sections', planId) });
  }
  made.set(sectionId, id);
  return id;
}

export const carryOverHandlers: HandlerMap<'plans.carryOver'> = {
  'plans.carryOver': ({ core }, args) => {
    const from = planRow(core, args.fromPlanId);
    if (args.taskIds.length === 0) throw new AppError('INVALID_ARGUMENT', '请选择要结转的任务', { taskIds: '请选择要结转的任务' });
    const lookup = core.db.prepare('SELECT * FROM tasks WHERE id = ? AND deleted = 0');
    const tasks = [...new Set(args.taskIds)].map((id) => {
      const task = lookup.get(id) as SourceTask | undefined;
      if (!task) throw new AppError('NOT_FOUND', '找不到要结转的任务，可能已被删除');
      if (task.plan_id !== from.id) throw new AppError('INVALID_ARGUMENT', `任务“${task.title ?? ''}”不属于该计划`, { taskIds: '所选任务不属于该计划' });
      return task;
    });
    return core.mutations.run((writer) => {
      const planId = targetPlan(core, writer, from, args.toPlanId);
      const target = planRow(core, planId);
      const sections = new Map<string, string | null>();
      let carried = 0;
      for (const task of tasks) {
        // Carrying the same task twice into one plan keeps one copy.
        const already = core.db.prepare('SELECT 1 FROM tasks WHERE plan_id = ? AND carried_from_task_id = ? AND deleted = 0').get(planId, task.id);
        if (already) continue;
        // A deadline that passed before the new plan starts would light red all year: the new plan's years apply instead
        // (stored explicitly, so the old deadline text is kept for reference but not re-read as the due date).
        const dueYear = task.due_to_year ?? (task.due_date ? Number(task.due_date.slice(0, 4)) : null);
        const keepDue = dueYear !== null && (target.year_from === null || dueYear >= target.year_from);
        writer.insert('tasks', newId(), {
          plan_id: planId,
          section_id: matchingSection(core, writer, task.section_id, planId, sections),
          number: task.number,
          sort_order: nextSortOrder(core, 'tasks', planId),
          title: task.title,
          text: task.text,
          deadline: task.deadline,
          due_date: keepDue ? task.due_date : null,
          due_from_year: keepDue ? task.due_from_year : target.year_from,
          due_to_year: keepDue ? task.due_to_year : (target.year_to ?? target.year_from),
          lead_department_ids: task.lead_department_ids ? (JSON.parse(task.lead_department_ids) as unknown) : [],
          responsible_units: task.responsible_units ? (JSON.parse(task.responsible_units) as unknown) : [],
          group_name: task.group_name,
          carried_from_task_id: task.id,
        });
        carried++;
      }
      return { planId, carried };
    });
  },
};
