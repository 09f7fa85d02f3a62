import type { CallResult } from '../../../shared/api';
import type { Attachment, SheetTask } from '../../../shared/api/progress';
import { createKeyedDebouncer } from '../quarterly/autosave';
import { baseForm, checkForm, hasContent, isLocked, sameForm, taskName, toDraftFields, toEntryFields, type EntryFieldName, type EntryForm, type FormErrors } from '../quarterly/entry-form';
import { entryErrorsFrom } from '../quarterly/field-errors';
import { currentPeriodText } from '../quarterly/period';
import { submitPlan } from '../quarterly/submit-plan';
import { coalesce } from './coalesce';
import { quietInvoke } from './invoke';
import type { LedgerState, Outcome, Slice } from './types';

export type Sheet = CallResult<'progress.sheet'>;
export type QuarterTab = 'entries' | 'indicators' | 'review';
export type SaveKind = 'save' | 'submit';

export interface QuarterlySlice {
  /** The quarter shown on 季度填报 (and in 办公室审核), `2025-Q1`. */
  readonly quarterPeriod: string;
  readonly quarterDepartmentId: string | null;
  readonly quarterTab: QuarterTab;
  readonly sheet: Sheet | null;
  readonly sheetError: string | null;
  /** What the clerk typed per task, where it differs from what the core holds. */
  readonly entryEdits: Readonly<Record<string, EntryForm>>;
  readonly entryErrors: Readonly<Record<string, FormErrors>>;
  readonly entrySaving: Readonly<Record<string, SaveKind>>;
  /** Tasks whose draft is being autosaved, or waits to be. */
  readonly draftPending: Readonly<Record<string, true>>;
  readonly autosavedAt: string | null;
  readonly autosaveError: string | null;
  readonly attachmentBusy: Readonly<Record<string, true>>;
  openQuarterly(departmentId: string | null): Promise<void>;
  chooseQuarter(period: string): Promise<void>;
  chooseDepartment(id: string): Promise<void>;
  setQuarterTab(tab: QuarterTab): void;
  loadSheet(): Promise<void>;
  editEntry(taskId: string, field: EntryFieldName, value: string): void;
  /** Send every waiting draft now (window closing, page changing). */
  flushDrafts(): Promise<void>;
  saveEntry(taskId: string, submit: boolean, options?: { quiet?: boolean }): Promise<boolean>;
  saveAllEntries(submit: boolean): Promise<void>;
  carryForward(taskId: string): Promise<boolean>;
  carryForwardAll(): Promise<void>;
  addAttachment(taskId: string, fileName: string, contentBase64: string): Promise<Outcome<Attachment>>;
  readAttachment(id: string): Promise<Outcome<CallResult<'attachments.read'>>>;
  removeAttachment(id: string): Promise<boolean>;
}

/** The form a task shows: the clerk's typing, else the saved entry with its draft. */
export function currentForm(state: Pick<LedgerState, 'entryEdits'>, task: SheetTask): EntryForm {
  return state.entryEdits[task.id] ?? baseForm(task);
}

export { taskName };

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> => {
  const next = { ...record };
  delete next[key];
  return next;
};

export const createQuarterlySlice = (now: () => Date): Slice<QuarterlySlice> => ({ set, get, api, call }) => {
  const invoke = quietInvoke(api);
  /** Bumped by every local change to the sheet, so a load that started before it is not applied. */
  let mutations = 0;

  const findTask = (taskId: string) => get().sheet?.tasks.find((t) => t.id === taskId) ?? null;
  const key = () => {
    const { quarterPeriod: period, quarterDepartmentId: departmentId } = get();
    return departmentId ? { period, departmentId } : null;
  };
  const sameKey = (k: { period: string; departmentId: string }) => get().quarterPeriod === k.period && get().quarterDepartmentId === k.departmentId;

  const updateTask = (taskId: string, change: (task: SheetTask) => SheetTask) => {
    mutations++;
    set((state) => (state.sheet ? { sheet: { ...state.sheet, tasks: state.sheet.tasks.map((t) => (t.id === taskId ? change(t) : t)) } } : {}));
  };

  const load = coalesce(async () => {
    const k = key();
    if (!k) {
      set({ sheet: null, sheetError: null });
      return;
    }
    const started = mutations;
    const result = await invoke('progress.sheet', k);
    if (!sameKey(k) || started !== mutations) return;
    if (!result.ok) {
      set({ sheetError: result.error.message });
      return;
    }
    const sheet = result.value;
    // Typing that now matches what the core holds is no longer an edit.
    const edits = { ...get().entryEdits };
    for (const task of sheet.tasks) {
      const edit = edits[task.id];
      if (edit && (sameForm(edit, baseForm(task)) || isLocked(task)) && !get().draftPending[task.id]) delete edits[task.id];
    }
    set({ sheet, sheetError: null, entryEdits: edits });
  });

  /** Reload, and run again if a local change happened meanwhile. */
  const reload = async () => {
    const before = mutations;
    await load();
    if (mutations !== before) await load();
  };

  const saveDraft = async (taskId: string) => {
    const k = key();
    const task = findTask(taskId);
    const form = get().entryEdits[taskId];
    if (!k || !task || !form || isLocked(task)) {
      set((state) => ({ draftPending: without(state.draftPending, taskId) }));
      return;
    }
    const result = await invoke('progress.saveDraft', { ...k, taskId, fields: toDraftFields(form) });
    if (!sameKey(k)) return;
    if (!result.ok) {
      set((state) => ({ autosaveError: `自动保存失败：${result.error.message}`, draftPending: without(state.draftPending, taskId) }));
      return;
    }
    updateTask(taskId, (t) => ({ ...t, draft: result.value }));
    set((state) => ({
      autosavedAt: result.value.savedAt,
      autosaveError: null,
      draftPending: drafts.pending().includes(taskId) ? state.draftPending : without(state.draftPending, taskId),
    }));
  };

  const drafts = createKeyedDebouncer<string>(saveDraft, { wait: 800, maxWait: 5000 });

  /** Before leaving a quarter or department: send the typing, then forget it. */
  const leave = async () => {
    await drafts.flush();
    set({ entryEdits: {}, entryErrors: {}, entrySaving: {}, draftPending: {}, attachmentBusy: {}, sheet: null, sheetError: null, autosavedAt: null, autosaveError: null });
  };

  const saveEntry: QuarterlySlice['saveEntry'] = async (taskId, submit, options = {}) => {
    const k = key();
    const task = findTask(taskId);
    if (!k || !task || isLocked(task) || get().entrySaving[taskId]) return false;
    const form = currentForm(get(), task);
    const errors = checkForm(form, submit);
    if (Object.keys(errors).length > 0) {
      set((state) => ({ entryErrors: { ...state.entryErrors, [taskId]: errors } }));
      return false;
    }
    drafts.cancel(taskId);
    set((state) => ({ entrySaving: { ...state.entrySaving, [taskId]: submit ? 'submit' : 'save' }, entryErrors: without(state.entryErrors, taskId) }));
    const result = await invoke('progress.save', { ...k, taskId, fields: toEntryFields(form), submit });
    if (!sameKey(k)) return false;
    set((state) => ({ entrySaving: without(state.entrySaving, taskId) }));
    if (!result.ok) {
      const fieldErrors = entryErrorsFrom(result.error);
      if (Object.keys(fieldErrors).length > 0) set((state) => ({ entryErrors: { ...state.entryErrors, [taskId]: fieldErrors } }));
      else get().pushToast('error', `${taskName(task)}未能${submit ? '提交' : '保存'}：${result.error.message}`);
      if (result.error.code === 'CONFLICT' || result.error.code === 'LOCKED' || result.error.code === 'NOT_FOUND') void reload();
      return false;
    }
    updateTask(taskId, (t) => ({ ...t, entry: result.value, draft: null }));
    set((state) => {
      const edit = state.entryEdits[taskId];
      const unchanged = !edit || sameForm(edit, form);
      return {
        entryEdits: unchanged ? without(state.entryEdits, taskId) : state.entryEdits,
        draftPending: unchanged ? without(state.draftPending, taskId) : state.draftPending,
      };
    });
    if (!options.quiet) get().pushToast('success', submit ? `已提交${taskName(task)}，等待办公室审核` : `已保存${taskName(task)}`);
    void reload();
    return true;
  };

  return {
    quarterPeriod: currentPeriodText(now()),
    quarterDepartmentId: null,
    quarterTab: 'entries',
    sheet: null,
    sheetError: null,
    entryEdits: {},
    entryErrors: {},
    entrySaving: {},
    draftPending: {},
    autosavedAt: null,
    autosaveError: null,
    attachmentBusy: {},
    openQuarterly: async (departmentId) => {
      if (!get().quarterDepartmentId && departmentId) set({ quarterDepartmentId: departmentId });
      await reload();
    },
    chooseQuarter: async (period) => {
      if (period === get().quarterPeriod) return;
      await leave();
      set({ quarterPeriod: period });
      await reload();
    },
    chooseDepartment: async (id) => {
      if (id === get().quarterDepartmentId) return;
      await leave();
      set({ quarterDepartmentId: id });
      await reload();
    },
    setQuarterTab: (tab) => set({ quarterTab: tab }),
    loadSheet: reload,
    editEntry: (taskId, field, value) => {
      const task = findTask(taskId);
      if (!task || isLocked(task)) return;
      const form = { ...currentForm(get(), task), [field]: value } as EntryForm;
      set((state) => {
        const errors = state.entryErrors[taskId];
        return {
          entryEdits: { ...state.entryEdits, [taskId]: form },
          draftPending: { ...state.draftPending, [taskId]: true },
          entryErrors: errors?.[field] ? { ...state.entryErrors, [taskId]: without(errors, field) } : state.entryErrors,
        };
      });
      drafts.schedule(taskId);
    },
    flushDrafts: () => drafts.flush(),
    saveEntry,
    saveAllEntries: async (submit) => {
      const sheet = get().sheet;
      if (!sheet) return;
      await drafts.flush();
      const verb = submit ? '提交' : '保存';
      let done = 0;
      let failed = 0;
      let blank = 0;
      if (submit) {
        // The same plan the confirm dialog showed: tasks without 进展情况 wait.
        const plan = submitPlan(get().sheet?.tasks ?? [], (task) => currentForm(get(), task));
        blank = plan.blank.length;
        for (const task of plan.ready) {
          if (await saveEntry(task.id, true, { quiet: true })) done++;
          else failed++;
        }
      } else {
        for (const task of get().sheet?.tasks ?? []) {
          if (isLocked(task) || (get().entryEdits[task.id] === undefined && task.draft === null)) continue;
          if (await saveEntry(task.id, false, { quiet: true })) done++;
          else failed++;
        }
      }
      const parts: string[] = [];
      if (done > 0) parts.push(`已${verb} ${done} 项`);
      if (failed > 0) parts.push(`${failed} 项未能${verb}，请查看标红的内容`);
      if (blank > 0) parts.push(`${blank} 项未填写进展，未提交`);
      if (parts.length === 0) parts.push(submit ? '没有需要提交的内容' : '没有需要保存的修改');
      get().pushToast(failed > 0 ? 'error' : 'success', parts.join('；'));
    },
    carryForward: async (taskId) => {
      const k = key();
      const task = findTask(taskId);
      if (!k || !task || isLocked(task) || !task.previous) return false;
      drafts.cancel(taskId);
      const outcome = await call('progress.carryForward', { ...k, taskId });
      if (!outcome.ok || !sameKey(k)) return false;
      for (const item of outcome.value) updateTask(item.taskId, (t) => ({ ...t, draft: item.draft }));
      set((state) => ({
        entryEdits: without(state.entryEdits, taskId),
        entryErrors: without(state.entryErrors, taskId),
        draftPending: without(state.draftPending, taskId),
      }));
      get().pushToast('success', `${taskName(task)}已沿用上季度内容，请按本季度实际情况修改`);
      return true;
    },
    carryForwardAll: async () => {
      const k = key();
      const sheet = get().sheet;
      if (!k || !sheet) return;
      await drafts.flush();
      // Only tasks nothing has been written for yet: typing is never overwritten.
      const targets = sheet.tasks.filter((t) => !isLocked(t) && t.previous && !t.entry && !hasContent(currentForm(get(), t)));
      let carried = 0;
      for (const task of targets) {
        const outcome = await call('progress.carryForward', { ...k, taskId: task.id });
        if (!sameKey(k)) return;
        if (!outcome.ok) break;
        for (const item of outcome.value) updateTask(item.taskId, (t) => ({ ...t, draft: item.draft }));
        set((state) => ({ entryEdits: without(state.entryEdits, task.id) }));
        carried++;
      }
      const skipped = sheet.tasks.filter((t) => t.previous && !targets.includes(t)).length;
      if (carried === 0 && targets.length === 0) {
        get().pushToast('success', skipped > 0 ? '各项任务本季度都已填写，未沿用上季度内容（已填写的内容不会被覆盖）' : '上季度没有可沿用的填报内容');
        return;
      }
      get().pushToast('success', `已为 ${carried} 项任务沿用上季度内容${skipped > 0 ? `；${skipped} 项本季度已填写，未覆盖` : ''}`);
    },
    addAttachment: async (taskId, fileName, contentBase64) => {
      const k = key();
      if (!k) return { ok: false, error: { code: 'NOT_FOUND', message: '请先选择科室' } };
      set((state) => ({ attachmentBusy: { ...state.attachmentBusy, [taskId]: true } }));
      const result = await invoke('attachments.add', { ...k, taskId, fileName, contentBase64 });
      set((state) => ({ attachmentBusy: without(state.attachmentBusy, taskId) }));
      if (!result.ok) return { ok: false, error: result.error };
      get().pushToast('success', `已添加佐证材料“${result.value.fileName}”`);
      await reload();
      return { ok: true, value: result.value };
    },
    readAttachment: (id) => call('attachments.read', { id }),
    removeAttachment: async (id) => {
      const outcome = await call('attachments.remove', { id }, { success: '佐证材料已删除' });
      if (outcome.ok) await reload();
      return outcome.ok;
    },
  };
};
