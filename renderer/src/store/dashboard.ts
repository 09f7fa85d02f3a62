import type { CallResult } from '../../../shared/api';
import type { DashboardSummary, IndicatorSeries } from '../../../shared/api/ledger';
import { coalesce } from './coalesce';
import type { Slice } from './types';

export type MidtermResult = CallResult<'dashboard.midterm'>;
export type DashboardTab = 'overview' | 'midterm';

export interface DashboardSlice {
  /** 总览: cards, charts and the lagging list for the current view filter. */
  readonly dashboard: DashboardSummary | null;
  readonly dashboardIndicators: readonly IndicatorSeries[] | null;
  /** The last summary query failed (its message was already a toast). */
  readonly dashboardFailed: boolean;
  readonly dashboardTab: DashboardTab;
  /** 中期评估: the five-year plan picked and its yearly paths. */
  readonly midtermPlanId: string | null;
  readonly midterm: MidtermResult | null;
  readonly midtermFailed: boolean;
  loadDashboard(): Promise<void>;
  setDashboardTab(tab: DashboardTab): void;
  chooseMidtermPlan(planId: string | null): Promise<void>;
  reloadMidterm(): Promise<void>;
}

export const createDashboardSlice: Slice<DashboardSlice> = ({ set, get, call }) => {
  const load = coalesce(async () => {
    const filter = get().viewFilter;
    const [summary, indicators] = await Promise.all([call('dashboard.summary', filter), call('dashboard.indicators', filter)]);
    if (get().viewFilter !== filter) return;
    if (summary.ok) set({ dashboard: summary.value, dashboardFailed: false });
    else set({ dashboardFailed: true });
    if (indicators.ok) set({ dashboardIndicators: indicators.value });
  });

  const loadMidterm = coalesce(async () => {
    const planId = get().midtermPlanId;
    if (!planId) return;
    const outcome = await call('dashboard.midterm', { planId });
    // The clerk may have picked another plan meanwhile; its own run follows.
    if (get().midtermPlanId !== planId) return;
    if (outcome.ok) set({ midterm: outcome.value, midtermFailed: false });
    else set({ midterm: null, midtermFailed: true });
  });

  return {
    dashboard: null,
    dashboardIndicators: null,
    dashboardFailed: false,
    dashboardTab: 'overview',
    midtermPlanId: null,
    midterm: null,
    midtermFailed: false,
    loadDashboard: load,
    setDashboardTab: (tab) => set({ dashboardTab: tab }),
    chooseMidtermPlan: async (planId) => {
      if (planId === get().midtermPlanId && get().midterm) return;
      set({ midtermPlanId: planId, midterm: null, midtermFailed: false });
      await loadMidterm();
    },
    reloadMidterm: loadMidterm,
  };
};
