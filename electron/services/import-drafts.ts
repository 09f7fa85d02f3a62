import type { ParsePreview, ReviewDraftSummary, ReviewState, SourceInfo } from '../../shared/api/imports';
import { AppError } from '../core/app-error';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';

/*
 * The import review's autosave. Like quarterly drafts it lives in the local `drafts` table (this PC
 * only, never in the change log): one row holds the parse of the source (written once per review,
 * it can be megabytes), another the clerk's edits (rewritten on every pause in typing). Both are
 * keyed by the source file's SHA-256, so a file has at most one unfinished review.
 */

/** Unfinished reviews kept; older ones are dropped when a new one is saved. */
export const MAX_REVIEW_DRAFTS = 5;

const SOURCE = 'import-source:';
const REVIEW = 'import-review:';
/** Keys of one kind, by a range on the primary key (':' + 1 is ';'). */
const ofKind = (prefix: string) => `key >= '${prefix}' AND key < '${prefix.slice(0, -1)};'`;
const NEWEST_FIRST = "ORDER BY json_extract(value, '$.meta.seq') DESC, updated_at DESC";

interface StoredReview {
  /** `seq` orders saves made within one millisecond. */
  meta: Omit<ReviewDraftSummary, 'id' | 'savedAt'> & { seq: number };
  state: ReviewState;
}

const upsert = (core: Core, key: string, value: string, at: string) =>
  core.db
    .prepare('INSERT INTO drafts (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(key, value, at);

export function saveReviewDraft(core: Core, source: SourceInfo, preview: ParsePreview | null, state: ReviewState): { id: string; savedAt: string } {
  const id = source.sha256;
  if (preview && preview.source.sha256 !== id) throw new AppError('INVALID_ARGUMENT', '识别结果与文件不符，无法保存草稿');
  const savedAt = new Date(core.now()).toISOString();
  core.db.transaction(() => {
    const seq = ((core.db.prepare(`SELECT MAX(json_extract(value, '$.meta.seq')) FROM drafts WHERE ${ofKind(REVIEW)}`).pluck().get() as number | null) ?? 0) + 1;
    const review: StoredReview = {
      meta: { fileName: source.fileName, format: source.format, title: state.draft.title, tasks: state.draft.tasks.length, seq },
      state,
    };
    if (preview) upsert(core, SOURCE + id, JSON.stringify(preview), savedAt);
    // The parse is sent once; without it the review cannot be restored, so ask for it again.
    else if (!core.db.prepare('SELECT 1 FROM drafts WHERE key = ?').get(SOURCE + id)) throw new AppError('NOT_FOUND', '本机没有这份导入核对的识别结果，请连同识别结果一起保存');
    upsert(core, REVIEW + id, JSON.stringify(review), savedAt);
    prune(core);
  })();
  return { id, savedAt };
}

/** Keep the newest reviews only, and no parse without its review. */
function prune(core: Core): void {
  const ids = core.db.prepare(`SELECT substr(key, ${REVIEW.length + 1}) FROM drafts WHERE ${ofKind(REVIEW)} ${NEWEST_FIRST}`).pluck().all() as string[];
  for (const id of ids.slice(MAX_REVIEW_DRAFTS)) discardReviewDraft(core, id);
  const kept = new Set(ids.slice(0, MAX_REVIEW_DRAFTS));
  const sources = core.db.prepare(`SELECT substr(key, ${SOURCE.length + 1}) FROM drafts WHERE ${ofKind(SOURCE)}`).pluck().all() as string[];
  for (const id of sources) if (!kept.has(id)) core.db.prepare('DELETE FROM drafts WHERE key = ?').run(SOURCE + id);
}

export function listReviewDrafts(core: Core): ReviewDraftSummary[] {
  // json_extract reads the small meta without parsing the whole state in JavaScript.
  const rows = core.db
    .prepare(`SELECT substr(key, ${REVIEW.length + 1}) AS id, json_extract(value, '$.meta') AS meta, updated_at FROM drafts WHERE ${ofKind(REVIEW)} ${NEWEST_FIRST}`)
    .all() as { id: string; meta: string | null; updated_at: string }[];
  return rows.flatMap((row) => {
    if (!row.meta) return [];
    const meta = JSON.parse(row.meta) as StoredReview['meta'];
    return [{ id: row.id, fileName: meta.fileName, format: meta.format, title: meta.title, tasks: meta.tasks, savedAt: row.updated_at }];
  });
}

export function openReviewDraft(core: Core, id: string): { preview: ParsePreview; state: ReviewState; savedAt: string } {
  const review = core.db.prepare('SELECT value, updated_at FROM drafts WHERE key = ?').get(REVIEW + id) as { value: string; updated_at: string } | undefined;
  const source = core.db.prepare('SELECT value FROM drafts WHERE key = ?').pluck().get(SOURCE + id) as string | undefined;
  if (!review || !source) throw new AppError('NOT_FOUND', '这份未完成的导入核对已不在本机（可能已保存或放弃）');
  return { preview: JSON.parse(source) as ParsePreview, state: (JSON.parse(review.value) as StoredReview).state, savedAt: review.updated_at };
}

/** Saving or abandoning an import ends its review. */
export function discardReviewDraft(core: Core, id: string): void {
  core.db.prepare('DELETE FROM drafts WHERE key IN (?, ?)').run(REVIEW + id, SOURCE + id);
}

export const importDraftHandlers: HandlerMap<'imports.saveReviewDraft' | 'imports.reviewDrafts' | 'imports.openReviewDraft' | 'imports.discardReviewDraft'> = {
  'imports.saveReviewDraft': ({ core }, args) => saveReviewDraft(core, args.source, args.preview, args.state),
  'imports.reviewDrafts': ({ core }) => listReviewDrafts(core),
  'imports.openReviewDraft': ({ core }, args) => openReviewDraft(core, args.id),
  'imports.discardReviewDraft': ({ core }, args) => {
    discardReviewDraft(core, args.id);
    return null;
  },
};
