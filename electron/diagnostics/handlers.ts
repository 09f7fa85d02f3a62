import type { HandlerMap } from '../core/handler';
import { diagnosticsBundle } from './bundle';

export const diagnosticsHandlers: HandlerMap<'diagnostics.export'> = {
  'diagnostics.export': ({ core }) => diagnosticsBundle({ dbFile: core.file, db: core.db }),
};
