import { isHlc, parseHlc } from '../../shared/domain/hlc';
import { isSha256 } from '../../shared/domain/content-hash';
import { columnType, isReplicatedTable } from '../../shared/schema/tables';
import { AppError } from '../core/app-error';
import { toSql } from '../core/mutation';

/** One field change as it travels in a package: a change_log row without the local package id. */
export interface ChangeRecord {
  readonly hlc: string;
  readonly tbl: string;
  readonly row_id: string;
  readonly col: string;
  /** JSON of the new value. */
  readonly value: string;
  /** JSON array of the HLCs this change supersedes. */
  readonly supersedes: string;
  readonly origin_office_id: string;
  readonly origin_installation_id: string;
  readonly actor: string;
  readonly batch: string;
}

export const CHANGE_FIELDS = ['hlc', 'tbl', 'row_id', 'col', 'value', 'supersedes', 'origin_office_id', 'origin_installation_id', 'actor', 'batch'] as const;

const ID = /^[0-9A-Za-z-]{1,64}$/;
/** A change supersedes the heads its writer saw: a field's few, or for a seal those of the record's fields. */
const MAX_SUPERSEDES = 256;

function bad(index: number, what: string): never {
  throw new AppError('INVALID_ARGUMENT', `数据包内容有误：第${index + 1}条修改记录${what}。数据包可能已损坏，未导入任何内容，请让对方重新导出。`);
}

/** Check one record from a package; every field must be well formed before anything is written. */
export function checkChange(raw: unknown, index: number): ChangeRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad(index, '不是有效的记录');
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!(CHANGE_FIELDS as readonly string[]).includes(key)) bad(index, `含有未知字段“${key.slice(0, 20)}”`);
  for (const key of CHANGE_FIELDS) if (typeof record[key] !== 'string') bad(index, `缺少“${key}”`);
  const change = record as unknown as ChangeRecord;
  if (!isHlc(change.hlc) || !isHlc(change.batch)) bad(index, '的修改编号格式不正确');
  if (!isReplicatedTable(change.tbl)) bad(index, `指向未知的数据表“${change.tbl.slice(0, 30)}”`);
  const type = columnType(change.tbl, change.col);
  if (!type) bad(index, `指向未知的字段“${change.col.slice(0, 30)}”`);
  if (!ID.test(change.row_id) || !ID.test(change.origin_office_id) || !ID.test(change.origin_installation_id)) bad(index, '的编号格式不正确');
  if (change.actor.length > 200 || change.value.length > 200_000) bad(index, '过长');
  let value: unknown;
  let supersedes: unknown;
  try {
    value = JSON.parse(change.value);
    supersedes = JSON.parse(change.supersedes);
  } catch {
    bad(index, '无法读取');
  }
  if (!Array.isArray(supersedes) || supersedes.length > MAX_SUPERSEDES || !supersedes.every((h) => typeof h === 'string' && isHlc(h))) bad(index, '的前序修改列表不正确');
  try {
    toSql(type, value);
  } catch {
    bad(index, `的值与字段“${change.col}”的类型不符`);
  }
  if (type === 'boolean' && typeof value !== 'boolean') bad(index, `的值与字段“${change.col}”的类型不符`);
  if (type === 'json' && value !== null && typeof value !== 'object') bad(index, `的值与字段“${change.col}”的类型不符`);
  // A content hash names a file in the store: only a real SHA-256 may (never a path).
  if (change.tbl === 'attachments' && change.col === 'sha256' && value !== null && !isSha256(value)) bad(index, '的佐证材料校验值不正确');
  if (parseHlc(change.hlc).node !== change.origin_installation_id) bad(index, '的修改编号与来源电脑不符');
  return change;
}

/** Byte-for-byte the same change (the local package id aside). */
export function sameChange(a: ChangeRecord, b: ChangeRecord): boolean {
  return CHANGE_FIELDS.every((key) => a[key] === b[key]);
}
