import { useLedger } from '../store/context';
import type { ParsePreview } from './types';

const editKinds = { section: '章节', task: '任务', indicator: '指标' } as const;
const SHOWN = 8;
const NONE: ParsePreview['localEdits'] = [];

/** Records the clerk changed after the last import: saving keeps them (本机已修改，保留). */
function LocalEdits({ edits }: { edits: ParsePreview['localEdits'] }) {
  if (edits.length === 0) return null;
  return (
    <div className="local-edits">
      <p>以下 {edits.length} 处在本机修改过，保存时保留本机的内容：</p>
      <ul aria-label="本机已修改，保留">
        {edits.slice(0, SHOWN).map((edit, index) => (
          <li key={`${edit.kind}-${index}`}>
            <span className="kept-badge">本机已修改，保留</span>
            {editKinds[edit.kind]}
            {edit.kind === 'task' && edit.number ? ` 第${edit.number}项` : ''}“{edit.name}”：{edit.fields.join('、')}
          </li>
        ))}
      </ul>
      {edits.length > SHOWN ? <p className="muted">另有 {edits.length - SHOWN} 处，同样保留。</p> : null}
    </div>
  );
}

/** The document, or an earlier version of it, is in the ledger already: update, compare, or add anew. */
export function ExistingNotice({ existing }: { existing: NonNullable<ParsePreview['existing']> }) {
  const mode = useLedger((s) => s.importMode);
  const choose = useLedger((s) => s.chooseImportMode);
  const busy = useLedger((s) => s.importDiffing || s.importStage === 'saving');
  const edits = useLedger((s) => s.importPreview?.localEdits ?? NONE);
  if (existing.sameContent) {
    return (
      <div className="notice notice-info" role="status">
        <p>该文件已导入过（计划“{existing.title}”）。保存将更新该计划，已填报的进展保持不变。</p>
        <LocalEdits edits={edits} />
      </div>
    );
  }
  return (
    <div className={`notice ${mode === null ? 'notice-warning' : 'notice-info'}`} role="group" aria-label="已有相似计划">
      <p>
        台账中已有计划“{existing.title}”，这个文件可能是它的修订版。
        {mode === 'revision' ? '下面按修订版比较：在“修订比较”中勾选要采用的修改。' : mode === 'new' ? '将作为一个新计划保存，原计划不变。' : '请选择如何导入：'}
      </p>
      {mode === 'new' ? null : <LocalEdits edits={edits} />}
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
