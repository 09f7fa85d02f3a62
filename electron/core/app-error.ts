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

const sqliteCodes: Record<string, ErrorCode> = {
  SQLITE_FULL: 'DISK_FULL',
  SQLITE_READONLY: 'READ_ONLY',
  SQLITE_READONLY_DBMOVED: 'READ_ONLY',
  SQLITE_BUSY: 'DATABASE_LOCKED',
  SQLITE_LOCKED: 'DATABASE_LOCKED',
  SQLITE_CORRUPT: 'CORRUPT',
  SQLITE_NOTADB: 'CORRUPT',
  SQLITE_CANTOPEN: 'READ_ONLY',
};

/** Turn anything thrown into an error a clerk can read; unknown errors become INTERNAL. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) {
    return error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message };
  }
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string') {
    const mapped = sqliteCodes[sqliteCode] ?? sqliteCodes[sqliteCode.replace(/_[A-Z]+$/, '')];
    if (mapped) return { code: mapped, message: errorMessages[mapped] };
  }
  return { code: 'INTERNAL', message: errorMessages.INTERNAL };
}
