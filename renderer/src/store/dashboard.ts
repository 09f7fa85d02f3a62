import type { DashboardSummary, IndicatorSeries } from '../../../shared/api/ledger';
import { coalesce } from './coalesce';
import type { Slice } from './types';

export interface DashboardSlice {
  /** 总览: cards, charts and the lagging list for the current view filter. */
  readonly dashboard: DashboardSummary | null;
  readonly dashboardIndicators: readonly IndicatorSeries[] | null;
  loadDashboard(): Promise<void>;
}

export const createDashboardSlice: Slice<DashboardSlice> = ({ set, get, call }) => {
  const load = coalesce(async () => {
    const filter = get().viewFilter;
    const [summary, indicators] = await Promise.all([call('dashboard.summary', filter), call('dashboard.indicators', filter)]);
    if (get().viewFilter !== filter) return;
    if (summary.ok) set({ dashboard: summary.value });
    if (indicators.ok) set({ dashboardIndicators: indicators.value });
  });
  return { dashboard: null, dashboardIndicators: null, loadDashboard: load };
};
