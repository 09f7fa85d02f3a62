import { createStore } from 'zustand';
import type { LedgerApi, LedgerEvent } from '../../../shared/api';
import { createBackupSlice } from './backup';
import { createCaller } from './caller';
import { createCompareSlice } from './compare';
import { createDashboardSlice } from './dashboard';
import { createDirectorySlice } from './directory';
import { createExchangeSlice } from './exchange';
import { createHistorySlice } from './history';
import { createImportSlice } from './imports';
import { createIndicatorsSlice } from './indicators';
import { createLedgerSlice } from './ledger';
import { createPlansSlice } from './plans';
import { createQuarterlySlice } from './quarterly';
import { createReportTemplatesSlice } from './report-templates';
import { createReportsSlice } from './reports';
import { createReviewSlice } from './review';
import { createSettingsSlice } from './settings';
import { createSystemSlice } from './system';
import { createTaskDetailSlice } from './task-detail';
import type { LedgerState, LedgerStore, SliceDeps } from './types';
import { createUiSlice } from './ui';
import { createViewSlice } from './view';
import { createYearEndSlice } from './year-end';

export type { LedgerState, LedgerStore, Outcome } from './types';

export interface StoreOptions {
  /** Today's date, for the default quarter and year (tests fix it). */
  readonly now?: () => Date;
}

/** One store for the whole renderer, built from per-domain slices that share one caller. */
export function createLedgerStore(api: LedgerApi, options: StoreOptions = {}): LedgerStore {
  const now = options.now ?? (() => new Date());
  return createStore<LedgerState>()((set, get) => {
    const deps: SliceDeps = { set, get, api, call: createCaller(api, get) };
    return {
      ...createUiSlice(deps),
      ...createSystemSlice(now)(deps),
      ...createSettingsSlice(deps),
      ...createDirectorySlice(deps),
      ...createPlansSlice(deps),
      ...createHistorySlice(deps),
      ...createImportSlice(deps),
      ...createQuarterlySlice(now)(deps),
      ...createReviewSlice(deps),
      ...createIndicatorsSlice(now)(deps),
      ...createTaskDetailSlice(deps),
      ...createYearEndSlice(now)(deps),
      ...createViewSlice(now)(deps),
      ...createLedgerSlice(deps),
      ...createDashboardSlice(deps),
      ...createCompareSlice(deps),
      ...createExchangeSlice(deps),
      ...createReportsSlice(deps),
      ...createReportTemplatesSlice(deps),
      ...createBackupSlice(deps),
    };
  });
}

/** Reload whatever the clerk may be looking at that one of these tables feeds. */
export async function refreshTables(store: LedgerStore, tables: readonly string[]): Promise<void> {
  const state = store.getState();
  if (!state.status?.initialized) {
    if (tables.includes('offices') || tables.includes('installations')) await state.loadStatus();
    return;
  }
  const has = (...names: string[]) => names.some((name) => tables.includes(name));
  const work: Promise<void>[] = [];
  if (has('offices', 'installations', 'departments')) work.push(state.loadStatus());
  if (has('offices', 'settings')) work.push(state.loadSettings());
  if (has('departments') && state.departments) work.push(state.loadDirectory('departments'));
  if (has('units') && state.units) work.push(state.loadDirectory('units'));
  if (has('plans', 'tasks') && state.plans) work.push(state.loadPlans());
  if (has('plans', 'sections', 'tasks') && state.openPlanId) work.push(state.reloadPlanDetail());
  if (has('progress_reports', 'attachments', 'indicators', 'indicator_values', 'tasks', 'plans') && state.sheet) work.push(state.loadSheet());
  if (has('progress_reports', 'tasks', 'plans') && state.reviewOverview) work.push(state.loadOverview());
  if (has('progress_reports', 'attachments', 'tasks') && state.reviewSheet) work.push(state.reloadReviewSheet());
  if (has('indicators', 'indicator_values') && state.indicatorRows) work.push(state.loadIndicators());
  if (has('progress_reports', 'attachments', 'tasks') && state.detailTaskId) work.push(state.reloadTaskDetail());
  const ledgerFeeds = has('progress_reports', 'tasks', 'plans', 'sections', 'departments', 'units', 'indicators', 'indicator_values', 'settings', 'offices');
  if (ledgerFeeds && state.ledgerResult) work.push(state.loadLedger());
  if (ledgerFeeds && state.dashboard) work.push(state.loadDashboard());
  if (has('plans', 'indicators', 'indicator_values', 'settings') && state.midterm) work.push(state.reloadMidterm());
  if ((ledgerFeeds || has('metrics', 'metric_links')) && state.compare) work.push(state.loadCompare());
  if (has('metrics', 'metric_links', 'indicators', 'plans', 'offices') && state.catalog) work.push(state.loadCatalog());
  if (has('plans', 'sections', 'tasks', 'departments') && state.reportFacets) work.push(state.loadReportFacets());
  // A local edit may settle a queued conflict; an import may add some.
  if (state.conflicts && tables.length > 0) work.push(state.loadConflicts());
  const target = state.historyTarget;
  if (target && has(target.table)) work.push(state.reloadHistory());
  await Promise.all(work);
}

export function handleLedgerEvent(store: LedgerStore, event: LedgerEvent): void {
  if (event.type === 'progress') store.getState().reportProgress(event);
  else if (event.type === 'changed') void refreshTables(store, event.tables);
  else if (event.type === 'open-files') void store.getState().openPackageFiles(event.files);
  else if (event.type === 'show-about') store.getState().showAbout();
}

/** Start listening to the core; returns the unsubscribe function. */
export function connectLedgerEvents(store: LedgerStore, api: LedgerApi): () => void {
  return api.onEvent((event) => handleLedgerEvent(store, event));
}
