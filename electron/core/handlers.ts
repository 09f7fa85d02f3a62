import type { CallName } from '../../shared/api';
import type { HandlerMap } from './handler';
import { attachmentHandlers } from '../services/attachments';
import { backupHandlers } from '../backup/handlers';
import { diagnosticsHandlers } from '../diagnostics/handlers';
import { carryOverHandlers } from '../services/carry-over';
import { catalogHandlers } from '../services/catalog';
import { departmentHandlers } from '../services/departments';
import { directoryHandlerMap } from '../services/directory';
import { historyHandlers } from '../services/history';
import { importHandlers } from '../services/imports';
import { importDraftHandlers } from '../services/import-drafts';
import { indicatorHandlers } from '../services/indicators';
import { ledgerHandlers } from '../services/ledger';
import { planHandlers } from '../services/plans';
import { progressHandlers } from '../services/progress';
import { reasonDraftHandlers } from '../services/reason-drafts';
import { settingsHandlers } from '../services/settings';
import { statusHandlers } from '../services/status';
import { systemHandlers } from '../services/system';
import { reportHandlers } from '../reports/handlers';
import { syncHandlers } from '../sync/handlers';
import { sheetHandlers } from '../sync/sheet-handlers';

/** Every call of the contract has exactly one handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap<CallName> = {
  ...systemHandlers,
  ...settingsHandlers,
  ...directoryHandlerMap,
  ...departmentHandlers,
  ...planHandlers,
  ...historyHandlers,
  ...importHandlers,
  ...importDraftHandlers,
  ...progressHandlers,
  ...reasonDraftHandlers,
  ...statusHandlers,
  ...indicatorHandlers,
  ...attachmentHandlers,
  ...carryOverHandlers,
  ...ledgerHandlers,
  ...catalogHandlers,
  ...syncHandlers,
  ...sheetHandlers,
  ...reportHandlers,
  ...backupHandlers,
  ...diagnosticsHandlers,
};
