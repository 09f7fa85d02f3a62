import { AppError } from '../core/app-error';
import type { HandlerMap } from '../core/handler';

const notYet = () => {
  throw new AppError('INTERNAL', 'Excel填报表尚未完成');
};

export const sheetHandlers: HandlerMap<'sync.exportSheet' | 'sync.previewSheet' | 'sync.importSheet'> = {
  'sync.exportSheet': notYet,
  'sync.previewSheet': notYet,
  'sync.importSheet': notYet,
};
