import type { CatalogResult, CompareResult } from '../../../shared/api/catalog';
import { coalesce } from './coalesce';
import type { Slice } from './types';

export interface CompareSlice {
  /** 各单位对比: offices side by side for the view's quarter. */
  readonly compare: CompareResult | null;
  /** 标准指标库. */
  readonly catalog: CatalogResult | null;
  loadCompare(): Promise<void>;
  loadCatalog(): Promise<void>;
}

export const createCompareSlice: Slice<CompareSlice> = ({ set, get, call }) => {
  const loadCompare = coalesce(async () => {
    const { period } = get().viewFilter;
    const outcome = await call('dashboard.compare', { period });
    if (get().viewFilter.period !== period) return;
    if (outcome.ok) set({ compare: outcome.value });
  });
  const loadCatalog = coalesce(async () => {
    const outcome = await call('catalog.list', {});
    if (outcome.ok) set({ catalog: outcome.value });
  });
  return { compare: null, catalog: null, loadCompare, loadCatalog };
};
