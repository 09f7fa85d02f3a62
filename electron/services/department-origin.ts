import type { Core } from '../core/core';

/*
 * Whose department is it? The office keeps the list of departments; a department PC only binds
 * to one. A department record is the office's when some change to it came from an office PC (an
 * installation without a department): the office created it, or edited one of the same derived
 * id. A record only a department PC wrote (typed at its setup, e.g. 疾控科 while the office says
 * 疾病预防控制科) is a stray: never sent, and replaced by the office's record when that arrives.
 */

const OFFICE_AUTHORED = `SELECT 1 FROM change_log c JOIN installations i ON i.id = c.origin_installation_id
  WHERE c.tbl = ? AND c.row_id = ? AND (i.department_id IS NULL OR i.department_id = '') LIMIT 1`;

/** The office created (or also wrote) this record of `table` (offices or departments). */
export function officeMade(core: Core, table: 'offices' | 'departments', id: string): boolean {
  return core.db.prepare(OFFICE_AUTHORED).get(table, id) !== undefined;
}

export interface DepartmentRecord {
  readonly id: string;
  readonly officeId: string | null;
  readonly name: string;
  readonly aliases: string[];
  readonly sortOrder: number;
  readonly deleted: boolean;
  readonly mergedInto: string | null;
}

interface Row {
  id: string;
  office_id: string | null;
  name: string | null;
  aliases: string | null;
  sort_order: number | null;
  deleted: number;
  merged_into: string | null;
}

function toRecord(row: Row): DepartmentRecord {
  return {
    id: row.id,
    officeId: row.office_id,
    name: row.name ?? '',
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [],
    sortOrder: row.sort_order ?? 0,
    deleted: row.deleted !== 0,
    mergedInto: row.merged_into,
  };
}

const COLUMNS = 'id, office_id, name, aliases, sort_order, deleted, merged_into';

export function departmentRecord(core: Core, id: string): DepartmentRecord | null {
  const row = core.db.prepare(`SELECT ${COLUMNS} FROM departments WHERE id = ?`).get(id) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** Every department record of an office, merged and deleted ones included, in list order. */
export function officeDepartments(core: Core, officeId: string): DepartmentRecord[] {
  const rows = core.db.prepare(`SELECT ${COLUMNS} FROM departments WHERE office_id = ? ORDER BY deleted, sort_order, name`).all(officeId) as Row[];
  return rows.map(toRecord);
}

/** The names a department answers to. */
export function namesOf(department: Pick<DepartmentRecord, 'name' | 'aliases'>): string[] {
  return [department.name, ...department.aliases].filter((name) => name !== '');
}

/** Where a merged department's entries went: follows merged_into to the live department (or null). */
export function mergeTarget(core: Core, id: string): string | null {
  let current = departmentRecord(core, id);
  const seen = new Set<string>();
  while (current && current.deleted && current.mergedInto && !seen.has(current.id)) {
    seen.add(current.id);
    current = departmentRecord(core, current.mergedInto);
  }
  return current && !current.deleted && seen.size > 0 ? current.id : null;
}

/**
 * The office's live department that answers to any of `names` (name or alias), other than
 * `except`. Exact names only: 办公室 must not match 区红十字会办公室.
 */
export function officeDepartmentNamed(core: Core, officeId: string, names: readonly string[], except: string | null): DepartmentRecord | null {
  const wanted = new Set(names.map((n) => n.trim()).filter(Boolean));
  if (wanted.size === 0) return null;
  const candidates = officeDepartments(core, officeId).filter((d) => !d.deleted && d.id !== except && officeMade(core, 'departments', d.id));
  // The department's own name first, then its aliases: 疾控科 typed at setup is the office's alias.
  return candidates.find((d) => wanted.has(d.name)) ?? candidates.find((d) => d.aliases.some((alias) => wanted.has(alias))) ?? null;
}
