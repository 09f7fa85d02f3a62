import { contract, fail, isCallName, ok, type ApiError, type ApiResult, type LedgerEvent } from '../../shared/api';
import { BACKUP_KEEP_DEFAULT } from '../../shared/api/backup';
import { toApiError } from '../core/app-error';
import type { Core } from '../core/core';
import { describeIssues } from '../core/issues';
import { listBackups } from './list';
import { isRecoverableOpenError } from './recoverable';
import { backupSource, fileSource, restoreDatabase, type RestoreSource } from './restore';


export interface RecoveryOptions {
  /** Open the restored database and switch to the full dispatcher. */
  readonly onRestored: () => Core;
}

/**
 * What the worker answers when the database could not be opened: the backup list and restore,
 * so the start screen can offer 恢复. Every other call fails with the open error.
 */
export function createRecoveryDispatcher(dbFile: string, openError: ApiError, options: RecoveryOptions) {
  const restore = async (source: () => RestoreSource, emit: (event: LedgerEvent) => void, name: 'backup.restore' | 'backup.restoreFile') => {
    if (!isRecoverableOpenError(openError)) return fail(openError.code, `${openError.message}（数据库没有损坏，不需要从备份恢复）`);
    const jobId = `${name}:recovery`;
    const result = await restoreDatabase(null, dbFile, source(), {
      progress: (label, done, total) => emit({ type: 'progress', call: name, jobId, label, done, total }),
    });
    options.onRestored();
    return ok(result);
  };

  return async function dispatch(name: unknown, rawArgs: unknown, emit: (event: LedgerEvent) => void = () => {}): Promise<ApiResult<unknown>> {
    if (!isCallName(name)) return fail('UNKNOWN_CALL', `未知的操作：${String(name).slice(0, 60)}`);
    if (name !== 'backup.list' && name !== 'backup.restore' && name !== 'backup.restoreFile') return { ok: false, error: openError };
    const parsed = contract[name].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      return fail('INVALID_ARGUMENT', message, fields);
    }
    try {
      if (name === 'backup.list') return ok(listBackups(dbFile, BACKUP_KEEP_DEFAULT));
      const args = parsed.data as { id?: string; file?: string };
      if (name === 'backup.restore') return await restore(() => backupSource(dbFile, args.id!), emit, name);
      return await restore(() => fileSource(dbFile, args.file!), emit, name);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'INTERNAL') console.error(`[core] ${name} failed:`, error);
      return { ok: false, error: apiError };
    }
  };
}
