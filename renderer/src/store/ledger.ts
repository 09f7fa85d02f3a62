import type { LedgerResult } from '../../../shared/api/ledger';
import { coalesce } from './coalesce';
import type { Slice } from './types';

export interface LedgerSlice {
  /** 任务台账: the rows for the current view filter. */
  readonly ledgerResult: LedgerResult | null;
  loadLedger(): Promise<void>;
}

export const createLedgerSlice: Slice<LedgerSlice> = ({ set, get, call }) => {
  const load = coalesce(async () => {
    const filter = get().viewFilter;
    const outcome = await call('ledger.query', filter);
    if (get().viewFilter !== filter) return;
    if (outcome.ok) set({ ledgerResult: outcome.value });
  });
  return { ledgerResult: null, loadLedger: load };
};
