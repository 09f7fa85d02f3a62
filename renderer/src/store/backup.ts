import type { ApiResult } from '../../../shared/api';
import type { BackupInfo, BackupList, RestoreResult } from '../../../shared/api/backup';
import { formatDateTime } from '../ui/format';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

export interface BackupSlice {
  /** 设置 → 备份与恢复; null until loaded. */
  readonly backups: BackupList | null;
  /** Why the list could not be read; shown in the card, not as a toast (the page still works). */
  readonly backupsError: string | null;
  loadBackups(): Promise<void>;
  createBackup(): Promise<Outcome<BackupInfo>>;
  restoreBackup(backup: BackupInfo): Promise<Outcome<RestoreResult>>;
  removeBackup(id: string): Promise<Outcome<BackupList>>;
  setBackupKeep(keep: number): Promise<Outcome<BackupList>>;
  /** The start screen when the database cannot be opened: the backups to offer, or null. */
  loadRecoveryBackups(): Promise<BackupList | null>;
  /** Restore while the database cannot be opened; on success the app starts normally. */
  recoverFromBackup(id: string): Promise<Outcome<RestoreResult>>;
}

export const BACKUP_KEEP_FIELDS = ['keep'] as const;

function restoredMessage(result: RestoreResult): string {
  const when = result.restored.createdAt ? ` ${formatDateTime(result.restored.createdAt)} 的备份` : '备份';
  const missing = result.missingAttachments > 0 ? `有 ${result.missingAttachments} 份佐证材料的文件未能找回。` : '';
  const peers = result.unconfirmedPeers > 0 ? `${result.unconfirmedPeers} 台电脑的识别码需在下次收到数据包时重新核对。` : '';
  return `已恢复到${when}。${missing}${peers}本机识别码已更换为 ${result.fingerprint}，下次交换数据时请对方重新核对。`;
}

export const createBackupSlice: Slice<BackupSlice> = ({ set, get, api, call }) => {
  const load = coalesce(async () => {
    let result: ApiResult<BackupList>;
    try {
      result = await api.invoke('backup.list', {});
    } catch {
      result = { ok: false, error: { code: 'INTERNAL', message: '无法连接到数据服务，请稍后重试' } };
    }
    if (result.ok) set({ backups: result.value, backupsError: null });
    else set({ backupsError: result.error.message });
  });
  const keepList = (outcome: Outcome<BackupList>) => {
    if (outcome.ok) set({ backups: outcome.value });
    return outcome;
  };
  return {
    backups: null,
    backupsError: null,
    loadBackups: load,
    createBackup: async () => {
      const outcome = await call('backup.create', {}, { success: '已备份' });
      if (outcome.ok) await load();
      return outcome;
    },
    restoreBackup: async (backup) => {
      const outcome = await call('backup.restore', { id: backup.id });
      if (outcome.ok) {
        get().pushToast('success', restoredMessage(outcome.value));
        // The 恢复前 backup joins the list; the data views reload on the `changed` event.
        await load();
      }
      return outcome;
    },
    removeBackup: async (id) => keepList(await call('backup.remove', { id }, { success: '已删除该备份' })),
    setBackupKeep: async (keep) => keepList(await call('backup.setKeep', { keep }, { fields: BACKUP_KEEP_FIELDS, success: '已保存' })),
    loadRecoveryBackups: async () => {
      try {
        const result = await api.invoke('backup.list', {});
        return result.ok ? result.value : null;
      } catch {
        return null;
      }
    },
    recoverFromBackup: async (id) => {
      let result: ApiResult<RestoreResult>;
      try {
        result = await api.invoke('backup.restore', { id });
      } catch {
        result = { ok: false, error: { code: 'INTERNAL', message: '无法连接到数据服务，请稍后重试' } };
      }
      if (!result.ok) return { ok: false, error: result.error };
      get().pushToast('success', restoredMessage(result.value));
      await get().loadStatus();
      return { ok: true, value: result.value };
    },
  };
};
