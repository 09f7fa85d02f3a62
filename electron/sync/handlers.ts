import { AppError } from '../core/app-error';
import type { HandlerMap } from '../core/handler';

const notYet = () => {
  throw new AppError('INTERNAL', '数据交换尚未完成');
};

export const syncHandlers: HandlerMap<'sync.export' | 'sync.preview' | 'sync.import' | 'sync.conflicts' | 'sync.resolve' | 'sync.history' | 'sync.peers'> = {
  'sync.export': notYet,
  'sync.preview': notYet,
  'sync.import': notYet,
  'sync.conflicts': notYet,
  'sync.resolve': notYet,
  'sync.history': notYet,
  'sync.peers': notYet,
};
