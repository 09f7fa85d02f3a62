import type { CallName } from '../../shared/api';
import type { HandlerMap } from './handler';
import { directoryHandlerMap } from '../services/directory';
import { historyHandlers } from '../services/history';
import { importHandlers } from '../services/imports';
import { planHandlers } from '../services/plans';
import { settingsHandlers } from '../services/settings';
import { systemHandlers } from '../services/system';

/** Every call of the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap<CallName> = {
  ...systemHandlers,
  ...settingsHandlers,
  ...directoryHandlerMap,
  ...planHandlers,
  ...historyHandlers,
  ...importHandlers,
};
