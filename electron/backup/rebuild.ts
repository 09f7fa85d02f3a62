import type { Database } from 'better-sqlite3';
import { isHlc } from '../../shared/domain/hlc';
import { AppError } from '../core/app-error';
import { migrate } from '../db/migrate';
import { loadSqlite } from '../db/native';
import { SearchIndex } from '../search/search-index';
import { contentFacts, type DatabaseFacts } from './inspect';
import { checkSqliteHeader, isDiskFull, markRollbackJournal, UNCHANGED } from './limits';
import { anyColumn, policyOf, type Cell, type ColumnCheck, type TablePolicy } from './row-checks';
import { checkSchema } from './schema-check';

/*
 * A restore never takes a backup's file as it is: the file may carry SQL of its own (a trigger
 * that rewrites the new key pair, a view that never ends) that would run inside the app. It is
 * opened read-only, its catalogue checked against our schema before any row is read, and the
 * rows of our tables, each checked, are copied into a new database our migrations create at the
 * backup's version and then migrate up. Derived data (search index, entry clock) is rebuilt;
 * the local identity is never taken from the backup (the caller makes a new one), nor is trust:
 * a trusted key stays only when this PC's own database already trusts that installation with
 * that key (a crafted backup could otherwise vouch for an attacker's key).
 */

export interface Rebuilt {
  readonly facts: DatabaseFacts;
  /** The office and department this installation acts for, from the backup. */
  readonly officeId: string;
  readonly departmentId: string | null;
  /** PCs the backup trusted that this PC has not itself confirmed: their next package asks for the fingerprint. */
  readonly unconfirmedPeers: number;
}

/** A trusted_keys row of the live database, as it is stored there. */
export type TrustedKeyRow = Readonly<Record<string, unknown>> & { readonly installation_id: string; readonly public_key: string };

const ID = /^[0-9A-Za-z-]{1,64}$/;

function corrupt(label: string): AppError {
  return new AppError('CORRUPT', `备份“${label}”已损坏（数据库完整性检查未通过），不能用于恢复。${UNCHANGED}请选择其他备份。`);
}

function badData(label: string, table: string, row: number | null, column: string | null, problem: string): AppError {
  const where = [`数据表 ${table}`, row !== null ? `第 ${row} 行` : '', column ? `字段 ${column}` : ''].filter(Boolean).join(' ');
  return new AppError('INVALID_ARGUMENT', `“${label}”中的数据不符合目标台账的格式（${where}：${problem}），可能被改动过或已损坏，不能用于恢复。${UNCHANGED}`);
}

function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/** Open the staged backup read-only with its schema's own code switched off, and check it is ours and whole. */
function openChecked(file: string, label: string): { db: Database; version: number } {
  let db: Database;
  try {
    db = new (loadSqlite())(file, { readonly: true, fileMustExist: true });
  } catch {
    throw corrupt(label);
  }
  try {
    // Functions named in the schema run only if harmless; the catalogue is checked before anything else.
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    const version = checkSchema(db, label);
    const problems = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') throw corrupt(label);
    return { db, version };
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (isSqliteError(error)) throw corrupt(label);
    throw error;
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface MetaValues {
  readonly installationId: string;
  readonly officeId: string;
  readonly departmentId: string | null;
  readonly clock: string | null;
}

/** The office binding and clock of the backup; nothing else of local_meta is taken. */
function readMeta(db: Database, label: string): MetaValues {
  const oversized = db.prepare('SELECT key FROM local_meta WHERE octet_length(key) > 64 OR octet_length(value) > 4096 LIMIT 1').get();
  if (oversized) throw badData(label, 'local_meta', null, null, '内容过长');
  const meta = new Map((db.prepare("SELECT key, value FROM local_meta WHERE key IN ('installation_id', 'office_id', 'department_id', 'clock')").raw().all() as [string, string][]).map(([k, v]) => [k, v]));
  const get = (key: string) => meta.get(key) ?? null;
  const installationId = get('installation_id');
  const officeId = get('office_id');
  if (!installationId || !officeId) throw new AppError('INVALID_ARGUMENT', `“${label}”是尚未初始化的台账数据库，其中没有可恢复的数据。${UNCHANGED}`);
  if (!ID.test(officeId) || !ID.test(installationId)) throw badData(label, 'local_meta', null, 'office_id', '编号格式不正确');
  const departmentId = get('department_id') || null;
  if (departmentId !== null && !ID.test(departmentId)) throw badData(label, 'local_meta', null, 'department_id', '编号格式不正确');
  const clock = get('clock');
  if (clock !== null && !isHlc(clock)) throw badData(label, 'local_meta', null, 'clock', '时钟格式不正确');
  return { installationId, officeId, departmentId, clock };
}

/** Our tables at this version (virtual tables and SQLite's own excluded), from the new database. */
function ourTables(target: Database): string[] {
  return target.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
}

/** A table of ours no policy names (a newer migration's): every column with the generic check. */
const genericPolicy: TablePolicy = { kind: 'copy', columns: {} };

/** Copy one table's rows from `source` into `target`, checking each value first. */
function copyTable(source: Database, target: Database, table: string, policy: TablePolicy, label: string): void {
  if (policy.kind === 'skip' || policy.kind === 'meta') return;
  const columns = target.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[];
  const checks: [string, ColumnCheck][] = columns.map((c) => [c, policy.columns[c] ?? anyColumn]);
  const list = columns.map(quote).join(', ');
  // Sizes first, from the record headers alone: an oversized cell is refused without being read.
  const size = checks.map(([c, check]) => `WHEN octet_length(${quote(c)}) > ${check.maxBytes} THEN ${quoteText(c)}`).join(' ');
  const tooLong = source.prepare(`SELECT CASE ${size} END FROM ${quote(table)} WHERE CASE ${size} END IS NOT NULL LIMIT 1`).pluck().get() as string | undefined;
  if (tooLong !== undefined) {
    if (policy.kind === 'filter') return;
    throw badData(label, table, null, tooLong, '内容过长');
  }
  const insert = target.prepare(`INSERT INTO ${quote(table)} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
  const read = source.prepare(`SELECT ${list} FROM ${quote(table)}`).raw(true).safeIntegers(true);
  let index = 0;
  for (const values of read.iterate() as Iterable<Cell[]>) {
    index++;
    const problem = firstProblem(checks, values) ?? rowProblem(policy, columns, values);
    if (problem) {
      if (policy.kind === 'filter') continue;
      throw badData(label, table, index, problem.column, problem.text);
    }
    try {
      insert.run(...values);
    } catch (error) {
      if (isDiskFull(error) || !isSqliteError(error)) throw error;
      if (policy.kind === 'filter') continue;
      // Two rows with one key, a value of the wrong type: the new database's constraints say so.
      throw badData(label, table, index, null, '与其他行重复或类型不符');
    }
  }
}

function quoteText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function firstProblem(checks: readonly [string, ColumnCheck][], values: readonly Cell[]): { column: string; text: string } | null {
  for (let i = 0; i < checks.length; i++) {
    const [column, check] = checks[i]!;
    const text = check.check(values[i] ?? null);
    if (text) return { column, text };
  }
  return null;
}

function rowProblem(policy: TablePolicy, columns: readonly string[], values: readonly Cell[]): { column: null; text: string } | null {
  if (policy.kind !== 'copy' || !policy.row) return null;
  const text = policy.row({ get: (column) => values[columns.indexOf(column)] ?? null });
  return text ? { column: null, text } : null;
}

/** Rebuild what is derived from the rows: each entry's newest change, and the search index's text. */
function rebuildDerived(db: Database): void {
  db.exec(`DELETE FROM entry_clock;
    INSERT INTO entry_clock (entry_id, hlc) SELECT row_id, MAX(hlc) FROM change_log WHERE tbl = 'progress_reports' GROUP BY row_id;
    DELETE FROM search_docs WHERE ref NOT IN (SELECT 't:' || id FROM tasks UNION ALL SELECT 'p:' || id FROM progress_reports);
    DELETE FROM search_scopes WHERE plan_id NOT IN (SELECT id FROM plans);`);
  const ids = (sql: string) => new Set(db.prepare(sql).pluck().all() as string[]);
  // Kept document numbers stay; the text of every document is indexed again.
  new SearchIndex(db).update(
    new Map([
      ['tasks', ids('SELECT id FROM tasks')],
      ['progress_reports', ids('SELECT id FROM progress_reports')],
    ]),
  );
}

/**
 * Replace the backup's trusted keys by this PC's own rows for the same installation and key
 * (scope and names included: a file may not widen them); returns how many were dropped.
 */
function keepConfirmedTrust(db: Database, live: readonly TrustedKeyRow[]): number {
  const held = db.prepare('SELECT installation_id, public_key FROM trusted_keys').all() as { installation_id: string; public_key: string }[];
  const columns = new Set(db.prepare("SELECT name FROM pragma_table_info('trusted_keys')").pluck().all() as string[]);
  db.exec('DELETE FROM trusted_keys');
  let kept = 0;
  for (const row of held) {
    const confirmed = live.find((l) => l.installation_id === row.installation_id && l.public_key === row.public_key);
    if (!confirmed) continue;
    const names = Object.keys(confirmed).filter((c) => columns.has(c));
    db.prepare(`INSERT INTO trusted_keys (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((c) => confirmed[c]));
    kept++;
  }
  return held.length - kept;
}

/**
 * Check the backup database `file` (a staged copy: its header may be rewritten) and rebuild its
 * rows into a new database at `target`. `limit` bounds the file's size and page count; `trusted`
 * is the live database's trusted_keys (none in recovery). Throws a Chinese AppError, before
 * writing anything but `target`, when the backup is not ours or whole.
 */
export function rebuildBackup(file: string, target: string, label: string, limit: number, trusted: readonly TrustedKeyRow[]): Rebuilt {
  checkSqliteHeader(file, label, limit);
  markRollbackJournal(file);
  const { db: source, version } = openChecked(file, label);
  let created: Database | null = null;
  try {
    const meta = readMeta(source, label);
    const db = (created = new (loadSqlite())(target));
    // A scratch file until it is complete: a crash leaves only a staging folder to remove.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    migrate(db, { to: version });
    db.transaction(() => {
      for (const table of ourTables(db)) copyTable(source, db, table, policyOf(table) ?? genericPolicy, label);
      const insertMeta = db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?)');
      insertMeta.run('office_id', meta.officeId);
      if (meta.departmentId) insertMeta.run('department_id', meta.departmentId);
      if (meta.clock) insertMeta.run('clock', meta.clock);
    })();
    source.close();
    migrate(db);
    const unconfirmedPeers = db.transaction(() => {
      rebuildDerived(db);
      return keepConfirmedTrust(db, trusted);
    })();
    const facts: DatabaseFacts = { ...contentFacts(db, meta.officeId, meta.clock), schemaVersion: version, installationId: meta.installationId, officeId: meta.officeId };
    return { facts, officeId: meta.officeId, departmentId: meta.departmentId, unconfirmedPeers };
  } catch (error) {
    if (error instanceof AppError || isDiskFull(error)) throw error;
    // Reading the backup failed halfway (a damaged page integrity_check did not reach).
    if (isSqliteError(error)) throw corrupt(label);
    throw error;
  } finally {
    if (source.open) source.close();
    created?.close();
  }
}
