import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { loadSqlite } from '../../electron/db/native';
import { tempDir } from '../helpers/core';
import { quarterFixture, type QuarterFixture } from './progress-fixture';
import { handZip as writeHandZip, type HandEntry } from '../helpers/hand-zip';

export const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('会议纪要 minutes '.repeat(50))]);
export const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 1, 2, 3]);

export interface BackupFixture extends QuarterFixture {
  readonly dir: string;
  readonly file: string;
}

/** The quarter fixture on a file, with one entry carrying a PDF. */
export async function backupFixture(): Promise<BackupFixture> {
  const dir = tempDir('tl-backup-');
  const file = path.join(dir, 'ledger.sqlite');
  const f = await quarterFixture({ file });
  const key = { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2' };
  await f.t.call('progress.saveDraft', { ...key, fields: { progressText: '已印发通知', status: '推进中' } });
  await f.t.call('attachments.add', { ...key, fileName: '会议纪要.pdf', contentBase64: pdf.toString('base64') });
  return { ...f, dir, file };
}

/** Every row of every ordinary table, for "the same data" comparisons. */
export function allRows(db: Database, except: readonly string[] = []): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' ORDER BY name")
    .pluck()
    .all() as string[];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    if (except.includes(table)) continue;
    rows[table] = (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort();
  }
  return rows;
}

export function openReadonly(file: string): Database {
  return new (loadSqlite())(file, { readonly: true, fileMustExist: true });
}

/** Overwrite the type byte of a few b-tree pages: integrity_check (or any read of them) fails. */
export function breakPages(file: string, pages: readonly number[] = [3, 4, 5, 6, 7, 8]): void {
  const db = openReadonly(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  for (const page of pages) fs.writeSync(fd, Buffer.from([0xff, 0xff, 0xff, 0xff]), 0, 4, (page - 1) * pageSize);
  fs.closeSync(fd);
}

/** Flip the bytes of the file header: SQLite no longer recognises the file at all. */
export function flipHeader(file: string): void {
  const fd = fs.openSync(file, 'r+');
  const header = Buffer.alloc(100);
  fs.readSync(fd, header, 0, 100, 0);
  for (let i = 0; i < 100; i++) header[i] = header[i]! ^ 0xa5;
  fs.writeSync(fd, header, 0, 100, 0);
  fs.closeSync(fd);
}

/** A copy of a backup's database at `out`, changed by `edit` with full SQL (what an attacker could hand over). */
export function craftBackup(goodFile: string, out: string, edit: (db: Database) => void): string {
  fs.copyFileSync(goodFile, out);
  const db = new (loadSqlite())(out);
  try {
    edit(db);
  } finally {
    db.close();
  }
  return out;
}

/** Every object of the schema and every row of every table (virtual and shadow tables included): equal dumps, equal content. */
export function dumpDatabase(db: Database): string {
  const objects = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as { type: string; name: string; sql: string | null }[];
  const parts = [JSON.stringify(objects)];
  for (const object of objects) {
    if (object.type !== 'table' || /^\s*CREATE\s+VIRTUAL/i.test(object.sql ?? '')) continue;
    const rows = db.prepare(`SELECT * FROM "${object.name}"`).raw(true).all() as unknown[][];
    parts.push(object.name, ...rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v))).sort());
  }
  return parts.join('\n');
}

export type { HandEntry };

/** A zip written byte by byte with UTF-8 names, as backups are, so a test can make its headers say anything. */
export function handZip(entries: readonly HandEntry[]): Buffer {
  return writeHandZip(entries, { utf8Names: true });
}

export function storedEntry(name: string, data: Buffer): HandEntry {
  return { name, stored: data, method: 0, size: data.length, crc: zlib.crc32(data) };
}

/**
 * A deflated ledger.sqlite that inflates to `prefix` followed by `zeros` zero bytes: 8 GB of
 * zeros take about 8 MB. Built from one flushed block of a MiB of zeros repeated, so making
 * it costs nothing. The headers claim `claimed` bytes.
 */
export function bombEntry(prefix: Buffer, zeros: number, claimed = prefix.length): HandEntry {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const head = zlib.deflateRawSync(prefix, flush);
  const block = zlib.deflateRawSync(Buffer.alloc(1 << 20), flush);
  const repeats = Math.ceil(zeros / (1 << 20));
  const stored = Buffer.concat([head, ...Array.from({ length: repeats }, () => block), zlib.deflateRawSync(Buffer.alloc(0))]);
  return { name: 'ledger.sqlite', stored, method: 8, size: claimed, crc: 0 };
}
