import { createStore } from 'zustand';
import type { LedgerApi, LedgerEvent } from '../../../shared/api';
import { createCaller } from './caller';
import { createDirectorySlice } from './directory';
import { createHistorySlice } from './history';
import { createImportSlice } from './imports';
import { createPlansSlice } from './plans';
import { createSettingsSlice } from './settings';
import { createSystemSlice } from './system';
import type { LedgerState, LedgerStore, SliceDeps } from './types';
import { createUiSlice } from './ui';

export type { LedgerState, LedgerStore, Outcome } from './types';

/** One store for the whole renderer, built from per-domain slices that share one caller. */
export function createLedgerStore(api: LedgerApi): LedgerStore {
  return createStore<LedgerState>()((set, get) => {
    const deps: SliceDeps = { set, get, api, call: createCaller(api, get) };
    return {
      ...createUiSlice(deps),
      ...createSystemSlice(deps),
      ...createSettingsSlice(deps),
      ...createDirectorySlice(deps),
      ...createPlansSlice(deps),
      ...createHistorySlice(deps),
      ...createImportSlice(deps),
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
  if (has('offices', 'installations')) work.push(state.loadStatus());
  if (has('offices', 'settings')) work.push(state.loadSettings());
  if (has('departments') && state.departments) work.push(state.loadDirectory('departments'));
  if (has('units') && state.units) work.push(state.loadDirectory('units'));
  if (has('plans', 'tasks') && state.plans) work.push(state.loadPlans());
  if (has('plans', 'sections', 'tasks') && state.openPlanId) work.push(state.reloadPlanDetail());
  const target = state.historyTarget;
  if (target && has(target.table)) work.push(state.reloadHistory());
  await Promise.all(work);
}

export function handleLedgerEvent(store: LedgerStore, event: LedgerEvent): void {
  if (event.type === 'progress') store.getState().reportProgress(event);
  else if (event.type === 'changed') void refreshTables(store, event.tables);
}

/** Start listening to the core; returns the unsubscribe function. */
export function connectLedgerEvents(store: LedgerStore, api: LedgerApi): () => void {
  return api.onEvent((event) => handleLedgerEvent(store, event));
}
