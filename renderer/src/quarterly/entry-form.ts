import type { DraftFields, Entry, EntryFields, SheetTask } from '../../../shared/api/progress';
import type { TaskStatus } from '../../../shared/domain/progress-status';

/** What a clerk edits for one task: the texts as typed, the percent as typed. */
export interface EntryForm {
  readonly status: TaskStatus;
  readonly percent: string;
  readonly progressText: string;
  readonly problemsText: string;
  readonly nextStepsText: string;
}

export type EntryFieldName = keyof EntryForm;
export type TextFieldName = 'progressText' | 'problemsText' | 'nextStepsText';

export const TEXT_MAX = 5000;
export const textFields: readonly TextFieldName[] = ['progressText', 'problemsText', 'nextStepsText'];
export const entryFieldNames: readonly EntryFieldName[] = ['status', 'percent', ...textFields];

export const fieldLabels: Record<EntryFieldName, string> = {
  status: '状态',
  percent: '完成百分比',
  progressText: '进展情况',
  problemsText: '存在问题',
  nextStepsText: '下步打算',
};

export const emptyForm: EntryForm = { status: '未启动', percent: '', progressText: '', problemsText: '', nextStepsText: '' };

const percentText = (value: number | null | undefined) => (value == null ? '' : String(value));

export function formFromFields(fields: EntryFields | null): EntryForm {
  if (!fields) return emptyForm;
  return {
    status: fields.status,
    percent: percentText(fields.percent),
    progressText: fields.progressText,
    problemsText: fields.problemsText,
    nextStepsText: fields.nextStepsText,
  };
}

/** An autosaved draft holds only the fields typed so far: it overrides the saved entry field by field. */
export function applyDraft(base: EntryForm, draft: DraftFields | null): EntryForm {
  if (!draft) return base;
  return {
    status: draft.status ?? base.status,
    percent: draft.percent === undefined ? base.percent : percentText(draft.percent),
    progressText: draft.progressText ?? base.progressText,
    problemsText: draft.problemsText ?? base.problemsText,
    nextStepsText: draft.nextStepsText ?? base.nextStepsText,
  };
}

/** 第3项, or “标题” for a task without a number: how messages name a task. */
export function taskName(task: Pick<SheetTask, 'number' | 'title'>): string {
  return task.number ? `第${task.number}项` : `“${task.title}”`;
}

export function isLocked(task: Pick<SheetTask, 'entry'>): boolean {
  return task.entry?.workflowState === 'approved';
}

/** What the task shows before the clerk types: the saved entry, with an unsent draft on top (not for a locked entry). */
export function baseForm(task: Pick<SheetTask, 'entry' | 'draft'>): EntryForm {
  const saved = formFromFields(task.entry);
  return isLocked(task) ? saved : applyDraft(saved, task.draft);
}

export function sameForm(a: EntryForm, b: EntryForm): boolean {
  return entryFieldNames.every((name) => a[name] === b[name]);
}

export function hasContent(form: EntryForm): boolean {
  return form.status !== '未启动' || form.percent.trim() !== '' || textFields.some((name) => form[name].trim() !== '');
}

const FULL_WIDTH_DIGIT = /[０-９．]/g;

/** A percent as typed: empty is null, `50`, `50%` or full-width digits are numbers, anything else undefined. */
export function parsePercent(text: string): number | null | undefined {
  const trimmed = text.replace(FULL_WIDTH_DIGIT, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))).replace(/[%％]$/, '').trim();
  if (trimmed === '') return null;
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

export type FormErrors = Partial<Record<EntryFieldName, string>>;

/** Checks made before calling the core, in the same words the contract uses. */
export function checkForm(form: EntryForm, submit: boolean): FormErrors {
  const errors: FormErrors = {};
  const percent = parsePercent(form.percent);
  if (percent === undefined) errors.percent = '完成百分比必须是0到100之间的数字';
  else if (percent !== null && percent > 100) errors.percent = '完成百分比不能超过100';
  for (const name of textFields) {
    if (form[name].trim().length > TEXT_MAX) errors[name] = `${fieldLabels[name]}不能超过${TEXT_MAX}个字`;
  }
  if (submit && form.progressText.trim() === '' && !errors.progressText) errors.progressText = '提交前请填写进展情况';
  return errors;
}

/** The fields to save; call only after checkForm found nothing. */
export function toEntryFields(form: EntryForm): EntryFields {
  return {
    status: form.status,
    percent: parsePercent(form.percent) ?? null,
    progressText: form.progressText,
    problemsText: form.problemsText,
    nextStepsText: form.nextStepsText,
  };
}

/** What an autosave can keep: everything, except a percent that is not a number yet. */
export function toDraftFields(form: EntryForm): Partial<EntryFields> {
  const fields: Partial<Record<EntryFieldName, unknown>> = { status: form.status };
  const percent = parsePercent(form.percent);
  if (percent !== undefined && (percent === null || percent <= 100)) fields.percent = percent;
  for (const name of textFields) fields[name] = form[name].slice(0, TEXT_MAX);
  return fields as Partial<EntryFields>;
}

/** Fields whose content differs from last quarter's entry (texts compared without outer spaces). */
export function changedFromPrevious(form: EntryForm, previous: Entry | null): Set<EntryFieldName> {
  const changed = new Set<EntryFieldName>();
  if (!previous) return changed;
  const before = formFromFields(previous);
  for (const name of entryFieldNames) {
    if (name === 'percent') {
      if (parsePercent(form.percent) !== parsePercent(before.percent)) changed.add(name);
    } else if (form[name].trim() !== before[name].trim()) changed.add(name);
  }
  return changed;
}
