import { useEffect, useMemo } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { ExistingNotice } from './ExistingNotice';
import { ownerRows, unresolvedOwners } from './owners';
import { PlanPane } from './PlanPane';
import { ReviewBar } from './ReviewBar';
import { SourcePane } from './SourcePane';
import { useReviewUpkeep } from './useReviewUpkeep';
import type { ParsePreview, ReviewDraft } from './types';

/** Ctrl+S (⌘S) saves while the review is open. */
function useSaveShortcut() {
  const store = useLedgerStore();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void store.getState().saveImport();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
}

/** Step two: the source on the left, the editable plan on the right, each scrolling on its own. */
export function ReviewScreen({ preview, draft }: { preview: ParsePreview; draft: ReviewDraft }) {
  const departments = useLedger((s) => s.departments);
  const choices = useLedger((s) => s.importOwnerChoices);
  const rows = useMemo(() => ownerRows(draft, preview.owners, departments ?? [], choices), [draft, preview.owners, departments, choices]);
  useSaveShortcut();
  useReviewUpkeep();
  return (
    <section className="import-review" aria-labelledby="page-title">
      <ReviewBar preview={preview} draft={draft} openOwners={unresolvedOwners(rows).length} />
      {preview.existing ? <ExistingNotice existing={preview.existing} /> : null}
      <div className="review-panes">
        <SourcePane parse={preview.parse} />
        <PlanPane preview={preview} draft={draft} rows={rows} />
      </div>
    </section>
  );
}
