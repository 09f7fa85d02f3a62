import type { HandlerMap } from '../core/handler';
import { createBackup } from './create';
import { exportBackup, listBackups, removeBackup } from './list';
import { backupSource, fileSource, restoreDatabase } from './restore';
import { backupFolder, KEEP_SETTING, prune, readKeep } from './store';

type BackupCall = 'backup.list' | 'backup.create' | 'backup.export' | 'backup.restore' | 'backup.restoreFile' | 'backup.remove' | 'backup.setKeep';

export const backupHandlers: HandlerMap<BackupCall> = {
  'backup.list': ({ core }) => listBackups(core.file, readKeep(core.db)),

  'backup.create': ({ core }) => createBackup(core, 'manual'),

  'backup.export': ({ core }, { id, out }) => exportBackup(core.file, id, out),

  'backup.restore': ({ core, progress }, { id }) => restoreDatabase(core, core.file, backupSource(core.file, id), { progress }),

  'backup.restoreFile': ({ core, progress }, { file }) => restoreDatabase(core, core.file, fileSource(core.file, file), { progress }),

  'backup.remove': ({ core }, { id }) => removeBackup(core.file, id, readKeep(core.db)),

  'backup.setKeep': ({ core }, { keep }) => {
    core.setLocalSetting(KEEP_SETTING, String(keep));
    if (core.file !== ':memory:') prune(backupFolder(core.file), keep, core.now());
    return listBackups(core.file, keep);
  },
};
