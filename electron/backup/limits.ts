import fs from 'node:fs';
import { AppError, faultOf } from '../core/app-error';

/*
 * What a restore may cost, checked before anything is written: a backup is a file from outside
 * (a USB stick, a mail attachment) and may lie about its size. Sizes are counted as they are
 * produced (bytes really inflated, bytes really on disk), never taken from a header.
 */

/** The largest database a restore accepts, whatever a manifest declares. */
export const MAX_DATABASE_BYTES = 2 * 1024 ** 3;
/** manifest.json is held in memory while it is read. */
export const MAX_MANIFEST_BYTES = 4 * 1024 ** 2;
/** One attachment file (the app stores at most 20 MB each; older files get some room). */
export const MAX_ATTACHMENT_FILE_BYTES = 32 * 1024 ** 2;
/** Space left over after a restore, so the restored ledger can still write. */
export const RESERVE_BYTES = 64 * 1024 ** 2;

export const UNCHANGED = '未作任何改动。';

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Free bytes for this user on the disk holding `dir`; the tests pass their own. */
export type FreeSpace = (dir: string) => number;

export const diskFreeSpace: FreeSpace = (dir) => {
  try {
    const stat = fs.statfsSync(dir);
    return Number(stat.bavail) * Number(stat.bsize);
  } catch {
    // Unknown (an odd file system): the writes themselves will say when the disk is full.
    return Number.POSITIVE_INFINITY;
  }
};

export function diskFull(need: number | null, free: number | null): AppError {
  if (need !== null && free !== null && Number.isFinite(free)) {
    return new AppError('DISK_FULL', `磁盘空间不足：恢复需要约 ${formatSize(need)}，当前磁盘只剩 ${formatSize(Math.max(0, free))}。${UNCHANGED}请清理数据所在的磁盘（删除不需要的文件或旧备份）后重试。`);
  }
  return new AppError('DISK_FULL', `磁盘空间不足，恢复没有完成。${UNCHANGED}请清理数据所在的磁盘（删除不需要的文件或旧备份）后重试。`);
}

/** Refuse unless `need` bytes (plus a reserve) fit on the disk holding `dir`. */
export function requireSpace(dir: string, need: number, freeSpace: FreeSpace): void {
  const free = freeSpace(dir);
  if (need + RESERVE_BYTES > free) throw diskFull(need + RESERVE_BYTES, free);
}

/** A full disk met while writing, in whatever form it came (ENOSPC, SQLITE_FULL): the clerk reads 磁盘空间不足. */
export function isDiskFull(error: unknown): boolean {
  return faultOf(error) === 'DISK_FULL' || (error instanceof AppError && error.code === 'DISK_FULL');
}

export function tooLarge(label: string, what: string, limit: number): AppError {
  return new AppError('INVALID_ARGUMENT', `“${label}”的${what}超过了${formatSize(limit)}（备份中声明的大小或软件允许的上限），不能用于恢复。${UNCHANGED}`);
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface SqliteHeader {
  readonly pageSize: number;
  /** From the header when SQLite would trust it, else from the file size. */
  readonly pageCount: number;
  readonly fileBytes: number;
}

/**
 * Read a database file's header without SQLite, and refuse it when its size is beyond `limit`
 * or its page count does not match the file: integrity_check on a header claiming two billion
 * pages would allocate and walk them all.
 */
export function checkSqliteHeader(file: string, label: string, limit: number): SqliteHeader {
  const notDatabase = () => new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份文件（不是数据库文件）。${UNCHANGED}`);
  const fd = fs.openSync(file, 'r');
  let header: Buffer;
  let fileBytes: number;
  try {
    fileBytes = fs.fstatSync(fd).size;
    header = Buffer.alloc(100);
    if (fs.readSync(fd, header, 0, 100, 0) < 100) throw notDatabase();
  } finally {
    fs.closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(SQLITE_HEADER)) throw notDatabase();
  if (fileBytes > limit) throw tooLarge(label, '数据库', limit);
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0 || fileBytes % pageSize !== 0) {
    throw new AppError('CORRUPT', `备份“${label}”已损坏（数据库文件头不正确），不能用于恢复。${UNCHANGED}请选择其他备份。`);
  }
  const declared = header.readUInt32BE(28);
  const valid = declared !== 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  const pageCount = valid ? declared : fileBytes / pageSize;
  // The file itself is within `limit`: more pages than it holds is a damaged or forged header, not a large database.
  if (pageCount * pageSize > fileBytes) {
    throw new AppError('CORRUPT', `备份“${label}”不能用于恢复：数据库文件头声明的页数（${pageCount} 页）与文件大小不符，文件已损坏或被改动。${UNCHANGED}请选择其他备份。`);
  }
  return { pageSize, pageCount, fileBytes };
}

/** A staged copy is ours: mark it rollback-journal mode, so opening it read-only never looks for -wal/-shm files. */
export function markRollbackJournal(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const modes = Buffer.alloc(2);
    fs.readSync(fd, modes, 0, 2, 18);
    if (modes[0] === 2 || modes[1] === 2) fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    fs.closeSync(fd);
  }
}
