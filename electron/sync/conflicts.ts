import type { Database } from 'better-sqlite3';
import { replicatedTables, type ReplicatedTable } from '../../shared/schema/tables';
import { sealKind, sealedColumns } from '../../shared/sync/seal';
import { FieldStates } from './field-state';

/*
 * The conflict queue: fields whose heads disagree, and sealed records (deleted, approved) with
 * an edit the seal did not see. Kept for the rows a merge or a local write touched; every head
 * stays in change_log, so the queue shows each with its author until a clerk resolves it.
 */

export type ConflictKind = 'field' | 'delete-edit' | 'approval-edit';

export class ConflictQueue {
  private readonly fields: FieldStates;

  constructor(private readonly db: Database) {
    this.fields = new FieldStates(db);
  }

  /** Recompute the row's entries in the queue. */
  refresh(table: ReplicatedTable, rowId: string, at: string): void {
    this.db.prepare('DELETE FROM conflicts WHERE tbl = ? AND row_id = ?').run(table, rowId);
    const columns = [...Object.keys(replicatedTables[table].columns), 'deleted'];
    const insert = this.db.prepare('INSERT OR REPLACE INTO conflicts (tbl, row_id, col, kind, found_at) VALUES (?, ?, ?, ?, ?)');
    const states = new Map(columns.map((column) => [column, this.fields.of(table, rowId, column)]));
    for (const [column, state] of states) if (state.conflict) insert.run(table, rowId, column, 'field', at);
    for (const sealColumn of ['deleted', 'workflow_state']) {
      const winner = states.get(sealColumn)?.winner;
      if (!winner) continue;
      const kind = sealKind(table, sealColumn, JSON.parse(winner.value));
      if (!kind) continue;
      const seen = new Set(JSON.parse(winner.supersedes) as string[]);
      const unseen = sealedColumns(kind, Object.keys(replicatedTables[table].columns)).some((column) => (states.get(column)?.heads ?? []).some((head) => !seen.has(head.hlc)));
      if (unseen && !states.get(sealColumn)!.conflict) insert.run(table, rowId, sealColumn, kind === 'delete' ? 'delete-edit' : 'approval-edit', at);
    }
  }

  /** After a local write: rows already in the queue may have been resolved by it. */
  refreshIfQueued(touched: ReadonlyMap<string, ReadonlySet<string>>, at: string): void {
    const queued = this.db.prepare('SELECT 1 FROM conflicts WHERE tbl = ? AND row_id = ? LIMIT 1');
    for (const [table, ids] of touched) for (const id of ids) if (queued.get(table, id)) this.refresh(table as ReplicatedTable, id, at);
  }
}
