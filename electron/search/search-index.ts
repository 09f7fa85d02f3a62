import type { Database, Statement } from 'better-sqlite3';
import { indexBody, matchExpression } from './bigrams';

/*
 * The ledger's full-text index: local, derived from replicated rows, never synced.
 *
 * Documents are task texts ('t:<task id>') and quarterly entry texts ('p:<entry id>'). Each
 * belongs to a scope, its plan's number, which prefixes every token it is indexed under (see
 * bigrams.ts) and sets its FTS rowid (`scope * 2^32 + n`): a search limited to the plans on
 * screen reads only their postings, so its cost follows the plans searched, not the whole
 * database (a city holding twenty districts' years of reports). Scope 0 holds documents whose
 * plan is not known yet (an entry that arrived before its task).
 */

export const SEARCH_DDL = `
CREATE TABLE search_scopes (plan_id TEXT PRIMARY KEY NOT NULL, scope INTEGER NOT NULL UNIQUE) STRICT;
CREATE TABLE search_docs (ref TEXT PRIMARY KEY NOT NULL, doc INTEGER NOT NULL UNIQUE) STRICT;
CREATE VIRTUAL TABLE search_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
`;

/** Documents of one scope matching a MATCH expression: a rowid-range seek in the index. */
export const SEARCH_SCOPE = 'SELECT d.ref FROM search_fts f JOIN search_docs d ON d.doc = f.rowid WHERE search_fts MATCH ? AND f.rowid BETWEEN ? AND ?';

const SCOPE_SIZE = 2 ** 32;
const ORPHAN_SCOPE = 0;

interface TaskDocRow {
  id: string;
  plan_id: string | null;
  number: string | null;
  title: string | null;
  text: string | null;
  group_name: string | null;
  responsible_units: string | null;
  deleted: number;
}

interface EntryDocRow {
  id: string;
  task_id: string | null;
  progress_text: string | null;
  problems_text: string | null;
  next_steps_text: string | null;
  deleted: number;
}

function unitNames(json: string | null): string[] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.filter((u): u is string => typeof u === 'string') : [];
  } catch {
    return [];
  }
}

export interface SearchHits {
  /** Tasks whose own text matched. */
  readonly taskIds: Set<string>;
  /** Quarterly entries whose text matched. */
  readonly entryIds: string[];
}

/** Keeps the index in step with the rows and answers scoped searches. One per connection. */
export class SearchIndex {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  /** Re-index the given rows (called inside the transaction that changed them). */
  update(touched: ReadonlyMap<string, ReadonlySet<string>>): void {
    const tasks = touched.get('tasks');
    const entries = touched.get('progress_reports');
    if (tasks) for (const id of tasks) this.indexTask(id, entries);
    if (entries) for (const id of entries) this.indexEntry(id);
  }

  /** Drop and rebuild every document (migration, repair). */
  rebuild(): void {
    this.db.exec('DELETE FROM search_docs; DELETE FROM search_scopes; DELETE FROM search_fts;');
    const tasks = this.db.prepare('SELECT id FROM tasks').pluck().all() as string[];
    for (const id of tasks) this.indexTask(id, null);
    const entries = this.db.prepare('SELECT id FROM progress_reports').pluck().all() as string[];
    for (const id of entries) this.indexEntry(id);
  }

  /**
   * Tasks and entries of the given plans whose text contains every word of `query`; null when
   * the query has nothing searchable (only spaces or punctuation).
   */
  search(planIds: readonly string[], query: string): SearchHits | null {
    if (matchExpression(query, 0) === null) return null;
    const taskIds = new Set<string>();
    const entryIds: string[] = [];
    const find = this.statement(SEARCH_SCOPE);
    for (const planId of planIds) {
      const scope = this.scopeOf(planId, false);
      if (scope === null) continue;
      const refs = find.pluck().all(matchExpression(query, scope), scope * SCOPE_SIZE, scope * SCOPE_SIZE + SCOPE_SIZE - 1) as string[];
      for (const ref of refs) {
        if (ref.startsWith('t:')) taskIds.add(ref.slice(2));
        else entryIds.push(ref.slice(2));
      }
    }
    return { taskIds, entryIds };
  }

  private indexTask(id: string, alsoTouched: ReadonlySet<string> | undefined | null): void {
    const row = this.statement('SELECT id, plan_id, number, title, text, group_name, responsible_units, deleted FROM tasks WHERE id = ?').get(id) as
      | TaskDocRow
      | undefined;
    if (!row || row.deleted) {
      this.remove(`t:${id}`);
      return;
    }
    const scope = row.plan_id ? this.scopeOf(row.plan_id, true)! : ORPHAN_SCOPE;
    const moved = this.put(`t:${id}`, scope, indexBody(scope, row.number, row.title, row.text, row.group_name, ...unitNames(row.responsible_units)));
    if (!moved) return;
    // The task's entries follow it into its plan's range (they may have arrived first).
    const entryIds = this.statement('SELECT id FROM progress_reports WHERE task_id = ?').pluck().all(id) as string[];
    for (const entryId of entryIds) if (!alsoTouched?.has(entryId)) this.indexEntry(entryId);
  }

  private indexEntry(id: string): void {
    const row = this.statement('SELECT id, task_id, progress_text, problems_text, next_steps_text, deleted FROM progress_reports WHERE id = ?').get(id) as
      | EntryDocRow
      | undefined;
    if (!row || row.deleted) {
      this.remove(`p:${id}`);
      return;
    }
    const planId = row.task_id ? (this.statement('SELECT plan_id FROM tasks WHERE id = ?').pluck().get(row.task_id) as string | null | undefined) : null;
    const scope = planId ? this.scopeOf(planId, true)! : ORPHAN_SCOPE;
    this.put(`p:${id}`, scope, indexBody(scope, row.progress_text, row.problems_text, row.next_steps_text));
  }

  /** Store a document in its scope; true when it was new or changed scope. */
  private put(ref: string, scope: number, body: string): boolean {
    const existing = this.statement('SELECT doc FROM search_docs WHERE ref = ?').pluck().get(ref) as number | undefined;
    let doc = existing;
    const moved = existing === undefined || Math.floor(existing / SCOPE_SIZE) !== scope;
    if (existing !== undefined) this.statement('DELETE FROM search_fts WHERE rowid = ?').run(existing);
    if (moved) {
      const last = this.statement('SELECT MAX(doc) FROM search_docs WHERE doc BETWEEN ? AND ?').pluck().get(scope * SCOPE_SIZE, scope * SCOPE_SIZE + SCOPE_SIZE - 1) as
        | number
        | null;
      doc = last === null ? scope * SCOPE_SIZE + 1 : last + 1;
      this.statement('INSERT INTO search_docs (ref, doc) VALUES (?, ?) ON CONFLICT(ref) DO UPDATE SET doc = excluded.doc').run(ref, doc);
    }
    this.statement('INSERT INTO search_fts (rowid, body) VALUES (?, ?)').run(doc, body);
    return moved;
  }

  private remove(ref: string): void {
    const doc = this.statement('SELECT doc FROM search_docs WHERE ref = ?').pluck().get(ref) as number | undefined;
    if (doc === undefined) return;
    this.statement('DELETE FROM search_fts WHERE rowid = ?').run(doc);
    this.statement('DELETE FROM search_docs WHERE ref = ?').run(ref);
  }

  private scopeOf(planId: string, create: boolean): number | null {
    const found = this.statement('SELECT scope FROM search_scopes WHERE plan_id = ?').pluck().get(planId) as number | undefined;
    if (found !== undefined || !create) return found ?? null;
    const next = ((this.statement('SELECT MAX(scope) FROM search_scopes').pluck().get() as number | null) ?? ORPHAN_SCOPE) + 1;
    this.statement('INSERT INTO search_scopes (plan_id, scope) VALUES (?, ?)').run(planId, next);
    return next;
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
