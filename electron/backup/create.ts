import { stripPrivateKey } from '../core/identity';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { BackupInfo, BackupReason } from '../../shared/api/backup';
import { AppError, toApiError } from '../core/app-error';
import type { Core } from '../core/core';
import { APP_VERSION } from '../core/version';
import { loadSqlite } from '../db/native';
import { readFacts } from './inspect';
import { ownedTempName } from './leftovers';
import { backupFolder, copyAddressed, MANIFEST_FORMAT, newBackupId, prune, readKeep, sqliteOf, storeFolder, toInfo, writeManifest, type Manifest } from './store';

/** The live attachment files of the database at `dbFile` (see services/attachments.ts). */
export function liveAttachmentFolder(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'attachments');
}

/** Named after this process, so a killed backup's file is known as a leftover at the next start. */
function tempFileFor(folder: string, id: string): string {
  return ownedTempName(sqliteOf(folder, id));
}

/** A backup is one self-contained file without the private key: out of WAL mode, so it opens without -wal/-shm. */
function prepareCopy(file: string): void {
  const db = new (loadSqlite())(file, { fileMustExist: true });
  try {
    // The private key never leaves this PC: a lost USB stick must not let anyone sign as this office.
    stripPrivateKey(db);
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Given the copied database in `temp`: copy the attachment files it references into the shared
 * store, move it into place, write the manifest (which makes the backup visible) and apply the
 * retention rule.
 */
function finish(options: { folder: string; id: string; temp: string; reason: BackupReason; time: number; dbFile: string; keep: number }): Manifest {
  const { folder, id, temp, reason, time, dbFile, keep } = options;
  const db = new (loadSqlite())(temp, { readonly: true, fileMustExist: true });
  let facts;
  try {
    facts = readFacts(db);
  } finally {
    db.close();
  }
  const live = liveAttachmentFolder(dbFile);
  const store = storeFolder(folder);
  let attachmentBytes = 0;
  const present: string[] = [];
  for (const sha of facts.attachmentHashes) {
    const size = copyAddressed(path.join(live, sha), store, sha);
    if (size === null) continue;
    attachmentBytes += size;
    present.push(sha);
  }
  const target = sqliteOf(folder, id);
  fs.renameSync(temp, target);
  const databaseBytes = fs.statSync(target).size;
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    id,
    createdAt: new Date(time).toISOString(),
    reason,
    appVersion: APP_VERSION,
    schemaVersion: facts.schemaVersion,
    installationId: facts.installationId,
    officeName: facts.officeName,
    counts: facts.counts,
    bytes: databaseBytes + attachmentBytes,
    databaseBytes,
    missingAttachments: facts.attachmentHashes.length - present.length,
    attachmentHashes: present,
  };
  writeManifest(folder, manifest);
  prune(folder, keep, time);
  return manifest;
}

function withTemp<T>(temp: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Back up the open database with SQLite's online backup API, plus its attachment files. */
export async function createBackup(core: Core, reason: BackupReason): Promise<BackupInfo> {
  if (core.file === ':memory:' || core.file === '') throw new AppError('UNAVAILABLE', '内存中的数据库（测试用）不能备份');
  const folder = backupFolder(core.file);
  fs.mkdirSync(folder, { recursive: true });
  const time = core.now();
  const id = newBackupId(folder, time, reason);
  const temp = tempFileFor(folder, id);
  try {
    await core.db.backup(temp);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return toInfo(
    withTemp(temp, () => {
      prepareCopy(temp);
      return finish({ folder, id, temp, reason, time, dbFile: core.file, keep: readKeep(core.db) });
    }),
  );
}

/**
 * The same backup, synchronously, for openDatabase's beforeMigrate hook (which cannot wait):
 * `VACUUM INTO` writes a consistent copy from the open connection in one statement.
 */
export function createBackupSync(db: Database, dbFile: string, reason: BackupReason, time: number = Date.now()): BackupInfo {
  const folder = backupFolder(dbFile);
  fs.mkdirSync(folder, { recursive: true });
  const id = newBackupId(folder, time, reason);
  const temp = tempFileFor(folder, id);
  return toInfo(
    withTemp(temp, () => {
      db.prepare('VACUUM INTO ?').run(temp);
      prepareCopy(temp);
      return finish({ folder, id, temp, reason, time, dbFile, keep: readKeep(db) });
    }),
  );
}

/**
 * openDatabase's beforeMigrate hook: copy the database before upgrading its schema. A new, empty
 * database (version 0) has nothing to keep. If the copy fails the upgrade does not start.
 */
export function backupBeforeMigration(dbFile: string): (fromVersion: number, db: Database) => void {
  return (fromVersion, db) => {
    if (fromVersion === 0 || dbFile === ':memory:') return;
    try {
      createBackupSync(db, dbFile, 'migrate');
    } catch (error) {
      const { code, message } = toApiError(error);
      throw new AppError(code === 'INTERNAL' ? 'READ_ONLY' : code, `升级数据库前的备份没有成功（${message}），为保护数据，未进行升级。请检查磁盘空间和数据文件夹的权限后重新打开。`);
    }
  };
}
