import zlib from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { PackageError } from './sync-error';

/*
 * The zip inside a package. Written by fflate with fixed options; read by the strict reader
 * below, which accepts exactly the layout this writer produces and nothing looser:
 *
 *   [local header 30 B + name + data] × n, back to back from offset 0
 *   [central header 46 B + name] × n, in the same order
 *   [end of central directory 22 B], ending the zip (no comment)
 *
 * Every header field is pinned (version 20, no flags, DOS time 1980-01-01 12:00, no extra
 * fields, comments or attributes, method stored or deflate, no zip64, no data descriptors);
 * local and central copies must agree; entries tile the file with no gap or overlap (so no
 * overlapping-entry zip bombs); names are lowercase ASCII paths without `..`, `\`, `:` or a
 * leading `/`. Declared sizes are checked against the limits before anything is inflated, and
 * inflating stops at the declared size, so a small file cannot expand into a large one.
 */

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  /** A tighter cap on the whole inflated content (untrusted signer, compression ratio): refused as 'budget'. */
  readonly budgetBytes?: number;
  /** How a refusal over the budget reads. */
  readonly budgetMessage?: (declared: number) => string;
}

/** Local time fields, as fflate writes them, so the bytes do not depend on the time zone. */
const FIXED_MTIME = new Date(1980, 0, 1, 12, 0, 0);
const DOS_TIME = 12 << 11;
const DOS_DATE = (1 << 5) | 1;
const VERSION = 20;
const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const LOCAL_BYTES = 30;
const CENTRAL_BYTES = 46;
const END_BYTES = 22;
/** The end record counts entries in 16 bits and fflate writes no zip64. */
export const MAX_ZIP_ENTRIES = 0xffff;

const NAME = /^[a-z][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*){0,3}$/;

/** Entry names a package may carry: short lowercase ASCII paths that cannot escape a folder. */
export function isSafeEntryName(name: string): boolean {
  return name.length <= 200 && NAME.test(name);
}

/**
 * Deterministic zip of the given entries in the given order (deflate level 6, fixed time).
 * No validation, so tests can build malformed packages; fflate takes an object, so a name must
 * not be integer-like (key order) or `__proto__`, which isSafeEntryName guarantees.
 */
export function zipEntries(files: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const input: Zippable = {};
  for (const [name, data] of files) input[name] = [data, { level: 6, mtime: FIXED_MTIME }];
  return zipSync(input);
}

const damaged = (reason: string) => new PackageError('container', `数据包内容已损坏（${reason}）。请让对方重新导出后再导入。`);

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
  readonly dataStart: number;
}

/**
 * Read a zip written by zipEntries, refusing anything else (see the layout above). With `only`,
 * just those entries are inflated (the rest are checked in the directory but never expanded).
 */
export function readZip(zip: Uint8Array, limits: ZipLimits, only?: ReadonlySet<string>): Map<string, Uint8Array> {
  const entries = readDirectory(zip, limits);
  const wanted = only ? entries.filter((e) => only.has(e.name)) : entries;
  const declared = wanted.reduce((sum, e) => sum + e.size, 0);
  // Declared sizes bound the inflation (each entry stops at its own), so checking them first bounds memory.
  if (limits.budgetBytes !== undefined && declared > limits.budgetBytes) {
    throw new PackageError('budget', limits.budgetMessage?.(declared) ?? `数据包解压后过大（约${formatBytes(declared)}），已拒绝导入。请让对方按时间或内容分批导出。`);
  }
  const files = new Map<string, Uint8Array>();
  for (const e of wanted) {
    const data = zip.subarray(e.dataStart, e.dataStart + e.compressed);
    const content = e.method === 0 ? data.slice() : inflate(data, e.size);
    if (crc32(content) !== e.crc) throw damaged(`条目校验码不符`);
    files.set(e.name, content);
  }
  return files;
}

function readDirectory(zip: Uint8Array, limits: ZipLimits): Entry[] {
  if (zip.length < END_BYTES) throw damaged('压缩目录不完整');
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const end = zip.length - END_BYTES;
  if (u32(end) !== END_SIG || u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 20) !== 0) throw damaged('压缩目录结尾不符');
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  if (u16(end + 8) !== count || cdOffset + cdSize !== end) throw damaged('压缩目录位置不符');
  if (count > limits.maxEntries) throw new PackageError('container', `数据包条目过多（超过${limits.maxEntries}个），已拒绝导入。`);

  const entries: Entry[] = [];
  const names = new Set<string>();
  let total = 0;
  let central = cdOffset;
  let local = 0;
  for (let i = 0; i < count; i++) {
    if (central + CENTRAL_BYTES > end) throw damaged('压缩目录不完整');
    const nameLength = u16(central + 28);
    if (central + CENTRAL_BYTES + nameLength > end) throw damaged('压缩目录不完整');
    const nameBytes = zip.subarray(central + CENTRAL_BYTES, central + CENTRAL_BYTES + nameLength);
    const name = asciiName(nameBytes);
    if (name === null || !isSafeEntryName(name)) throw new PackageError('container', '数据包含有不安全的文件名，已拒绝导入。请让对方重新导出后再导入。');
    if (names.has(name)) throw damaged('存在重名条目');
    names.add(name);
    const fixedOk =
      u32(central) === CENTRAL_SIG &&
      u16(central + 4) === VERSION &&
      u16(central + 6) === VERSION &&
      u16(central + 8) === 0 &&
      u16(central + 12) === DOS_TIME &&
      u16(central + 14) === DOS_DATE &&
      u16(central + 30) === 0 && // extra
      u16(central + 32) === 0 && // comment
      u16(central + 34) === 0 && // disk
      u16(central + 36) === 0 && // internal attributes
      u32(central + 38) === 0 && // external attributes
      u32(central + 42) === local; // entries tile the file in directory order
    if (!fixedOk) throw damaged('压缩目录条目不符');
    const method = u16(central + 10);
    const crc = u32(central + 16);
    const compressed = u32(central + 20);
    const size = u32(central + 24);
    if (method !== 0 && method !== 8) throw damaged('不支持的压缩方式');
    if (method === 0 && compressed !== size) throw damaged('条目大小不符');
    if (size > limits.maxEntryBytes || (total += size) > limits.maxTotalBytes) {
      throw new PackageError('container', `数据包解压后过大（超过${formatBytes(size > limits.maxEntryBytes ? limits.maxEntryBytes : limits.maxTotalBytes)}），已拒绝导入。`);
    }

    // The local header must repeat the central one exactly.
    const dataStart = local + LOCAL_BYTES + nameLength;
    if (dataStart + compressed > cdOffset) throw damaged('条目数据越界');
    const localOk =
      u32(local) === LOCAL_SIG &&
      u16(local + 4) === VERSION &&
      u16(local + 6) === 0 &&
      u16(local + 8) === method &&
      u16(local + 10) === DOS_TIME &&
      u16(local + 12) === DOS_DATE &&
      u32(local + 14) === crc &&
      u32(local + 18) === compressed &&
      u32(local + 22) === size &&
      u16(local + 26) === nameLength &&
      u16(local + 28) === 0 &&
      sameBytes(zip.subarray(local + LOCAL_BYTES, dataStart), nameBytes);
    if (!localOk) throw damaged('条目文件头不符');
    entries.push({ name, method, crc, compressed, size, dataStart });
    local = dataStart + compressed;
    central += CENTRAL_BYTES + nameLength;
  }
  if (local !== cdOffset || central !== end) throw damaged('压缩目录与数据不符');
  return entries;
}

/** Inflate exactly `size` bytes from exactly all of `data`; never produce more than `size`. */
function inflate(data: Uint8Array, size: number): Uint8Array {
  let result: { buffer: Buffer; engine: zlib.Zlib & { bytesWritten?: number } };
  try {
    result = zlib.inflateRawSync(data, { info: true, maxOutputLength: Math.max(1, size) }) as unknown as typeof result;
  } catch (error) {
    const tooLarge = (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
    throw damaged(tooLarge ? '压缩数据长度不符' : '压缩数据无法解开');
  }
  const { buffer, engine } = result;
  if (buffer.length !== size || engine.bytesWritten !== data.length) throw damaged('压缩数据长度不符');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function asciiName(bytes: Uint8Array): string | null {
  let name = '';
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e) return null;
    name += String.fromCharCode(b);
  }
  return name;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib.crc32 exists from Node 20.15 / 22.2; the table fallback keeps older Node working. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

function crc32(data: Uint8Array): number {
  return nativeCrc32 ? nativeCrc32(data) >>> 0 : tableCrc32(data);
}

/** Exported so a test can prove it agrees with zlib. */
export function tableCrc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
