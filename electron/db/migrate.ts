import type { Database } from 'better-sqlite3';
import { AppError } from '../core/app-error';
import { migrations, type Migration } from './migrations';

export function latestSchemaVersion(list: readonly Migration[] = migrations): number {
  return list.at(-1)?.version ?? 0;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuse a database written by a newer app before anything (even WAL mode) touches it. */
export function assertNotFromFuture(db: Database, list: readonly Migration[] = migrations): void {
  const current = schemaVersion(db);
  const latest = latestSchemaVersion(list);
  if (current > latest) {
    throw new AppError(
      'DATABASE_NEWER',
      `该数据库的结构版本为 ${current}，本软件最高支持 ${latest}。请升级目标台账后再打开，数据库未作任何改动。`,
    );
  }
}

/**
 * Run every migration newer than the database, each in its own transaction together with
 * its `user_version` bump, so a crash leaves the database at a whole version.
 */
export function migrate(db: Database, options: { list?: readonly Migration[]; to?: number; beforeFirst?: (from: number) => void } = {}): number {
  const list = options.list ?? migrations;
  assertVersionsAscend(list);
  assertNotFromFuture(db, list);
  const target = options.to ?? latestSchemaVersion(list);
  const pending = list.filter((m) => m.version > schemaVersion(db) && m.version <= target);
  if (pending.length > 0) options.beforeFirst?.(schemaVersion(db));
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}

function assertVersionsAscend(list: readonly Migration[]): void {
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version <= list[i - 1]!.version) {
      throw new Error(`Migration versions must ascend: ${list[i - 1]!.version} then ${list[i]!.version}`);
    }
  }
}
