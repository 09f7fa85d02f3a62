import { useEffect } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { formatDateTime } from '../ui/format';

/** Unfinished reviews left by a close, a reload or a crash: continue one, or drop it. */
export function ResumeDrafts({ disabled }: { disabled: boolean }) {
  const store = useLedgerStore();
  const drafts = useLedger((s) => s.importDrafts);
  const restore = useLedger((s) => s.restoreImportDraft);
  const discard = useLedger((s) => s.discardImportDraft);
  useEffect(() => {
    void store.getState().loadImportDrafts();
  }, [store]);
  if (!drafts || drafts.length === 0) return null;
  return (
    <div className="notice notice-info import-resume" role="region" aria-label="未完成的导入审核">
      <ul className="import-resume-list">
        {drafts.map((d) => (
          <li key={d.id} className="import-resume-item">
            <div className="import-resume-actions">
              <button type="button" className="button button-primary" disabled={disabled} onClick={() => void restore(d.id)}>
                继续上次未完成的导入审核（{d.fileName}，{formatDateTime(d.savedAt)}）
              </button>
              <button type="button" className="button" disabled={disabled} aria-label={`放弃“${d.fileName}”的导入审核`} onClick={() => void discard(d.id)}>
                放弃
              </button>
            </div>
            <p className="field-hint import-resume-note">
              {d.title ? `“${d.title}”，` : ''}
              {d.tasks} 项任务。核对中的修改已自动保存在本机，可继续核对后保存到台账。
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
