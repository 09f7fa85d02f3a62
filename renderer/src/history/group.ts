import type { HistoryEntry } from '../../../shared/api/history';

export interface HistoryGroup {
  readonly key: string;
  readonly actor: string;
  readonly officeName: string | null;
  readonly at: string;
  /** The first group of a record whose fields all start empty: the record was created. */
  readonly created: boolean;
  readonly entries: readonly HistoryEntry[];
}

/** One save writes one change per field, a few milliseconds apart: show them as one edit. */
const SAME_EDIT_MS = 2000;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Group changes (oldest first, as history.record returns them) into edits, newest first. */
export function groupHistory(entries: readonly HistoryEntry[]): HistoryGroup[] {
  const groups: { actor: string; officeName: string | null; at: string; start: number; entries: HistoryEntry[] }[] = [];
  for (const entry of entries) {
    const time = Date.parse(entry.at);
    const last = groups[groups.length - 1];
    if (last && last.actor === entry.actor && last.officeName === entry.officeName && Math.abs(time - last.start) <= SAME_EDIT_MS) {
      last.entries.push(entry);
    } else {
      groups.push({ actor: entry.actor, officeName: entry.officeName, at: entry.at, start: time, entries: [entry] });
    }
  }
  return groups
    .map((group, index) => ({
      key: group.entries[0]!.hlc,
      actor: group.actor,
      officeName: group.officeName,
      at: group.at,
      created: index === 0 && group.entries.every((entry) => entry.column !== 'deleted' && isEmpty(entry.oldValue)),
      entries: group.entries,
    }))
    .reverse();
}
