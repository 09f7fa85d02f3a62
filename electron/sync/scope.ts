import { isSha256 } from '../../shared/domain/content-hash';
import type { ReplicatedTable } from '../../shared/schema/tables';
import type { Core } from '../core/core';
import type { ChangeRecord } from './changes';
import { officeMade } from '../services/department-origin';

/*
 * Which changes a package carries. 下发 (assignment) carries the whole history of every record a
 * department needs — its office's directory, the plans and sections of the tasks it leads, those
 * tasks, their indicators, its own entries (with the office's review decisions) and values, and
 * the metric catalog — so a record newly assigned to it always arrives complete. 上报 and 全量
 * carry every change the recipient is not known to hold (it sent them, or acknowledged them).
 */

const SELECT_CHANGES = 'SELECT hlc, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor, batch FROM change_log';

export function unacknowledgedChanges(core: Core, peerId: string | null): ChangeRecord[] {
  if (!peerId) return core.db.prepare(`${SELECT_CHANGES} ORDER BY hlc`).all() as ChangeRecord[];
  return core.db
    .prepare(`${SELECT_CHANGES} c WHERE NOT EXISTS (SELECT 1 FROM peer_acks a WHERE a.peer_id = ? AND a.hlc = c.hlc) ORDER BY c.hlc`)
    .all(peerId) as ChangeRecord[];
}

function ids(core: Core, sql: string, ...params: unknown[]): string[] {
  return core.db.prepare(sql).pluck().all(...params) as string[];
}

/** Records a department needs, by table. */
export function assignmentRows(core: Core, officeId: string, departmentId: string): Map<ReplicatedTable, string[]> {
  const led = 'EXISTS (SELECT 1 FROM json_each(t.lead_department_ids) j WHERE j.value = ?)';
  const tasks = ids(core, `SELECT t.id FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.office_id = ? AND ${led}`, officeId, departmentId);
  const plans = ids(core, `SELECT DISTINCT t.plan_id FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.office_id = ? AND ${led}`, officeId, departmentId);
  const inPlans = (table: string) => plans.flatMap((plan) => ids(core, `SELECT id FROM ${table} WHERE plan_id = ?`, plan));
  const indicators = inPlans('indicators').filter((id) => {
    const row = core.db.prepare('SELECT department_id, task_id FROM indicators WHERE id = ?').get(id) as { department_id: string | null; task_id: string | null };
    return row.department_id === departmentId || (row.task_id !== null && tasks.includes(row.task_id));
  });
  const entries = ids(core, 'SELECT id FROM progress_reports WHERE department_id = ?', departmentId);
  const rows = new Map<ReplicatedTable, string[]>([
    ['offices', [officeId]],
    ['departments', ids(core, 'SELECT id FROM departments WHERE office_id = ?', officeId)],
    ['units', ids(core, 'SELECT id FROM units WHERE office_id = ?', officeId)],
    ['installations', ids(core, 'SELECT id FROM installations WHERE office_id = ?', officeId)],
    ['settings', ids(core, 'SELECT id FROM settings WHERE office_id = ?', officeId)],
    ['plans', plans],
    ['sections', inPlans('sections')],
    ['tasks', tasks],
    ['indicators', indicators],
    ['progress_reports', entries],
    ['indicator_values', indicators.flatMap((id) => ids(core, 'SELECT id FROM indicator_values WHERE indicator_id = ?', id))],
    ['attachments', entries.flatMap((id) => ids(core, "SELECT id FROM attachments WHERE owner_table = 'progress_reports' AND owner_id = ?", id))],
    ['metrics', ids(core, 'SELECT id FROM metrics')],
    ['metric_links', ids(core, 'SELECT id FROM metric_links')],
  ]);
  return rows;
}

/**
 * A department PC sends no office or department record the office did not make: a department
 * typed at its setup (疾控科 where the office says 疾病预防控制科) stays on the PC until the
 * office's record replaces it, so the office never receives a second department.
 */
export function withoutStrayRecords(core: Core, changes: ChangeRecord[]): ChangeRecord[] {
  if (!core.requireIdentity().departmentId) return changes;
  const known = new Map<string, boolean>();
  return changes.filter((change) => {
    if (change.tbl !== 'departments' && change.tbl !== 'offices') return true;
    const key = `${change.tbl}:${change.row_id}`;
    let keep = known.get(key);
    if (keep === undefined) known.set(key, (keep = officeMade(core, change.tbl, change.row_id)));
    return keep;
  });
}

export function changesOfRows(core: Core, rows: Map<ReplicatedTable, string[]>): ChangeRecord[] {
  const of = core.db.prepare(`${SELECT_CHANGES} WHERE tbl = ? AND row_id = ?`);
  const changes: ChangeRecord[] = [];
  for (const [table, list] of rows) for (const id of new Set(list)) changes.push(...(of.all(table, id) as ChangeRecord[]));
  return changes.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** SHA-256 of the attachment files the changes refer to (their sha256 field). */
export function attachmentHashes(changes: readonly ChangeRecord[]): string[] {
  const hashes = new Set<string>();
  for (const change of changes) {
    if (change.tbl !== 'attachments' || change.col !== 'sha256') continue;
    const value = JSON.parse(change.value) as unknown;
    if (isSha256(value)) hashes.add(value);
  }
  return [...hashes].sort();
}
