import type { Database, Statement } from 'better-sqlite3';

/*
 * A field's value is decided from the set of its known changes alone, so every office that
 * holds the same changes holds the same value, whatever order they arrived in: the heads are
 * the field's changes that no other change of the field supersedes; the head with the highest
 * HLC is the value; heads with different values are a conflict.
 */

export interface Head {
  readonly hlc: string;
  readonly value: string;
  readonly supersedes: string;
  readonly actor: string;
  readonly origin_office_id: string;
  readonly origin_installation_id: string;
}

export interface FieldState {
  /** Oldest first. */
  readonly heads: Head[];
  /** The highest head, or null when the field has no changes. */
  readonly winner: Head | null;
  readonly conflict: boolean;
}

/** The state of one field from its changes (any order). */
export function fieldState(unordered: readonly Head[]): FieldState {
    if (unordered.length === 0) return { heads: [], winner: null, conflict: false };
    const changes = [...unordered].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    const superseded = new Set<string>();
    for (const change of changes) for (const hlc of JSON.parse(change.supersedes) as string[]) superseded.add(hlc);
    const heads = changes.filter((c) => !superseded.has(c.hlc));
    // A cycle cannot be written by honest installations; fall back to all changes rather than none.
    const live = heads.length > 0 ? heads : changes;
    const winner = live[live.length - 1]!;
    return { heads: live, winner, conflict: new Set(live.map((h) => h.value)).size > 1 };
}

export class FieldStates {
  private readonly field: Statement;
  private readonly row: Statement;

  constructor(db: Database) {
    this.field = db.prepare(
      'SELECT hlc, value, supersedes, actor, origin_office_id, origin_installation_id FROM change_log WHERE tbl = ? AND row_id = ? AND col = ? ORDER BY hlc',
    );
    this.row = db.prepare('SELECT col, hlc, value, supersedes, actor, origin_office_id, origin_installation_id FROM change_log WHERE tbl = ? AND row_id = ?');
  }

  of(table: string, rowId: string, column: string): FieldState {
    return fieldState(this.field.all(table, rowId, column) as Head[]);
  }

  /** Every field of a record in one read, by column. */
  ofRow(table: string, rowId: string): Map<string, FieldState> {
    const byColumn = new Map<string, Head[]>();
    for (const change of this.row.all(table, rowId) as (Head & { col: string })[]) {
      let list = byColumn.get(change.col);
      if (!list) byColumn.set(change.col, (list = []));
      list.push(change);
    }
    return new Map([...byColumn].map(([column, changes]) => [column, fieldState(changes)]));
  }
}
