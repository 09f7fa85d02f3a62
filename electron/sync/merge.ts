import type { Statement } from 'better-sqlite3';
import { parseHlc } from '../../shared/domain/hlc';
import { columnType, type ReplicatedTable } from '../../shared/schema/tables';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { toSql } from '../core/mutation';
import { checkChange, sameChange, type ChangeRecord } from './changes';
import { ConflictQueue } from './conflicts';
import { fieldState, FieldStates, type Head } from './field-state';
import { recordLabel } from './labels';

/*
 * Merging received field changes, in one transaction: every record is checked first; a change
 * whose HLC is known is ignored when identical and refuses the whole package when not
 * (corruption); new changes are appended to the change log and each touched field is set to
 * the value its known changes decide (field-state.ts), so the result does not depend on the
 * order packages arrive in. Records may arrive before their parents; they are kept and shown
 * when the parent arrives.
 */

export interface TableCounts {
  new: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  ignored: number;
  /** A few Chinese examples per category, for the preview. */
  examples: string[];
}

export interface MergeSummary {
  changes: { total: number; new: number; ignored: number };
  tables: Partial<Record<ReplicatedTable, TableCounts>>;
  conflicts: number;
  /** HLCs of every change in the package (what a receipt acknowledges). */
  hlcs: string[];
}

export interface MergeOptions {
  readonly packageId: string;
  /** Preview: do everything, report, then roll back. */
  readonly dryRun?: boolean;
  /** Refuse changes stamped further ahead of this PC's clock (ms). */
  readonly maxAheadMs: number;
  /** Progress for a long package: records written so far of all touched records. */
  readonly onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 2000;

class Rollback extends Error {}

const hours = (ms: number) => Math.round(ms / 3_600_000);

export function mergeChanges(core: Core, raw: readonly unknown[], options: MergeOptions): MergeSummary {
  return mergeCheckedChanges(core, raw.map((change, index) => checkChange(change, index)), options);
}

/** The merge of changes already checked by checkChange (the import checks them once, before authority). */
export function mergeCheckedChanges(core: Core, changes: readonly ChangeRecord[], options: MergeOptions): MergeSummary {
  const now = core.now();
  const ahead = Math.max(0, ...changes.map((c) => parseHlc(c.hlc).wall)) - now;
  if (ahead > options.maxAheadMs) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `数据包中的修改时间比本机时间超前约${hours(ahead)}小时（允许${hours(options.maxAheadMs)}小时）。请检查发出该数据包的电脑（或本机）的日期和时间，改正后重新导出；本次未导入任何内容。`,
    );
  }
  const summary: MergeSummary = { changes: { total: changes.length, new: 0, ignored: 0 }, tables: {}, conflicts: 0, hlcs: changes.map((c) => c.hlc) };
  const counts = (table: ReplicatedTable): TableCounts => (summary.tables[table] ??= { new: 0, updated: 0, unchanged: 0, conflicts: 0, ignored: 0, examples: [] });
  const at = new Date(now).toISOString();

  const run = core.db.transaction(() => {
    const known = core.db.prepare('SELECT * FROM change_log WHERE hlc = ?');
    const append = core.db.prepare(
      `INSERT INTO change_log (hlc, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor, batch, package_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const touched = new Map<ReplicatedTable, Map<string, Set<string>>>();
    /** This package's new changes by record and field: a record new here is decided from them alone. */
    const arrived = new Map<string, Map<string, Head[]>>();
    let newest: string | null = null;
    const seenInPackage = new Map<string, ChangeRecord>();
    for (const change of changes) {
      const table = change.tbl as ReplicatedTable;
      const twin = seenInPackage.get(change.hlc);
      const existing = twin ?? (known.get(change.hlc) as ChangeRecord | undefined);
      if (existing) {
        if (!sameChange(existing, change)) {
          throw new AppError('INVALID_ARGUMENT', `数据包与已有记录矛盾：修改编号 ${change.hlc.slice(0, 24)}… 相同但内容不同，数据可能已损坏。本次未导入任何内容，请让对方重新导出。`);
        }
        summary.changes.ignored++;
        counts(table).ignored++;
        continue;
      }
      seenInPackage.set(change.hlc, change);
      append.run(change.hlc, change.tbl, change.row_id, change.col, change.value, change.supersedes, change.origin_office_id, change.origin_installation_id, change.actor, change.batch, options.packageId);
      summary.changes.new++;
      let rows = touched.get(table);
      if (!rows) touched.set(table, (rows = new Map()));
      let columns = rows.get(change.row_id);
      if (!columns) rows.set(change.row_id, (columns = new Set()));
      columns.add(change.col);
      const key = `${table}\u0000${change.row_id}`;
      let byColumn = arrived.get(key);
      if (!byColumn) arrived.set(key, (byColumn = new Map()));
      let heads = byColumn.get(change.col);
      if (!heads) byColumn.set(change.col, (heads = []));
      heads.push(change);
      if (newest === null || change.hlc > newest) newest = change.hlc;
    }

    const fields = new FieldStates(core.db);
    const queue = new ConflictQueue(core.db);
    const statements = new Map<string, Statement>();
    const cached = (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = core.db.prepare(sql)));
      return statement;
    };
    /** A few records per table for the preview, labelled after the loop. */
    const examples = new Map<ReplicatedTable, { rowId: string; kind: string }[]>();
    const totalRows = [...touched.values()].reduce((sum, rows) => sum + rows.size, 0);
    let doneRows = 0;
    options.onProgress?.(0, totalRows);
    for (const [table, rows] of touched) {
      const tableCounts = counts(table);
      const read = cached(`SELECT * FROM ${table} WHERE id = ?`);
      for (const [rowId, columns] of rows) {
        const before = read.get(rowId) as Record<string, unknown> | undefined;
        if (!before) cached(`INSERT INTO ${table} (id) VALUES (?)`).run(rowId);
        // One read of the record's changes decides every field and its place in the conflict queue;
        // a record that did not exist has no changes but this package's.
        const states = before ? fields.ofRow(table, rowId) : new Map([...arrived.get(`${table}\u0000${rowId}`)!].map(([column, heads]) => [column, fieldState(heads)]));
        let changed = false;
        for (const column of columns) {
          const next = toSql(columnType(table, column)!, JSON.parse(states.get(column)!.winner!.value));
          const current = before ? before[column] : null;
          if (!before || !(current === next || (current == null && next == null))) {
            cached(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(next, rowId);
            changed = true;
          }
        }
        const inConflict = queue.refresh(table, rowId, at, states);
        const category = !before ? 'new' : changed ? 'updated' : 'unchanged';
        tableCounts[category]++;
        if (inConflict > 0) {
          tableCounts.conflicts++;
          summary.conflicts++;
        }
        if (++doneRows % PROGRESS_EVERY === 0) options.onProgress?.(doneRows, totalRows);
        const kept = examples.get(table) ?? [];
        if (kept.length < 3 && (inConflict > 0 || category !== 'unchanged')) {
          kept.push({ rowId, kind: inConflict > 0 ? '有冲突' : category === 'new' ? '新增' : '更新' });
          examples.set(table, kept);
        }
      }
    }
    // Labelled once every record is in place: an entry's task may come later in the same package.
    for (const [table, kept] of examples) counts(table).examples.push(...kept.map((e) => `${e.kind}：${recordLabel(core, table, e.rowId)}`));
    options.onProgress?.(totalRows, totalRows);
    const derived = new Map([...touched].map(([table, rows]) => [table as string, new Set(rows.keys())]));
    core.updateDerived(derived);
    if (newest && !options.dryRun) {
      core.clock.receive(newest);
      core.clock.persist();
    }
    if (options.dryRun) throw new Rollback();
  });
  try {
    run.immediate();
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return summary;
}
