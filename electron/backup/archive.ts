import { isSha256 } from '../../shared/domain/content-hash';
import fs from 'node:fs';
import path from 'node:path';
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

type ZipEntry = ZipDeflate | ZipPassThrough;
import { AppError } from '../core/app-error';
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
  readonly manifest: Partial<Manifest> | null;
}

/** Unpack a .tlbak into `dir` (ledger.sqlite, attachments/…); anything else in it is refused. */
export function extractArchive(file: string, dir: string, label: string): Extracted {
  const bad = () => new AppError('INVALID_ARGUMENT', `“${label}”不是目标台账的备份文件（压缩包内容不符）。未作任何改动。`);
  fs.mkdirSync(path.join(dir, 'attachments'), { recursive: true });
  let failure: Error | null = null;
  let manifestText = '';
  const open = new Set<number>();
  const unzip = new Unzip((entry) => {
    if (!ENTRY.test(entry.name)) {
      if (!entry.name.endsWith('/')) failure ??= bad();
      return;
    }
    const target = path.join(dir, entry.name);
    const fd = entry.name === 'manifest.json' ? null : fs.openSync(target, 'w');
    if (fd !== null) open.add(fd);
    entry.ondata = (error, chunk, final) => {
      if (error) failure ??= bad();
      else if (fd === null) manifestText += Buffer.from(chunk).toString('utf8');
      else fs.writeSync(fd, chunk);
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
    const buffer = Buffer.alloc(CHUNK);
    let offset = 0;
    while (offset < size && !failure) {
      const read = fs.readSync(fd, buffer, 0, CHUNK, offset);
      if (read === 0) break;
      offset += read;
      unzip.push(buffer.slice(0, read), offset >= size);
    }
  } catch {
    failure ??= bad();
  } finally {
    fs.closeSync(fd);
    for (const handle of open) fs.closeSync(handle);
  }
  if (failure) throw failure;
  const sqlite = path.join(dir, 'ledger.sqlite');
  if (!fs.existsSync(sqlite)) throw bad();
  let manifest: Partial<Manifest> | null;
  try {
    manifest = manifestText ? (JSON.parse(manifestText) as Partial<Manifest>) : null;
  } catch {
    manifest = null;
  }
  return { sqlite, attachments: path.join(dir, 'attachments'), manifest };
}
