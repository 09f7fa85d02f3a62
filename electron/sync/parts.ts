import { createHash } from 'node:crypto';
import { PackageError } from './sync-error';

/*
 * Splitting a package into parts small enough for government mail. Each part file is a header
 * followed by a slice of the package (all integers little-endian u32):
 *
 *   offset  size  field
 *   0       8     magic "TLPART1\0"
 *   8       32    SHA-256 of the whole package
 *   40      4     length of the whole package
 *   44      4     index of this part, 1-based
 *   48      4     number of parts
 *   52      4     length of this part's slice
 *   56      32    SHA-256 of bytes 0..56 and the slice, so a damaged part is named as such
 *   88      …     the slice
 *
 * The joined package is still checked by its own signature; the hashes here only let the import
 * say which part is missing, foreign or damaged instead of "signature does not match".
 */

const MAGIC = Buffer.from('TLPART1\0', 'latin1');
export const PART_HEADER_BYTES = 88;
/** More parts than this means a part size far too small to be what the clerk meant. */
export const MAX_PARTS = 10_000;
const MAX_PACKAGE_BYTES = 2 * 1024 ** 3;

interface Part {
  readonly wholeSha: string;
  readonly wholeLength: number;
  readonly index: number;
  readonly count: number;
  readonly partSha: string;
  readonly slice: Uint8Array;
}

export function isPart(bytes: Uint8Array): boolean {
  return bytes.length >= PART_HEADER_BYTES && MAGIC.equals(bytes.subarray(0, MAGIC.length));
}

/** Which part this claims to be, unchecked (for a message when a single part is opened alone). */
export function partInfo(bytes: Uint8Array): { index: number; count: number } | null {
  if (!isPart(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { index: view.getUint32(44, true), count: view.getUint32(48, true) };
}

/**
 * Split a package into part files of at most `partBytes` bytes each (header included).
 * A package that already fits is returned unchanged as the only file.
 */
export function splitPackage(bytes: Uint8Array, partBytes: number): Uint8Array[] {
  if (!Number.isSafeInteger(partBytes) || partBytes <= PART_HEADER_BYTES) {
    throw new PackageError('write', `分卷大小至少为${PART_HEADER_BYTES + 1}字节。`);
  }
  if (isPart(bytes)) throw new PackageError('write', '这已经是一个分卷，不能再拆分。');
  if (bytes.length > MAX_PACKAGE_BYTES) throw new PackageError('write', '数据包超过 2 GB，无法拆分。请按时间或内容分批导出。');
  if (bytes.length <= partBytes) return [bytes];
  const sliceBytes = partBytes - PART_HEADER_BYTES;
  const count = Math.ceil(bytes.length / sliceBytes);
  if (count > MAX_PARTS) throw new PackageError('write', `分卷过多（${count}个）。请选择更大的分卷大小。`);
  const wholeSha = createHash('sha256').update(bytes).digest();
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const slice = bytes.subarray(i * sliceBytes, Math.min(bytes.length, (i + 1) * sliceBytes));
    const part = new Uint8Array(PART_HEADER_BYTES + slice.length);
    const view = new DataView(part.buffer);
    part.set(MAGIC, 0);
    part.set(wholeSha, 8);
    view.setUint32(40, bytes.length, true);
    view.setUint32(44, i + 1, true);
    view.setUint32(48, count, true);
    view.setUint32(52, slice.length, true);
    part.set(slice, PART_HEADER_BYTES);
    part.set(partDigest(part), 56);
    parts.push(part);
  }
  return parts;
}

/**
 * Put the parts back together, in any order, tolerating the same part chosen twice. One file
 * that is not a part is returned as is, so the importer can always call joinParts on whatever
 * the clerk chose and then readPackage. Refusals name the offending files (1-based, as chosen).
 */
export function joinParts(files: readonly Uint8Array[]): Uint8Array {
  if (files.length === 0) throw new PackageError('parts', '没有选择数据包文件。请选择要导入的数据包。');
  if (files.length === 1 && !isPart(files[0]!)) return files[0]!;

  const parsed = files.map((bytes, i) => {
    if (!isPart(bytes)) {
      throw new PackageError('parts', `所选的第${i + 1}个文件不是数据包分卷。分卷导入时请只选择同一数据包的各个分卷。`, [i]);
    }
    const part = readPart(bytes);
    if (!part) throw new PackageError('parts', `所选的第${i + 1}个文件（分卷）已损坏。请让对方重新发送这个分卷后再导入。`, [i]);
    return part;
  });

  // The package most files belong to (the first file's on a tie); the rest are foreign.
  const groupOf = (p: Part) => `${p.wholeSha}/${p.wholeLength}/${p.count}`;
  const sizes = new Map<string, number>();
  for (const p of parsed) sizes.set(groupOf(p), (sizes.get(groupOf(p)) ?? 0) + 1);
  const chosen = [...sizes.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  const foreign = parsed.flatMap((p, i) => (groupOf(p) === chosen ? [] : [i]));
  if (foreign.length > 0) {
    throw new PackageError('parts', `所选的${ordinals(foreign, '个文件')}属于另一个数据包。请只选择同一数据包的各个分卷。`, foreign);
  }

  const first = parsed[0]!;
  const byIndex = new Map<number, { part: Part; file: number }>();
  parsed.forEach((part, file) => {
    const seen = byIndex.get(part.index);
    if (!seen) byIndex.set(part.index, { part, file });
    else if (seen.part.partSha !== part.partSha) {
      throw new PackageError(
        'parts',
        `所选的第${seen.file + 1}个和第${file + 1}个文件都是第${part.index}部分，但内容不同。请让对方重新发送第${part.index}部分。`,
        [seen.file, file],
      );
    }
  });
  const missing: number[] = [];
  for (let index = 1; index <= first.count; index++) if (!byIndex.has(index)) missing.push(index);
  if (missing.length > 0) {
    throw new PackageError('parts', `数据包不完整：缺少${ordinals(missing.map((n) => n - 1), '部分')}（共${first.count}部分）。请找到全部分卷后一起导入。`);
  }

  const slices = Array.from({ length: first.count }, (_, i) => byIndex.get(i + 1)!.part.slice);
  const length = slices.reduce((sum, s) => sum + s.length, 0);
  const whole = length === first.wholeLength ? Buffer.concat(slices, length) : null;
  if (!whole || createHash('sha256').update(whole).digest('hex') !== first.wholeSha) {
    throw new PackageError('parts', '分卷拼合后的数据包校验不符。请让对方重新发送全部分卷后再导入。');
  }
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}

function readPart(bytes: Uint8Array): Part | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wholeLength = view.getUint32(40, true);
  const index = view.getUint32(44, true);
  const count = view.getUint32(48, true);
  const sliceLength = view.getUint32(52, true);
  const partSha = Buffer.from(bytes.subarray(56, PART_HEADER_BYTES));
  const valid =
    sliceLength === bytes.length - PART_HEADER_BYTES &&
    count >= 1 &&
    count <= MAX_PARTS &&
    index >= 1 &&
    index <= count &&
    wholeLength <= MAX_PACKAGE_BYTES &&
    partSha.equals(partDigest(bytes));
  if (!valid) return null;
  return {
    wholeSha: Buffer.from(bytes.subarray(8, 40)).toString('hex'),
    wholeLength,
    index,
    count,
    partSha: partSha.toString('hex'),
    slice: bytes.subarray(PART_HEADER_BYTES),
  };
}

function partDigest(part: Uint8Array): Buffer {
  return createHash('sha256').update(part.subarray(0, 56)).update(part.subarray(PART_HEADER_BYTES)).digest();
}

/** "第2、5个文件" / "第2部分"; long lists are cut short. */
function ordinals(zeroBased: readonly number[], unit: string): string {
  const shown = zeroBased.slice(0, 10).map((i) => i + 1);
  return `第${shown.join('、')}${zeroBased.length > shown.length ? '等' : ''}${unit}`;
}
