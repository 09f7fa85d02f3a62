import type { CallArgs, CallResult } from '../../../shared/api';
import type { IndicatorRow } from '../../../shared/api/progress';
import { coalesce } from './coalesce';
import { quietInvoke } from './invoke';
import type { Outcome, Slice } from './types';

export type SetValueResult = CallResult<'indicators.setValue'>;

export interface IndicatorsSlice {
  /** 指标 page: the plan filter (null: all plans) and the year whose quarters are shown. */
  readonly indicatorPlanId: string | null;
  readonly indicatorYear: number;
  readonly indicatorRows: readonly IndicatorRow[] | null;
  loadIndicators(): Promise<void>;
  setIndicatorPlan(planId: string | null): Promise<void>;
  setIndicatorYear(year: number): void;
  /** Fails quietly (the cell or row shows the message); updates every view holding the indicator. */
  saveIndicatorValue(args: CallArgs<'indicators.setValue'>): Promise<Outcome<SetValueResult>>;
  updateIndicator(args: CallArgs<'indicators.update'>): Promise<Outcome<IndicatorRow>>;
}

export const INDICATOR_FIELDS = ['name', 'comparator', 'targetValue', 'targetValueMax', 'unit', 'baselineValue', 'baselineYear', 'targetYear', 'valueKind', 'accumulation', 'pace', 'departmentId'] as const;

export const createIndicatorsSlice = (now: () => Date): Slice<IndicatorsSlice> => ({ set, get, api, call }) => {
  const invoke = quietInvoke(api);
  const load = coalesce(async () => {
    const planId = get().indicatorPlanId;
    const outcome = await call('indicators.list', { planId });
    if (get().indicatorPlanId !== planId) return;
    if (outcome.ok) set({ indicatorRows: outcome.value });
  });

  /** Put the core's copy of an indicator into the grid and the open sheet. */
  const replace = (row: IndicatorRow) =>
    set((state) => ({
      indicatorRows: state.indicatorRows?.map((r) => (r.id === row.id ? row : r)) ?? null,
      sheet: state.sheet ? { ...state.sheet, indicators: state.sheet.indicators.map((r) => (r.id === row.id ? row : r)) } : null,
    }));

  return {
    indicatorPlanId: null,
    indicatorYear: now().getFullYear(),
    indicatorRows: null,
    loadIndicators: load,
    setIndicatorPlan: async (planId) => {
      set({ indicatorPlanId: planId, indicatorRows: null });
      await load();
    },
    setIndicatorYear: (year) => set({ indicatorYear: year }),
    saveIndicatorValue: async (args) => {
      const result = await invoke('indicators.setValue', args);
      if (!result.ok) return { ok: false, error: result.error };
      replace(result.value.indicator);
      return { ok: true, value: result.value };
    },
    updateIndicator: async (args) => {
      const outcome = await call('indicators.update', args, { fields: INDICATOR_FIELDS, success: '指标设置已保存' });
      if (outcome.ok) replace(outcome.value);
      return outcome;
    },
  };
};
