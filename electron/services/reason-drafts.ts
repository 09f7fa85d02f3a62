import type { CallResult } from '../../shared/api';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';

/*
 * A 退回意见 or 解锁原因 being typed, kept on this PC only (the drafts table, outside the change
 * log) so a closed or refreshed window never loses it; cleared once the review is done.
 */

const keyOf = (kind: 'return' | 'unlock', entryId: string) => `reason:${kind}:${entryId}`;

export function reasonDraft(core: Core, args: { entryId: string; kind: 'return' | 'unlock'; text?: string | undefined; clear: boolean }): CallResult<'progress.reasonDraft'> {
  const key = keyOf(args.kind, args.entryId);
  if (args.clear || args.text === '') {
    core.db.prepare('DELETE FROM drafts WHERE key = ?').run(key);
    return null;
  }
  if (args.text !== undefined) {
    const savedAt = new Date(core.now()).toISOString();
    core.db
      .prepare('INSERT INTO drafts (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, JSON.stringify({ text: args.text }), savedAt);
    return { text: args.text, savedAt };
  }
  const row = core.db.prepare('SELECT value, updated_at FROM drafts WHERE key = ?').get(key) as { value: string; updated_at: string } | undefined;
  if (!row) return null;
  const parsed = JSON.parse(row.value) as { text?: unknown };
  return typeof parsed.text === 'string' ? { text: parsed.text, savedAt: row.updated_at } : null;
}

export const reasonDraftHandlers: HandlerMap<'progress.reasonDraft'> = {
  'progress.reasonDraft': ({ core }, args) => reasonDraft(core, args),
};
