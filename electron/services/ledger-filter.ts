import { LATE_MARK, PARTIAL_MARK, type LedgerFilter } from '../../shared/api/ledger';
import { parseHlc } from '../../shared/domain/hlc';
import type { Core } from '../core/core';
import { queryTerms } from '../search/bigrams';
import { normalizeWidth } from '../../shared/parse/width';
import type { LedgerScope, ScopedTask } from './ledger-scope';

/*
 * The ledger's chips and search applied to a scope. The search asks the full-text index for the
 * scope's plans only; owners are matched against the office's departments (a handful of rows).
 */

export interface Filtered {
  readonly tasks: ScopedTask[];
  /** Task id → where the words were found, when not in the title. */
  readonly matches: Map<string, string>;
}

const EXCERPT_SIDE = 18;

function normalized(text: string): string {
  return normalizeWidth(text).toLowerCase();
}

/** A short excerpt around the first search word, or null when the text does not contain it. */
export function excerpt(label: string, text: string | null, terms: string[]): string | null {
  if (!text || terms.length === 0) return null;
  const haystack = normalized(text);
  const at = haystack.indexOf(terms[0]!);
  if (at < 0 || !terms.every((term) => haystack.includes(term))) return null;
  const start = Math.max(0, at - EXCERPT_SIDE);
  const end = Math.min(text.length, at + terms[0]!.length + EXCERPT_SIDE);
  return `${label}：${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

interface EntryText {
  id: string;
  task_id: string;
  period: string;
  progress_text: string | null;
  problems_text: string | null;
  next_steps_text: string | null;
}

function departmentMatches(core: Core, scope: LedgerScope, terms: string[]): Set<string> {
  const rows = core.db.prepare('SELECT id, name, aliases FROM departments WHERE office_id = ? AND deleted = 0').all(scope.officeId) as {
    id: string;
    name: string | null;
    aliases: string | null;
  }[];
  const hits = new Set<string>();
  for (const row of rows) {
    const names = [row.name ?? '', ...((row.aliases ? (JSON.parse(row.aliases) as unknown[]) : []).filter((a): a is string => typeof a === 'string'))];
    if (names.some((name) => terms.every((term) => normalized(name).includes(term)))) hits.add(row.id);
  }
  return hits;
}

function searchTasks(core: Core, scope: LedgerScope, query: string, candidates: ScopedTask[]): Filtered {
  const terms = queryTerms(query);
  const hits = core.search.search(
    scope.plans.map((p) => p.id),
    query,
  );
  if (!hits) return { tasks: candidates, matches: new Map() };
  const entryById = core.db.prepare('SELECT id, task_id, period, progress_text, problems_text, next_steps_text FROM progress_reports WHERE id = ?');
  const entryHits = new Map<string, EntryText[]>();
  for (const id of hits.entryIds) {
    const entry = entryById.get(id) as EntryText | undefined;
    if (!entry?.task_id) continue;
    const list = entryHits.get(entry.task_id) ?? [];
    list.push(entry);
    entryHits.set(entry.task_id, list);
  }
  const owners = departmentMatches(core, scope, terms);
  const textOf = core.db.prepare('SELECT text FROM tasks WHERE id = ?').pluck();
  const matches = new Map<string, string>();
  const tasks = candidates.filter((task) => {
    const row = task.row;
    const titleHit = excerpt('标题', row.title, terms);
    if (hits.taskIds.has(row.id)) {
      const where = titleHit ? null : (excerpt('任务', textOf.get(row.id) as string | null, terms) ?? excerpt('任务', `${row.number ?? ''} ${row.responsible_units ?? ''}`, terms));
      if (where) matches.set(row.id, where);
      return true;
    }
    const entries = entryHits.get(row.id);
    if (entries) {
      // Prefer what was written this quarter, then the newest quarter.
      const sorted = [...entries].sort((a, b) => (a.period === scope.period ? -1 : b.period === scope.period ? 1 : b.period.localeCompare(a.period)));
      for (const entry of sorted) {
        const label = entry.period === scope.period ? '本季度' : entry.period;
        const found = excerpt(`${label}进展`, entry.progress_text, terms) ?? excerpt(`${label}问题`, entry.problems_text, terms) ?? excerpt(`${label}打算`, entry.next_steps_text, terms);
        if (found) {
          matches.set(row.id, found);
          break;
        }
      }
      return true;
    }
    const owner = task.leads.find((id) => owners.has(id));
    if (owner) {
      matches.set(row.id, `牵头科室：${scope.departmentNames.get(owner) ?? ''}`);
      return true;
    }
    return false;
  });
  return { tasks, matches };
}

/** A state chip matches the task's state; the marks match tasks carrying them. */
function matchesState(task: ScopedTask, states: ReadonlySet<string>): boolean {
  return states.has(task.quarter.state) || (states.has(PARTIAL_MARK) && task.quarter.partial) || (states.has(LATE_MARK) && task.quarter.late.length > 0);
}

/** Chips first (cheap), then the search over what is left. */
export function applyFilter(core: Core, scope: LedgerScope, filter: LedgerFilter): Filtered {
  const plans = new Set(filter.planIds);
  const departments = new Set(filter.departmentIds);
  const sections = new Set(filter.sectionIds);
  const lights = new Set<string>(filter.lights);
  const statuses = new Set<string>(filter.statuses);
  const states = new Set<string>(filter.states);
  const chipped = scope.tasks.filter(
    (task) =>
      (plans.size === 0 || plans.has(task.row.plan_id)) &&
      (departments.size === 0 || task.leads.some((id) => departments.has(id))) &&
      (sections.size === 0 || (task.row.section_id !== null && sections.has(task.row.section_id))) &&
      (lights.size === 0 || lights.has(task.light.color)) &&
      (statuses.size === 0 || statuses.has(task.status)) &&
      (states.size === 0 || matchesState(task, states)) &&
      (!filter.overdue || task.overdue),
  );
  return filter.search.trim() === '' ? { tasks: chipped, matches: new Map() } : searchTasks(core, scope, filter.search, chipped);
}

/** The ISO time of an HLC (the newest change to a task's entries), or null. */
export function hlcTime(hlc: string | null): string | null {
  return hlc ? new Date(parseHlc(hlc).wall).toISOString() : null;
}
