import type { CallArgs } from '../../../shared/api';
import type { CatalogResult, CompareResult, Metric } from '../../../shared/api/catalog';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

export type CompareTab = 'compare' | 'catalog';

export interface CompareSlice {
  /** 各单位对比: offices side by side for the view's quarter. */
  readonly compare: CompareResult | null;
  /** 标准指标库. */
  readonly catalog: CatalogResult | null;
  readonly compareTab: CompareTab;
  /** The metric whose ranking the bar chart shows; null: the first metric. */
  readonly compareMetricId: string | null;
  loadCompare(): Promise<void>;
  loadCatalog(): Promise<void>;
  setCompareTab(tab: CompareTab): void;
  chooseCompareMetric(metricId: string): void;
  /** Show one office's 总览 (a row of the comparison was clicked). */
  openOfficeOverview(officeId: string): void;
  createMetric(args: CallArgs<'catalog.createMetric'>): Promise<Outcome<Metric>>;
  metricsFromIndicators(): Promise<Outcome<{ created: number }>>;
  deleteMetric(id: string): Promise<Outcome<null>>;
  /** 是同一指标 / 不是: the decision travels with the catalog to other offices. */
  decideMatch(indicatorId: string, metricId: string, same: boolean): Promise<Outcome<null>>;
}

export const createCompareSlice: Slice<CompareSlice> = ({ set, get, call }) => {
  const loadCompare = coalesce(async () => {
    const { period, includeSubmitted } = get().viewFilter;
    const outcome = await call('dashboard.compare', { period, includeSubmitted });
    if (get().viewFilter.period !== period || get().viewFilter.includeSubmitted !== includeSubmitted) return;
    if (outcome.ok) set({ compare: outcome.value });
  });
  const loadCatalog = coalesce(async () => {
    const outcome = await call('catalog.list', {});
    if (outcome.ok) set({ catalog: outcome.value });
  });
  /** After a change to the catalog both views follow, whichever is showing. */
  const afterChange = async <T>(outcome: Outcome<T>): Promise<Outcome<T>> => {
    if (outcome.ok) await Promise.all([loadCatalog(), get().compare ? loadCompare() : Promise.resolve()]);
    return outcome;
  };
  return {
    compare: null,
    catalog: null,
    compareTab: 'compare',
    compareMetricId: null,
    loadCompare,
    loadCatalog,
    setCompareTab: (compareTab) => set({ compareTab }),
    chooseCompareMetric: (compareMetricId) => set({ compareMetricId }),
    openOfficeOverview: (officeId) => {
      get().setViewFilter({ officeId });
      get().goTo('overview');
    },
    createMetric: async (args) => afterChange(await call('catalog.createMetric', args, { success: `已新建标准指标“${args.name}”`, fields: ['name', 'unit'] })),
    metricsFromIndicators: async () => {
      const outcome = await call('catalog.fromIndicators', {});
      const done = await afterChange(outcome);
      if (outcome.ok) {
        const pending = get().catalog?.pending.length ?? 0;
        const made = outcome.value.created > 0 ? `已新建${outcome.value.created}项标准指标` : '没有需要新建的标准指标';
        get().pushToast('success', pending > 0 ? `${made}；名称相近的${pending}项请在“待确认的对应”中确认` : made);
      }
      return done;
    },
    deleteMetric: async (id) => afterChange(await call('catalog.deleteMetric', { id }, { success: '已删除标准指标' })),
    decideMatch: async (indicatorId, metricId, same) => afterChange(await call('catalog.decide', { indicatorId, metricId, same })),
  };
};
