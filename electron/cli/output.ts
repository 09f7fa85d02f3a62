import type { ApiError, ErrorCode } from '../../shared/api';

/** Exit codes: 0 success, 1 bad input (the clerk can fix it), 2 internal error. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_INTERNAL = 2;

const INTERNAL_CODES = new Set<ErrorCode>(['INTERNAL', 'NATIVE_MODULE', 'CORRUPT', 'DISK_FULL', 'READ_ONLY', 'DATABASE_LOCKED']);

export function exitCodeFor(error: ApiError): number {
  return INTERNAL_CODES.has(error.code) ? EXIT_INTERNAL : EXIT_BAD_INPUT;
}

/** A usage or input problem found by the CLI itself, before anything reaches the core. */
export class UsageError extends Error {}

export function formatError(error: ApiError): string {
  const details = Object.entries(error.fields ?? {})
    .filter(([, message]) => message !== error.message)
    .map(([field, message]) => `  - ${field}：${message}`);
  return [`错误：${error.message}`, ...details].join('\n');
}
