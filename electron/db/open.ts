import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { loadSqlite } from './native';
import { assertNotFromFuture, migrate } from './migrate';
import { AppError, toApiError } from '../core/app-error';

export interface OpenOptions {
  /** Called with the old version before the first pending migration (backups hook in here). */
  readonly beforeMigrate?: (fromVersion: number, db: Database) => void;
  readonly readonly?: boolean;
}

/** Open (creating if needed) and migrate a ledger database. `:memory:` works for tests. */
export function openDatabase(file: string, options: OpenOptions = {}): Database {
  const Sqlite = loadSqlite();
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch {
      throw new AppError('READ_ONLY', `无法创建数据文件夹：${path.dirname(file)}。请检查路径和权限。`);
    }
  }
  let db: Database;
  try {
    db = new Sqlite(file, { readonly: options.readonly ?? false });
  } catch (error) {
    throw new AppError(toApiError(error).code === 'INTERNAL' ? 'READ_ONLY' : toApiError(error).code, `无法打开数据库文件：${file}`);
  }
  try {
    assertNotFromFuture(db);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      migrate(db, { beforeFirst: (from) => options.beforeMigrate?.(from, db) });
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
