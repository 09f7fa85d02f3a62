import { useLedger } from '../store/context';
import { changeKindLabels } from './labels';
import { inlineDiff } from './text-diff';
import type { PlanChange } from './types';

/** A reworded text: only the changed part, struck out and then inserted, with a little context. */
function Rewording({ before, after }: { before: string; after: string }) {
  const diff = inlineDiff(before, after);
  return (
    <p className="change-rewording">
      {diff.prefix}
      {diff.removed ? <del className="change-removed">{diff.removed}</del> : null}
      {diff.added ? <ins className="change-added">{diff.added}</ins> : null}
      {diff.suffix}
    </p>
  );
}

/** Added, removed, new owners or a new section: what it was, then what it becomes. */
function BeforeAfter({ change }: { change: PlanChange }) {
  return (
    <>
      {change.before !== null ? <p className="change-before">{change.before}</p> : null}
      {change.before !== null && change.after !== null ? (
        <p className="change-arrow" aria-label="改为">
          ↓
        </p>
      ) : null}
      {change.after !== null ? <p className="change-after">{change.after}</p> : null}
    </>
  );
}

function ChangeItem({ change, accepted }: { change: PlanChange; accepted: boolean }) {
  const accept = useLedger((s) => s.acceptImportChanges);
  const label = `${changeKindLabels[change.kind]}：第${change.number || '？'}项`;
  return (
    <li className={`change change-${change.kind}${accepted ? '' : ' change-off'}`}>
      <label className="change-head">
        <input type="checkbox" checked={accepted} aria-label={label} onChange={(event) => accept([change.id], event.target.checked)} />
        <span className={`change-kind change-kind-${change.kind}`}>{changeKindLabels[change.kind]}</span>
        <span className="change-number">第{change.number || '？'}项</span>
      </label>
      <div className="change-body">
        {change.kind === 'reworded' && change.before !== null && change.after !== null ? <Rewording before={change.before} after={change.after} /> : <BeforeAfter change={change} />}
        {change.kept.length > 0 ? (
          <p className="change-kept">
            <span className="kept-badge">本机已修改，保留</span>
            {change.kept.join('、')}在本机修改过，保存时不会被新版本覆盖。
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** A revised version against the imported plan: each change with a checkbox (all ticked at first). */
export function ChangesPanel({ planTitle }: { planTitle: string }) {
  const changes = useLedger((s) => s.importChanges);
  const accepted = useLedger((s) => s.importAccepted);
  const diffing = useLedger((s) => s.importDiffing);
  const error = useLedger((s) => s.importDiffError);
  const version = useLedger((s) => s.importDraftVersion);
  const compare = useLedger((s) => s.compareImport);
  const accept = useLedger((s) => s.acceptImportChanges);
  const stale = changes !== null && changes.draftVersion !== version;
  const chosen = new Set(accepted);
  const ids = changes?.list.map((c) => c.id) ?? [];

  return (
    <div className="changes">
      <div className="changes-head">
        <p>
          与已有计划“{planTitle}”比较
          {changes ? `：共 ${changes.list.length} 处修订，已选 ${accepted.length} 处。保存时只应用勾选的修订，已填报的进展保持不变。` : '。'}
        </p>
        <div className="row-actions">
          {changes && changes.list.length > 0 ? (
            <>
              <button type="button" className="button button-small" onClick={() => accept(ids, true)}>
                全选
              </button>
              <button type="button" className="button button-small" onClick={() => accept(ids, false)}>
                全不选
              </button>
            </>
          ) : null}
          <button type="button" className="button button-small" disabled={diffing} onClick={() => void compare()}>
            {changes ? '重新比较' : '比较'}
          </button>
        </div>
      </div>
      {diffing ? (
        <p className="loading" role="status">
          正在比较…
        </p>
      ) : null}
      {error ? (
        <p className="import-error" role="alert">
          {error}
        </p>
      ) : null}
      {stale && !diffing ? (
        <p className="notice notice-warning" role="status">
          比较之后又修改了任务，下面的列表可能已不准确，请点“重新比较”。
        </p>
      ) : null}
      {changes && changes.list.length === 0 && !diffing ? <p className="empty-text">与已有计划相比没有变化。</p> : null}
      {changes && changes.list.length > 0 ? (
        <ul className="change-list" aria-label="修订内容">
          {changes.list.map((change) => (
            <ChangeItem key={change.id} change={change} accepted={chosen.has(change.id)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
