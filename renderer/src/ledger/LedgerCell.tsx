import type { LedgerRow } from '../../../shared/api/ledger';
import { lightLabels } from '../../../shared/domain/progress-status';
import { LightDot } from '../progress/LightDot';
import type { LedgerColumnId } from '../store/ledger';
import { formatDateTime } from '../ui/format';
import { Highlighted } from './Highlighted';
import { focusExcerpt } from './highlight';
import { StateCell } from './StateCell';

const NONE = <span className="muted">—</span>;

/** What one column shows for one task. */
export function LedgerCell({ row, column, words }: { row: LedgerRow; column: LedgerColumnId; words: readonly string[] }) {
  switch (column) {
    case 'number':
      return <>{row.number || NONE}</>;
    case 'title':
      return (
        <>
          <span className={`ledger-clamp ledger-title${row.match ? ' ledger-title-short' : ''}`} title={row.title}>
            <Highlighted text={row.title} words={words} />
          </span>
          {row.match ? (
            <span className="ledger-match" title={row.match}>
              <Highlighted text={focusExcerpt(row.match, words)} words={words} />
            </span>
          ) : null}
        </>
      );
    case 'departments': {
      const names = row.departments.map((d) => d.name).join('、');
      return names ? <span className="ledger-clamp" title={names}>
          {names}
        </span> : NONE;
    }
    case 'units': {
      const names = row.units.join('、');
      return names ? <span className="ledger-clamp" title={names}>
          {names}
        </span> : NONE;
    }
    case 'deadline':
      return row.deadline ? <span className="ledger-clamp" title={row.deadline}>
          {row.deadline}
        </span> : NONE;
    case 'light':
      return (
        <span className="ledger-light" title={`${lightLabels[row.light.color]}：${row.light.reason}`}>
          <LightDot light={row.light} />
          <span aria-hidden="true">{lightLabels[row.light.color]}</span>
        </span>
      );
    case 'status':
      return <StateCell row={row} />;
    case 'percent':
      return row.percent === null ? (
        NONE
      ) : (
        <span className="ledger-percent">
          <span className="ledger-percent-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(0, Math.min(100, row.percent))}%` }} />
          </span>
          {row.percent}%
        </span>
      );
    case 'updatedAt':
      return row.updatedAt ? <span title={formatDateTime(row.updatedAt)}>{formatDateTime(row.updatedAt).slice(0, 10)}</span> : NONE;
  }
}
