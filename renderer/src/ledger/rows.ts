import type { LedgerRow } from '../../../shared/api/ledger';
import type { LedgerSort } from '../store/ledger';
import { compareKeys, sortKey } from './columns';

/** One line of the table: a plan or section heading (document order only) or a task. */
export type LedgerItem =
  | { readonly kind: 'plan'; readonly key: string; readonly title: string; readonly count: number }
  | { readonly kind: 'section'; readonly key: string; readonly title: string; readonly count: number }
  | { readonly kind: 'task'; readonly key: string; readonly row: LedgerRow; readonly position: number };

/** Rows sorted by one column; ties keep document order, empty values go last either way. */
export function sortRows(rows: readonly LedgerRow[], sort: LedgerSort | null): LedgerRow[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ row, index, key: sortKey(row, sort.column) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.index - b.index;
      return a.key === null ? 1 : -1;
    }
    return sign * compareKeys(a.key, b.key) || a.index - b.index;
  });
  return keyed.map((entry) => entry.row);
}

const NO_SECTION = '未分章节';

/**
 * The table's lines. In document order the tasks sit under their plan and section headings
 * (with counts); any other sort is a flat list, since headings would split runs of equal values.
 */
export function buildItems(rows: readonly LedgerRow[], sort: LedgerSort | null): LedgerItem[] {
  const sorted = sortRows(rows, sort);
  const tasks = (list: readonly LedgerRow[]) => list.map((row, position): LedgerItem => ({ kind: 'task', key: row.taskId, row, position }));
  if (sort) return tasks(sorted);

  const planCounts = new Map<string, number>();
  const sectionCounts = new Map<string, number>();
  const sectionKey = (row: LedgerRow) => `${row.planId}/${row.sectionId ?? ''}`;
  for (const row of sorted) {
    planCounts.set(row.planId, (planCounts.get(row.planId) ?? 0) + 1);
    sectionCounts.set(sectionKey(row), (sectionCounts.get(sectionKey(row)) ?? 0) + 1);
  }
  const items: LedgerItem[] = [];
  let previous: LedgerRow | null = null;
  let position = 0;
  for (const row of sorted) {
    const newPlan = previous?.planId !== row.planId;
    if (newPlan) items.push({ kind: 'plan', key: `plan:${row.planId}`, title: row.planTitle, count: planCounts.get(row.planId) ?? 0 });
    const newSection = newPlan || previous?.sectionId !== row.sectionId;
    // Tasks before the first section need no heading; those after a section do, or they would look part of it.
    if (newSection && (row.sectionId !== null || (!newPlan && previous?.sectionId !== null))) {
      items.push({
        kind: 'section',
        key: `section:${sectionKey(row)}:${items.length}`,
        title: row.sectionTitle ?? NO_SECTION,
        count: sectionCounts.get(sectionKey(row)) ?? 0,
      });
    }
    items.push({ kind: 'task', key: row.taskId, row, position: position++ });
    previous = row;
  }
  return items;
}
