import type { CallResult } from '../../../shared/api';
import type { Entry } from '../../../shared/api/progress';
import { coalesce } from './coalesce';
import type { Sheet } from './quarterly';
import type { Outcome, Slice } from './types';

export type OverviewRow = CallResult<'progress.overview'>[number];

export interface ReviewSlice {
  /** Per department for the chosen quarter; null until loaded. */
  readonly reviewOverview: readonly OverviewRow[] | null;
  readonly reviewDepartmentId: string | null;
  readonly reviewSheet: Sheet | null;
  loadOverview(): Promise<void>;
  openReviewDepartment(id: string | null): Promise<void>;
  reloadReviewSheet(): Promise<void>;
  reviewEntry(entry: Entry, decision: 'approve' | 'return', comment: string): Promise<Outcome<Entry>>;
  unlockEntry(entry: Entry, reason: string): Promise<Outcome<Entry>>;
  /** A 退回意见 / 解锁原因 typed but not sent, kept on this PC: read (no text), save (text) or clear. */
  reasonDraft(entryId: string, kind: ReasonKind, change?: { text: string } | 'clear'): Promise<string | null>;
}

export type ReasonKind = 'return' | 'unlock';

export const REVIEW_FIELDS = ['comment', 'reason'] as const;

export const createReviewSlice: Slice<ReviewSlice> = ({ set, get, call }) => {
  const loadOverview = coalesce(async () => {
    const period = get().quarterPeriod;
    const outcome = await call('progress.overview', { period });
    if (get().quarterPeriod !== period) return;
    if (outcome.ok) set({ reviewOverview: outcome.value });
  });
  const loadSheet = coalesce(async () => {
    const { quarterPeriod: period, reviewDepartmentId: departmentId } = get();
    if (!departmentId) return;
    const outcome = await call('progress.sheet', { period, departmentId });
    if (get().quarterPeriod !== period || get().reviewDepartmentId !== departmentId) return;
    if (outcome.ok) set({ reviewSheet: outcome.value });
  });
  const refresh = async () => {
    await Promise.all([loadOverview(), loadSheet()]);
  };
  return {
    reviewOverview: null,
    reviewDepartmentId: null,
    reviewSheet: null,
    loadOverview,
    openReviewDepartment: async (id) => {
      set({ reviewDepartmentId: id, reviewSheet: null });
      if (id) await loadSheet();
    },
    reloadReviewSheet: loadSheet,
    reasonDraft: async (entryId, kind, change) => {
      const args = change === 'clear' ? { entryId, kind, clear: true } : change ? { entryId, kind, text: change.text } : { entryId, kind };
      const outcome = await call('progress.reasonDraft', args);
      return outcome.ok ? (outcome.value?.text ?? null) : null;
    },
    reviewEntry: async (entry, decision, comment) => {
      const outcome = await call(
        'progress.review',
        { id: entry.id, decision, comment },
        // An approved card moves to 已审核 in view; a toast per approval would only pile up.
        decision === 'approve' ? { fields: REVIEW_FIELDS } : { fields: REVIEW_FIELDS, success: '已退回，科室将看到退回意见' },
      );
      if (outcome.ok) {
        if (decision === 'return') await get().reasonDraft(entry.id, 'return', 'clear');
        await refresh();
      }
      return outcome;
    },
    unlockEntry: async (entry, reason) => {
      const outcome = await call('progress.unlock', { id: entry.id, reason }, { fields: REVIEW_FIELDS, success: '已解锁，科室可以修改后重新提交' });
      if (outcome.ok) {
        await get().reasonDraft(entry.id, 'unlock', 'clear');
        await refresh();
      }
      return outcome;
    },
  };
};
