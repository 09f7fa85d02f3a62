import { useState } from 'react';
import { useLedger } from '../store/context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { formatDateTime } from '../ui/format';
import { formatLabels, formatSize } from './labels';
import type { ParsePreview, ReviewDraft } from './types';

interface ReviewBarProps {
  readonly preview: ParsePreview;
  readonly draft: ReviewDraft;
  readonly openOwners: number;
}

/** The review is kept on this PC as the clerk works: after a close or crash it is offered back. */
function ReviewAutosave() {
  const savedAt = useLedger((s) => s.importAutosavedAt);
  const error = useLedger((s) => s.importAutosaveError);
  if (error) {
    return (
      <span className="review-autosave review-autosave-error" role="alert">
        {error}
      </span>
    );
  }
  return (
    <span className="review-autosave" role="status">
      {savedAt ? `核对进度已自动保存 ${formatDateTime(savedAt).slice(11)}` : '核对进度会自动保存在本机'}
    </span>
  );
}

/** What is being imported, the counts, and the two ways out: start again, or save. */
export function ReviewBar({ preview, draft, openOwners }: ReviewBarProps) {
  const saving = useLedger((s) => s.importStage === 'saving');
  const edited = useLedger((s) => s.importDraftVersion > 0);
  const error = useLedger((s) => s.importSaveError);
  const save = useLedger((s) => s.saveImport);
  const reset = useLedger((s) => s.resetImport);
  const setTab = useLedger((s) => s.setImportTab);
  const [asking, setAsking] = useState(false);
  const { source } = preview;
  const fileInfo = source.format === 'paste' ? formatLabels.paste : `${source.fileName}（${formatLabels[source.format]}，${formatSize(source.size)}）`;
  const sectionCount = draft.sections.length;

  return (
    <div className="review-bar">
      <div className="review-bar-main">
        <h1 id="page-title" className="page-title">
          核对导入内容
        </h1>
        <p className="review-file">
          <span className="review-file-name">{fileInfo}</span>
          <span className="review-counts">
            识别出 {sectionCount} 个章节、{draft.tasks.length} 项任务、{draft.targets.length} 个指标
          </span>
          <ReviewAutosave />
        </p>
      </div>
      <div className="review-bar-actions">
        {openOwners > 0 ? (
          <button type="button" className="link-button review-pending" onClick={() => setTab('owners')}>
            {openOwners} 个科室名称待对应
          </button>
        ) : null}
        <button type="button" className="button" disabled={saving} onClick={() => (edited ? setAsking(true) : reset())}>
          重新选择文件
        </button>
        <button type="button" className="button button-primary" disabled={saving} title="保存到台账（Ctrl+S）" onClick={() => void save()}>
          {saving ? '正在保存…' : '保存到台账'}
        </button>
      </div>
      {error ? (
        <p className="import-error review-error" role="alert">
          {error}
        </p>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title="重新选择文件"
          message="放弃本次核对中做的修改（包括自动保存的核对进度），重新选择文件？台账中的数据不受影响。"
          confirmLabel="放弃修改"
          onConfirm={async () => {
            reset();
            return true;
          }}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
