/*
 * Sealing changes close a record: a delete, or the office's approval of a quarterly entry. The
 * writer of a seal has seen every field of the record, so a seal supersedes the heads of all of
 * them; an edit to any field that the seal did not see (made offline meanwhile) is then a
 * conflict for the clerk, never silently buried under the tombstone or the approval.
 */

/** Fields of a quarterly entry that an approval vouches for. */
export const ENTRY_CONTENT_COLUMNS = ['status', 'percent', 'progress_text', 'problems_text', 'next_steps_text'] as const;

export type SealKind = 'delete' | 'approval';

export function sealKind(table: string, column: string, value: unknown): SealKind | null {
  if (column === 'deleted' && value === true) return 'delete';
  if (table === 'progress_reports' && column === 'workflow_state' && value === 'approved') return 'approval';
  return null;
}

/** The fields a seal covers: every field for a delete, the entry's content for an approval. */
export function sealedColumns(kind: SealKind, columns: readonly string[]): readonly string[] {
  return kind === 'delete' ? columns.filter((c) => c !== 'deleted') : ENTRY_CONTENT_COLUMNS;
}
