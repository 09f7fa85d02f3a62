import type { LedgerFilter, LedgerResult } from '../../../shared/api/ledger';
import { coalesce } from './coalesce';
import type { Slice } from './types';

/** The 任务台账 columns, in display order. */
export const ledgerColumnIds = ['number', 'title', 'departments', 'units', 'deadline', 'light', 'status', 'percent', 'updatedAt'] as const;
export type LedgerColumnId = (typeof ledgerColumnIds)[number];

/** null: document order (plan, section, task), shown in groups. */
export interface LedgerSort {
  readonly column: LedgerColumnId;
  readonly direction: 'asc' | 'desc';
}

export interface LedgerSlice {
  /** 任务台账: the rows for the current view filter. */
  readonly ledgerResult: LedgerResult | null;
  /** The filter `ledgerResult` answers (the view filter may already be newer while it loads). */
  readonly ledgerResultFilter: LedgerFilter | null;
  /** A query is under way (the previous rows stay on screen meanwhile). */
  readonly ledgerLoading: boolean;
  /** The last query failed (its message was already a toast). */
  readonly ledgerFailed: boolean;
  /** Columns the clerk switched off in 显示列; kept while the app runs. */
  readonly ledgerHiddenColumns: readonly LedgerColumnId[];
  readonly ledgerSort: LedgerSort | null;
  loadLedger(): Promise<void>;
  setLedgerColumnVisible(column: LedgerColumnId, visible: boolean): void;
  setLedgerSort(sort: LedgerSort | null): void;
}

export const createLedgerSlice: Slice<LedgerSlice> = ({ set, get, call }) => {
  const run = coalesce(async () => {
    const filter = get().viewFilter;
    const outcome = await call('ledger.query', filter);
    // A newer filter is waiting: its own run follows, so this answer is stale.
    if (get().viewFilter !== filter) return;
    if (outcome.ok) set({ ledgerResult: outcome.value, ledgerResultFilter: filter, ledgerFailed: false });
    else set({ ledgerFailed: true });
  });
  return {
    ledgerResult: null,
    ledgerResultFilter: null,
    ledgerLoading: false,
    ledgerFailed: false,
    ledgerHiddenColumns: [],
    ledgerSort: null,
    loadLedger: async () => {
      set({ ledgerLoading: true });
      try {
        await run();
      } finally {
        set({ ledgerLoading: false });
      }
    },
    setLedgerColumnVisible: (column, visible) =>
      set((state) => {
        const hidden = state.ledgerHiddenColumns.filter((id) => id !== column);
        return { ledgerHiddenColumns: visible ? hidden : [...hidden, column] };
      }),
    setLedgerSort: (sort) => set({ ledgerSort: sort }),
  };
};
