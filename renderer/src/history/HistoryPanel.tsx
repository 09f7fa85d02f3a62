import type { HistoryEntry } from '../../../shared/api/history';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { formatDateTime } from '../ui/format';
import { Modal } from '../ui/Modal';
import { groupHistory, isEmptyValue, type HistoryGroup } from './group';
import { columnLabel, compareColumns, EMPTY_VALUE, formatValue, isShownColumn, type ValueContext } from './labels';

interface ChangeProps {
  readonly table: string;
  readonly entry: HistoryEntry;
  readonly context: ValueContext;
  /** In a newly created record only the value matters. */
  readonly created: boolean;
}

function Change({ table, entry, context, created }: ChangeProps) {
  const oldText = formatValue(table, entry.column, entry.oldValue, context);
  const newText = formatValue(table, entry.column, entry.newValue, context);
  return (
    <li className="history-change">
      <span className="history-field">{columnLabel(table, entry.column)}</span>
      {created ? null : (
        <>
          <span className={`history-old${oldText === EMPTY_VALUE ? ' history-empty' : ''}`}>{oldText}</span>
          <span className="history-arrow" aria-label="改为">
            →
          </span>
        </>
      )}
      <span className="history-new">{newText}</span>
    </li>
  );
}

function Edit({ table, group, context }: { table: string; group: HistoryGroup; context: ValueContext }) {
  const deleted = group.entries.some((entry) => entry.column === 'deleted' && entry.newValue === true);
  const verb = group.created ? '新建' : deleted ? '删除' : '修改';
  return (
    <li className="history-item">
      <div className="history-meta">
        <span className="history-actor">{group.actor || '未署名'}</span>
        {group.officeName ? <span className="history-office">{group.officeName}</span> : null}
        <time className="history-time" dateTime={group.at}>
          {formatDateTime(group.at)}
        </time>
        <span className={`history-verb history-verb-${group.created ? 'created' : deleted ? 'deleted' : 'changed'}`}>{verb}</span>
        {group.via ? (
          <span className="history-via">
            经数据包{group.via.fileName ? `“${group.via.fileName}”` : ''}收到{group.via.signer ? `，由${group.via.signer}签名` : ''}
            {group.via.fingerprint ? `（识别码 ${group.via.fingerprint}）` : ''}
          </span>
        ) : null}
      </div>
      <ul className="history-changes">
        {[...group.entries]
          .filter((entry) => !group.created || !isEmptyValue(entry.newValue))
          .sort((a, b) => compareColumns(table, a.column, b.column))
          .map((entry) => (
          <Change key={entry.hlc} table={table} entry={entry} context={context} created={group.created} />
        ))}
      </ul>
    </li>
  );
}

/** Who changed what, when, from what: one entry per save, newest first. */
export default function HistoryPanel() {
  const target = useLedger((s) => s.historyTarget);
  const entries = useLedger((s) => s.historyEntries);
  const departments = useLedger((s) => s.departments);
  const sections = useLedger((s) => s.historySections ?? s.planDetail?.sections ?? null);
  const close = useLedger((s) => s.closeHistory);
  if (!target) return null;
  const groups = entries
    ? groupHistory(entries.filter((entry) => isShownColumn(entry.column) && !(entry.column === 'deleted' && entry.oldValue == null && entry.newValue === false)))
    : null;
  const context: ValueContext = { departments, sections };
  return (
    <Modal title={`修改记录：${target.title}`} onClose={close} variant="drawer">
      <div className="modal-body history-body">
        {groups === null ? (
          <p className="loading" role="status">
            正在读取修改记录…
          </p>
        ) : groups.length === 0 ? (
          <EmptyState title="暂无修改记录">没有找到这条记录的修改记录。</EmptyState>
        ) : (
          <ol className="history-list" aria-label="修改记录">
            {groups.map((group) => (
              <Edit key={group.key} table={target.table} group={group} context={context} />
            ))}
          </ol>
        )}
      </div>
    </Modal>
  );
}
