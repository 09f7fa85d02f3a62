import type { HistoryEntry } from '../../shared/api/history';
import { parseHlc } from '../../shared/domain/hlc';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';

interface ChangeRow {
  hlc: string;
  batch: string;
  col: string;
  value: string;
  supersedes: string;
  actor: string;
  office_name: string | null;
  package_id: string | null;
  file_name: string | null;
  peer_name: string | null;
  fingerprint: string | null;
}

/**
 * Who changed what, when, from what: straight from the change log. The old value of a change
 * is the newest value it superseded, so history needs no separate audit table.
 */
export function recordHistory(core: Core, table: string, id: string): HistoryEntry[] {
  const rows = core.db
    .prepare(
      `SELECT c.hlc, c.batch, c.col, c.value, c.supersedes, c.actor, o.name AS office_name,
              c.package_id, p.file_name, p.peer_name, k.fingerprint
       FROM change_log c LEFT JOIN offices o ON o.id = c.origin_office_id
       LEFT JOIN sync_packages p ON p.id = c.package_id AND p.direction = 'in'
       LEFT JOIN trusted_keys k ON k.installation_id = p.peer_id
       WHERE c.tbl = ? AND c.row_id = ? ORDER BY c.hlc`,
    )
    .all(table, id) as ChangeRow[];
  const valueByHlc = new Map(rows.map((row) => [row.hlc, JSON.parse(row.value) as unknown]));
  const columnByHlc = new Map(rows.map((row) => [row.hlc, row.col]));
  return rows.map((row) => {
    // A seal (delete, approval) also supersedes other fields' heads; the old value is this field's.
    const superseded = (JSON.parse(row.supersedes) as string[]).filter((hlc) => columnByHlc.get(hlc) === row.col).sort();
    const previous = superseded.at(-1);
    return {
      hlc: row.hlc,
      batch: row.batch,
      at: new Date(parseHlc(row.hlc).wall).toISOString(),
      actor: row.actor,
      officeName: row.office_name,
      // Who delivered it, not only who claims to have written it: the package and its signer.
      via: row.package_id ? { fileName: row.file_name, signer: row.peer_name, fingerprint: row.fingerprint } : null,
      column: row.col,
      oldValue: previous === undefined ? null : (valueByHlc.get(previous) ?? null),
      newValue: valueByHlc.get(row.hlc) ?? null,
    };
  });
}

export const historyHandlers: HandlerMap<'history.record'> = {
  'history.record': ({ core }, args) => recordHistory(core, args.table, args.id),
};
