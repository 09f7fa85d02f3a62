import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo } from '../../shared/api/backup';
import { AppError } from '../core/app-error';
import { installationOf } from '../core/identity';
import { latestSchemaVersion, schemaVersion } from '../db/migrate';
import { loadSqlite } from '../db/native';

/** What a ledger database holds, as far as a backup's manifest and a restore need to know. */
export interface DatabaseFacts {
  readonly schemaVersion: number;
  readonly installationId: string;
  readonly officeId: string;
  readonly officeName: string;
  readonly counts: BackupInfo['counts'];
  /** Every attachment file a row points at, deleted rows included (history may show them). */
  readonly attachmentHashes: readonly string[];
  /** The largest clock value the database has seen: its own clock and every change it holds. */
  readonly maxHlc: string | null;
}

/** Tables every released schema has; a database without them is not ours. */
const OUR_TABLES = ['local_meta', 'local_settings', 'change_log', 'offices', 'installations', 'plans', 'tasks', 'progress_reports', 'attachments'];

const count = (db: Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

export function readFacts(db: Database): DatabaseFacts {
  const identity = installationOf(db);
  const office = identity ? (db.prepare('SELECT name FROM offices WHERE id = ?').get(identity.officeId) as { name: string | null } | undefined) : undefined;
  const hashes = (db.prepare("SELECT DISTINCT sha256 FROM attachments WHERE sha256 IS NOT NULL AND sha256 <> '' ORDER BY sha256").pluck().all() as string[]).filter(
    (sha) => /^[0-9a-f]{64}$/.test(sha),
  );
  const clock = db.prepare("SELECT value FROM local_meta WHERE key = 'clock'").pluck().get() as string | undefined;
  const newestChange = db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string | null;
  const maxHlc = [clock ?? null, newestChange].filter((v): v is string => !!v).sort().at(-1) ?? null;
  return {
    schemaVersion: schemaVersion(db),
    installationId: identity?.installationId ?? '',
    officeId: identity?.officeId ?? '',
    officeName: office?.name ?? '',
    counts: {
      plans: count(db, 'SELECT COUNT(*) AS n FROM plans WHERE deleted = 0'),
      tasks: count(db, 'SELECT COUNT(*) AS n FROM tasks WHERE deleted = 0'),
      progressReports: count(db, 'SELECT COUNT(*) AS n FROM progress_reports WHERE deleted = 0'),
      attachments: hashes.length,
    },
    attachmentHashes: hashes,
    maxHlc,
  };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    return header;
  } finally {
    fs.closeSync(fd);
  }
}

function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

/**
 * Check that `file` is a whole database of this app that this version can open, and read its
 * facts. Opens it read-only: call it on a staged copy in rollback-journal mode (a WAL file
 * opened read-only still gets -shm/-wal files beside it). Throws a Chinese AppError otherwise.
 */
export function inspectBackupFile(file: string, label = path.basename(file)): DatabaseFacts {
  const unchanged = '未作任何改动。';
  let header: Buffer;
  try {
    header = readHeader(file);
  } catch {
    throw new AppError('NOT_FOUND', `找不到备份文件“${label}”，或无法读取。${unchanged}`);
  }
  if (!header.equals(SQLITE_HEADER)) throw new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份文件（不是数据库文件）。${unchanged}`);
  const Sqlite = loadSqlite();
  const corrupt = () => new AppError('CORRUPT', `备份“${label}”已损坏（数据库完整性检查未通过），不能用于恢复。${unchanged}请选择其他备份。`);
  let db: Database;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
  } catch {
    throw corrupt();
  }
  try {
    const version = schemaVersion(db);
    const latest = latestSchemaVersion();
    if (version > latest) {
      throw new AppError('DATABASE_NEWER', `备份“${label}”来自更新版本的目标台账（数据库结构版本 ${version}，本软件最高支持 ${latest}）。请先升级本软件再恢复。${unchanged}`);
    }
    const problems = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') throw corrupt();
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (version === 0 || !OUR_TABLES.every((t) => tables.has(t))) {
      throw new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份：其中没有台账的数据表。${unchanged}`);
    }
    if (!installationOf(db)) throw new AppError('INVALID_ARGUMENT', `“${label}”是尚未初始化的台账数据库，其中没有可恢复的数据。${unchanged}`);
    return readFacts(db);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isSqliteError(error)) throw corrupt();
    throw error;
  } finally {
    db.close();
  }
}
