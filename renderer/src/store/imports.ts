import type { ApiError, CallArgs } from '../../../shared/api';
import type { ParsePreview, PlanChange } from '../../../shared/api/imports';
import { saveBlockers, describeSaveError, type ImportMode } from '../imports/blockers';
import { buildDraft, toPlanDraft } from '../imports/build-draft';
import { ownerDecisions, ownerRows } from '../imports/owners';
import type { OwnerChoice, ReviewDraft } from '../imports/types';
import type { Slice } from './types';

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
  parseImport(args: CallArgs<'imports.parse'>, fileName: string | null): Promise<void>;
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
    set({ importDiffing: false, importChanges: { list: result.value, draftVersion: version }, importAccepted: accepted });
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
      set({
        ...initial,
        importStage: 'review',
        importPreview: preview,
        importDraft: buildDraft(preview.parse),
        importMode: preview.existing ? (preview.existing.sameContent ? 'update' : null) : 'new',
      });
    },
    showImportError: (message) => set({ importError: message }),
    editImportDraft: (edit) => {
      const draft = get().importDraft;
      if (!draft) return;
      set((state) => ({ importDraft: edit(draft), importDraftVersion: state.importDraftVersion + 1, importSaveError: null }));
    },
    mergeImportKeys: (from, into) =>
      set((state) => ({
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
      set((state) => {
        const next = { ...state.importOwnerChoices };
        if (choice) next[name] = choice;
        else delete next[name];
        return { importOwnerChoices: next, importSaveError: null };
      }),
    chooseImportMode: async (mode) => {
      set({ importMode: mode, importSaveError: null });
      if (mode === 'revision') await compare();
      else if (get().importTab === 'changes') set({ importTab: 'tasks' });
    },
    compareImport: compare,
    acceptImportChanges: (ids, accepted) =>
      set((state) => {
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
      const updating = mode !== 'new' && preview.existing !== null;
      const decisions = ownerDecisions(rows);
      const result = await invoke('imports.save', {
        draft: toPlanDraft(draft),
        source: preview.source,
        owners: decisions,
        planId: updating ? preview.existing!.planId : null,
        acceptedChanges: updating && mode === 'revision' ? [...state.importAccepted] : null,
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
      set({ ...initial, page: 'tasks' });
      return true;
    },
    resetImport: () => {
      parseRun++;
      set({ ...initial });
    },
  };
};
