import { useEffect, useState } from 'react';
import type { ConflictItem } from '../../../shared/api/sync';
import { formatValue, type ValueContext } from '../history/labels';
import { useLedger, useLedgerStore } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { formatDateTime, splitList } from '../ui/format';
import { conflictExplanation, conflictHeading, isSeal, placeOf, type Authors } from './labels';

/** A typed value in the shape the field holds: a number for numbers, a list for lists. */
function typedValue(text: string, heads: ConflictItem['heads']): unknown {
  const sample = heads.map((h) => h.value).find((v) => v !== null && v !== undefined);
  if (typeof sample === 'number') {
    const n = Number(text.trim());
    return text.trim() === '' ? null : Number.isFinite(n) ? n : undefined;
  }
  if (Array.isArray(sample)) return splitList(text);
  return text;
}

/** Only plain text, numbers and lists of words can be typed; ids and flags are kept, not typed. */
function canType(item: ConflictItem): boolean {
  if (item.kind !== 'field') return false;
  if (item.column.endsWith('_id') || item.column.endsWith('_ids')) return false;
  return item.heads.every((h) => h.value === null || typeof h.value === 'string' || typeof h.value === 'number' || (Array.isArray(h.value) && h.value.every((v) => typeof v === 'string')));
}

/** A head's value in words; for a delete or approval conflict, the seal or the edit it did not see. */
function headText(item: ConflictItem, head: ConflictItem['heads'][number], context: ValueContext): string {
  if (item.kind === 'field') return formatValue(item.table, item.column, head.value, context);
  if (isSeal(item, head)) return item.kind === 'delete-edit' ? '删除' : '审核通过';
  const value = typeof head.value === 'string' || typeof head.value === 'number' ? String(head.value) : formatValue(item.table, '', head.value, context);
  return `修改为：${value}`;
}

function ConflictCard({ item, context, authors }: { item: ConflictItem; context: ValueContext; authors: Authors }) {
  const store = useLedgerStore();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = { table: item.table, rowId: item.rowId, column: item.column };

  const keep = async (hlc: string) => {
    setBusy(true);
    await store.getState().resolveConflict({ ...key, keepHlc: hlc });
    setBusy(false);
  };
  const saveNew = async () => {
    const value = typedValue(text, item.heads);
    if (value === undefined) {
      setProblem('请输入数字');
      return;
    }
    setBusy(true);
    const outcome = await store.getState().resolveConflict({ ...key, keepHlc: null, value });
    setBusy(false);
    if (!outcome.ok) setProblem(outcome.error.message);
  };

  const heading = conflictHeading(item.title);
  return (
    <article className="card exchange-conflict" aria-label={heading}>
      <h3 className="exchange-conflict-title">{heading}</h3>
      <p className="exchange-conflict-why">{conflictExplanation(item, authors)}</p>
      <div className="exchange-heads" style={{ gridTemplateColumns: `repeat(${Math.min(item.heads.length, 3)}, minmax(0, 1fr))` }}>
        {item.heads.map((head) => (
          <section key={head.hlc} className="exchange-head" aria-label={`${placeOf(head, authors)}的值`}>
            <p className="exchange-head-place">{placeOf(head, authors)}</p>
            <p className="exchange-head-value">{headText(item, head, context)}</p>
            <p className="exchange-head-who">
              {head.actor || '未署名'}（{head.officeName}）
            </p>
            <p className="muted">{formatDateTime(head.at)}</p>
            <button type="button" className="button" disabled={busy} onClick={() => void keep(head.hlc)}>
              保留此值
            </button>
          </section>
        ))}
      </div>
      {canType(item) ? (
        editing ? (
          <div className="exchange-new-value">
            <label className="field-label" htmlFor={`new-${item.table}-${item.rowId}-${item.column}`}>
              新值
            </label>
            <div className="exchange-row">
              <input
                id={`new-${item.table}-${item.rowId}-${item.column}`}
                className="input"
                value={text}
                autoFocus
                onChange={(e) => {
                  setText(e.target.value);
                  setProblem(null);
                }}
              />
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void saveNew()}>
                保存新值
              </button>
              <button type="button" className="button" onClick={() => setEditing(false)}>
                取消
              </button>
            </div>
            {problem ? (
              <p className="field-error" role="alert">
                {problem}
              </p>
            ) : null}
          </div>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              const latest = item.heads.at(-1)?.value;
              setText(latest === null || latest === undefined ? '' : Array.isArray(latest) ? latest.join('、') : String(latest));
              setEditing(true);
            }}
          >
            填写新值
          </button>
        )
      ) : null}
    </article>
  );
}

/** 冲突: every field two PCs changed differently, side by side, until a clerk decides. */
export function ConflictsPanel() {
  const conflicts = useLedger((s) => s.conflicts);
  const departments = useLedger((s) => s.departments);
  const ownInstallationId = useLedger((s) => s.status?.installation?.installationId ?? null);
  const peers = useLedger((s) => s.trustedPeers);
  const store = useLedgerStore();
  // The peers name the department PCs behind each value.
  useEffect(() => {
    if (peers === null) void store.getState().loadExchangeRecords();
  }, [peers, store]);
  const authors: Authors = { ownInstallationId, peers: peers ?? [] };
  if (conflicts === null) {
    return (
      <p className="loading" role="status">
        正在读取…
      </p>
    );
  }
  if (conflicts.length === 0) {
    return (
      <div className="card">
        <EmptyState title="没有冲突">同一内容在不同电脑上被改成不同的值时，会列在这里，由您决定保留哪一个。</EmptyState>
      </div>
    );
  }
  return (
    <div className="exchange-conflicts">
      <p className="muted">
        共{conflicts.length}处冲突。处理结果会随下一个数据包发给对方，各方最终一致；未处理前，台账暂时显示时间较晚的值。
      </p>
      {conflicts.map((item) => (
        <ConflictCard key={`${item.table}/${item.rowId}/${item.column}`} item={item} context={{ departments, sections: null }} authors={authors} />
      ))}
    </div>
  );
}
