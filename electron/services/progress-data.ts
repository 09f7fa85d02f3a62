import type { Attachment, DraftFields, Entry, EntryFields } from '../../shared/api/progress';
import { parseHlc } from '../../shared/domain/hlc';
import { asOfDate, taskLight, type EntrySnapshot, type Milestone, type StatusSettings, type TaskSpec } from '../../shared/domain/lights';
import { parsePeriod, periodEndDate, type Period } from '../../shared/domain/period';
import { taskStatuses, workflowStates, type Light, type LightColor, type TaskStatus, type WorkflowState } from '../../shared/domain/progress-status';
import { parseDue } from '../../shared/parse/due';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { officeStatusSettings } from './status-settings';

/*
 * Reading quarterly entries, tasks and drafts: the pieces progress, status, attachments and
 * the CLI share. Writes live in the services that own them, through the mutation layer.
 */

export interface TaskRow {
  id: string;
  plan_id: string;
  section_id: string | null;
  number: string | null;
  sort_order: number | null;
  title: string | null;
  text: string | null;
  deadline: string | null;
  due_date: string | null;
  due_from_year: number | null;
  due_to_year: number | null;
  lead_department_ids: string | null;
  milestones: string | null;
  carried_from_task_id: string | null;
  plan_title: string | null;
  plan_year_from: number | null;
  plan_year_to: number | null;
  section_title: string | null;
}

export interface EntryRow {
  id: string;
  task_id: string | null;
  department_id: string | null;
  period: string | null;
  status: string | null;
  percent: number | null;
  progress_text: string | null;
  problems_text: string | null;
  next_steps_text: string | null;
  workflow_state: string | null;
  review_comment: string | null;
  deleted: number;
}

/** Tasks with their plan and section, in plan order: plans by year (newest first) and title, then document order. */
const TASK_SELECT = `SELECT t.id, t.plan_id, t.section_id, t.number, t.sort_order, t.title, t.text, t.deadline, t.due_date,
  t.due_from_year, t.due_to_year, t.lead_department_ids, t.milestones, t.carried_from_task_id,
  p.title AS plan_title, p.year_from AS plan_year_from, p.year_to AS plan_year_to, s.title AS section_title
  FROM tasks t JOIN plans p ON p.id = t.plan_id AND p.deleted = 0
  LEFT JOIN sections s ON s.id = t.section_id AND s.deleted = 0
  WHERE t.deleted = 0`;
const TASK_ORDER = 'ORDER BY p.year_from DESC, p.title, p.id, COALESCE(s.sort_order, 0), t.sort_order, t.id';
/** A plan counts for a quarter when its years include the quarter's year (open-ended plans always). */
const PLAN_COVERS = '(p.year_from IS NULL OR p.year_from <= ?) AND (COALESCE(p.year_to, p.year_from) IS NULL OR COALESCE(p.year_to, p.year_from) >= ?)';

export function taskRow(core: Core, taskId: string): TaskRow {
  const row = core.db.prepare(`${TASK_SELECT} AND t.id = ?`).get(taskId) as TaskRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该任务，可能已被删除');
  return row;
}

/** The tasks a department leads whose plan covers the period's year. */
export function departmentTasks(core: Core, departmentIdValue: string, period: string): TaskRow[] {
  const { year } = parsePeriod(period);
  return core.db
    .prepare(`${TASK_SELECT} AND ${PLAN_COVERS} AND EXISTS (SELECT 1 FROM json_each(t.lead_department_ids) j WHERE j.value = ?) ${TASK_ORDER}`)
    .all(year, year, departmentIdValue) as TaskRow[];
}

/** Every task whose plan covers the period's year. */
export function periodTasks(core: Core, period: string): TaskRow[] {
  const { year } = parsePeriod(period);
  return core.db.prepare(`${TASK_SELECT} AND ${PLAN_COVERS} ${TASK_ORDER}`).all(year, year) as TaskRow[];
}

export function leadIds(task: Pick<TaskRow, 'lead_department_ids'>): string[] {
  if (!task.lead_department_ids) return [];
  const parsed = JSON.parse(task.lead_department_ids) as unknown;
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

export interface DepartmentRow {
  id: string;
  name: string | null;
  office_id: string | null;
}

export function departmentRow(core: Core, id: string): DepartmentRow {
  const row = core.db.prepare('SELECT id, name, office_id FROM departments WHERE id = ? AND deleted = 0').get(id) as DepartmentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该科室，可能已被删除');
  return row;
}

export function departmentNames(core: Core): Map<string, string> {
  const rows = core.db.prepare('SELECT id, name FROM departments').all() as { id: string; name: string | null }[];
  return new Map(rows.map((row) => [row.id, row.name ?? '']));
}

/** The task must exist and be led by the department, or nobody may report on it for them. */
export function requireLedTask(core: Core, taskId: string, departmentIdValue: string): TaskRow {
  const task = taskRow(core, taskId);
  const department = departmentRow(core, departmentIdValue);
  if (!leadIds(task).includes(departmentIdValue)) {
    const message = `任务“${task.title ?? ''}”不由${department.name ?? '该科室'}牵头，不能由该科室填报`;
    throw new AppError('INVALID_ARGUMENT', message, { departmentId: message });
  }
  return task;
}

/** The stored milestones; old rows have no percent (equal weight), a percent outside 0–100 is dropped. */
export function parseMilestones(text: string | null): Milestone[] | null {
  if (!text) return null;
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return null;
  return parsed
    .filter((m): m is Milestone => typeof m === 'object' && m !== null && typeof (m as Milestone).period === 'string' && /^\d{4}-Q[1-4]$/.test((m as Milestone).period))
    .map((m) => {
      const percent = typeof m.percent === 'number' && Number.isFinite(m.percent) && m.percent >= 0 && m.percent <= 100 ? m.percent : null;
      return { period: m.period, text: typeof m.text === 'string' ? m.text : '', percent };
    });
}

/** The columns taskSpec reads. */
export type TaskSpecSource = Pick<TaskRow, 'title' | 'deadline' | 'due_date' | 'due_from_year' | 'due_to_year' | 'milestones' | 'plan_year_from' | 'plan_year_to'>;

/** What taskLight needs, from the task's due columns (or its deadline text) and its plan's years. */
export function taskSpec(task: TaskSpecSource): TaskSpec {
  const stored = task.due_date !== null || task.due_from_year !== null || task.due_to_year !== null;
  const due = stored ? { date: task.due_date, fromYear: task.due_from_year, toYear: task.due_to_year } : parseDue(task.deadline);
  return {
    title: task.title ?? '',
    due: due ? { date: due.date, fromYear: due.fromYear, toYear: due.toYear } : null,
    milestones: parseMilestones(task.milestones),
    planYearFrom: task.plan_year_from,
    planYearTo: task.plan_year_to ?? task.plan_year_from,
  };
}

/** Today as `YYYY-MM-DD` on this PC's calendar, from the core's (injectable) clock. */
export function today(core: Core): string {
  const date = new Date(core.now());
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Days since the quarter's last day (negative while it runs). */
export function daysSinceEnd(period: Period, todayText: string): number {
  return dayNumber(todayText) - dayNumber(periodEndDate(period));
}

export interface LightContext {
  readonly today: string;
  readonly settings: StatusSettings;
}

export function lightContext(core: Core): LightContext {
  return { today: today(core), settings: officeStatusSettings(core) };
}

export function entryLight(task: TaskRow, entry: EntrySnapshot | null, period: string, context: LightContext): Light {
  const parsed = parsePeriod(period);
  return taskLight(taskSpec(task), entry, parsed, asOfDate(parsed, context.today), context.settings);
}

const severity: Record<LightColor, number> = { green: 0, grey: 1, yellow: 2, red: 3 };

/** The worse of two lights (red over yellow over grey over green); the first wins a tie. */
export function worse(a: Light, b: Light): Light {
  return severity[b.color] > severity[a.color] ? b : a;
}

// —— entries ——

export function entryRow(core: Core, id: string): EntryRow | undefined {
  return core.db.prepare('SELECT * FROM progress_reports WHERE id = ?').get(id) as EntryRow | undefined;
}

export function liveEntryRow(core: Core, id: string): EntryRow | undefined {
  const row = entryRow(core, id);
  return row && row.deleted === 0 ? row : undefined;
}

export function requireEntryRow(core: Core, id: string): EntryRow {
  const row = liveEntryRow(core, id);
  if (!row) throw new AppError('NOT_FOUND', '找不到该季度进展，可能已被删除');
  return row;
}

export function statusOf(text: string | null): TaskStatus {
  return (taskStatuses as readonly string[]).includes(text ?? '') ? (text as TaskStatus) : '未启动';
}

export function workflowOf(text: string | null): WorkflowState {
  return (workflowStates as readonly string[]).includes(text ?? '') ? (text as WorkflowState) : 'draft';
}

export function snapshotOf(row: EntryRow): EntrySnapshot {
  return { status: statusOf(row.status), percent: row.percent };
}

export function fieldsOf(row: EntryRow): EntryFields {
  return {
    status: statusOf(row.status),
    percent: row.percent,
    progressText: row.progress_text ?? '',
    problemsText: row.problems_text ?? '',
    nextStepsText: row.next_steps_text ?? '',
  };
}

export function attachmentsOf(core: Core, entryId: string): Attachment[] {
  const rows = core.db
    .prepare("SELECT id, file_name, mime, size, sha256 FROM attachments WHERE owner_table = 'progress_reports' AND owner_id = ? AND deleted = 0 ORDER BY file_name, id")
    .all(entryId) as { id: string; file_name: string | null; mime: string | null; size: number | null; sha256: string | null }[];
  return rows.map((row) => ({ id: row.id, fileName: row.file_name ?? '', mime: row.mime ?? 'application/octet-stream', size: row.size ?? 0, sha256: row.sha256 ?? '' }));
}

/** Who last changed the entry and when: the newest change record of the row. */
function lastChange(core: Core, id: string): { at: string; by: string } | null {
  const row = core.db.prepare("SELECT hlc, actor FROM change_log WHERE tbl = 'progress_reports' AND row_id = ? ORDER BY hlc DESC LIMIT 1").get(id) as
    | { hlc: string; actor: string }
    | undefined;
  return row ? { at: new Date(parseHlc(row.hlc).wall).toISOString(), by: row.actor } : null;
}

/** Who wrote an entry and who reviewed it, for 各季度记录: the newest change is often the approval. */
export interface EntryCredits {
  writtenBy: string | null;
  writtenAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

const CONTENT_COLUMNS = ['status', 'percent', 'progress_text', 'problems_text', 'next_steps_text'];

export function entryCredits(core: Core, row: EntryRow): EntryCredits {
  const newest = (sql: string, ...params: unknown[]) => {
    const found = core.db.prepare(`SELECT hlc, actor FROM change_log WHERE tbl = 'progress_reports' AND row_id = ? AND ${sql} ORDER BY hlc DESC LIMIT 1`).get(row.id, ...params) as
      | { hlc: string; actor: string }
      | undefined;
    return found ? { by: found.actor || null, at: new Date(parseHlc(found.hlc).wall).toISOString() } : null;
  };
  // The author: the last change to what the department writes (texts, status, percent).
  const written = newest(`col IN (${CONTENT_COLUMNS.map(() => '?').join(', ')})`, ...CONTENT_COLUMNS);
  // The reviewer: who approved or returned it, while that decision stands.
  const state = workflowOf(row.workflow_state);
  const reviewed = state === 'approved' || state === 'returned' ? newest("col = 'workflow_state' AND value = ?", JSON.stringify(state)) : null;
  return { writtenBy: written?.by ?? null, writtenAt: written?.at ?? null, reviewedBy: reviewed?.by ?? null, reviewedAt: reviewed?.at ?? null };
}

export function toEntry(core: Core, row: EntryRow): Entry {
  const change = lastChange(core, row.id);
  return {
    ...fieldsOf(row),
    id: row.id,
    taskId: row.task_id ?? '',
    departmentId: row.department_id ?? '',
    period: row.period ?? '',
    workflowState: workflowOf(row.workflow_state),
    reviewComment: row.review_comment,
    updatedAt: change?.at ?? null,
    updatedBy: change?.by ?? null,
    attachments: attachmentsOf(core, row.id),
  };
}

// —— drafts (local: this PC only, never in the change log) ——

export function draftKey(taskId: string, departmentIdValue: string, period: string): string {
  return `progress:${taskId}:${departmentIdValue}:${period}`;
}

export function readDraft(core: Core, key: string): DraftFields | null {
  const row = core.db.prepare('SELECT value, updated_at FROM drafts WHERE key = ?').get(key) as { value: string; updated_at: string } | undefined;
  if (!row) return null;
  const fields = JSON.parse(row.value) as Partial<EntryFields>;
  return { ...fields, savedAt: row.updated_at };
}

/** Merge the given fields into the stored draft: a field not given keeps its text. */
export function writeDraft(core: Core, key: string, fields: Partial<EntryFields>, replace = false): DraftFields {
  const savedAt = new Date(core.now()).toISOString();
  const current = replace ? {} : (readDraft(core, key) ?? {});
  const { savedAt: _old, ...kept } = current as DraftFields;
  const merged: Partial<EntryFields> = { ...kept };
  for (const [name, value] of Object.entries(fields) as [keyof EntryFields, unknown][]) {
    if (value !== undefined) (merged as Record<string, unknown>)[name] = value;
  }
  core.db
    .prepare('INSERT INTO drafts (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(merged), savedAt);
  return { ...merged, savedAt };
}

export function deleteDraft(core: Core, key: string): void {
  core.db.prepare('DELETE FROM drafts WHERE key = ?').run(key);
}
