import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason, RestoreResult } from '../../shared/api/backup';
import { backupReasons } from '../../shared/api/backup';
import { replicatedTables } from '../../shared/schema/tables';
import { AppError, toApiError } from '../core/app-error';
import { Core } from '../core/core';
import { createLocalIdentity, FILE_IDENTITY_KEY, fingerprint } from '../core/identity';
import { loadSqlite } from '../db/native';
import { registerInstallation } from '../services/installation';
import { maxAheadMs } from '../sync/service';
import { extractArchive, isZipFile } from './archive';
import { refuseClockAhead } from './clock-check';
import { createBackup, liveAttachmentFolder } from './create';
import { readFacts } from './inspect';
import { stagingPrefix } from './leftovers';
import { checkSqliteHeader, diskFreeSpace, diskFull, isDiskFull, MAX_DATABASE_BYTES, requireSpace, tooLarge, type FreeSpace } from './limits';
import { rebuildBackup, type Rebuilt, type TrustedKeyRow } from './rebuild';
import { backupFolder, copyAddressed, readManifest, sqliteOf, storeFolder, type Manifest } from './store';

/*
 * Restore, in an order that never leaves a half state:
 *   1. copy or unpack the backup into a staging folder beside the database (same disk, so the
 *      final rename is atomic), within what its manifest declares and the disk can hold;
 *   2. rebuild it (rebuild.ts): the staged file is only read, after its catalogue proved to be
 *      ours; its checked rows go into a new database of our schema, so none of its own SQL
 *      (triggers, views) comes along; a clock far ahead is refused (clock-check.ts). Every
 *      refusal happens here, before anything live is touched;
 *   3. put the attachment files it references back (extra files are harmless);
 *   4. back up the current state ("恢复前");
 *      Trusted keys stay only where this PC already trusts the same installation with the same key;
 *   5. give the rebuilt database a new installation id and key pair (after all its data is in),
 *      move its clock past every value either database has seen, record the file it will become;
 *   6. close the live connection, rename the rebuilt file over the live one, open it again.
 * Until step 6 the live database is untouched; after it, the restored one is complete.
 */

export interface Staged {
  readonly sqlite: string;
  /** Where the referenced attachment files may be found, besides the live folder. */
  readonly attachmentDirs: readonly string[];
  readonly manifest: Partial<Manifest> | null;
  /** The largest the database may be: what its manifest declares, within MAX_DATABASE_BYTES. */
  readonly databaseLimit: number;
}

export interface StageContext {
  readonly freeSpace: FreeSpace;
}

export interface RestoreSource {
  /** How messages name the backup: a file name or 备份时间. */
  readonly label: string;
  stage(dir: string, context: StageContext): Staged;
}

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What a manifest declares the database to be: databaseBytes, or for older backups the whole backup's bytes. */
export function declaredDatabaseLimit(manifest: Partial<Manifest>): number {
  const declared = [manifest.databaseBytes, manifest.bytes].find((n): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0);
  return Math.min(declared ?? MAX_DATABASE_BYTES, MAX_DATABASE_BYTES);
}

/** Copy `file` into the staging folder once its size is known to be within `limit` and to fit on the disk. */
function stageCopy(file: string, dir: string, label: string, limit: number, context: StageContext): string {
  const size = fs.statSync(file).size;
  if (size > limit) throw tooLarge(label, '数据库', limit);
  requireSpace(dir, size, context.freeSpace);
  const sqlite = path.join(dir, 'ledger.sqlite');
  fs.copyFileSync(file, sqlite);
  return sqlite;
}

/** A backup in this database's backup folder, by id. */
export function backupSource(dbFile: string, id: string): RestoreSource {
  const folder = backupFolder(dbFile);
  const manifest = readManifest(folder, id);
  if (!manifest) throw new AppError('NOT_FOUND', '找不到这份备份，可能已被删除。未作任何改动。');
  const label = `${localTime(manifest.createdAt)} 的备份`;
  return {
    label,
    stage: (dir, context) => {
      const limit = declaredDatabaseLimit(manifest);
      return { sqlite: stageCopy(sqliteOf(folder, id), dir, label, limit, context), attachmentDirs: [storeFolder(folder)], manifest, databaseLimit: limit };
    },
  };
}

/** A .tlbak archive, or a bare database file (its attachments from a folder beside it, or the backup store). */
export function fileSource(dbFile: string, file: string): RestoreSource {
  const label = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `找不到备份文件“${file}”。未作任何改动。`);
  }
  if (!stat.isFile()) throw new AppError('INVALID_ARGUMENT', `“${file}”不是文件。未作任何改动。`);
  const store = storeFolder(backupFolder(dbFile));
  return {
    label,
    stage: (dir, context) => {
      if (isZipFile(file)) {
        const extracted = extractArchive(file, dir, label, context.freeSpace(dir));
        return { sqlite: extracted.sqlite, attachmentDirs: [extracted.attachments, store], manifest: extracted.manifest, databaseLimit: extracted.databaseLimit };
      }
      // A bare database declares nothing: its own header is checked before a byte is copied.
      checkSqliteHeader(file, label, MAX_DATABASE_BYTES);
      const sqlite = stageCopy(file, dir, label, MAX_DATABASE_BYTES, context);
      return { sqlite, attachmentDirs: [path.join(path.dirname(file), 'attachments'), store], manifest: null, databaseLimit: MAX_DATABASE_BYTES };
    },
  };
}

/** Put back the attachment files the backup references; returns how many were found nowhere. */
function restoreAttachments(dbFile: string, hashes: readonly string[], dirs: readonly string[]): number {
  const live = liveAttachmentFolder(dbFile);
  let missing = 0;
  for (const sha of hashes) {
    if (fs.existsSync(path.join(live, sha))) continue;
    if (!dirs.some((dir) => copyAddressed(path.join(dir, sha), live, sha) !== null)) missing++;
  }
  return missing;
}

function fsyncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; its rename is durable on its own.
  }
}

/** Where the staged file will live: the value checkFileIdentity will compute after the rename. */
function finalFileIdentity(dbFile: string, staged: string): string {
  const resolved = path.join(fs.realpathSync(path.dirname(path.resolve(dbFile))), path.basename(dbFile));
  return `${resolved}#${fs.statSync(staged).ino}`;
}

/**
 * Step 5 on the rebuilt database: all the backup's data is in, so the identity made now is ours
 * alone. The clock moves past both databases' values so that no timestamp the old installation
 * issued, nor one the restored file already holds, is ever issued again.
 */
function adoptNewIdentity(dbFile: string, file: string, rebuilt: Rebuilt, liveMaxHlc: string | null, now: () => number): { installationId: string; publicKey: string } {
  const clock = [rebuilt.facts.maxHlc, liveMaxHlc].filter((v): v is string => !!v).sort().at(-1);
  const raw = new (loadSqlite())(file, { fileMustExist: true });
  try {
    if (clock) raw.prepare("INSERT INTO local_meta (key, value) VALUES ('clock', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(clock);
  } finally {
    raw.close();
  }
  // The restoring PC's time (the one the clock check used) stamps the new installation's record.
  const core = Core.open(file, { now });
  try {
    core.db.transaction(() => createLocalIdentity(core.db, rebuilt.officeId, rebuilt.departmentId))();
    core.reloadIdentity();
    // Published as a replicated record, so peers can verify the new key.
    core.mutations.run((writer) => registerInstallation(writer, core.requireIdentity()));
    core.db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(FILE_IDENTITY_KEY, finalFileIdentity(dbFile, file));
    // One self-contained file to rename: nothing may stay behind in a -wal file.
    core.db.pragma('journal_mode = DELETE');
    const identity = core.requireIdentity();
    return { installationId: identity.installationId, publicKey: identity.publicKey };
  } finally {
    core.close();
  }
}

/**
 * Step 6's file move. The live connection is already closed. Leaving WAL mode needs the only
 * connection, so it proves no other program (a second window, the CLI) has the file open, and
 * checkpoints the WAL so no stale -wal file could be applied to the restored file.
 */
function swapInto(dbFile: string, staged: string, checkExclusive: boolean): void {
  if (checkExclusive) {
    const db = new (loadSqlite())(dbFile, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 0');
      db.pragma('journal_mode = DELETE');
    } catch (error) {
      // A damaged file may fail here too; it is replaced anyway (a copy was kept first).
      if (toApiError(error).code === 'DATABASE_LOCKED') {
        throw new AppError('DATABASE_LOCKED', '数据库正被其他程序使用（例如另一个目标台账窗口或命令行），请关闭后再恢复。未作任何改动。');
      }
    } finally {
      db.close();
    }
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  try {
    fs.renameSync(staged, dbFile);
  } catch {
    // Windows refuses while another program (a virus scanner, a second window) holds the file.
    throw new AppError('DATABASE_LOCKED', '数据库文件正被其他程序占用，无法替换，请关闭其他目标台账窗口后再恢复。当前数据未作改动。');
  }
  fsyncFolder(path.dirname(path.resolve(dbFile)));
}

/** A database that cannot be opened is kept, not overwritten: it may still be rescued. */
function keepDamaged(dbFile: string, now: number): string | null {
  if (!fs.existsSync(dbFile)) return null;
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');
  const folder = path.join(backupFolder(dbFile), `damaged-${stamp}`);
  fs.mkdirSync(folder, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (fs.existsSync(`${dbFile}${suffix}`)) fs.copyFileSync(`${dbFile}${suffix}`, path.join(folder, `${path.basename(dbFile)}${suffix}`));
  }
  return folder;
}

/** The keys the clerk confirmed on this PC; none when the live database cannot say (trust is never taken from a file). */
function liveTrustedKeys(core: Core | null): TrustedKeyRow[] {
  if (!core) return [];
  try {
    return core.db.prepare('SELECT * FROM trusted_keys').all() as TrustedKeyRow[];
  } catch {
    return [];
  }
}

function readMaxHlc(core: Core): string | null {
  try {
    return readFacts(core.db).maxHlc;
  } catch {
    return null;
  }
}

/** The "恢复前" backup; a live database too damaged to back up is copied aside as it is. */
async function safetyBackup(core: Core, dbFile: string, now: number) {
  try {
    return await createBackup(core, 'restore');
  } catch (error) {
    if (toApiError(error).code !== 'CORRUPT') throw error;
    keepDamaged(dbFile, now);
    return null;
  }
}

export interface RestoreOptions {
  readonly progress?: (label: string, done: number, total: number) => void;
  readonly now?: () => number;
  /** Free bytes on a disk (tests pretend a full one). */
  readonly freeSpace?: FreeSpace;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function folderSize(folder: string): number {
  try {
    return fs.readdirSync(folder).reduce((sum, name) => sum + fileSize(path.join(folder, name)), 0);
  } catch {
    return 0;
  }
}

/**
 * Restore `source` into the database at `dbFile`. With `core` (the live database) the current
 * state is backed up first and the core is reopened on the restored file; without one (the file
 * cannot be opened: recovery) the damaged file is copied aside and the caller opens the result.
 */
export async function restoreDatabase(core: Core | null, dbFile: string, source: RestoreSource, options: RestoreOptions = {}): Promise<RestoreResult> {
  const progress = options.progress ?? (() => {});
  const now = options.now ?? (() => core?.now() ?? Date.now());
  const freeSpace = options.freeSpace ?? diskFreeSpace;
  const folder = backupFolder(dbFile);
  fs.mkdirSync(folder, { recursive: true });
  const staging = fs.mkdtempSync(stagingPrefix(folder));
  try {
    progress('正在核对备份', 0, 4);
    const staged = source.stage(staging, { freeSpace });
    // Room for the rebuilt copy, the "恢复前" backup and the attachment files to put back.
    requireSpace(staging, fileSize(staged.sqlite) + fileSize(dbFile) + folderSize(path.join(staging, 'attachments')), freeSpace);
    const rebuiltFile = path.join(staging, 'rebuilt.sqlite');
    const rebuilt = rebuildBackup(staged.sqlite, rebuiltFile, source.label, staged.databaseLimit, liveTrustedKeys(core));
    const facts = rebuilt.facts;
    // The live PC's allowance (the backup's own settings could widen it); none readable in recovery: the default.
    refuseClockAhead(source.label, facts.maxHlc, now(), maxAheadMs(core ?? { localSetting: () => null }));
    progress('正在恢复佐证材料', 1, 4);
    const missingAttachments = restoreAttachments(dbFile, facts.attachmentHashes, staged.attachmentDirs);
    progress('正在备份当前数据', 2, 4);
    const safety = core ? await safetyBackup(core, dbFile, now()) : null;
    const liveMaxHlc = core ? readMaxHlc(core) : null;
    progress('正在恢复数据库', 3, 4);
    const identity = adoptNewIdentity(dbFile, rebuiltFile, rebuilt, liveMaxHlc, now);
    if (core) {
      core.replaceFile(() => swapInto(dbFile, rebuiltFile, true));
      core.emit({ type: 'changed', tables: [...Object.keys(replicatedTables), 'local_settings', 'drafts'] });
    } else {
      keepDamaged(dbFile, now());
      swapInto(dbFile, rebuiltFile, false);
    }
    progress('恢复完成', 4, 4);
    const reason = staged.manifest?.reason;
    return {
      restored: {
        createdAt: typeof staged.manifest?.createdAt === 'string' ? staged.manifest.createdAt : null,
        reason: backupReasons.includes(reason as BackupReason) ? (reason as BackupReason) : null,
        officeName: facts.officeName,
        schemaVersion: facts.schemaVersion,
        counts: facts.counts,
      },
      safetyBackup: safety,
      missingAttachments,
      unconfirmedPeers: rebuilt.unconfirmedPeers,
      installationId: identity.installationId,
      fingerprint: fingerprint(identity.publicKey),
    };
  } catch (error) {
    // A full disk says so, whichever write met it (never "不是目标台账的备份文件").
    if (!(error instanceof AppError) && isDiskFull(error)) throw diskFull(null, null);
    throw error;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
