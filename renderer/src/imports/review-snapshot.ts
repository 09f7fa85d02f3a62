import type { ReviewState } from '../../../shared/api/imports';
import type { ImportMode } from './blockers';
import { targetUid } from './build-draft';
import type { OwnerChoice, PlanChange, ReviewDraft } from './types';

/** The parts of the review the autosave keeps: every edit the clerk made, none of the screen's view state. */
export interface ReviewWork {
  readonly draft: ReviewDraft;
  readonly draftVersion: number;
  readonly ownerChoices: Readonly<Record<string, OwnerChoice>>;
  readonly mode: ImportMode | null;
  readonly changes: { readonly list: readonly PlanChange[]; readonly draftVersion: number } | null;
  readonly accepted: readonly string[];
  readonly keyRedirects: Readonly<Record<string, string>>;
}

/** Plain arrays and objects, as the contract takes them. */
export function toReviewState(work: ReviewWork): ReviewState {
  const { draft } = work;
  return {
    draft: {
      ...draft,
      sections: draft.sections.map((s) => ({ ...s })),
      tasks: draft.tasks.map((t) => ({ ...t, leadDepartments: [...t.leadDepartments], responsibleUnits: [...t.responsibleUnits] })),
      targets: draft.targets.map((t) => ({ ...t })),
      progress: draft.progress.map((p) => ({ ...p })),
    },
    draftVersion: work.draftVersion,
    ownerChoices: { ...work.ownerChoices },
    mode: work.mode,
    changes: work.changes ? { list: work.changes.list.map((c) => ({ ...c })), draftVersion: work.changes.draftVersion } : null,
    accepted: [...work.accepted],
    keyRedirects: { ...work.keyRedirects },
  };
}

/** Back from storage: targets get fresh row ids, so ones added after the restore never collide with them. */
export function fromReviewState(state: ReviewState): ReviewWork {
  return {
    ...state,
    draft: { ...state.draft, targets: state.draft.targets.map((t) => ({ ...t, uid: targetUid() })) },
  };
}
