import type { BackupReason } from '../../shared/api/backup';
import type { Core } from '../core/core';
import { createBackup } from '../backup/create';

/**
 * Back up the database and its attachment files before a risky operation (see electron/backup).
 * An in-memory database (tests) has nothing to protect on disk. Returns the backup's id.
 */
export async function backupBefore(core: Core, reason: Extract<BackupReason, 'import' | 'sync-import' | 'sheet'>): Promise<string | null> {
  if (core.file === ':memory:' || core.file === '') return null;
  return (await createBackup(core, reason)).id;
}
