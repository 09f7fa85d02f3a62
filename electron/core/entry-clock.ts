import type { Database, Statement } from 'better-sqlite3';

/*
 * When each quarterly entry last changed: the newest HLC among its change records, kept in a
 * small local table so 任务台账's 最近更新 for 20,000 tasks is one narrow lookup per entry
 * instead of a seek into the (much larger) change log. Derived, never synced.
 */

export const ENTRY_CLOCK_DDL = `
CREATE TABLE entry_clock (entry_id TEXT PRIMARY KEY NOT NULL, hlc TEXT NOT NULL) STRICT, WITHOUT ROWID;
INSERT INTO entry_clock (entry_id, hlc) SELECT row_id, MAX(hlc) FROM change_log WHERE tbl = 'progress_reports' GROUP BY row_id;
`;

export class EntryClock {
  private statement: Statement | null = null;

  constructor(private readonly db: Database) {}

  /** Called inside the transaction that wrote the entries (the HLC may come from another office). */
  update(touched: ReadonlyMap<string, ReadonlySet<string>>): void {
    const entries = touched.get('progress_reports');
    if (!entries) return;
    this.statement ??= this.db.prepare(
      `INSERT INTO entry_clock (entry_id, hlc) SELECT row_id, MAX(hlc) FROM change_log WHERE tbl = 'progress_reports' AND row_id = ? GROUP BY row_id
       ON CONFLICT(entry_id) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > entry_clock.hlc`,
    );
    for (const id of entries) this.statement.run(id);
  }
}
