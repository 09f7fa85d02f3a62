import type { Database, Statement } from 'better-sqlite3';
import { replicatedTables, type ReplicatedTable } from '../../shared/schema/tables';
import { sealKind, sealedColumns } from '../../shared/sync/seal';
import { FieldStates, type FieldState } from './field-state';

/*
 * The conflict queue: fields whose heads disagree, and sealed records (deleted, approved) with
 * an edit the seal did not see. Kept for the rows a merge or a local write touched; every head
 * stays in change_log, so the queue shows each with its author until a clerk resolves it.
 */

export type ConflictKind = 'field' | 'delete-edit' | 'approval-edit';

/**
 * Columns written from another column in the same save (a task's due date and years follow its
 * deadline text). Their disagreement is the source column's: one conflict card, not four, and
 * resolving the source rewrites them.
 */
export const derivedColumns: Partial<Record<ReplicatedTable, Readonly<Record<string, string>>>> = {
  tasks: { due_date: 'deadline', due_from_year: 'deadline', due_to_year: 'deadline' },
};

export class ConflictQueue {
  private readonly fields: FieldStates;
  private readonly remove: Statement;
  private readonly insert: Statement;

  constructor(private readonly db: Database) {
    this.fields = new FieldStates(db);
    this.remove = db.prepare('DELETE FROM conflicts WHERE tbl = ? AND row_id = ?');
    this.insert = db.prepare('INSERT OR REPLACE INTO conflicts (tbl, row_id, col, kind, found_at) VALUES (?, ?, ?, ?, ?)');
  }


  /** Recompute the row's entries in the queue; returns how many it has. */
  refresh(table: ReplicatedTable, rowId: string, at: string, known?: ReadonlyMap<string, FieldState>): number {
    this.remove.run(table, rowId);
    const states = known ?? this.fields.ofRow(table, rowId);
    const insert = this.insert;
    let count = 0;
    const derived = derivedColumns[table];
    for (const [column, state] of states) {
      if (!state.conflict || derived?.[column]) continue;
      insert.run(table, rowId, column, 'field', at);
      count++;
    }
    for (const sealColumn of ['deleted', 'workflow_state']) {
      const winner = states.get(sealColumn)?.winner;
      if (!winner) continue;
      const kind = sealKind(table, sealColumn, JSON.parse(winner.value));
      if (!kind) continue;
      const seen = new Set(JSON.parse(winner.supersedes) as string[]);
      const unseen = sealedColumns(kind, Object.keys(replicatedTables[table].columns)).some((column) => (states.get(column)?.heads ?? []).some((head) => !seen.has(head.hlc)));
      if (unseen && !states.get(sealColumn)!.conflict) {
        insert.run(table, rowId, sealColumn, kind === 'delete' ? 'delete-edit' : 'approval-edit', at);
        count++;
      }
    }
    return count;
  }

  /** After a local write: rows already in the queue may have been resolved by it. */
  refreshIfQueued(touched: ReadonlyMap<string, ReadonlySet<string>>, at: string): void {
    const queued = this.db.prepare('SELECT 1 FROM conflicts WHERE tbl = ? AND row_id = ? LIMIT 1');
    for (const [table, ids] of touched) for (const id of ids) if (queued.get(table, id)) this.refresh(table as ReplicatedTable, id, at);
  }
}
