import { parseDue } from '../../shared/parse/due';
import type { CallResult, ParsedArgs } from '../../shared/api';
import { parseHlc } from '../../shared/domain/hlc';
import { columnType, isReplicatedTable, replicatedTables, type ReplicatedTable } from '../../shared/schema/tables';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import type { ConflictKind } from './conflicts';
import { FieldStates } from './field-state';
import { sealKind, sealedColumns } from '../../shared/sync/seal';
import { columnLabels, recordLabel } from './labels';

/*
 * The conflict queue as clerks see it, and its resolution: keeping one head or typing a new
 * value writes a new change that supersedes every head (the mutation layer does that), so the
 * resolution syncs like any other edit and settles the conflict everywhere.
 */


const tableNouns: Partial<Record<ReplicatedTable, string>> = { tasks: '任务', plans: '计划', sections: '章节', progress_reports: '季度进展', indicators: '指标', indicator_values: '指标数值', departments: '科室' };

function titleOf(core: Core, table: ReplicatedTable, rowId: string, column: string, kind: ConflictKind): string {
  const row = core.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
  // An entry or value is named by its task (or indicator) and department, not by its quarter alone.
  const named = table === 'progress_reports' || table === 'indicator_values' || table === 'attachments';
  const name = named && row ? recordLabel(core, table, rowId) : ((row?.title ?? row?.name ?? row?.period ?? '') as string);
  const noun = tableNouns[table] ?? table;
  if (kind === 'delete-edit') return `${noun}“${name}”：已被删除，但另一台电脑同时修改了它`;
  if (kind === 'approval-edit') return `${noun}“${name}”：办公室已审核通过，但科室同时修改了内容`;
  return `${noun}“${name}”的${columnLabels[column] ?? column}：两台电脑改成了不同的值`;
}

export function listConflicts(core: Core): CallResult<'sync.conflicts'> {
  const rows = core.db.prepare('SELECT tbl, row_id, col, kind FROM conflicts ORDER BY found_at, tbl, row_id, col').all() as { tbl: string; row_id: string; col: string; kind: ConflictKind }[];
  const fields = new FieldStates(core.db);
  const officeName = core.db.prepare('SELECT name FROM offices WHERE id = ?').pluck();
  return rows
    .filter((r) => isReplicatedTable(r.tbl))
    .map((r) => {
      const table = r.tbl as ReplicatedTable;
      // A field: its heads. A sealed record: the seal, then the edits it did not see.
      const state = fields.of(table, r.row_id, r.col);
      let heads = state.heads;
      if (r.kind !== 'field' && state.winner) {
        const seen = new Set(JSON.parse(state.winner.supersedes) as string[]);
        const kind = sealKind(table, r.col, JSON.parse(state.winner.value));
        const covered = kind ? sealedColumns(kind, Object.keys(replicatedTables[table].columns)) : [];
        heads = [state.winner, ...covered.flatMap((column) => fields.of(table, r.row_id, column).heads.filter((h) => !seen.has(h.hlc)))];
      }
      const shown = heads.map((h) => ({
        hlc: h.hlc,
        value: JSON.parse(h.value) as unknown,
        actor: h.actor,
        officeName: (officeName.get(h.origin_office_id) as string | null | undefined) ?? '',
        at: new Date(parseHlc(h.hlc).wall).toISOString(),
      }));
      return { table, rowId: r.row_id, column: r.col, kind: r.kind, title: titleOf(core, table, r.row_id, r.col, r.kind), heads: shown };
    });
}

const SEAL_VALUE: Record<Exclude<ConflictKind, 'field'>, unknown> = { 'delete-edit': true, 'approval-edit': 'approved' };
const OPEN_VALUE: Record<Exclude<ConflictKind, 'field'>, unknown> = { 'delete-edit': false, 'approval-edit': 'submitted' };

/**
 * A field conflict: keep one head's value or write a new one. A sealed record: keeping the seal
 * writes it again (now seeing every edit); keeping an edit reopens the record (undeleted, or
 * back to 已提交 for the office to review again) with that edit standing.
 */
export function resolveConflict(core: Core, args: ParsedArgs<'sync.resolve'>): null {
  const kind = core.db.prepare('SELECT kind FROM conflicts WHERE tbl = ? AND row_id = ? AND col = ?').pluck().get(args.table, args.rowId, args.column) as ConflictKind | undefined;
  if (!kind || !isReplicatedTable(args.table) || !columnType(args.table, args.column)) throw new AppError('NOT_FOUND', '该冲突已处理或不存在');
  const table = args.table;
  const kept = args.keepHlc
    ? (core.db.prepare('SELECT col, value FROM change_log WHERE hlc = ? AND tbl = ? AND row_id = ?').get(args.keepHlc, table, args.rowId) as { col: string; value: string } | undefined)
    : undefined;
  if (args.keepHlc && !kept) throw new AppError('NOT_FOUND', '要保留的值不存在');
  core.mutations.run((writer) => {
    if (kind === 'field') {
      if (!kept && args.value === undefined) throw new AppError('INVALID_ARGUMENT', '请选择要保留的值，或填写新值', { value: '请填写新值' });
      const value = kept ? (JSON.parse(kept.value) as unknown) : args.value;
      writer.settle(table, args.rowId, args.column, value);
      if (table === 'tasks' && args.column === 'deadline') {
        // The due date and years follow the kept deadline, settling their own heads too.
        const due = parseDue(typeof value === 'string' && value !== '' ? value : null);
        writer.settle(table, args.rowId, 'due_date', due?.date ?? null);
        writer.settle(table, args.rowId, 'due_from_year', due?.fromYear ?? null);
        writer.settle(table, args.rowId, 'due_to_year', due?.toYear ?? null);
      }
    } else if (kept && kept.col === args.column) {
      writer.settle(table, args.rowId, args.column, SEAL_VALUE[kind]);
    } else {
      writer.settle(table, args.rowId, args.column, OPEN_VALUE[kind]);
    }
  });
  return null;
}

export function syncHistory(core: Core): CallResult<'sync.history'> {
  const rows = core.db.prepare('SELECT id, direction, kind, peer_name, file_name, at, summary FROM sync_packages ORDER BY at DESC, id').all() as {
    id: string;
    direction: 'in' | 'out';
    kind: string;
    peer_name: string | null;
    file_name: string | null;
    at: string;
    summary: string;
  }[];
  return rows.map((r) => ({ id: r.id, direction: r.direction, kind: r.kind, peerName: r.peer_name, fileName: r.file_name, at: r.at, summary: r.summary }));
}

export function syncPeers(core: Core): CallResult<'sync.peers'> {
  const rows = core.db.prepare('SELECT installation_id, office_name, department_name, fingerprint, trusted_at FROM trusted_keys ORDER BY office_name, department_name').all() as {
    installation_id: string;
    office_name: string | null;
    department_name: string | null;
    fingerprint: string;
    trusted_at: string;
  }[];
  return rows.map((r) => ({ installationId: r.installation_id, officeName: r.office_name, departmentName: r.department_name, fingerprint: r.fingerprint, trustedAt: r.trusted_at }));
}
