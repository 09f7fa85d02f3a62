import type { DirectoryEntry } from '../../../shared/api/directory';
import type { ParsePreview } from '../../../shared/api/imports';
import { normalizeWidth } from '../../../shared/parse/width';
import type { OwnerChoice, ReviewDraft } from './types';

export interface OwnerRow {
  readonly name: string;
  /** How many tasks name it as lead. */
  readonly taskCount: number;
  /** The department it already matches (by name or alias), if any. */
  readonly match: DirectoryEntry | null;
  readonly choice: OwnerChoice | null;
  /** A department whose name looks the same once brackets are dropped (公卫科（爱卫办） → 公卫科), offered as a one-click answer. */
  readonly suggestion: DirectoryEntry | null;
  /** Likewise, a department another row of this review creates (新建科室 公卫科): this name can join it. */
  readonly joinSuggestion: string | null;
}

/** Names compare as the core compares them: full/half width alike, spaces ignored. */
export const canonName = (name: string) => normalizeWidth(name).replace(/\s/g, '');
const canon = canonName;
/** Without bracketed notes: 公卫科（爱卫办） → 公卫科 (brackets are full width once normalised). */
const bare = (name: string) => canon(name).replace(/（[^）]*）/g, '');

function byNameOrAlias(departments: readonly DirectoryEntry[], name: string): DirectoryEntry | null {
  const wanted = canon(name);
  return departments.find((d) => [d.name, ...d.aliases].some((n) => canon(n) === wanted)) ?? null;
}

/** The department a new row creates, or joins: its own name unless it joins another's. */
export function createdName(name: string, choice: OwnerChoice | null): string | null {
  return choice?.action === 'create' ? (choice.as ?? name) : null;
}

/**
 * Only the same name once brackets are dropped: a name that merely contains another is a different
 * body (区红十字会办公室 is not 办公室), so it gets no suggestion. Names mapped in this review count
 * as the aliases they will become.
 */
function suggestionFor(departments: readonly DirectoryEntry[], pendingAliases: ReadonlyMap<string, DirectoryEntry>, name: string): DirectoryEntry | null {
  const plain = bare(name);
  if (plain.length < 2) return null;
  return departments.find((d) => [d.name, ...d.aliases].some((n) => bare(n) === plain)) ?? pendingAliases.get(plain) ?? null;
}

/**
 * Every lead owner name the draft uses, in order of first use, with what it matches. Names match the
 * departments as they are now (an alias added in 设置 while the review is open counts), else the
 * core's answer from the parse.
 */
export function ownerRows(
  draft: ReviewDraft,
  previewOwners: ParsePreview['owners'],
  departments: readonly DirectoryEntry[],
  choices: Readonly<Record<string, OwnerChoice>>,
): OwnerRow[] {
  const counts = new Map<string, number>();
  for (const task of draft.tasks) for (const name of new Set(task.leadDepartments)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const fromCore = new Map(previewOwners.map((o) => [o.name, o]));
  const byId = new Map(departments.map((d) => [d.id, d]));
  const base = [...counts.entries()].map(([name, taskCount]) => {
    const coreId = fromCore.get(name)?.departmentId;
    const match = byNameOrAlias(departments, name) ?? (coreId ? (byId.get(coreId) ?? null) : null);
    const chosen = choices[name] ?? null;
    // A mapping to a department deleted meanwhile (e.g. in a restored review) is no decision.
    const choice = match || (chosen?.action === 'map' && !byId.has(chosen.departmentId)) ? null : chosen;
    return { name, taskCount, match, choice };
  });
  const pendingAliases = new Map<string, DirectoryEntry>();
  const creating = new Map<string, string>();
  for (const row of base) {
    if (row.choice?.action === 'map') pendingAliases.set(bare(row.name), byId.get(row.choice.departmentId)!);
    const created = createdName(row.name, row.choice);
    if (created) creating.set(bare(created), created);
  }
  return base.map((row) => {
    if (row.match) return { ...row, suggestion: null, joinSuggestion: null };
    const join = creating.get(bare(row.name)) ?? null;
    return {
      ...row,
      suggestion: suggestionFor(departments, pendingAliases, row.name),
      joinSuggestion: join !== null && canon(join) !== canon(row.name) ? join : null,
    };
  });
}

/** Names of departments this review creates, for mapping other rows to them. */
export function newDepartmentNames(rows: readonly OwnerRow[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.match ? [] : [createdName(row.name, row.choice)].filter((n): n is string => n !== null))))];
}

/**
 * A decision for one row also holds for every row printed the same way (公卫科, 公卫科 with a
 * full-width space…); undoing a new department releases the rows that joined it.
 */
export function spreadChoice(rows: readonly OwnerRow[], choices: Readonly<Record<string, OwnerChoice>>, name: string, choice: OwnerChoice | null): Record<string, OwnerChoice> {
  const next: Record<string, OwnerChoice> = { ...choices };
  const previous = next[name];
  if (choice) next[name] = choice;
  else delete next[name];
  if (!choice && previous?.action === 'create' && previous.as === undefined) {
    for (const [other, c] of Object.entries(next)) if (c.action === 'create' && c.as !== undefined && canon(c.as) === canon(name)) delete next[other];
  }
  if (choice) {
    const shared: OwnerChoice = choice.action === 'create' ? { action: 'create', as: choice.as ?? name } : choice;
    for (const row of rows) {
      if (row.name !== name && !row.match && !row.choice && canon(row.name) === canon(name)) next[row.name] = shared;
    }
  }
  return next;
}

/** Names that match no department and have no decision yet: saving waits for them. */
export function unresolvedOwners(rows: readonly OwnerRow[]): string[] {
  return rows.filter((row) => !row.match && !row.choice).map((row) => row.name);
}

/** The decisions imports.save receives, for names the draft still uses. */
export type OwnerDecision = { name: string; action: 'map'; departmentId: string } | { name: string; action: 'create'; departmentName?: string };

export function ownerDecisions(rows: readonly OwnerRow[]): OwnerDecision[] {
  return rows.flatMap((row): OwnerDecision[] => {
    if (!row.choice) return [];
    // The core resolves a name that matches a department by itself.
    if (row.match) return [];
    if (row.choice.action === 'create') {
      const as = row.choice.as;
      return [as !== undefined && canon(as) !== canon(row.name) ? { name: row.name, action: 'create', departmentName: as } : { name: row.name, action: 'create' }];
    }
    return [{ name: row.name, action: 'map', departmentId: row.choice.departmentId }];
  });
}

/** Departments whose name or alias contains the query. */
export function searchDepartments(departments: readonly DirectoryEntry[], query: string): DirectoryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...departments];
  return departments.filter((d) => [d.name, ...d.aliases].some((n) => n.toLowerCase().includes(q)));
}
