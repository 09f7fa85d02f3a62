import type { Core } from '../core/core';
import type { Writer } from '../core/mutation';
import { progressReportId } from '../core/ids';
import { ENTRY_CONTENT_COLUMNS } from '../../shared/sync/seal';
import { departmentRecord, namesOf } from './department-origin';
import { draftKey, type EntryRow } from './progress-data';

/*
 * Moving a department's work to another department: its quarterly entries (ids derive from task +
 * department + period, so each is created anew under the target through the mutation layer and
 * the source's is tombstoned), their evidence, the tasks it leads, the indicators it owns and
 * this PC's drafts. Used by the office's merge, by a department PC that rebinds to the office's
 * record, and after an import that brought work for a department merged meanwhile.
 *
 * Where the target already has an entry for the same task and quarter:
 * - 'target' (the office merges two departments): the target's entry is kept as it is; the
 *   source's text stays in the change log of its tombstoned record (history.record), and its
 *   evidence moves to the target's entry so no file drops out of view;
 * - 'newer' (work that arrived for a merged department, written before the writer knew of the
 *   merge): the entry whose content changed last wins, unless the target's is approved (an
 *   approval is the office's seal; the later text then stays in history).
 */

export type Prefer = 'target' | 'newer';

export interface MoveOutcome {
  /** Entries created (or revived) under the target. */
  moved: number;
  /** Entries where the target's own entry was kept. */
  kept: number;
  tasks: number;
  indicators: number;
  attachments: number;
}


const CONTENT = ENTRY_CONTENT_COLUMNS.map((c) => `'${c}'`).join(', ');

function newestContentChange(core: Core, entryId: string): string {
  return (core.db.prepare(`SELECT MAX(hlc) FROM change_log WHERE tbl = 'progress_reports' AND row_id = ? AND col IN (${CONTENT})`).pluck().get(entryId) as string | null) ?? '';
}

function moveDraft(core: Core, taskId: string, fromId: string, intoId: string, period: string): void {
  const from = draftKey(taskId, fromId, period);
  const into = draftKey(taskId, intoId, period);
  // A draft already typed for the target wins; the source's is then superseded.
  core.db.prepare('INSERT OR IGNORE INTO drafts (key, value, updated_at) SELECT ?, value, updated_at FROM drafts WHERE key = ?').run(into, from);
  core.db.prepare('DELETE FROM drafts WHERE key = ?').run(from);
}

/** Point everything of `fromId` at `intoId` (inside the caller's mutation run). */
export function moveDepartmentWork(core: Core, writer: Writer, fromId: string, intoId: string, prefer: Prefer): MoveOutcome {
  const outcome: MoveOutcome = { moved: 0, kept: 0, tasks: 0, indicators: 0, attachments: 0 };
  const entries = core.db.prepare('SELECT * FROM progress_reports WHERE department_id = ? AND deleted = 0').all(fromId) as EntryRow[];
  const attachmentsOf = core.db.prepare("SELECT id FROM attachments WHERE owner_table = 'progress_reports' AND owner_id = ? AND deleted = 0").pluck();
  for (const entry of entries) {
    if (!entry.task_id || !entry.period) continue;
    const targetId = progressReportId(entry.task_id, intoId, entry.period);
    const target = writer.get('progress_reports', targetId) as unknown as EntryRow | undefined;
    const content = {
      status: entry.status,
      percent: entry.percent,
      progress_text: entry.progress_text,
      problems_text: entry.problems_text,
      next_steps_text: entry.next_steps_text,
      workflow_state: entry.workflow_state,
      review_comment: entry.review_comment,
    };
    if (!target || target.deleted) {
      writer.insert('progress_reports', targetId, { task_id: entry.task_id, department_id: intoId, period: entry.period, ...content });
      outcome.moved++;
    } else if (prefer === 'newer' && target.workflow_state !== 'approved' && newestContentChange(core, entry.id) > newestContentChange(core, targetId)) {
      writer.update('progress_reports', targetId, content);
      outcome.moved++;
    } else {
      outcome.kept++;
    }
    for (const attachment of attachmentsOf.all(entry.id) as string[]) {
      writer.update('attachments', attachment, { owner_id: targetId });
      outcome.attachments++;
    }
    writer.remove('progress_reports', entry.id);
    moveDraft(core, entry.task_id, fromId, intoId, entry.period);
  }

  const led = core.db
    .prepare('SELECT id, lead_department_ids FROM tasks WHERE deleted = 0 AND EXISTS (SELECT 1 FROM json_each(tasks.lead_department_ids) j WHERE j.value = ?)')
    .all(fromId) as { id: string; lead_department_ids: string }[];
  for (const task of led) {
    const leads = (JSON.parse(task.lead_department_ids) as string[]).map((id) => (id === fromId ? intoId : id));
    writer.update('tasks', task.id, { lead_department_ids: [...new Set(leads)] });
    outcome.tasks++;
  }
  for (const indicator of core.db.prepare('SELECT id FROM indicators WHERE department_id = ? AND deleted = 0').pluck().all(fromId) as string[]) {
    writer.update('indicators', indicator, { department_id: intoId });
    outcome.indicators++;
  }
  return outcome;
}

/** Does anything live still point at this department? */
export function hasDepartmentWork(core: Core, id: string): boolean {
  return (
    core.db.prepare('SELECT 1 FROM progress_reports WHERE department_id = ? AND deleted = 0 LIMIT 1').get(id) !== undefined ||
    core.db.prepare('SELECT 1 FROM tasks WHERE deleted = 0 AND EXISTS (SELECT 1 FROM json_each(tasks.lead_department_ids) j WHERE j.value = ?) LIMIT 1').get(id) !== undefined ||
    core.db.prepare('SELECT 1 FROM indicators WHERE department_id = ? AND deleted = 0 LIMIT 1').get(id) !== undefined
  );
}

/**
 * Merge `fromId` into `intoId` (inside the caller's mutation run): move the work, give the
 * target the source's names as aliases (when `aliases`), then tombstone the source with
 * merged_into so every PC that receives it knows where its work went.
 */
export function mergeDepartmentRecords(core: Core, writer: Writer, fromId: string, intoId: string, options: { prefer: Prefer; aliases: boolean }): MoveOutcome {
  const outcome = moveDepartmentWork(core, writer, fromId, intoId, options.prefer);
  const source = departmentRecord(core, fromId);
  const target = departmentRecord(core, intoId);
  if (options.aliases && source && target) {
    const aliases = [...new Set([...target.aliases, ...namesOf(source)])].filter((name) => name !== target.name);
    writer.update('departments', intoId, { aliases });
  }
  writer.update('departments', fromId, { merged_into: intoId });
  writer.remove('departments', fromId);
  return outcome;
}
