import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { loadSqlite } from '../../electron/db/native';
import { tempDir } from '../helpers/core';
import { quarterFixture, type QuarterFixture } from './progress-fixture';

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

export interface HandEntry {
  readonly name: string;
  /** The bytes as stored (already deflated for method 8). */
  readonly stored: Buffer;
  readonly method: 0 | 8;
  /** What the headers claim: an attacker may lie. */
  readonly size: number;
  readonly crc: number;
}

/** A zip written byte by byte, so a test can make its headers say anything. */
export function handZip(entries: readonly HandEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(Math.min(entry.size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(Math.min(entry.size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.stored);
    centrals.push(central, name);
    offset += 30 + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
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
