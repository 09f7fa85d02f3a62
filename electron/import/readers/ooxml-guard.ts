/**
 * A .docx/.xlsx is a ZIP, and mammoth and exceljs open it with JSZip, which inflates every entry
 * whole, trusting the sizes the archive declares: a central directory that lies about them made a
 * 4 MB .docx cost 38 s and 3.4 GB before it was refused. So no archive from outside reaches them
 * as it came:
 *
 * 1. every entry we keep is inflated as a stream, counting the bytes that really come out against
 *    one budget for the whole file, and its XML is scanned on the way (ooxml-scan.ts); the first
 *    byte over any limit stops it, so a bomb costs a fraction of a second and a few MB; a .docx's
 *    elements are counted too (word-scan.ts): mammoth spends kilobytes on each;
 * 2. only then are the entries inflated again, kept, and written into a new archive, stored
 *    (not compressed), whose sizes are the real ones. That archive is what the library reads.
 *
 * Pictures and other binary parts are never inflated when only the text is wanted (textOnly):
 * they stay in the new archive as empty files. textOnly also drops the data validations and
 * defined names of a workbook, which exceljs expands cell by cell and a reader does not need.
 */
import zlib from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { READ_LIMITS, tooMuchInflated } from './limits';
import { PartScanner, type PartKind, type WorkbookTotals } from './ooxml-scan';
import { ReadError } from './read-error';
import { emptyWordTotals, WordPartCounter } from './word-scan';
import { entryDataStart, listZipEntries, type ZipEntry } from './zip-entries';

export interface OoxmlGuardOptions {
  readonly kind: 'docx' | 'xlsx';
  /** Only the text is read: leave binary parts out, and (xlsx) data validations and defined names. */
  readonly textOnly: boolean;
}

const CHUNK = 64 * 1024;
const corrupt = (kind: 'docx' | 'xlsx') =>
  new ReadError('CORRUPT', `${kind === 'docx' ? 'Word' : 'Excel'} 文件已损坏，无法读取（压缩内容不完整或不一致）。请用 WPS 或 Office 打开它，另存为新文件后再导入`);

const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

function partKind(name: string, kind: 'docx' | 'xlsx'): PartKind {
  if (kind === 'docx') return 'other';
  const path = name.replace(/^\/+/, '').toLowerCase();
  if (/(^|\/)worksheets\/[^/]*\.xml$/.test(path)) return 'sheet';
  if (/(^|\/)workbook\.xml$/.test(path)) return 'workbook';
  if (/(^|\/)sharedstrings\.xml$/.test(path)) return 'sharedStrings';
  return 'other';
}

interface Located {
  readonly entry: ZipEntry;
  readonly data: Uint8Array;
  readonly keep: boolean;
}

function locate(bytes: Uint8Array, options: OoxmlGuardOptions): Located[] {
  const entries = listZipEntries(bytes);
  if (!entries) throw corrupt(options.kind);
  if (entries.length > READ_LIMITS.zipEntries) {
    throw new ReadError('TOO_LARGE', `文件内部的条目过多（${entries.length} 个，上限 ${READ_LIMITS.zipEntries} 个），不像是计划文件。请确认选对了文件`);
  }
  const names = new Set<string>();
  const located: Located[] = [];
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue; // a folder
    if (names.has(entry.name)) throw corrupt(options.kind);
    names.add(entry.name);
    if (entry.encrypted) throw new ReadError('ENCRYPTED');
    const keep = !options.textOnly || isXml(entry.name);
    if (keep && entry.method !== 0 && entry.method !== 8) throw corrupt(options.kind);
    const start = entryDataStart(bytes, entry);
    if (start === null || start + entry.compressedSize > bytes.length) throw corrupt(options.kind);
    located.push({ entry, data: bytes.subarray(start, start + entry.compressedSize), keep });
  }
  return located;
}

/** Inflate one entry as a stream, handing every chunk to `take`; resolves with the bytes that came out. */
function inflateStream(data: Uint8Array, take: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
    let total = 0;
    let failed = false;
    inflater.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        total += chunk.length;
        take(chunk);
      } catch (error) {
        failed = true;
        inflater.destroy();
        reject(error);
      }
    });
    inflater.on('end', () => resolve(total));
    inflater.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
    inflater.end(data);
  });
}

/** The archive rebuilt from what was really inside, or a ReadError saying why it is refused. */
export async function guardOoxml(bytes: Uint8Array, options: OoxmlGuardOptions): Promise<Uint8Array> {
  const located = locate(bytes, options);
  const totals: WorkbookTotals = { rows: 0, cells: 0, mergedRanges: 0, expandedCells: 0 };
  const scanOptions = {
    maxTextBytes: options.kind === 'xlsx' ? 256 * 1024 : 8 * 1024 * 1024,
    longText:
      options.kind === 'xlsx'
        ? `Excel 文件中有单元格的内容过长（超过 Excel 单元格的上限 ${READ_LIMITS.cellChars} 字）。请删去过长的内容，或用 Excel/WPS 另存为新文件后再导入`
        : `Word 文件中有一段文字过长（超过 ${READ_LIMITS.textChars / 10_000} 万字）。请将文件拆分后分别导入，或只导入需要的部分`,
    countExpansions: !options.textOnly,
  };
  // A .docx: what mammoth builds objects for, over all its parts.
  const wordTotals = emptyWordTotals();
  const scannerFor = (name: string) => {
    const part = new PartScanner(name, partKind(name, options.kind), totals, scanOptions);
    const words = options.kind === 'docx' ? new WordPartCounter(wordTotals) : null;
    return {
      push: (chunk: Buffer) => {
        part.push(chunk);
        words?.push(chunk);
      },
      end: () => part.end(),
    };
  };
  let budget: number = READ_LIMITS.inflatedBytes;
  const spend = (n: number) => {
    budget -= n;
    if (budget < 0) throw tooMuchInflated();
  };

  // Pass 1: count and scan, keeping nothing.
  const sizes: number[] = [];
  for (const { entry, data, keep } of located) {
    if (!keep) {
      sizes.push(0);
      continue;
    }
    if (entry.method === 0) {
      spend(data.length);
      if (isXml(entry.name)) {
        const scanner = scannerFor(entry.name);
        for (let at = 0; at < data.length; at += CHUNK) scanner.push(Buffer.from(data.buffer, data.byteOffset + at, Math.min(CHUNK, data.length - at)));
        scanner.end();
      }
      sizes.push(data.length);
      continue;
    }
    const scanner = isXml(entry.name) ? scannerFor(entry.name) : null;
    try {
      sizes.push(
        await inflateStream(data, (chunk) => {
          spend(chunk.length);
          scanner?.push(chunk);
        }),
      );
    } catch (error) {
      if (error instanceof ReadError) throw error;
      throw corrupt(options.kind);
    }
    scanner?.end();
  }

  // Pass 2: the same bytes again (at most what pass 1 counted), into a new archive.
  const files: Zippable = Object.create(null) as Zippable;
  located.forEach(({ entry, data, keep }, i) => {
    let content: Uint8Array = new Uint8Array(0);
    if (keep) {
      content = entry.method === 0 ? data : inflateExactly(data, sizes[i]!, options.kind);
      if (options.textOnly) content = withoutExpansions(entry.name, content, options.kind);
    }
    files[entry.name] = content;
  });
  return zipSync(files, { level: 0 });
}

function inflateExactly(data: Uint8Array, size: number, kind: 'docx' | 'xlsx'): Uint8Array {
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
    if (out.length !== size) throw corrupt(kind);
    return out;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw corrupt(kind);
  }
}

/** A workbook part without the elements exceljs expands cell by cell and a text reader ignores. */
function withoutExpansions(name: string, content: Uint8Array, kind: 'docx' | 'xlsx'): Uint8Array {
  const part = partKind(name, kind);
  const element = part === 'sheet' ? 'dataValidations' : part === 'workbook' ? 'definedNames' : null;
  if (!element) return content;
  const xml = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('utf8');
  const stripped = removeElement(xml, element);
  return stripped === xml ? content : new Uint8Array(Buffer.from(stripped, 'utf8'));
}

/** The XML without any <element …>…</element> or <element …/> (unprefixed, as exceljs reads it). */
export function removeElement(xml: string, element: string): string {
  let out = '';
  let from = 0;
  const open = new RegExp(`<${element}(?=[\\s>/])`, 'g');
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const tagEnd = xml.indexOf('>', match.index);
    if (tagEnd < 0) break;
    let end: number;
    if (xml[tagEnd - 1] === '/') {
      end = tagEnd + 1;
    } else {
      const close = xml.indexOf(`</${element}>`, tagEnd);
      if (close < 0) break;
      end = close + element.length + 3;
    }
    out += xml.slice(from, match.index);
    from = end;
    open.lastIndex = end;
  }
  return from === 0 ? xml : out + xml.slice(from);
}
