import { useEffect, useState, type FormEvent } from 'react';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN, backupReasonLabels, type BackupInfo } from '../../../shared/api/backup';
import { useLedger } from '../store/context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { EmptyState } from '../ui/EmptyState';
import { Field } from '../ui/Field';
import { formatDateTime } from '../ui/format';
import { useForm } from '../ui/useForm';
import './backup.css';

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function backupContents(counts: BackupInfo['counts']): string {
  return `计划 ${counts.plans} 个 · 任务 ${counts.tasks} 项 · 进展 ${counts.progressReports} 条 · 佐证材料 ${counts.attachments} 份`;
}

/** What the confirm dialog says before 恢复: the time is the one thing the clerk must check. */
export function restoreQuestion(backup: BackupInfo): string {
  return (
    `确定要把全部数据恢复到 ${formatDateTime(backup.createdAt)} 的备份（${backupReasonLabels[backup.reason]}）吗？` +
    '此后所做的修改将被撤销；恢复前会先自动备份当前数据，需要时可以再恢复回来。' +
    '恢复后本机将使用新的识别码，其他电脑下次导入本机的数据包时需要重新核对。'
  );
}

function KeepForm({ keep }: { keep: number }) {
  const setBackupKeep = useLedger((s) => s.setBackupKeep);
  const form = useForm();
  const [value, setValue] = useState(String(keep));
  useEffect(() => setValue(String(keep)), [keep]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const number = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || number < BACKUP_KEEP_MIN || number > BACKUP_KEEP_MAX) {
      form.setErrors({ keep: `请填写 ${BACKUP_KEEP_MIN} 到 ${BACKUP_KEEP_MAX} 之间的整数` });
      return;
    }
    void form.submit(() => setBackupKeep(number));
  };
  return (
    <form className="backup-keep" onSubmit={onSubmit} noValidate aria-label="备份保留设置">
      <Field label="自动备份保留份数" hint="超出的最早的自动备份会被删除；手动备份和恢复前的备份不会自动删除" error={form.errors.keep}>
        {(control) => <input {...control} className="input backup-keep-input" inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={form.saving || value === String(keep)}>
        {form.saving ? '正在保存…' : '保存'}
      </button>
    </form>
  );
}

function BackupRow({ backup, onRestore, onRemove }: { backup: BackupInfo; onRestore: () => void; onRemove: () => void }) {
  const time = formatDateTime(backup.createdAt);
  return (
    <tr>
      <td className="backup-time">{time}</td>
      <td>
        <span className={`backup-reason${backup.kept ? ' backup-reason-kept' : ''}`}>{backupReasonLabels[backup.reason]}</span>
      </td>
      <td className="backup-contents">
        {backupContents(backup.counts)}
        {backup.missingAttachments > 0 ? <span className="backup-warning">（备份时已缺 {backup.missingAttachments} 份材料文件）</span> : null}
      </td>
      <td className="col-count">{formatSize(backup.bytes)}</td>
      <td className="col-actions">
        <button type="button" className="button button-small" onClick={onRestore} aria-label={`恢复 ${time} 的备份`}>
          恢复
        </button>
        <button type="button" className="button button-small button-danger-text" onClick={onRemove} aria-label={`删除 ${time} 的备份`}>
          删除
        </button>
      </td>
    </tr>
  );
}

/** 设置 → 备份与恢复: the backups on this PC, 立即备份, 恢复 (asks once, naming the time), retention. */
export function BackupCard() {
  const backups = useLedger((s) => s.backups);
  const backupsError = useLedger((s) => s.backupsError);
  const loadBackups = useLedger((s) => s.loadBackups);
  const createBackup = useLedger((s) => s.createBackup);
  const restoreBackup = useLedger((s) => s.restoreBackup);
  const removeBackup = useLedger((s) => s.removeBackup);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [removing, setRemoving] = useState<BackupInfo | null>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const create = async () => {
    setCreating(true);
    await createBackup();
    setCreating(false);
  };

  return (
    <section className="card backup-card" aria-labelledby="backup-title">
      <h2 id="backup-title" className="card-title">
        备份与恢复
        {backups ? <span className="card-count">共 {backups.backups.length} 份</span> : null}
      </h2>
      <p className="card-note">每天自动备份一次；导入计划、数据包或填报表之前，软件升级和恢复之前，也会自动备份。每份备份都包括数据库和佐证材料文件。</p>
      <div className="backup-toolbar">
        <button type="button" className="button button-primary" onClick={() => void create()} disabled={creating}>
          {creating ? '正在备份…' : '立即备份'}
        </button>
        {backups ? <KeepForm keep={backups.keep} /> : null}
      </div>
      {backups === null ? (
        backupsError ? (
          <p className="field-error">无法读取备份列表：{backupsError}</p>
        ) : (
          <p className="loading" role="status">
            正在读取备份…
          </p>
        )
      ) : backups.backups.length === 0 ? (
        <EmptyState title="还没有备份">点“立即备份”备份当前数据；程序每天也会自动备份一次。</EmptyState>
      ) : (
        <table className="table backup-table" aria-label="备份列表">
          <thead>
            <tr>
              <th scope="col">备份时间</th>
              <th scope="col">类型</th>
              <th scope="col">内容</th>
              <th scope="col" className="col-count">
                大小
              </th>
              <th scope="col" className="col-actions">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.backups.map((backup) => (
              <BackupRow key={backup.id} backup={backup} onRestore={() => setRestoring(backup)} onRemove={() => setRemoving(backup)} />
            ))}
          </tbody>
        </table>
      )}
      {backups?.folder ? <p className="backup-folder">备份文件夹：{backups.folder}</p> : null}
      {restoring ? (
        <ConfirmDialog
          title="恢复备份"
          message={restoreQuestion(restoring)}
          confirmLabel="恢复"
          onConfirm={async () => (await restoreBackup(restoring)).ok}
          onCancel={() => setRestoring(null)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title="删除备份"
          message={`确定要删除 ${formatDateTime(removing.createdAt)} 的备份（${backupReasonLabels[removing.reason]}）吗？删除后不能再从这份备份恢复。`}
          confirmLabel="删除"
          onConfirm={async () => (await removeBackup(removing.id)).ok}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}
