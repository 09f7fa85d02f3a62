import type { LedgerFilter } from '../../../shared/api/ledger';
import type { PageId } from './ui';
import type { Slice } from './types';
import { currentPeriodText } from '../quarterly/period';

/** The chips and search a chart click hands to the ledger; the quarter and office stay. */
export type FilterChips = Partial<Omit<LedgerFilter, 'period' | 'officeId' | 'includeSubmitted'>>;

/** The chips; 含待审核 (includeSubmitted) is a basis for every count, not a chip, and survives clearing them. */
export const noChips: Omit<LedgerFilter, 'period' | 'officeId' | 'includeSubmitted'> = {
  planIds: [],
  departmentIds: [],
  sectionIds: [],
  lights: [],
  statuses: [],
  states: [],
  overdue: false,
  search: '',
};

export interface ViewSlice {
  /** One filter for 总览 and 任务台账, so what a chart counts is what the ledger lists. */
  readonly viewFilter: LedgerFilter;
  setViewFilter(patch: Partial<LedgerFilter>): void;
  /** Replace the chips with `chips` and show the ledger (a chart bar or slice was clicked). */
  openLedgerWith(chips: FilterChips, page?: PageId): void;
  clearChips(): void;
}

export const createViewSlice = (now: () => Date): Slice<ViewSlice> => ({ set, get }) => ({
  viewFilter: { period: currentPeriodText(now()), officeId: null, includeSubmitted: false, ...noChips },
  setViewFilter: (patch) => set((state) => ({ viewFilter: { ...state.viewFilter, ...patch } })),
  openLedgerWith: (chips, page = 'ledger') => {
    set((state) => ({ viewFilter: { ...state.viewFilter, ...noChips, ...chips } }));
    get().goTo(page);
  },
  clearChips: () => set((state) => ({ viewFilter: { ...state.viewFilter, ...noChips } })),
});
