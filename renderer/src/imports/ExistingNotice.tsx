import { useLedger } from '../store/context';
import type { ParsePreview } from './types';

/** The document, or an earlier version of it, is in the ledger already: update, compare, or add anew. */
export function ExistingNotice({ existing }: { existing: NonNullable<ParsePreview['existing']> }) {
  const mode = useLedger((s) => s.importMode);
  const choose = useLedger((s) => s.chooseImportMode);
  const busy = useLedger((s) => s.importDiffing || s.importStage === 'saving');
  if (existing.sameContent) {
    return (
      <div className="notice notice-info" role="status">
        <p>该文件已导入过（计划“{existing.title}”）。保存将更新该计划，已填报的进展保持不变。</p>
      </div>
    );
  }
  return (
    <div className={`notice ${mode === null ? 'notice-warning' : 'notice-info'}`} role="group" aria-label="已有相似计划">
      <p>
        台账中已有计划“{existing.title}”，这个文件可能是它的修订版。
        {mode === 'revision' ? '下面按修订版比较：在“修订比较”中勾选要采用的修改。' : mode === 'new' ? '将作为一个新计划保存，原计划不变。' : '请选择如何导入：'}
      </p>
      <div className="notice-actions">
        <button type="button" className={`button button-small${mode === 'revision' ? ' button-chosen' : ''}`} aria-pressed={mode === 'revision'} disabled={busy} onClick={() => void choose('revision')}>
          作为修订版与已有计划“{existing.title}”比较
        </button>
        <button type="button" className={`button button-small${mode === 'new' ? ' button-chosen' : ''}`} aria-pressed={mode === 'new'} disabled={busy} onClick={() => void choose('new')}>
          作为新计划导入
        </button>
      </div>
    </div>
  );
}
