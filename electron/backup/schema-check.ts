import type { Database } from 'better-sqlite3';
import { AppError } from '../core/app-error';
import { latestSchemaVersion, migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { loadSqlite } from '../db/native';
import { UNCHANGED } from './limits';

/*
 * What "ours" means for a backup: its sqlite_master holds exactly the objects our migrations
 * create at its schema version, with the same SQL text, and nothing else. Checked on the
 * catalogue alone, before a single row is read, so a foreign trigger, view, index or virtual
 * table (even a recursive view named like one of our tables) is refused without running.
 */

export interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tbl_name: string;
  readonly sql: string | null;
}

const references = new Map<number, Map<string, SchemaObject>>();

/** The objects a fresh database has at `version` (built once per version in memory). */
export function referenceSchema(version: number): Map<string, SchemaObject> {
  let reference = references.get(version);
  if (!reference) {
    const db = new (loadSqlite())(':memory:');
    try {
      migrate(db, { to: version });
      reference = new Map(readCatalogue(db).map((o) => [o.name, o]));
    } finally {
      db.close();
    }
    references.set(version, reference);
  }
  return reference;
}

function readCatalogue(db: Database): SchemaObject[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master').all() as SchemaObject[];
}

export function isReleasedVersion(version: number): boolean {
  return migrations.some((m) => m.version === version);
}

const KINDS: Record<string, string> = { trigger: '触发器', view: '视图', index: '索引', table: '数据表' };

function describe(object: SchemaObject): string {
  const virtual = object.type === 'table' && /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(object.sql ?? '');
  const kind = virtual ? '虚拟表' : (KINDS[object.type] ?? '对象');
  return `${kind}“${object.name.slice(0, 40)}”`;
}

/**
 * Refuse `db` (opened read-only) unless its schema version is one we released, not newer than
 * ours, and its catalogue equals that version's. Returns the version.
 */
export function checkSchema(db: Database, label: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion();
  if (version > latest) {
    throw new AppError('DATABASE_NEWER', `备份“${label}”来自更新版本的目标台账（数据库结构版本 ${version}，本软件最高支持 ${latest}）。请先升级本软件再恢复。${UNCHANGED}`);
  }
  const catalogue = readCatalogue(db);
  const tables = new Set(catalogue.filter((o) => o.type === 'table').map((o) => o.name));
  if (version === 0 || !tables.has('local_meta') || !tables.has('change_log')) {
    throw new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份：其中没有台账的数据表。${UNCHANGED}`);
  }
  if (!isReleasedVersion(version)) {
    throw new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份：数据库结构版本 ${version} 不是目标台账用过的版本。${UNCHANGED}`);
  }
  const reference = referenceSchema(version);
  const foreign: string[] = [];
  for (const object of catalogue) {
    const ours = reference.get(object.name);
    if (!ours || ours.type !== object.type || ours.tbl_name !== object.tbl_name || ours.sql !== object.sql) foreign.push(describe(object));
  }
  const missing = [...reference.keys()].filter((name) => !catalogue.some((o) => o.name === name));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join('、') + (foreign.length > 3 ? `等 ${foreign.length} 项` : '');
    throw new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账生成的备份：其中有不属于目标台账的${shown}，可能被改动过，不能用于恢复。${UNCHANGED}`);
  }
  if (missing.length > 0) {
    throw new AppError('INVALID_ARGUMENT', `“${label}”不是完整的目标台账备份：缺少数据表“${missing[0]!.slice(0, 40)}”等 ${missing.length} 项，不能用于恢复。${UNCHANGED}`);
  }
  return version;
}

/** Our columns of `table` at the reference version, in order. */
export function columnsOf(version: number, table: string): string[] {
  const db = new (loadSqlite())(':memory:');
  try {
    migrate(db, { to: version });
    return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  } finally {
    db.close();
  }
}
