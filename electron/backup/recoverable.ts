import type { ApiError } from '../../shared/api';

/**
 * Open errors a restore may cure: the file is damaged. A locked or newer database is not
 * replaced. The app still starts after one of these, on its recovery screen. (A module of its
 * own so the shell and the CLI can ask without loading the restore code.)
 */
export function isRecoverableOpenError(error: Pick<ApiError, 'code'>): boolean {
  return error.code === 'CORRUPT' || error.code === 'INTERNAL';
}
