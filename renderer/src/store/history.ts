import type { HistoryEntry } from '../../../shared/api/history';
import type { ReplicatedTable } from '../../../shared/schema/tables';
import { coalesce } from './coalesce';
import type { Slice } from './types';

export interface HistoryTarget {
  readonly table: ReplicatedTable;
  readonly id: string;
  /** What the panel heading names, e.g. 任务“推进家庭医生签约”. */
  readonly title: string;
}

export interface HistorySlice {
  readonly historyTarget: HistoryTarget | null;
  readonly historyEntries: readonly HistoryEntry[] | null;
  openHistory(target: HistoryTarget): Promise<void>;
  closeHistory(): void;
  reloadHistory(): Promise<void>;
}

export const createHistorySlice: Slice<HistorySlice> = ({ set, get, call }) => {
  const load = coalesce(async () => {
    const target = get().historyTarget;
    if (!target) return;
    const outcome = await call('history.record', { table: target.table, id: target.id });
    if (get().historyTarget !== target) return;
    set({ historyEntries: outcome.ok ? outcome.value : [] });
  });
  return {
    historyTarget: null,
    historyEntries: null,
    openHistory: async (target) => {
      set({ historyTarget: target, historyEntries: null });
      await load();
    },
    closeHistory: () => set({ historyTarget: null, historyEntries: null }),
    reloadHistory: load,
  };
};
