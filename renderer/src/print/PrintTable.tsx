import type { CSSProperties } from 'react';
import type { Column } from '../../../shared/reports/columns';
import { cellText } from './format';
import { printWidth } from './print-width';

/*
 * One report table on paper: the shared column definitions (the same headers and words as
 * Excel and CSV), widths scaled from Excel's, the header repeated on every page, group rows
 * (plan, section, department) kept with the row after them.
 */

export type TableItem<Row> =
  | { readonly type: 'group'; readonly key: string; readonly label: string; readonly level: 1 | 2 }
  | { readonly type: 'row'; readonly key: string; readonly row: Row };

export interface CellLook {
  readonly className?: string;
  readonly style?: CSSProperties;
}

/** Short values (序号, 目标, 状态, 灯, 完成时限…) are centred; long text reads from the left. */
const CENTRED_UP_TO_WIDTH = 12;

export function PrintTable<Row>({
  label,
  columns,
  items,
  empty,
  look,
}: {
  label: string;
  columns: readonly Column<Row>[];
  items: readonly TableItem<Row>[];
  /** Shown in one row when there is nothing to list. */
  empty: string;
  /** Colours for particular cells (lights). */
  look?: (column: Column<Row>, row: Row) => CellLook | undefined;
}) {
  const total = columns.reduce((sum, column) => sum + printWidth(column), 0);
  const align = (column: Column<Row>) => (!column.wrap || column.width <= CENTRED_UP_TO_WIDTH ? 'print-cell-centre' : 'print-cell-text');
  return (
    <table className="print-table" aria-label={label}>
      <colgroup>
        {columns.map((column) => (
          <col key={column.key} style={{ width: `${((printWidth(column) / total) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && (
          <tr className="print-empty">
            <td colSpan={columns.length}>{empty}</td>
          </tr>
        )}
        {items.map((item) =>
          item.type === 'group' ? (
            <tr key={item.key} className={`print-group print-group-${item.level}`}>
              <th colSpan={columns.length} scope="rowgroup">
                {item.label}
              </th>
            </tr>
          ) : (
            <tr key={item.key} className="print-row">
              {columns.map((column) => {
                const extra = look?.(column, item.row);
                return (
                  <td key={column.key} className={[align(column), `print-col-${column.key}`, extra?.className].filter(Boolean).join(' ')} style={extra?.style}>
                    {cellText(column.value(item.row))}
                  </td>
                );
              })}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
