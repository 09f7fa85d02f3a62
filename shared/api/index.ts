import type { z } from 'zod';
import { backupApi } from './backup';
import { catalogApi } from './catalog';
import { diagnosticsApi } from './diagnostics';
import { departmentsApi } from './departments';
import { directoryApi } from './directory';
import { historyApi } from './history';
import { importsApi } from './imports';
import { ledgerApi } from './ledger';
import { progressApi } from './progress';
import { reportsApi } from './reports';
import { plansApi } from './plans';
import { settingsApi } from './settings';
import { syncApi } from './sync';
import { systemApi } from './system';
import type { ApiResult } from './errors';

/** The whole contract between the UI (or CLI, or browser host) and the core. */
export const contract = {
  ...systemApi,
  ...settingsApi,
  ...directoryApi,
  ...departmentsApi,
  ...plansApi,
  ...historyApi,
  ...importsApi,
  ...progressApi,
  ...ledgerApi,
  ...catalogApi,
  ...syncApi,
  ...reportsApi,
  ...backupApi,
  ...diagnosticsApi,
};

export type Contract = typeof contract;
export type CallName = keyof Contract & string;
export type CallArgs<N extends CallName> = z.input<Contract[N]['args']>;
export type ParsedArgs<N extends CallName> = z.output<Contract[N]['args']>;
export type CallResult<N extends CallName> = z.output<Contract[N]['result']>;

export const callNames = Object.keys(contract).sort() as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Progress of a long job, and notices that data changed (so open views refresh). */
export type LedgerEvent =
  | { readonly type: 'progress'; readonly call: CallName; readonly jobId: string; readonly label: string; readonly done: number; readonly total: number }
  | { readonly type: 'changed'; readonly tables: readonly string[] }
  /** From the desktop shell: package files the clerk double-clicked (or passed to a second instance). */
  | { readonly type: 'open-files'; readonly files: readonly { readonly fileName: string; readonly contentBase64: string }[] }
  /** From the desktop shell: the 帮助 → 关于 menu item. */
  | { readonly type: 'show-about' };

/** What the renderer sees: the preload bridge and the HTTP bridge both satisfy it. */
export interface LedgerApi {
  invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>>;
  onEvent(listener: (event: LedgerEvent) => void): () => void;
}

export const INVOKE_CHANNEL = 'ledger:invoke';
export const EVENT_CHANNEL = 'ledger:event';

export * from './errors';
