import { useEffect, useState } from 'react';
import { backupReasonLabels, type BackupInfo } from '../../../shared/api/backup';
import { useLedger } from '../store/context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatDateTime } from '../ui/format';
import { backupContents, restoreQuestion } from './BackupCard';
import './backup.css';

const OFFERED = 5;

/**
 * On the start screen when the database is damaged: the newest backups, each with 恢复 and one
 * confirmation. The core still answers the backup calls while the database cannot be opened.
 */
export function BackupRecovery() {
  const loadRecoveryBackups = useLedger((s) => s.loadRecoveryBackups);
  const recoverFromBackup = useLedger((s) => s.recoverFromBackup);
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);
  const [asking, setAsking] = useState<BackupInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadRecoveryBackups().then((list) => {
      if (live) setBackups(list?.backups.slice(0, OFFERED) ?? []);
    });
    return () => {
      live = false;
    };
  }, [loadRecoveryBackups]);

  if (backups === null) return null;
  if (backups.length === 0) return <p className="recovery">本机没有找到备份。请联系技术人员，或从U盘等处的备份文件恢复。</p>;
  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="recovery-title">
        从备份恢复
      </h2>
      <p className="muted">损坏的数据库文件会保留在备份文件夹中，不会被删除。</p>
      <ul className="recovery-list">
        {backups.map((backup) => (
          <li key={backup.id} className="recovery-item">
            <span>
              <span className="recovery-when">{formatDateTime(backup.createdAt)}</span> {backupReasonLabels[backup.reason]}
              <span className="recovery-detail">{backupContents(backup.counts)}</span>
            </span>
            <button type="button" className="button button-small" onClick={() => setAsking(backup)} aria-label={`恢复 ${formatDateTime(backup.createdAt)} 的备份`}>
              恢复
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title="恢复备份"
          message={restoreQuestion(asking)}
          confirmLabel="恢复"
          onConfirm={async () => {
            const outcome = await recoverFromBackup(asking.id);
            setError(outcome.ok ? null : outcome.error.message);
            return outcome.ok;
          }}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </section>
  );
}
