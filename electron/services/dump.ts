import { replicatedTableNames, replicatedTables, TOMBSTONE_COLUMN, type ColumnType } from '../../shared/schema/tables';
import type { Core } from '../core/core';
import { fromSql } from '../core/mutation';

/** JSON with object keys sorted at every level, so equal data prints equal bytes. */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export interface Dump {
  readonly tables: Record<string, Record<string, unknown>[]>;
  readonly changes: Record<string, unknown>[];
}

/**
 * Every replicated record and change, canonically ordered, without local-only data (keys,
 * clock, drafts, settings of this PC): two databases holding the same data dump identically.
 */
export function dumpReplicated(core: Core): Dump {
  const tables: Dump['tables'] = {};
  for (const table of replicatedTableNames) {
    const types: Record<string, ColumnType> = { ...replicatedTables[table].columns, [TOMBSTONE_COLUMN]: 'boolean' };
    const rows = core.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[];
    tables[table] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, column === 'id' ? value : fromSql(types[column]!, value)])),
    );
  }
  const changes = (
    core.db
      .prepare('SELECT hlc, batch, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor FROM change_log ORDER BY hlc')
      .all() as Record<string, string>[]
  ).map((row) => ({ ...row, value: JSON.parse(row.value!) as unknown, supersedes: JSON.parse(row.supersedes!) as unknown }));
  return { tables, changes };
}
