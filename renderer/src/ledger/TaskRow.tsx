import { memo, type KeyboardEvent } from 'react';
import type { LedgerRow } from '../../../shared/api/ledger';
import type { LedgerColumn } from './columns';
import { LedgerCell } from './LedgerCell';

interface TaskRowProps {
  readonly row: LedgerRow;
  readonly columns: readonly LedgerColumn[];
  readonly words: readonly string[];
  readonly top: number;
  readonly height: number;
  readonly rowIndex: number;
  readonly tabbable: boolean;
  readonly onOpen: (taskId: string) => void;
  readonly onFocusRow: (taskId: string) => void;
  readonly onKey: (event: KeyboardEvent, taskId: string) => void;
}

/** One task line; memoised so scrolling renders only the lines that come into view. */
export const TaskRow = memo(function TaskRow({ row, columns, words, top, height, rowIndex, tabbable, onOpen, onFocusRow, onKey }: TaskRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-task-id={row.taskId}
      tabIndex={tabbable ? 0 : -1}
      className={`ledger-row${row.overdue ? ' ledger-row-overdue' : ''}`}
      style={{ top, height }}
      onClick={() => {
        onFocusRow(row.taskId);
        onOpen(row.taskId);
      }}
      onFocus={() => onFocusRow(row.taskId)}
      onKeyDown={(event) => onKey(event, row.taskId)}
    >
      {columns.map((column) => (
        <div key={column.id} role="cell" className={`ledger-cell ledger-col-${column.id}`}>
          <LedgerCell row={row} column={column.id} words={words} />
        </div>
      ))}
    </div>
  );
});
