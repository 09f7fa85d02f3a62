import type { HistoryEntry } from '../../../shared/api/history';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { formatDateTime } from '../ui/format';
import { Modal } from '../ui/Modal';
import { columnLabel, EMPTY_VALUE, formatValue, isShownColumn, type ValueContext } from './labels';

function HistoryItem({ table, entry, context }: { table: string; entry: HistoryEntry; context: ValueContext }) {
  const oldText = formatValue(table, entry.column, entry.oldValue, context);
  const newText = formatValue(table, entry.column, entry.newValue, context);
  return (
    <li className="history-item">
      <div className="history-meta">
        <span className="history-actor">{entry.actor || '未署名'}</span>
        {entry.officeName ? <span className="history-office">{entry.officeName}</span> : null}
        <time className="history-time" dateTime={entry.at}>
          {formatDateTime(entry.at)}
        </time>
      </div>
      <div className="history-change">
        <span className="history-field">{columnLabel(table, entry.column)}</span>
        <span className={`history-old${oldText === EMPTY_VALUE ? ' muted' : ''}`}>{oldText}</span>
        <span className="history-arrow" aria-label="改为">
          →
        </span>
        <span className="history-new">{newText}</span>
      </div>
    </li>
  );
}

/** Who changed what, when, from what: newest first. */
export default function HistoryPanel() {
  const target = useLedger((s) => s.historyTarget);
  const entries = useLedger((s) => s.historyEntries);
  const departments = useLedger((s) => s.departments);
  const sections = useLedger((s) => s.planDetail?.sections ?? null);
  const close = useLedger((s) => s.closeHistory);
  if (!target) return null;
  const shown = entries
    ? entries.filter((entry) => isShownColumn(entry.column) && !(entry.column === 'deleted' && entry.oldValue == null && entry.newValue === false)).reverse()
    : null;
  const context: ValueContext = { departments, sections };
  return (
    <Modal title={`修改记录：${target.title}`} onClose={close} variant="drawer">
      <div className="modal-body history-body">
        {shown === null ? (
          <p className="loading" role="status">
            正在读取修改记录…
          </p>
        ) : shown.length === 0 ? (
          <EmptyState title="暂无修改记录">没有找到这条记录的修改记录。</EmptyState>
        ) : (
          <ol className="history-list" aria-label="修改记录">
            {shown.map((entry) => (
              <HistoryItem key={entry.hlc} table={target.table} entry={entry} context={context} />
            ))}
          </ol>
        )}
      </div>
    </Modal>
  );
}
