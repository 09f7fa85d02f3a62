import type { ApiError, ApiResult, CallArgs, CallResult } from '../../../shared/api';
import type { LedgerFilterInput } from '../../../shared/api/ledger';
import type { ReportTemplate } from '../../../shared/api/reports';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

/*
 * 上级表样: the saved forms (one per recipient), the form being added (its file and what the
 * core read from it), and the file last filled from each form.
 */

export type TemplateFile = CallArgs<'report.templates.inspect'>['file'];
export type TemplateInspection = CallResult<'report.templates.inspect'>;
export type FilledForm = CallResult<'report.fill'>;
export type TemplateChoice = Omit<CallArgs<'report.templates.save'>, 'file'>;

export interface TemplateDraft {
  readonly file: TemplateFile;
  readonly inspection: TemplateInspection | null;
  /** Why the core refused the file, shown in the panel where the clerk is looking. */
  readonly error: string | null;
  readonly busy: boolean;
}

export interface ReportTemplatesSlice {
  readonly reportTemplates: readonly ReportTemplate[] | null;
  readonly templateDraft: TemplateDraft | null;
  /** The newest file made from each saved form, by form id. */
  readonly filledForms: Readonly<Record<string, FilledForm>>;
  readonly fillingTemplateId: string | null;
  loadReportTemplates(): Promise<void>;
  /** Read a picked form: its sheets, header rows, columns and our suggested fields; nothing is stored. */
  inspectTemplateFile(file: TemplateFile): Promise<void>;
  clearTemplateDraft(): void;
  /** Store the draft's form with the clerk's choices; a refusal comes back for the form to show. */
  saveReportTemplate(choice: TemplateChoice): Promise<Outcome<ReportTemplate>>;
  deleteReportTemplate(id: string): Promise<boolean>;
  fillReportTemplate(id: string, scope: LedgerFilterInput): Promise<Outcome<FilledForm>>;
}

const UNREACHABLE: ApiError = { code: 'INTERNAL', message: '无法连接到数据服务，请稍后重试' };

export const createReportTemplatesSlice: Slice<ReportTemplatesSlice> = ({ set, get, api, call }) => {
  /** Not through `call`: refusals of a picked file or of the mapping are shown in the panel, not as a toast. */
  const quiet = async <T>(run: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> => {
    try {
      return await run();
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  };
  const loadReportTemplates = coalesce(async () => {
    const outcome = await call('report.templates.list', {});
    if (outcome.ok) set({ reportTemplates: outcome.value });
  });
  return {
    reportTemplates: null,
    templateDraft: null,
    filledForms: {},
    fillingTemplateId: null,
    loadReportTemplates,
    inspectTemplateFile: async (file) => {
      set({ templateDraft: { file, inspection: null, error: null, busy: true } });
      const result = await quiet(() => api.invoke('report.templates.inspect', { file }));
      // A newer pick wins over a slow read of an older one.
      if (get().templateDraft?.file !== file) return;
      set({ templateDraft: { file, inspection: result.ok ? result.value : null, error: result.ok ? null : result.error.message, busy: false } });
    },
    clearTemplateDraft: () => set({ templateDraft: null }),
    saveReportTemplate: async (choice) => {
      const draft = get().templateDraft;
      if (!draft) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: '请先选择表样文件' } };
      set({ templateDraft: { ...draft, busy: true } });
      const result = await quiet(() => api.invoke('report.templates.save', { ...choice, file: draft.file }));
      const current = get().templateDraft;
      if (!result.ok) {
        if (current) set({ templateDraft: { ...current, busy: false } });
        return { ok: false, error: result.error };
      }
      set({ templateDraft: null });
      get().pushToast('success', `已保存${result.value.recipient}的表样`);
      await loadReportTemplates();
      return { ok: true, value: result.value };
    },
    deleteReportTemplate: async (id) => {
      const outcome = await call('report.templates.delete', { id }, { success: '已删除该表样' });
      if (outcome.ok) {
        const { [id]: _dropped, ...rest } = get().filledForms;
        set({ filledForms: rest });
      }
      // Also after a refusal: the form may have been deleted in another window.
      await loadReportTemplates();
      return outcome.ok;
    },
    fillReportTemplate: async (id, scope) => {
      set({ fillingTemplateId: id });
      const outcome = await call('report.fill', { templateId: id, scope, save: true });
      set({ fillingTemplateId: null, ...(outcome.ok ? { filledForms: { ...get().filledForms, [id]: outcome.value } } : {}) });
      return outcome;
    },
  };
};
