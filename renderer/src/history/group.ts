import type { HistoryEntry } from '../../../shared/api/history';

export interface HistoryGroup {
  readonly key: string;
  readonly actor: string;
  readonly officeName: string | null;
  readonly via: HistoryEntry['via'];
  readonly at: string;
  /** The first save of a record whose fields all start empty: the record was created. */
  readonly created: boolean;
  readonly entries: readonly HistoryEntry[];
}

export const isEmptyValue = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Group changes (oldest first, as history.record returns them) into saves, newest first.
 * Every change written by one save carries the same batch id from the change log.
 */
export function groupHistory(entries: readonly HistoryEntry[]): HistoryGroup[] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.batch);
    if (group) group.push(entry);
    else groups.set(entry.batch, [entry]);
  }
  return [...groups.entries()]
    .map(([batch, members], index) => ({
      key: batch,
      actor: members[0]!.actor,
      officeName: members[0]!.officeName,
      via: members[0]!.via,
      at: members[0]!.at,
      created: index === 0 && members.every((entry) => entry.column !== 'deleted' && isEmptyValue(entry.oldValue)),
      entries: members,
    }))
    .reverse();
}
