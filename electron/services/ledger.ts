import { AppError } from '../core/app-error';
import type { HandlerMap } from '../core/handler';

const notYet = () => {
  throw new AppError('INTERNAL', '任务台账尚未完成');
};

export const ledgerHandlers: HandlerMap<'ledger.query' | 'dashboard.summary' | 'dashboard.indicators' | 'dashboard.midterm'> = {
  'ledger.query': notYet,
  'dashboard.summary': notYet,
  'dashboard.indicators': notYet,
  'dashboard.midterm': notYet,
};
