import { createHash } from 'node:crypto';
import { columnType, TOMBSTONE_COLUMN } from '../../shared/schema/tables';
import type { Core } from '../core/core';
import { fromSql, toSql, type Row, type Writer } from '../core/mutation';

/*
 * Three-way merge of a re-imported plan, field by field: the previous import's parse (the
 * baseline, table import_baselines of migration 0080), the new parse and the current value. A
 * field the clerk changed since the previous import (current ≠ baseline) keeps the clerk's value;
 * any other field follows the document. Why a table of its own and not the change log: see the
 * migration.
 */

export type MergedTable = 'sections' | 'tasks' | 'indicators';
type Values = Record<string, unknown>;

/** Fields a document sets and a clerk may correct afterwards; `deleted` keeps a record the clerk removed. */
export const mergedFields: Record<MergedTable, readonly string[]> = {
  sections: ['title', TOMBSTONE_COLUMN],
  tasks: ['title', 'text', 'deadline', 'lead_department_ids', 'responsible_units', 'section_id', TOMBSTONE_COLUMN],
  indicators: ['name', 'comparator', 'target_value', 'target_value_max', 'unit', 'baseline_value', 'baseline_year', 'target_year', 'value_kind', 'accumulation', 'department_id', TOMBSTONE_COLUMN],
};

/** Columns derived from a merged field: kept or written together with it. */
const followers: Record<string, readonly string[]> = { deadline: ['due_date', 'due_from_year', 'due_to_year'] };

export const mergedFieldLabels: Record<string, string> = {
  title: '标题',
  text: '任务内容',
  deadline: '完成时限',
  lead_department_ids: '牵头科室',
  responsible_units: '责任单位',
  section_id: '所属章节',
  name: '指标名称',
  comparator: '比较方式',
  target_value: '目标值',
  target_value_max: '目标上限',
  unit: '单位',
  baseline_value: '基数',
  baseline_year: '基数年份',
  target_year: '目标年份',
  value_kind: '指标类型',
  accumulation: '累计方式',
  department_id: '责任科室',
  [TOMBSTONE_COLUMN]: '已删除',
};

/** The column's value in its stored (SQL) form, for comparing a row, a draft and a baseline alike. */
function sqlOf(table: MergedTable, column: string, value: unknown): unknown {
  const type = columnType(table, column);
  if (!type) return value ?? null;
  try {
    return toSql(type, value);
  } catch {
    // A baseline marker such as an unresolved owner name: never equal to a stored value.
    return JSON.stringify(value);
  }
}

const same = (a: unknown, b: unknown) => a === b || (a == null && b == null);

/** Long text is remembered by its hash: it is only ever compared. */
const HASHED = 'sha256:';
const hashed = (table: MergedTable, column: string) => table === 'tasks' && column === 'text';
const digest = (value: unknown) => `${HASHED}${createHash('sha256').update(String(value ?? '')).digest('hex').slice(0, 16)}`;

/** One plan's baselines while an import is saved (or previewed): read once, written back at the end. */
export class ImportBaseline {
  private readonly stored = new Map<string, Values>();
  private readonly next = new Map<string, { table: MergedTable; id: string; fields: Values }>();

  /** `fresh`: a new plan (or one deleted and imported again): nothing earlier counts as the clerk's. */
  constructor(
    private readonly core: Core,
    private readonly planId: string,
    private readonly fresh = false,
  ) {
    if (fresh) return;
    const rows = core.db.prepare('SELECT tbl, row_id, fields FROM import_baselines WHERE plan_id = ?').all(planId) as { tbl: string; row_id: string; fields: string }[];
    for (const row of rows) this.stored.set(`${row.tbl}:${row.row_id}`, JSON.parse(row.fields) as Values);
  }

  /**
   * The field as the previous import parsed it (undefined: unknown). Without a baseline (a plan
   * imported before baselines were kept, or received from another PC) the field's first change
   * record stands in: the value the record was created with.
   */
  base(table: MergedTable, id: string, column: string): unknown {
    if (this.fresh) return undefined;
    const fields = this.stored.get(`${table}:${id}`);
    // Stored compactly: an absent field was null (or, for the tombstone, false).
    if (fields) return Object.prototype.hasOwnProperty.call(fields, column) ? fields[column] : column === TOMBSTONE_COLUMN ? false : null;
    if (column === TOMBSTONE_COLUMN) return undefined;
    const first = this.core.db.prepare('SELECT value FROM change_log WHERE tbl = ? AND row_id = ? AND col = ? ORDER BY hlc LIMIT 1').pluck().get(table, id, column) as string | undefined;
    return first === undefined ? undefined : (JSON.parse(first) as unknown);
  }

  /** Merged fields of a stored row that differ from what the previous import parsed: the clerk's edits. */
  edits(table: MergedTable, row: Row): string[] {
    return mergedFields[table].filter((column) => {
      const base = this.base(table, row.id, column);
      if (base === undefined) return false;
      if (column === TOMBSTONE_COLUMN) return row[column] === 1 && base === false;
      if (typeof base === 'string' && base.startsWith(HASHED)) return digest(row[column]) !== base;
      return !same(row[column], sqlOf(table, column, base));
    });
  }

  /**
   * Write a record of the reviewed draft, keeping the clerk's local edits. `parsed` is the same record
   * as the parser produced it (before review): a field corrected in this review is taken as corrected.
   * Returns the merged columns kept.
   */
  write(writer: Writer, table: MergedTable, id: string, values: Values, parsed: Values): string[] {
    const row = writer.get(table, id);
    this.remember(table, id, parsed, Object.keys(values).filter((column) => values[column] !== undefined));
    if (!row) {
      writer.insert(table, id, values);
      return [];
    }
    const out: Values = { ...values, [TOMBSTONE_COLUMN]: false };
    const kept: string[] = [];
    for (const column of this.edits(table, row)) {
      const editedInReview = values[column] !== undefined && parsed[column] !== undefined && !same(sqlOf(table, column, values[column]), sqlOf(table, column, parsed[column]));
      if (editedInReview) continue;
      if (column !== TOMBSTONE_COLUMN && values[column] === undefined) continue;
      kept.push(column);
      delete out[column];
      for (const follower of followers[column] ?? []) delete out[follower];
    }
    writer.update(table, id, out);
    return kept;
  }

  /** Whether a stored column value differs from a value as the services write it. */
  static differs(table: MergedTable, column: string, stored: unknown, value: unknown): boolean {
    return !same(stored, sqlOf(table, column, value));
  }

  /** The import removed the record (the document no longer has it). */
  removed(table: MergedTable, id: string): void {
    // Without a baseline the field's first change stands in; a tombstone alone would hide it.
    const key = `${table}:${id}`;
    if (!this.stored.has(key) && !this.next.has(key)) return;
    this.remember(table, id, { [TOMBSTONE_COLUMN]: true }, [TOMBSTONE_COLUMN]);
  }

  /** What this import parsed for a record's fields (those among `columns`); alive unless removed. */
  remember(table: MergedTable, id: string, parsed: Values, columns: readonly string[]): void {
    const key = `${table}:${id}`;
    const entry = this.next.get(key) ?? { table, id, fields: { ...(this.stored.get(key) ?? {}) } };
    for (const column of mergedFields[table]) {
      if (column === TOMBSTONE_COLUMN) continue;
      if (!columns.includes(column) || parsed[column] === undefined) continue;
      const type = columnType(table, column);
      const value = parsed[column] ?? null;
      if (hashed(table, column)) {
        entry.fields[column] = digest(value);
        continue;
      }
      try {
        entry.fields[column] = type ? fromSql(type, toSql(type, value)) : value;
      } catch {
        entry.fields[column] = value;
      }
    }
    entry.fields[TOMBSTONE_COLUMN] = parsed[TOMBSTONE_COLUMN] === true;
    this.next.set(key, entry);
  }

  /** Store what this import parsed, in the caller's transaction. */
  save(sourceSha256: string): void {
    const now = new Date().toISOString();
    const upsert = this.core.db.prepare(
      `INSERT INTO import_baselines (plan_id, tbl, row_id, fields, source_sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (plan_id, tbl, row_id) DO UPDATE SET fields = excluded.fields, source_sha256 = excluded.source_sha256, imported_at = excluded.imported_at`,
    );
    for (const { table, id, fields } of this.next.values()) {
      const compact = Object.fromEntries(Object.entries(fields).filter(([column, value]) => value !== null && !(column === TOMBSTONE_COLUMN && value === false)));
      upsert.run(this.planId, table, id, JSON.stringify(compact), sourceSha256, now);
    }
  }

  /** A fresh import of this plan: earlier baselines no longer apply. */
  static clear(core: Core, planId: string): void {
    core.db.prepare('DELETE FROM import_baselines WHERE plan_id = ?').run(planId);
  }
}
