import type { Database, Statement } from 'better-sqlite3';
import { sealKind, sealedColumns } from '../../shared/sync/seal';
import {
  columnType,
  isReplicatedTable,
  replicatedTables,
  TOMBSTONE_COLUMN,
  type ColumnType,
  type ReplicatedTable,
} from '../../shared/schema/tables';
import type { HlcClock } from './clock';

/** Who writes: stamped on every change record. */
export interface Author {
  readonly officeId: string;
  readonly installationId: string;
  readonly actor: string;
}

export interface ChangeRecord {
  readonly hlc: string;
  readonly table: ReplicatedTable;
  readonly rowId: string;
  readonly column: string;
  readonly value: unknown;
  readonly supersedes: readonly string[];
  readonly originOfficeId: string;
  readonly originInstallationId: string;
  readonly actor: string;
}

export type Row = Record<string, unknown> & { id: string };
type Values = Record<string, unknown>;

/** The only way to change replicated tables inside a transaction. */
export interface Writer {
  /** Create a row, or revive and update it if the id already exists (ids may be derived). */
  insert(table: ReplicatedTable, id: string, values: Values): void;
  /** Change the given fields; unchanged values produce no change record. Returns fields changed. */
  update(table: ReplicatedTable, id: string, values: Values): number;
  /** Tombstone a row; it stays for history and sync. */
  remove(table: ReplicatedTable, id: string): void;
  /** Write the field even when it already holds the value: settles a conflict by superseding every head. */
  settle(table: ReplicatedTable, id: string, column: string, value: unknown): void;
  get(table: ReplicatedTable, id: string): Row | undefined;
}

/**
 * Applies every write to replicated data together with its per-field change records, in one
 * transaction: the change log is the audit trail and the source of sync packages.
 */
export class MutationLayer {
  private readonly statements = new Map<string, Statement>();
  private changedTables = new Set<ReplicatedTable>();
  /** Rows written by the running transaction, for the derived indexes (search) updated before it commits. */
  private touched = new Map<ReplicatedTable, Set<string>>();
  /** HLC of the first change of the running transaction; every change of one save shares it. */
  private batch: string | null = null;
  private depth = 0;

  constructor(
    private readonly db: Database,
    private readonly clock: HlcClock,
    private readonly author: () => Author,
    private readonly onCommit: (tables: ReplicatedTable[]) => void = () => {},
    private readonly beforeCommit: (touched: ReadonlyMap<ReplicatedTable, ReadonlySet<string>>) => void = () => {},
  ) {}

  /**
   * Run `work` in one transaction (nested calls join the outer one). It begins IMMEDIATE: it takes
   * the write lock before its first read, so another process on the file makes it wait (busy
   * timeout) instead of failing it, and the clock it reads stays this transaction's until commit.
   */
  run<T>(work: (writer: Writer) => T): T {
    const outermost = this.depth === 0;
    const author = this.author();
    const writer = this.createWriter(author);
    let result: T;
    if (outermost) this.batch = null;
    this.depth++;
    try {
      result = this.db.transaction(() => {
        if (outermost) this.clock.begin();
        const value = work(writer);
        if (outermost && this.touched.size > 0) this.beforeCommit(this.touched);
        this.clock.persist();
        return value;
      }).immediate();
    } catch (error) {
      if (outermost) this.changedTables = new Set();
      throw error;
    } finally {
      this.depth--;
      if (outermost) this.touched = new Map();
    }
    if (outermost && this.changedTables.size > 0) {
      const tables = [...this.changedTables].sort();
      this.changedTables = new Set();
      this.onCommit(tables);
    }
    return result;
  }

  private createWriter(author: Author): Writer {
    return {
      insert: (table, id, values) => this.insert(author, table, id, values),
      update: (table, id, values) => this.update(author, table, id, values),
      remove: (table, id) => {
        this.requireRow(table, id);
        this.update(author, table, id, { [TOMBSTONE_COLUMN]: true });
      },
      get: (table, id) => this.read(table, id),
      settle: (table, id, column, value) => {
        this.requireRow(table, id);
        this.update(author, table, id, { [column]: value }, true);
      },
    };
  }

  private insert(author: Author, table: ReplicatedTable, id: string, values: Values): void {
    assertTable(table);
    const existing = this.read(table, id);
    if (existing) {
      this.update(author, table, id, { ...values, [TOMBSTONE_COLUMN]: false });
      return;
    }
    const columns = Object.keys(values)
      .filter((column) => values[column] !== undefined)
      .sort();
    for (const column of columns) assertColumn(table, column);
    this.statement(`INSERT INTO ${table} (id${columns.map((c) => `, ${c}`).join('')}) VALUES (?${', ?'.repeat(columns.length)})`).run(
      id,
      ...columns.map((c) => toSql(columnType(table, c)!, values[c])),
    );
    // A new row has no earlier changes, so nothing is superseded.
    for (const column of columns) this.appendChange(author, table, id, column, values[column], []);
    this.markTouched(table, id);
  }

  private update(author: Author, table: ReplicatedTable, id: string, values: Values, force = false): number {
    assertTable(table);
    const current = this.requireRow(table, id);
    let changed = 0;
    for (const column of Object.keys(values).sort()) {
      // undefined means "not given"; null clears the field.
      if (values[column] === undefined) continue;
      const type = assertColumn(table, column);
      const next = toSql(type, values[column]);
      if (!force && sameSqlValue(current[column], next)) continue;
      this.statement(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(next, id);
      this.appendChange(author, table, id, column, values[column], this.supersededBy(table, id, column, fromSql(type, next)));
      changed++;
    }
    if (changed > 0) this.markTouched(table, id);
    return changed;
  }

  private markTouched(table: ReplicatedTable, id: string): void {
    this.changedTables.add(table);
    let ids = this.touched.get(table);
    if (!ids) this.touched.set(table, (ids = new Set()));
    ids.add(id);
  }

  /** What a new change of the field supersedes: its heads, and for a seal the heads of every field it covers. */
  private supersededBy(table: ReplicatedTable, id: string, column: string, value: unknown): string[] {
    const heads = this.headsOf(table, id, column);
    const seal = sealKind(table, column, value);
    if (!seal) return heads;
    const covered = sealedColumns(seal, Object.keys(replicatedTables[table].columns));
    return [...new Set([...heads, ...covered.flatMap((c) => this.headsOf(table, id, c))])].sort();
  }

  /** The field's current heads: its known changes that no other known change supersedes. */
  headsOf(table: ReplicatedTable, id: string, column: string): string[] {
    const rows = this.statement('SELECT hlc, supersedes FROM change_log WHERE tbl = ? AND row_id = ? AND col = ?').all(table, id, column) as {
      hlc: string;
      supersedes: string;
    }[];
    if (rows.length <= 1) return rows.map((r) => r.hlc);
    const superseded = new Set<string>();
    for (const row of rows) for (const hlc of JSON.parse(row.supersedes) as string[]) superseded.add(hlc);
    return rows.map((r) => r.hlc).filter((hlc) => !superseded.has(hlc)).sort();
  }

  private appendChange(author: Author, table: ReplicatedTable, id: string, column: string, value: unknown, supersedes: string[]): void {
    const hlc = this.clock.tick();
    this.statement(
      `INSERT INTO change_log (hlc, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor, batch)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      hlc,
      table,
      id,
      column,
      JSON.stringify(normalizeForLog(columnType(table, column)!, value)),
      JSON.stringify(supersedes),
      author.officeId,
      author.installationId,
      author.actor,
      (this.batch ??= hlc),
    );
  }

  private read(table: ReplicatedTable, id: string): Row | undefined {
    return this.statement(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  }

  private requireRow(table: ReplicatedTable, id: string): Row {
    const row = this.read(table, id);
    if (!row) throw new Error(`No ${table} row ${id}`);
    return row;
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function assertTable(table: string): asserts table is ReplicatedTable {
  if (!isReplicatedTable(table)) throw new Error(`Not a replicated table: ${table}`);
}

function assertColumn(table: ReplicatedTable, column: string): ColumnType {
  const type = columnType(table, column);
  if (!type) throw new Error(`Unknown column ${table}.${column}`);
  return type;
}

/** JavaScript value → the value stored in the materialized column. */
export function toSql(type: ColumnType, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'json':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'integer':
    case 'real':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`Expected a finite number, got ${String(value)}`);
      return type === 'integer' ? Math.trunc(value) : value;
    case 'text':
      if (typeof value !== 'string') throw new TypeError(`Expected text, got ${typeof value}`);
      return value;
  }
}

/** Materialized column value → JavaScript value (inverse of toSql). */
export function fromSql(type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'json') return JSON.parse(value as string);
  if (type === 'boolean') return value === 1;
  return value;
}

function normalizeForLog(type: ColumnType, value: unknown): unknown {
  const sql = toSql(type, value);
  return fromSql(type, sql);
}

function sameSqlValue(a: unknown, b: unknown): boolean {
  return a === b || (a == null && b == null);
}
