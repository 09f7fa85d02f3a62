import type { ApiError, CallArgs } from '../../../shared/api';
import type { ParsePreview, PlanChange, ReviewDraftSummary } from '../../../shared/api/imports';
import { saveBlockers, describeSaveError, type ImportMode } from '../imports/blockers';
import { buildDraft, parsedDraftOf, toPlanDraft } from '../imports/build-draft';
import { setLeads } from '../imports/draft-ops';
import { ownerDecisions, ownerRows, spreadChoice } from '../imports/owners';
import { fromReviewState, type ReviewWork } from '../imports/review-snapshot';
import type { OwnerChoice, ReviewDraft } from '../imports/types';
import { createImportAutosave } from './import-autosave';
import type { LedgerState, Slice } from './types';

export type ImportStage = 'input' | 'parsing' | 'review' | 'saving';
export type ImportTab = 'tasks' | 'owners' | 'changes';

export interface ImportChanges {
  readonly list: readonly PlanChange[];
  readonly draftVersion: number;
}

export interface ImportSlice {
  readonly importStage: ImportStage;
  /** Why the last file or text could not be read; shown next to the drop zone. */
  readonly importError: string | null;
  /** The file being read, while it is read. */
  readonly importFileName: string | null;
  readonly importPreview: ParsePreview | null;
  readonly importDraft: ReviewDraft | null;
  /** Bumped on every edit, so a comparison made before an edit is known to be stale. */
  readonly importDraftVersion: number;
  readonly importOwnerChoices: Readonly<Record<string, OwnerChoice>>;
  /** For a known plan: update it, compare as a revision, or import as a new plan. */
  readonly importMode: ImportMode | null;
  readonly importChanges: ImportChanges | null;
  readonly importAccepted: readonly string[];
  readonly importDiffing: boolean;
  readonly importDiffError: string | null;
  readonly importTab: ImportTab;
  readonly importSelectedTask: string | null;
  /** Bumped when a task is selected from the source, so the plan side scrolls to it even if it was selected already. */
  readonly importSelectSeq: number;
  readonly importSaveError: string | null;
  /** Merged-away task keys → the task they went into (a click on their source text finds it). */
  readonly importKeyRedirects: Readonly<Record<string, string>>;
  /** Tasks ticked in the review tree, for setting 牵头科室 on all of them at once. */
  readonly importPicked: Readonly<Record<string, true>>;
  /** Unfinished reviews on this PC (autosaved), offered back on the input screen; null until asked. */
  readonly importDrafts: readonly ReviewDraftSummary[] | null;
  /** When the open review was last autosaved, and why the last autosave failed. */
  readonly importAutosavedAt: string | null;
  readonly importAutosaveError: string | null;
  parseImport(args: CallArgs<'imports.parse'>, fileName: string | null): Promise<void>;
  /** 取消: end the running parse; the page returns to choosing a file, nothing changed. */
  cancelParse(): Promise<void>;
  showImportError(message: string): void;
  editImportDraft(edit: (draft: ReviewDraft) => ReviewDraft): void;
  mergeImportKeys(from: string, into: string): void;
  selectImportTask(key: string | null): void;
  chooseOwner(name: string, choice: OwnerChoice | null): void;
  chooseImportMode(mode: ImportMode): Promise<void>;
  compareImport(): Promise<void>;
  acceptImportChanges(ids: readonly string[], accepted: boolean): void;
  setImportTab(tab: ImportTab): void;
  saveImport(): Promise<boolean>;
  resetImport(): void;
  /** Tick or untick a task; with `range`, every task from the last one ticked to this one. */
  pickImportTask(key: string, range: boolean): void;
  setImportPicks(keys: readonly string[]): void;
  /** Set (replace) or add 牵头科室 on every ticked task, then clear the ticks. */
  assignImportLeads(names: readonly string[], mode: 'replace' | 'add'): void;
  loadImportDrafts(): Promise<void>;
  restoreImportDraft(id: string): Promise<void>;
  discardImportDraft(id: string): Promise<void>;
  /** Send the waiting autosave now (the window is closing or hidden). */
  flushImportDraft(): Promise<void>;
}

const initial = {
  importStage: 'input' as ImportStage,
  importError: null,
  importFileName: null,
  importPreview: null,
  importDraft: null,
  importDraftVersion: 0,
  importOwnerChoices: {},
  importMode: null,
  importChanges: null,
  importAccepted: [],
  importDiffing: false,
  importDiffError: null,
  importTab: 'tasks' as ImportTab,
  importSelectedTask: null,
  importSelectSeq: 0,
  importSaveError: null,
  importKeyRedirects: {},
  importPicked: {},
  importDrafts: null as readonly ReviewDraftSummary[] | null,
  importAutosavedAt: null,
  importAutosaveError: null,
};

const BROKEN = '无法连接到数据服务，请确认目标台账程序仍在运行后重试';

export const createImportSlice: Slice<ImportSlice> = ({ set, get, api }) => {
  /** Not through `call`: failures are shown on the page, not as toasts. */
  const invoke: typeof api.invoke = async (name, args) => {
    try {
      return await api.invoke(name, args);
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: BROKEN } as ApiError };
    }
  };
  let parseRun = 0;
  /** The task a shift-click ticks from. */
  let pickAnchor: string | null = null;

  const workOf = (state: LedgerState): ReviewWork | null =>
    state.importDraft
      ? {
          draft: state.importDraft,
          draftVersion: state.importDraftVersion,
          ownerChoices: state.importOwnerChoices,
          mode: state.importMode,
          changes: state.importChanges,
          accepted: state.importAccepted,
          keyRedirects: state.importKeyRedirects,
        }
      : null;
  const autosave = createImportAutosave({
    invoke,
    current: () => {
      const state = get();
      const work = workOf(state);
      return state.importStage === 'review' && state.importPreview && work ? { preview: state.importPreview, work } : null;
    },
    isCurrent: (preview) => get().importPreview === preview,
    saved: (savedAt) => set({ importAutosavedAt: savedAt, importAutosaveError: null }),
    failed: (message) => set({ importAutosaveError: message }),
  });
  /** Every change to the clerk's work goes through here, so the autosave sees it. */
  const setWork: typeof set = (partial) => {
    set(partial);
    autosave.schedule();
  };

  const compare = async () => {
    const { importPreview: preview, importDraft: draft, importDraftVersion: version } = get();
    if (!preview?.existing || !draft) return;
    set({ importDiffing: true, importDiffError: null, importTab: 'changes' });
    const result = await invoke('imports.diff', { planId: preview.existing.planId, draft: toPlanDraft(draft), source: preview.source });
    if (get().importPreview !== preview) return;
    if (!result.ok) {
      set({ importDiffing: false, importDiffError: describeSaveError(result.error, draft) });
      return;
    }
    // Every change is accepted at first; a clerk unticks what the revision should not change.
    const previous = get().importChanges;
    const before = new Set(previous?.list.map((c) => c.id) ?? []);
    const kept = new Set(get().importAccepted);
    const accepted = result.value.filter((c) => !before.has(c.id) || kept.has(c.id)).map((c) => c.id);
    setWork({ importDiffing: false, importChanges: { list: result.value, draftVersion: version }, importAccepted: accepted });
  };

  return {
    ...initial,
    parseImport: async (args, fileName) => {
      if (get().importStage === 'parsing' || get().importStage === 'saving') return;
      const run = ++parseRun;
      set({ importStage: 'parsing', importError: null, importFileName: fileName });
      const result = await invoke('imports.parse', args);
      if (run !== parseRun) return;
      if (!result.ok) {
        set({ importStage: 'input', importError: result.error.message, importFileName: null });
        return;
      }
      const preview = result.value;
      pickAnchor = null;
      set({
        ...initial,
        importDrafts: get().importDrafts,
        importStage: 'review',
        importPreview: preview,
        importDraft: buildDraft(preview.parse),
        importMode: preview.existing ? (preview.existing.sameContent ? 'update' : null) : 'new',
      });
      // The parse itself is work worth keeping (a long PDF): saved at once, edits after each pause.
      void autosave.saveNow();
    },
    cancelParse: async () => {
      if (get().importStage !== 'parsing') return;
      parseRun++;
      set({ importStage: 'input', importError: null, importFileName: null });
      await invoke('imports.cancelParse', {});
    },
    showImportError: (message) => set({ importError: message }),
    editImportDraft: (edit) => {
      const draft = get().importDraft;
      if (!draft) return;
      setWork((state) => ({ importDraft: edit(draft), importDraftVersion: state.importDraftVersion + 1, importSaveError: null }));
    },
    mergeImportKeys: (from, into) =>
      setWork((state) => ({
        importKeyRedirects: {
          ...Object.fromEntries(Object.entries(state.importKeyRedirects).map(([k, v]) => [k, v === from ? into : v])),
          [from]: into,
        },
      })),
    selectImportTask: (key) => {
      const target = key === null ? null : (get().importKeyRedirects[key] ?? key);
      set((state) => ({ importSelectedTask: target, importSelectSeq: state.importSelectSeq + 1, importTab: target ? 'tasks' : state.importTab }));
    },
    chooseOwner: (name, choice) =>
      setWork((state) => {
        const rows = state.importDraft && state.importPreview ? ownerRows(state.importDraft, state.importPreview.owners, state.departments ?? [], state.importOwnerChoices) : [];
        return { importOwnerChoices: spreadChoice(rows, state.importOwnerChoices, name, choice), importSaveError: null };
      }),
    chooseImportMode: async (mode) => {
      setWork({ importMode: mode, importSaveError: null });
      if (mode === 'revision') await compare();
      else if (get().importTab === 'changes') set({ importTab: 'tasks' });
    },
    compareImport: compare,
    acceptImportChanges: (ids, accepted) =>
      setWork((state) => {
        const next = new Set(state.importAccepted);
        for (const id of ids) {
          if (accepted) next.add(id);
          else next.delete(id);
        }
        // Keep the order of the change list.
        const order = state.importChanges?.list.map((c) => c.id) ?? [];
        return { importAccepted: order.filter((id) => next.has(id)) };
      }),
    setImportTab: (tab) => set({ importTab: tab }),
    saveImport: async () => {
      const state = get();
      const { importPreview: preview, importDraft: draft, importMode: mode } = state;
      if (!preview || !draft || state.importStage !== 'review') return false;
      const rows = ownerRows(draft, preview.owners, state.departments ?? [], state.importOwnerChoices);
      const blockers = saveBlockers(draft, rows, { existing: preview.existing !== null, mode, changes: state.importChanges, draftVersion: state.importDraftVersion });
      if (blockers.length > 0) {
        const ownersMissing = rows.some((row) => !row.match && !row.choice);
        set({ importSaveError: blockers.join(''), ...(ownersMissing ? { importTab: 'owners' as const } : {}) });
        return false;
      }
      set({ importStage: 'saving', importSaveError: null });
      // A draft save still under way must land before the save, which clears the draft.
      await autosave.settle();
      const updating = mode !== 'new' && preview.existing !== null;
      const decisions = ownerDecisions(rows);
      const result = await invoke('imports.save', {
        draft: toPlanDraft(draft),
        source: preview.source,
        owners: decisions,
        planId: updating ? preview.existing!.planId : null,
        acceptedChanges: updating && mode === 'revision' ? [...state.importAccepted] : null,
        parsed: parsedDraftOf(preview.parse),
      });
      if (get().importPreview !== preview) return false;
      if (!result.ok) {
        set({ importStage: 'review', importSaveError: describeSaveError(result.error, draft) });
        if (result.error.code === 'NOT_INITIALIZED') void get().loadStatus();
        return false;
      }
      const saved = result.value;
      const names = saved.createdDepartments;
      const created = names.length === 0 ? '' : `，新建科室 ${names.length} 个（${names.slice(0, 3).join('、')}${names.length > 3 ? '等' : ''}）`;
      get().pushToast('success', `${saved.updated ? '已更新' : '已保存'}计划“${draft.title.trim()}”：${saved.tasks} 项任务、${saved.targets} 个指标${created}`);
      void get().loadDirectory('departments');
      void get().loadPlans();
      await get().openPlan(saved.planId);
      set({ ...initial, importDrafts: null, page: 'tasks' });
      return true;
    },
    resetImport: () => {
      parseRun++;
      const preview = get().importPreview;
      set({ ...initial, importDrafts: get().importDrafts });
      // Choosing another file abandons this review: its draft goes too.
      if (preview) {
        void (async () => {
          await autosave.settle();
          await invoke('imports.discardReviewDraft', { id: preview.source.sha256 });
          set((state) => ({ importDrafts: state.importDrafts?.filter((d) => d.id !== preview.source.sha256) ?? null }));
        })();
      }
    },
    pickImportTask: (key, range) =>
      set((state) => {
        const picked = { ...state.importPicked };
        const on = !picked[key];
        const order = state.importDraft?.tasks.map((t) => t.key) ?? [];
        const from = range && pickAnchor !== null ? order.indexOf(pickAnchor) : -1;
        const to = order.indexOf(key);
        const keys = from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [key];
        for (const k of keys) {
          if (on) picked[k] = true;
          else delete picked[k];
        }
        pickAnchor = key;
        return { importPicked: picked };
      }),
    setImportPicks: (keys) => {
      pickAnchor = null;
      set({ importPicked: Object.fromEntries(keys.map((k) => [k, true as const])) });
    },
    assignImportLeads: (names, mode) => {
      const keys = Object.keys(get().importPicked);
      if (keys.length === 0 || names.length === 0) return;
      get().editImportDraft((draft) => setLeads(draft, keys, names, mode));
      pickAnchor = null;
      set({ importPicked: {} });
    },
    loadImportDrafts: async () => {
      const result = await invoke('imports.reviewDrafts', {});
      // Without the list the page still works: nothing is offered.
      set({ importDrafts: result.ok ? result.value : [] });
    },
    restoreImportDraft: async (id) => {
      if (get().importStage !== 'input') return;
      const run = ++parseRun;
      const result = await invoke('imports.openReviewDraft', { id });
      if (run !== parseRun) return;
      if (!result.ok) {
        set((state) => ({ importError: result.error.message, importDrafts: state.importDrafts?.filter((d) => d.id !== id) ?? null }));
        return;
      }
      const { preview, state: saved, savedAt } = result.value;
      const work = fromReviewState(saved);
      pickAnchor = null;
      set({
        ...initial,
        importDrafts: get().importDrafts,
        importStage: 'review',
        importPreview: preview,
        importDraft: work.draft,
        importDraftVersion: work.draftVersion,
        importOwnerChoices: work.ownerChoices,
        importMode: work.mode,
        importChanges: work.changes,
        importAccepted: work.accepted,
        importKeyRedirects: work.keyRedirects,
        importAutosavedAt: savedAt,
      });
    },
    discardImportDraft: async (id) => {
      await invoke('imports.discardReviewDraft', { id });
      set((state) => ({ importDrafts: state.importDrafts?.filter((d) => d.id !== id) ?? null }));
    },
    flushImportDraft: () => autosave.flush(),
  };
};
