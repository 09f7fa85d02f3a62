import { errorMessages, type ApiError, type ErrorCode } from '../../shared/api/errors';

/** An expected failure with a Chinese message for the clerk; anything else is a bug. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorMessages[code],
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * What a fault of the disk or the database file means and what the clerk should do about it.
 * SQLite's own text is English ("database or disk is full"), so it never reaches the screen.
 */
export const faultMessages = {
  DISK_FULL: '磁盘空间不足，本次操作未保存，数据没有改动。请清理数据所在的磁盘（删除不需要的文件或旧备份）后重试。',
  READ_ONLY:
    '数据文件夹不能写入，本次操作未保存。请检查数据文件夹的写入权限，或是否放在只读的U盘、光盘、无写权限的共享文件夹上；处理后重新打开目标台账。',
  DATABASE_LOCKED: '数据库正被其他程序占用，本次操作未保存。请关闭其他目标台账窗口，或等正在复制、备份该文件的程序结束后重试。',
  CORRUPT: '数据库文件已损坏，本次操作未完成。请从最近的备份恢复（在“设置”或启动时出现的恢复页面中操作）；如需帮助，请导出诊断信息发给技术支持。',
  IO: '读写数据库文件时出错（磁盘故障或网络位置断开），本次操作未保存。请检查磁盘或网络连接后重试；如反复出现，请在“设置”中导出诊断信息发给技术支持。',
} as const;

type Fault = keyof typeof faultMessages;

/** SQLite result codes (primary or extended) and Node file errors, by the fault they mean. */
const faultCodes: Record<string, Fault> = {
  SQLITE_FULL: 'DISK_FULL',
  SQLITE_READONLY: 'READ_ONLY',
  SQLITE_CANTOPEN: 'READ_ONLY',
  SQLITE_PERM: 'READ_ONLY',
  SQLITE_AUTH: 'READ_ONLY',
  SQLITE_BUSY: 'DATABASE_LOCKED',
  SQLITE_LOCKED: 'DATABASE_LOCKED',
  SQLITE_CORRUPT: 'CORRUPT',
  SQLITE_NOTADB: 'CORRUPT',
  SQLITE_IOERR: 'IO',
  // Attachments, reports and logs are plain files.
  ENOSPC: 'DISK_FULL',
  EDQUOT: 'DISK_FULL',
  EROFS: 'READ_ONLY',
  EACCES: 'READ_ONLY',
  EPERM: 'READ_ONLY',
  EIO: 'IO',
};

/** The fault an error from SQLite or the file system stands for, if any (`SQLITE_IOERR_WRITE` → IO). */
export function faultOf(error: unknown): Fault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (faultCodes[code]) return faultCodes[code];
  // Extended SQLite codes add suffixes: SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_VTAB, SQLITE_IOERR_SHORT_READ…
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  return primary ? (faultCodes[primary] ?? null) : null;
}

/** Turn anything thrown into an error a clerk can read; unknown errors become INTERNAL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) {
    return error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message };
  }
  const fault = faultOf(error);
  // An I/O error is not something the clerk caused: it stays INTERNAL (and is logged) with a message that helps.
  if (fault === 'IO') return { code: 'INTERNAL', message: faultMessages.IO };
  if (fault) return { code: fault, message: faultMessages[fault] };
  return { code: 'INTERNAL', message: errorMessages.INTERNAL };
}
