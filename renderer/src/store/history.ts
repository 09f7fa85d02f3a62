import type { HistoryEntry } from '../../../shared/api/history';
import type { PlanDetail } from '../../../shared/api/plans';
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
  /** The sections of the record's plan, so 所属章节 reads by name wherever the history was opened. */
  readonly historySections: PlanDetail['sections'] | null;
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
    const entries = outcome.ok ? outcome.value : [];
    const planId = entries.findLast((entry) => entry.column === 'plan_id' && typeof entry.newValue === 'string')?.newValue as string | undefined;
    const plan = planId && planId !== get().planDetail?.plan.id ? await call('plans.get', { id: planId }) : null;
    if (get().historyTarget !== target) return;
    set({ historyEntries: entries, historySections: plan?.ok ? plan.value.sections : null });
  });
  return {
    historyTarget: null,
    historyEntries: null,
    historySections: null,
    openHistory: async (target) => {
      set({ historyTarget: target, historyEntries: null, historySections: null });
      await load();
    },
    closeHistory: () => set({ historyTarget: null, historyEntries: null, historySections: null }),
    reloadHistory: load,
  };
};
