import { createHash, randomUUID } from 'node:crypto';

/** Namespace for every name-based id this app derives (RFC 9562 UUIDv5). */
export const LEDGER_NAMESPACE = '6f1c2b4e-8a3d-5e7f-9b0c-1d2e3f4a5b6c';

export function uuidV5(name: string, namespace: string = LEDGER_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newId = (): string => randomUUID();

/** An office's id follows from its code (or name), so every PC of that office agrees on it. */
export function officeId(codeOrName: string): string {
  return uuidV5(`office:${codeOrName.trim()}`);
}

/** Two PCs of one office that both create 疾控科 must hold the same record. */
export function departmentId(officeIdValue: string, canonicalName: string): string {
  return uuidV5(`department:${officeIdValue}:${canonicalName.trim()}`);
}

export function unitId(officeIdValue: string, canonicalName: string): string {
  return uuidV5(`unit:${officeIdValue}:${canonicalName.trim()}`);
}

/** Quarterly entries are keyed by what they are about, so concurrent creation merges. */
export function progressReportId(taskId: string, departmentIdValue: string, period: string): string {
  return uuidV5(`progress:${taskId}:${departmentIdValue}:${period}`);
}

export function indicatorValueId(indicatorId: string, officeIdValue: string, period: string): string {
  return uuidV5(`indicator-value:${indicatorId}:${officeIdValue}:${period}`);
}

export function settingId(officeIdValue: string, key: string): string {
  return uuidV5(`setting:${officeIdValue}:${key}`);
}
