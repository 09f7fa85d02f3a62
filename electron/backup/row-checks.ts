import { createPublicKey } from 'node:crypto';
import { isSha256 } from '../../shared/domain/content-hash';
import { isHlc, parseHlc } from '../../shared/domain/hlc';
import { columnType, isReplicatedTable, replicatedTables, type ColumnType } from '../../shared/schema/tables';
import { fingerprint } from '../core/identity';

/*
 * What a row of each of our tables may hold when it comes from a backup. The schema check has
 * already made sure the tables are ours (STRICT, our columns); these checks are about values:
 * ids that are ids, hashes that are hashes, clock values that parse, JSON that parses, keys
 * that are keys, and no cell larger than the app ever writes. A value is read only after its
 * size was checked in SQL (octet_length reads no content), so a 900 MB cell never reaches memory.
 */

export type Cell = string | number | bigint | Buffer | null;

export interface ColumnCheck {
  /** Largest stored size in bytes (text or blob); checked before any row is read. */
  readonly maxBytes: number;
  /** A problem in Chinese, or null. */
  readonly check: (value: Cell) => string | null;
}

export interface RowContext {
  readonly get: (column: string) => Cell;
}

export type TablePolicy =
  /** Every row must pass, or the backup is refused. */
  | { readonly kind: 'copy'; readonly columns: Readonly<Record<string, ColumnCheck>>; readonly row?: (row: RowContext) => string | null }
  /** Derived data: rows that fail are left out (rebuilt afterwards). */
  | { readonly kind: 'filter'; readonly columns: Readonly<Record<string, ColumnCheck>> }
  /** Derived or local data never taken from a backup (rebuilt, or regenerated). */
  | { readonly kind: 'skip' }
  /** local_meta: only the office binding and the clock (see rebuild.ts). */
  | { readonly kind: 'meta' };

const KB = 1024;
const MB = 1024 * KB;
/** One cell of a replicated row or one change's value: far beyond any real task text. */
export const MAX_CELL_BYTES = 4 * MB;
/** Local documents (a review draft of a parsed plan, a report form's rows). */
const MAX_LOCAL_TEXT_BYTES = 32 * MB;
const MAX_FORM_BYTES = 32 * MB;
const SHORT = 256;
/** octet_length of a number is that of its text: "-9007199254740991", "1.2345678901234567e+308". */
const NUMBER = 32;
const NAME = 4 * KB;
/** The same shape sync accepts for ids (UUIDs, derived ids). */
const ID = /^[0-9A-Za-z-]{1,64}$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const isInteger = (v: Cell): boolean => (typeof v === 'bigint' && v >= -MAX_SAFE && v <= MAX_SAFE) || (typeof v === 'number' && Number.isSafeInteger(v));
const isFiniteNumber = (v: Cell): boolean => (typeof v === 'number' && Number.isFinite(v)) || isInteger(v);

function nullable(check: ColumnCheck): ColumnCheck {
  return { maxBytes: check.maxBytes, check: (v) => (v === null ? null : check.check(v)) };
}

function text(maxBytes: number): ColumnCheck {
  return { maxBytes, check: (v) => (typeof v === 'string' ? null : '不是文字') };
}

const id: ColumnCheck = { maxBytes: 64, check: (v) => (typeof v === 'string' && ID.test(v) ? null : '编号格式不正确') };
const hlc: ColumnCheck = { maxBytes: SHORT, check: (v) => (typeof v === 'string' && isHlc(v) ? null : '修改编号格式不正确') };
const sha: ColumnCheck = { maxBytes: 64, check: (v) => (isSha256(v) ? null : '校验值不是 SHA-256') };
const integer: ColumnCheck = { maxBytes: NUMBER, check: (v) => (isInteger(v) ? null : '不是整数') };
const real: ColumnCheck = { maxBytes: NUMBER, check: (v) => (isFiniteNumber(v) ? null : '不是数字') };
const flag: ColumnCheck = { maxBytes: NUMBER, check: (v) => (v === 0 || v === 1 || v === 0n || v === 1n ? null : '不是 0 或 1') };
const tableName: ColumnCheck = { maxBytes: SHORT, check: (v) => (typeof v === 'string' && isReplicatedTable(v) ? null : '数据表名不正确') };
const blob = (maxBytes: number): ColumnCheck => ({ maxBytes, check: (v) => (Buffer.isBuffer(v) ? null : '不是文件内容') });

function json(maxBytes: number): ColumnCheck {
  return {
    maxBytes,
    check: (v) => {
      if (typeof v !== 'string') return '不是文字';
      try {
        JSON.parse(v);
        return null;
      } catch {
        return '不是有效的 JSON';
      }
    },
  };
}

const replicatedColumn: Record<ColumnType, ColumnCheck> = {
  text: nullable(text(MAX_CELL_BYTES)),
  json: nullable(json(MAX_CELL_BYTES)),
  integer: nullable(integer),
  real: nullable(real),
  boolean: nullable(flag),
};

function replicatedPolicy(table: keyof typeof replicatedTables): TablePolicy {
  const columns: Record<string, ColumnCheck> = { id, deleted: flag };
  for (const [column, type] of Object.entries(replicatedTables[table].columns)) columns[column] = replicatedColumn[type];
  // A content hash names a file in the attachment store: only a real SHA-256 may.
  if (table === 'attachments') columns.sha256 = nullable(sha);
  return { kind: 'copy', columns };
}

/** A change record: the same rules a package's change must meet (electron/sync/changes.ts). */
function changeRow(row: RowContext): string | null {
  const tbl = row.get('tbl') as string;
  const col = row.get('col') as string;
  const type = columnType(tbl as keyof typeof replicatedTables, col);
  if (!type) return '字段名不正确';
  let value: unknown;
  let supersedes: unknown;
  try {
    value = JSON.parse(row.get('value') as string);
    supersedes = JSON.parse(row.get('supersedes') as string);
  } catch {
    return '不是有效的 JSON';
  }
  if (!Array.isArray(supersedes) || supersedes.length > 10_000 || !supersedes.every((h) => typeof h === 'string' && isHlc(h))) return '前序修改列表不正确';
  if (!valueFits(type, value)) return `值与字段“${col}”的类型不符`;
  if (tbl === 'attachments' && col === 'sha256' && value !== null && !isSha256(value)) return '校验值不是 SHA-256';
  if (parseHlc(row.get('hlc') as string).node !== row.get('origin_installation_id')) return '修改编号与来源电脑不符';
  return null;
}

function valueFits(type: ColumnType, value: unknown): boolean {
  if (value === null) return true;
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'integer':
    case 'real':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return true;
  }
}

/** A trusted key must be an Ed25519 public key whose fingerprint is the one stored beside it. */
function trustedKeyRow(row: RowContext): string | null {
  try {
    const pem = row.get('public_key') as string;
    if (createPublicKey(pem).asymmetricKeyType !== 'ed25519') return '公钥不是 Ed25519 公钥';
    return fingerprint(pem) === row.get('fingerprint') ? null : '识别码与公钥不符';
  } catch {
    return '公钥无效';
  }
}

const SCOPE_SIZE = 2 ** 32;

export const tablePolicies: Readonly<Record<string, TablePolicy>> = {
  ...Object.fromEntries(Object.keys(replicatedTables).map((t) => [t, replicatedPolicy(t as keyof typeof replicatedTables)])),
  change_log: {
    kind: 'copy',
    columns: {
      hlc,
      tbl: tableName,
      row_id: id,
      col: text(SHORT),
      value: text(MAX_CELL_BYTES),
      supersedes: text(MAX_CELL_BYTES),
      origin_office_id: id,
      origin_installation_id: id,
      actor: text(NAME),
      batch: hlc,
      package_id: nullable(text(SHORT)),
    },
    row: changeRow,
  },
  local_meta: { kind: 'meta' },
  local_settings: { kind: 'copy', columns: { key: text(SHORT), value: text(MAX_CELL_BYTES) } },
  drafts: { kind: 'copy', columns: { key: text(NAME), value: text(MAX_LOCAL_TEXT_BYTES), updated_at: text(SHORT) } },
  import_history: {
    kind: 'copy',
    columns: {
      id,
      kind: text(SHORT),
      file_name: nullable(text(NAME)),
      sha256: nullable(text(SHORT)),
      target_id: nullable(id),
      imported_at: text(SHORT),
      actor: text(NAME),
      summary: text(MAX_CELL_BYTES),
    },
  },
  trusted_keys: {
    kind: 'copy',
    columns: {
      installation_id: id,
      public_key: text(NAME),
      fingerprint: text(SHORT),
      office_id: nullable(id),
      office_name: nullable(text(NAME)),
      department_name: nullable(text(NAME)),
      trusted_at: text(SHORT),
    },
    row: trustedKeyRow,
  },
  peer_acks: { kind: 'copy', columns: { peer_id: id, hlc } },
  sync_packages: {
    kind: 'copy',
    columns: {
      id: text(SHORT),
      direction: text(SHORT),
      kind: text(SHORT),
      peer_id: nullable(id),
      peer_name: nullable(text(NAME)),
      file_name: nullable(text(NAME)),
      at: text(SHORT),
      summary: text(MAX_CELL_BYTES),
    },
  },
  conflicts: {
    kind: 'copy',
    columns: { tbl: tableName, row_id: id, col: text(SHORT), kind: text(SHORT), found_at: text(SHORT) },
    row: (row) => (columnType(row.get('tbl') as keyof typeof replicatedTables, row.get('col') as string) ? null : '字段名不正确'),
  },
  report_templates: {
    kind: 'copy',
    columns: {
      id,
      recipient: text(NAME),
      file_name: text(NAME),
      form: blob(MAX_FORM_BYTES),
      sheet_name: text(NAME),
      header_row: integer,
      mapping: json(MAX_CELL_BYTES),
      rows: json(MAX_LOCAL_TEXT_BYTES),
      created_at: text(SHORT),
      updated_at: text(SHORT),
    },
  },
  import_baselines: {
    kind: 'copy',
    columns: { plan_id: id, tbl: tableName, row_id: id, fields: json(MAX_CELL_BYTES), source_sha256: text(SHORT), imported_at: text(SHORT) },
  },
  // The search index's document numbers are kept (they are what a search returns), its text rebuilt.
  search_scopes: {
    kind: 'filter',
    columns: { plan_id: id, scope: { maxBytes: NUMBER, check: (v) => (isInteger(v) && Number(v) >= 1 && Number(v) < 2 ** 21 ? null : '超出范围') } },
  },
  search_docs: {
    kind: 'filter',
    columns: {
      ref: { maxBytes: 80, check: (v) => (typeof v === 'string' && /^[tp]:[0-9A-Za-z-]{1,64}$/.test(v) ? null : '格式不正确') },
      doc: { maxBytes: NUMBER, check: (v) => (isInteger(v) && Number(v) >= 0 && Number(v) < 2 ** 21 * SCOPE_SIZE ? null : '超出范围') },
    },
  },
  search_fts: { kind: 'skip' },
  entry_clock: { kind: 'skip' },
};

/** Policy of any table of ours; fts5's own tables are derived with their index. */
export function policyOf(table: string): TablePolicy | undefined {
  if (table.startsWith('search_fts_')) return { kind: 'skip' };
  return tablePolicies[table];
}

/** A column of ours that no policy names (a newer migration): any value of a sane size. */
export const anyColumn: ColumnCheck = {
  maxBytes: MAX_CELL_BYTES,
  check: (v) => (typeof v === 'number' && !Number.isFinite(v) ? '不是数字' : null),
};
