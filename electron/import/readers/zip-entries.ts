/**
 * Lists the entries of a ZIP file from its central directory, without inflating anything: enough to
 * tell a .docx from a .xlsx (or a plain .zip) and to spot truncated or bomb-like archives.
 */

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  /** As the central directory declares it: a crafted archive may lie (see ooxml-guard.ts). */
  readonly uncompressedSize: number;
  readonly encrypted: boolean;
  /** 0 stored, 8 deflate; anything else is not read. */
  readonly method: number;
  /** Where the entry's local header starts. */
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The entries, or null when the bytes are not a complete ZIP archive (e.g. cut off). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return null;

  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64(view, eocd);
    if (!zip64) return null;
    ({ count, size, offset } = zip64);
  }
  if (offset + size > eocd) return null;

  const decoder = new TextDecoder('utf-8');
  const latin1 = new TextDecoder('latin1');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength + extraLength > bytes.byteLength) return null;
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64: the real values are in the extended information extra field, in this order.
      const wide = zip64Extra(view, at + 46 + nameLength, extraLength);
      if (!wide) return null;
      const next = () => wide.shift();
      if (uncompressedSize === 0xffffffff) uncompressedSize = next() ?? Number.NaN;
      if (compressedSize === 0xffffffff) compressedSize = next() ?? Number.NaN;
      if (localOffset === 0xffffffff) localOffset = next() ?? Number.NaN;
      if (![uncompressedSize, compressedSize, localOffset].every(Number.isSafeInteger)) return null;
    }
    if (localOffset + 30 > offset) return null;
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & 0x800 ? decoder : latin1).decode(raw);
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1, method, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The 64-bit values of a zip64 extended information field (id 1), or null if there is none. */
function zip64Extra(view: DataView, start: number, length: number): number[] | null {
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > start + length) return null;
    if (id === 1) {
      const values: number[] = [];
      for (let field = at + 4; field + 8 <= at + 4 + size; field += 8) values.push(Number(view.getBigUint64(field, true)));
      return values;
    }
    at += 4 + size;
  }
  return null;
}

/** Where an entry's data starts (after its local header), or null when the local header is not there. */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntry): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.localOffset + 30 > bytes.byteLength || view.getUint32(entry.localOffset, true) !== LOCAL_HEADER) return null;
  return entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
}

/** The EOCD record sits in the last 22 + 65535 (comment) bytes. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

function readZip64(view: DataView, eocd: number): { count: number; size: number; offset: number } | null {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) return null;
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_EOCD) return null;
  return {
    count: Number(view.getBigUint64(record + 32, true)),
    size: Number(view.getBigUint64(record + 40, true)),
    offset: Number(view.getBigUint64(record + 48, true)),
  };
}
