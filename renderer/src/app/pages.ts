import type { PageId } from '../store/ui';

export interface PageInfo {
  readonly id: PageId;
  readonly label: string;
}

/** The left navigation, in the order of a clerk's year. */
export const pages: readonly PageInfo[] = [
  { id: 'overview', label: '总览' },
  { id: 'ledger', label: '任务台账' },
  { id: 'tasks', label: '计划与任务' },
  { id: 'indicators', label: '指标' },
  { id: 'quarterly', label: '季度填报' },
  { id: 'compare', label: '各单位对比' },
  { id: 'import', label: '导入计划' },
  { id: 'exchange', label: '数据交换' },
  { id: 'reports', label: '报表' },
  { id: 'settings', label: '设置' },
];

export interface PlaceholderText {
  /** What this page will do. */
  readonly coming: string;
  /** What the clerk can do today instead. */
  readonly now: string;
  readonly nowPage: PageId;
  readonly nowButton: string;
}

/** Pages not built yet (none at the moment). */
export const placeholders: Partial<Record<PageId, PlaceholderText>> = {};
