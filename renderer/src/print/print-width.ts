import type { Column } from '../../../shared/reports/columns';

/**
 * The column's share of the page: Excel's width, widened where a header of up to four
 * characters would otherwise break (是否达标 → 是否达/标). In Excel's unit a CJK character is
 * about two, plus one for the cell's margins.
 */
export function printWidth(column: Pick<Column<unknown>, 'header' | 'width'>): number {
  const chars = [...column.header].length;
  return chars <= 4 ? Math.max(column.width, chars * 2 + 1) : column.width;
}
