import type { StoreApi } from 'zustand';
import type { ApiError, CallArgs, CallName, CallResult, LedgerApi } from '../../../shared/api';
import type { BackupSlice } from './backup';
import type { CompareSlice } from './compare';
import type { DashboardSlice } from './dashboard';
import type { DirectorySlice } from './directory';
import type { ExchangeSlice } from './exchange';
import type { HistorySlice } from './history';
import type { ImportSlice } from './imports';
import type { IndicatorsSlice } from './indicators';
import type { LedgerSlice } from './ledger';
import type { PlansSlice } from './plans';
import type { QuarterlySlice } from './quarterly';
import type { ReportTemplatesSlice } from './report-templates';
import type { ReportsSlice } from './reports';
import type { ReviewSlice } from './review';
import type { SettingsSlice } from './settings';
import type { SystemSlice } from './system';
import type { TaskDetailSlice } from './task-detail';
import type { UiSlice } from './ui';
import type { ViewSlice } from './view';
import type { YearEndSlice } from './year-end';

export type LedgerState = SystemSlice &
  SettingsSlice &
  DirectorySlice &
  PlansSlice &
  HistorySlice &
  ImportSlice &
  UiSlice &
  QuarterlySlice &
  ReviewSlice &
  IndicatorsSlice &
  TaskDetailSlice &
  YearEndSlice &
  ViewSlice &
  LedgerSlice &
  DashboardSlice &
  CompareSlice &
  ExchangeSlice &
  ReportsSlice &
  ReportTemplatesSlice &
  BackupSlice;
export type LedgerStore = StoreApi<LedgerState>;

/** What an action reports back to the form that started it. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export interface CallOptions {
  /** Toast shown when the call succeeds. */
  readonly success?: string;
  /**
   * Argument paths the calling form shows next to its inputs. A failure naming one of them is
   * returned for the form to show; any other failure becomes an error toast.
   */
  readonly fields?: readonly string[];
}

export type Caller = <N extends CallName>(name: N, args: CallArgs<N>, options?: CallOptions) => Promise<Outcome<CallResult<N>>>;

export interface SliceDeps {
  readonly set: LedgerStore['setState'];
  readonly get: LedgerStore['getState'];
  readonly api: LedgerApi;
  readonly call: Caller;
}

export type Slice<T> = (deps: SliceDeps) => T;
