import type { LedgerRow } from '../../../shared/api/ledger';
import { quarterStates } from '../../../shared/domain/quarter-state';
import type { LedgerColumnId } from '../store/ledger';

export interface LedgerColumn {
  readonly id: LedgerColumnId;
  readonly label: string;
  /** A CSS grid track: fixed for short values, shares of the rest for text. */
  readonly width: string;
  /** 任务 names the row; the table makes no sense without it. */
  readonly required?: boolean;
  readonly align?: 'center' | 'right';
}

export const ledgerColumns: readonly LedgerColumn[] = [
  { id: 'number', label: '序号', width: '64px', align: 'center' },
  { id: 'title', label: '任务', width: 'minmax(260px, 2.9fr)', required: true },
  { id: 'departments', label: '牵头科室', width: 'minmax(110px, 1.1fr)' },
  { id: 'units', label: '责任单位', width: 'minmax(110px, 1.1fr)' },
  { id: 'deadline', label: '时限', width: 'minmax(96px, 0.8fr)' },
  { id: 'light', label: '本季度灯色', width: '104px' },
  { id: 'status', label: '本季度情况', width: 'minmax(180px, 1.7fr)' },
  { id: 'percent', label: '完成进度', width: '112px' },
  { id: 'updatedAt', label: '最近更新', width: '104px' },
];

export function visibleColumns(hidden: readonly LedgerColumnId[]): LedgerColumn[] {
  return ledgerColumns.filter((column) => column.required || !hidden.includes(column.id));
}

export function gridTemplate(columns: readonly LedgerColumn[]): string {
  return columns.map((column) => column.width).join(' ');
}

/** Worst first, so 本季度灯色 ascending puts the red lights on top. */
const lightRank = { red: 0, yellow: 1, grey: 2, green: 3 } as const;

type SortKey = string | number | null;

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** The value a column sorts by; null sorts last in both directions (nothing to compare). */
export function sortKey(row: LedgerRow, column: LedgerColumnId): SortKey {
  switch (column) {
    case 'number':
      return row.number || null;
    case 'title':
      return row.title;
    case 'departments':
      return row.departments.map((d) => d.name).join('、') || null;
    case 'units':
      return row.units.join('、') || null;
    case 'deadline':
      return row.deadline;
    case 'light':
      return lightRank[row.light.color];
    case 'status':
      // 已完成, 按序时推进, 滞后, 未填报; within a state, partly reported after fully reported.
      return quarterStates.indexOf(row.state) * 2 + (row.partial ? 1 : 0);
    case 'percent':
      return row.percent;
    case 'updatedAt':
      return row.updatedAt;
  }
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}


/** The narrowest the columns may get before the table scrolls sideways. */
export function minWidth(columns: readonly LedgerColumn[]): number {
  return columns.reduce((sum, column) => sum + Number(/(\d+)px/.exec(column.width)?.[1] ?? 0), 0);
}
