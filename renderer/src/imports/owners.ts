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
  /** A department whose name looks close (公卫科（爱卫办） → 公卫科), offered as a one-click answer. */
  readonly suggestion: DirectoryEntry | null;
}

/** Names compare as the core compares them: full/half width alike, spaces ignored. */
const canon = (name: string) => normalizeWidth(name).replace(/\s/g, '');
const bare = (name: string) => canon(name).replace(/\([^)]*\)/g, '');

function byNameOrAlias(departments: readonly DirectoryEntry[], name: string): DirectoryEntry | null {
  const wanted = canon(name);
  return departments.find((d) => [d.name, ...d.aliases].some((n) => canon(n) === wanted)) ?? null;
}

function suggestionFor(departments: readonly DirectoryEntry[], name: string): DirectoryEntry | null {
  const plain = bare(name);
  if (plain.length < 2) return null;
  return (
    departments.find((d) => [d.name, ...d.aliases].some((n) => bare(n) === plain)) ??
    departments.find((d) => [d.name, ...d.aliases].some((n) => bare(n).length >= 2 && (plain.includes(bare(n)) || bare(n).includes(plain)))) ??
    null
  );
}

/**
 * Every lead owner name the draft uses, in order of first use, with what it matches: the core's
 * answer from the parse for names from the document, a name/alias match for names added since.
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
  return [...counts.entries()].map(([name, taskCount]) => {
    const known = fromCore.get(name);
    const match = known ? (known.departmentId ? (byId.get(known.departmentId) ?? null) : null) : byNameOrAlias(departments, name);
    return { name, taskCount, match, choice: match ? null : (choices[name] ?? null), suggestion: match ? null : suggestionFor(departments, name) };
  });
}

/** Names that match no department and have no decision yet: saving waits for them. */
export function unresolvedOwners(rows: readonly OwnerRow[]): string[] {
  return rows.filter((row) => !row.match && !row.choice).map((row) => row.name);
}

/** The decisions imports.save receives, for names the draft still uses. */
export type OwnerDecision = { name: string; action: 'map'; departmentId: string } | { name: string; action: 'create' };

export function ownerDecisions(rows: readonly OwnerRow[]): OwnerDecision[] {
  return rows.flatMap((row): OwnerDecision[] => {
    if (!row.choice) return [];
    // The core resolves a name that matches a department by itself.
    if (row.match) return [];
    if (row.choice.action === 'create') return [{ name: row.name, action: 'create' }];
    return [{ name: row.name, action: 'map', departmentId: row.choice.departmentId }];
  });
}

/** Departments whose name or alias contains the query. */
export function searchDepartments(departments: readonly DirectoryEntry[], query: string): DirectoryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...departments];
  return departments.filter((d) => [d.name, ...d.aliases].some((n) => n.toLowerCase().includes(q)));
}
