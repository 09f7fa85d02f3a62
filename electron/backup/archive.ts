import { isSha256 } from '../../shared/domain/content-hash';
import fs from 'node:fs';
import path from 'node:path';
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

type ZipEntry = ZipDeflate | ZipPassThrough;
import { AppError } from '../core/app-error';
import { diskFull, isDiskFull, MAX_ATTACHMENT_FILE_BYTES, MAX_DATABASE_BYTES, MAX_MANIFEST_BYTES, RESERVE_BYTES, tooLarge, UNCHANGED } from './limits';
import { sqliteOf, storeFolder, type Manifest } from './store';

/*
 * A .tlbak file: one backup with its attachment files in a zip, to carry to another PC or keep
 * on a USB stick. Entries: manifest.json, ledger.sqlite, attachments/<sha256>. Written and read
 * in chunks, so a large ledger never has to fit in memory.
 */

export const ARCHIVE_EXTENSION = '.tlbak';
const CHUNK = 1 << 20;
const ENTRY = /^(manifest\.json|ledger\.sqlite|attachments\/[0-9a-f]{64})$/;

export function isZipFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const magic = Buffer.alloc(4);
      fs.readSync(fd, magic, 0, 4, 0);
      return magic.readUInt32LE(0) === 0x04034b50;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function pushFile(entry: ZipEntry, file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    const size = fs.fstatSync(fd).size;
    let offset = 0;
    if (size === 0) entry.push(new Uint8Array(0), true);
    while (offset < size) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, offset);
      offset += read;
      entry.push(buffer.subarray(0, read), offset >= size || read === 0);
      if (read === 0) break;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Write backup `manifest` (from `folder`) and its attachment files into one zip at `out`. */
export function writeArchive(folder: string, manifest: Manifest, out: string): number {
  if (fs.existsSync(out)) throw new AppError('INVALID_ARGUMENT', `文件“${out}”已存在，请换一个文件名或位置，以免覆盖`);
  const temp = `${out}.tmp`;
  const fd = fs.openSync(temp, 'w');
  let failure: Error | null = null;
  try {
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else fs.writeSync(fd, chunk);
    });
    const add = (name: string, level: 0 | 6, write: (entry: ZipEntry) => void) => {
      const entry = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
      zip.add(entry);
      write(entry);
    };
    add('manifest.json', 6, (entry) => entry.push(Buffer.from(JSON.stringify(manifest, null, 2)), true));
    add('ledger.sqlite', 6, (entry) => pushFile(entry, sqliteOf(folder, manifest.id)));
    // Scans and photos are compressed already: stored as they are.
    for (const sha of manifest.attachmentHashes.filter(isSha256)) add(`attachments/${sha}`, 0, (entry) => pushFile(entry, path.join(storeFolder(folder), sha)));
    zip.end();
    if (failure) throw failure;
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, out);
  return fs.statSync(out).size;
}

export interface Extracted {
  readonly sqlite: string;
  readonly attachments: string;
  readonly manifest: Partial<Manifest>;
  /** What the manifest allows the database to be, capped by MAX_DATABASE_BYTES. */
  readonly databaseLimit: number;
}

/** Read in small pieces: one piece of deflate data inflates to at most about 1,000 times its size. */
const READ_PIECE = 4 * 1024;

/** The sizes a manifest declares, checked against the hard limits. */
function declaredSizes(manifest: Partial<Manifest>, label: string): { total: number; database: number } {
  const total = manifest.bytes;
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) throw new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份文件（备份说明不完整）。${UNCHANGED}`);
  const database = typeof manifest.databaseBytes === 'number' && Number.isSafeInteger(manifest.databaseBytes) && manifest.databaseBytes >= 0 ? Math.min(manifest.databaseBytes, total) : total;
  if (database > MAX_DATABASE_BYTES) throw tooLarge(label, '数据库', MAX_DATABASE_BYTES);
  return { total, database };
}

/**
 * Unpack a .tlbak into `dir` (ledger.sqlite, attachments/…); anything else in it is refused.
 * manifest.json must come first (it always does in our files): what it declares bounds every
 * entry after it, and the bytes actually inflated are counted as they come, so a zip bomb stops
 * at the declared size, never at what the archive's headers claim. `freeBytes` is the disk's free
 * space; more than that is refused as 磁盘空间不足 before the disk fills.
 */
export function extractArchive(file: string, dir: string, label: string, freeBytes: number = Number.POSITIVE_INFINITY): Extracted {
  const bad = () => new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份文件（压缩包内容不符）。${UNCHANGED}`);
  fs.mkdirSync(path.join(dir, 'attachments'), { recursive: true });
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
  };
  let manifestText = '';
  const state: { manifest: Partial<Manifest> | null; declared: { total: number; database: number } | null } = { manifest: null, declared: null };
  let total = 0;
  const seen = new Set<string>();
  const open = new Set<number>();
  const unzip = new Unzip((entry) => {
    if (failure) return;
    if (!ENTRY.test(entry.name) || seen.has(entry.name)) {
      if (!entry.name.endsWith('/')) fail(bad());
      return;
    }
    seen.add(entry.name);
    const isManifest = entry.name === 'manifest.json';
    // Nothing is inflated before the manifest has said how large the backup is.
    if (isManifest !== (seen.size === 1)) return fail(bad());
    const limit = isManifest ? MAX_MANIFEST_BYTES : entry.name === 'ledger.sqlite' ? state.declared!.database : MAX_ATTACHMENT_FILE_BYTES;
    const fd = isManifest ? null : fs.openSync(path.join(dir, entry.name), 'w');
    if (fd !== null) open.add(fd);
    let bytes = 0;
    const stop = (error: Error) => {
      fail(error);
      entry.terminate();
    };
    entry.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return stop(bad());
      bytes += chunk.length;
      // The manifest's own bytes are not part of what it declares.
      if (!isManifest) total += chunk.length;
      if (bytes > limit) return stop(isManifest ? bad() : tooLarge(label, entry.name === 'ledger.sqlite' ? '数据库' : '佐证材料', limit));
      if (state.declared && total > state.declared.total) return stop(tooLarge(label, '内容', state.declared.total));
      if (total + RESERVE_BYTES > freeBytes) return stop(diskFull((state.declared?.total ?? total) + RESERVE_BYTES, freeBytes));
      try {
        if (fd === null) manifestText += Buffer.from(chunk).toString('utf8');
        else fs.writeSync(fd, chunk);
        if (final && fd === null) {
          state.manifest = parseArchiveManifest(manifestText, bad);
          state.declared = declaredSizes(state.manifest, label);
          if (state.declared.total + RESERVE_BYTES > freeBytes) return stop(diskFull(state.declared.total + RESERVE_BYTES, freeBytes));
        }
      } catch (cause) {
        return stop(isDiskFull(cause) ? diskFull(null, null) : cause instanceof AppError ? cause : bad());
      }
      if (final && fd !== null) {
        fs.closeSync(fd);
        open.delete(fd);
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let offset = 0;
    while (offset < size && !failure) {
      // A new buffer each time: the unzipper may keep a piece it has not finished with.
      const buffer = Buffer.allocUnsafe(READ_PIECE);
      const read = fs.readSync(fd, buffer, 0, READ_PIECE, offset);
      if (read === 0) break;
      offset += read;
      unzip.push(buffer.subarray(0, read), offset >= size);
    }
  } catch (error) {
    fail(isDiskFull(error) ? diskFull(null, null) : bad());
  } finally {
    fs.closeSync(fd);
    for (const handle of open) fs.closeSync(handle);
  }
  if (failure) throw failure;
  const sqlite = path.join(dir, 'ledger.sqlite');
  if (!state.manifest || !state.declared || !seen.has('ledger.sqlite')) throw bad();
  return { sqlite, attachments: path.join(dir, 'attachments'), manifest: state.manifest, databaseLimit: state.declared.database };
}

function parseArchiveManifest(text: string, bad: () => AppError): Partial<Manifest> {
  try {
    const value = JSON.parse(text) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Partial<Manifest>;
  } catch {
    // below
  }
  throw bad();
}
