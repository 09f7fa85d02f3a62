import type { LedgerFilter, LedgerResult } from '../../../shared/api/ledger';
import { coalesce } from './coalesce';
import { noChips } from './view';
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

/** Rows asked for first when nothing of the office's quarter is on screen yet: more than a window shows. */
export const FIRST_SCREEN_ROWS = 120;

export const createLedgerSlice: Slice<LedgerSlice> = ({ set, get, call }) => {
  const run = coalesce(async () => {
    const filter = get().viewFilter;
    const shown = get().ledgerResultFilter;
    // A new quarter or office without chips: show its first screen at once, then everything (20,000 rows take a moment).
    const chipless = JSON.stringify({ ...filter, period: '', officeId: null }) === JSON.stringify({ ...filter, ...noChips, period: '', officeId: null });
    if (chipless && (!shown || shown.period !== filter.period || shown.officeId !== filter.officeId)) {
      const first = await call('ledger.query', { ...filter, limit: FIRST_SCREEN_ROWS });
      if (get().viewFilter !== filter) return;
      if (!first.ok) {
        set({ ledgerFailed: true });
        return;
      }
      set({ ledgerResult: first.value, ledgerResultFilter: filter, ledgerFailed: false });
      if (first.value.complete) return;
    }
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
