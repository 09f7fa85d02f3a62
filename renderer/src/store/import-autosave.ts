import type { ApiResult, CallArgs, CallName, CallResult } from '../../../shared/api';
import type { ParsePreview } from '../../../shared/api/imports';
import { toReviewState, type ReviewWork } from '../imports/review-snapshot';
import { createKeyedDebouncer } from '../quarterly/autosave';

type Invoke = <N extends CallName>(name: N, args: CallArgs<N>) => Promise<ApiResult<CallResult<N>>>;

export interface ImportAutosaveHost {
  invoke: Invoke;
  /** The review being edited now, or null when none is (nothing to save). */
  current(): { preview: ParsePreview; work: ReviewWork } | null;
  /** The preview is still the one on screen (a late answer for an old review is dropped). */
  isCurrent(preview: ParsePreview): boolean;
  saved(savedAt: string): void;
  failed(message: string): void;
}

export interface ImportAutosave {
  /** Save once the clerk pauses. */
  schedule(): void;
  /** Send a waiting save now (the window is closing). */
  flush(): Promise<void>;
  /** Save now whether or not anything waits (a review has just begun). */
  saveNow(): Promise<void>;
  /** Drop what waits and let a save under way finish: the review is being saved or abandoned. */
  settle(): Promise<void>;
}

const KEY = 'review';

/**
 * The import review's autosave, debounced like quarterly entry. The parse (large) is sent with the
 * first save of a review only; the edits with every save.
 */
export function createImportAutosave(host: ImportAutosaveHost, options: { wait?: number; maxWait?: number } = {}): ImportAutosave {
  const stored = new WeakSet<ParsePreview>();
  const save = async () => {
    const now = host.current();
    if (!now) return;
    const { preview } = now;
    const state = toReviewState(now.work);
    const send = (withPreview: boolean) => host.invoke('imports.saveReviewDraft', { source: preview.source, preview: withPreview ? preview : null, state });
    let result = await send(!stored.has(preview));
    // The core lost the parse (another window saved or dropped this review): send it again.
    if (!result.ok && result.error.code === 'NOT_FOUND') result = await send(true);
    if (!host.isCurrent(preview)) return;
    if (!result.ok) {
      host.failed(`自动保存失败：${result.error.message}`);
      return;
    }
    stored.add(preview);
    host.saved(result.value.savedAt);
  };
  const debouncer = createKeyedDebouncer<string>(save, { wait: options.wait ?? 800, maxWait: options.maxWait ?? 5000 });
  return {
    schedule: () => debouncer.schedule(KEY),
    flush: () => debouncer.flush(KEY),
    saveNow: () => {
      debouncer.schedule(KEY);
      return debouncer.flush(KEY);
    },
    settle: async () => {
      debouncer.cancel(KEY);
      await debouncer.flush(KEY);
    },
  };
}
