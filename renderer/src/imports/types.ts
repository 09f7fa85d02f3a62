import type { ParsePreview, PlanChange, PlanDraft } from '../../../shared/api/imports';

export type { ParsePreview, PlanChange, PlanDraft };
export type ParseResult = ParsePreview['parse'];
export type DraftTask = PlanDraft['tasks'][number];
export type DraftSection = PlanDraft['sections'][number];
export type DraftProgress = PlanDraft['progress'][number];

/** A target while it is edited: `uid` keeps React rows stable; it is dropped before saving. */
export type DraftTarget = PlanDraft['targets'][number] & { readonly uid: string };

/** The plan on the review screen: a PlanDraft whose targets carry a local id. */
export interface ReviewDraft extends Omit<PlanDraft, 'targets' | 'tasks' | 'sections' | 'progress'> {
  readonly targets: readonly DraftTarget[];
  readonly tasks: readonly DraftTask[];
  readonly sections: readonly DraftSection[];
  /** Past quarters' progress read from a ledger table, kept with its task. */
  readonly progress: readonly DraftProgress[];
}

/** What the clerk decided for an owner name that is not (or not rightly) one of the departments. */
export type OwnerChoice =
  | { readonly action: 'map'; readonly departmentId: string }
  /** Create a department; with `as`, the one another row creates (公卫科（爱卫办） joins 公卫科), this name its alias. */
  | { readonly action: 'create'; readonly as?: string };
