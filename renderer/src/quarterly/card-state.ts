import type { SheetTask } from '../../../shared/api/progress';
import { timeOrDateTime } from '../ui/format';
import { applyDraft, formFromFields, isLocked, sameForm, type EntryForm } from './entry-form';

/**
 * What a task card says about typing not yet saved to the ledger, in the same words as the
 * toolbar's 「已自动保存 HH:mm」: an autosaved draft is safe on this PC (not "未保存"); only
 * typing the autosave has not taken yet, or could not take, is unsaved.
 */
export type CardSaveState =
  | { readonly kind: 'saving' }
  | { readonly kind: 'autosaved'; readonly savedAt: string }
  | { readonly kind: 'unsaved' };

export function cardSaveState(task: Pick<SheetTask, 'entry' | 'draft'>, edit: EntryForm | undefined, pending: boolean, autosaveFailed: boolean): CardSaveState | null {
  if (isLocked(task)) return null;
  if (pending) return autosaveFailed ? { kind: 'unsaved' } : { kind: 'saving' };
  const saved = formFromFields(task.entry);
  if (edit && !sameForm(edit, task.draft ? applyDraft(saved, task.draft) : saved)) return { kind: 'unsaved' };
  if (task.draft) return { kind: 'autosaved', savedAt: task.draft.savedAt };
  return null;
}

export const CARD_DRAFT_HINT = '草稿只保存在本机；点“保存”记入台账，点“提交”送办公室审核';

/** 修改已自动保存 09:05 (today), or with the date for a draft left from another day. */
export function cardSaveLabel(state: CardSaveState, today: Date): string {
  // Not the toolbar's 「正在自动保存…」 word for word: one status line says it for the sheet.
  if (state.kind === 'saving') return '正在自动保存草稿…';
  if (state.kind === 'unsaved') return '修改未保存';
  return `修改已自动保存 ${timeOrDateTime(state.savedAt, today)}`;
}
