import { AppError } from '../core/app-error';
import type { HandlerMap } from '../core/handler';

type CatalogCall = 'catalog.list' | 'catalog.createMetric' | 'catalog.fromIndicators' | 'catalog.updateMetric' | 'catalog.deleteMetric' | 'catalog.decide' | 'dashboard.compare';

const notYet = () => {
  throw new AppError('INTERNAL', '标准指标库尚未完成');
};

export const catalogHandlers: HandlerMap<CatalogCall> = {
  'catalog.list': notYet,
  'catalog.createMetric': notYet,
  'catalog.fromIndicators': notYet,
  'catalog.updateMetric': notYet,
  'catalog.deleteMetric': notYet,
  'catalog.decide': notYet,
  'dashboard.compare': notYet,
};
