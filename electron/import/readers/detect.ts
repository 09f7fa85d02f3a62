/**
 * Decides how to read a file from its content (magic bytes), using the extension only to word the
 * refusal well. Refusals (old Office formats, WPS, archives, images…) are thrown as ReadError.
 */
import { ReadError } from './read-error';
import { listZipEntries } from './zip-entries';

export type DetectedFormat = 'docx' | 'xlsx' | 'pdf' | 'txt';

/** Inflated size above which a ZIP is refused as a likely zip bomb (a real plan is a few MB). */
export const MAX_UNZIPPED_BYTES = 500 * 1024 * 1024;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

/** Extensions whose content is binary: if the bytes are not what they claim, the file is damaged. */
const binaryExtensions = new Set(['docx', 'docm', 'dotx', 'xlsx', 'xlsm', 'xltx', 'pdf', 'doc', 'dot', 'xls', 'wps', 'wpt', 'et', 'ett', 'zip']);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function detectFormat(bytes: Uint8Array, fileName: string): DetectedFormat {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return detectZip(bytes, ext);
  if (indexOfAscii(bytes, '%PDF-', 0, 1024) >= 0) return 'pdf';
  if (startsWith(bytes, OLE2)) throw refuseOle2(bytes, ext);
  const other = refuseKnownBinary(bytes, ext);
  if (other) throw other;
  if (binaryExtensions.has(ext)) {
    throw new ReadError('CORRUPT', `文件内容与扩展名 .${ext} 不符，可能已损坏或被改了扩展名。请重新获取原文件后再导入`);
  }
  return 'txt';
}

function detectZip(bytes: Uint8Array, ext: string): DetectedFormat {
  const entries = listZipEntries(bytes);
  if (!entries) {
    throw new ReadError('CORRUPT', `文件不完整或已损坏（${formatName(ext)}的内部结构缺失），可能是下载或复制没有完成。请重新获取原文件后再导入`);
  }
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  const unzipped = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw new ReadError('TOO_LARGE', '文件解压后过大，无法导入。请确认这是计划文件本身，或将其拆分后分别导入');
  }
  const isWord = names.has('word/document.xml') || [...names].some((name) => /^word\/document\d*\.xml$/.test(name));
  const isExcel = names.has('xl/workbook.xml');
  if ((isWord || isExcel) && entries.some((entry) => entry.encrypted)) throw new ReadError('ENCRYPTED');
  if (isWord) return 'docx';
  if (isExcel) return 'xlsx';
  if (names.has('ppt/presentation.xml')) {
    throw new ReadError('UNSUPPORTED_FORMAT', '这是 PowerPoint 演示文稿，无法导入计划。请导入计划的 Word、Excel 或 PDF 文件');
  }
  if (names.has('mimetype') && names.has('content.xml')) {
    throw new ReadError('UNSUPPORTED_FORMAT', '这是 OpenDocument 格式文件（.odt/.ods），无法直接读取。请用 WPS 或 Office 打开，另存为 .docx 或 .xlsx 后再导入');
  }
  if (ext === 'docx' || ext === 'xlsx' || ext === 'docm' || ext === 'xlsm') {
    throw new ReadError('CORRUPT', `文件已损坏，不是有效的 ${formatName(ext)}。请用 WPS 或 Office 打开后另存为新文件，再导入`);
  }
  throw new ReadError('UNSUPPORTED_FORMAT', '这是压缩包，无法直接导入。请先解压，再导入其中的 Word（.docx）、Excel（.xlsx）或 PDF 文件');
}

function refuseOle2(bytes: Uint8Array, ext: string): ReadError {
  // Password-protected .docx/.xlsx are stored by Office inside an OLE2 container.
  if (indexOfUtf16(bytes, 'EncryptedPackage') >= 0) return new ReadError('ENCRYPTED');
  if (ext === 'wps' || ext === 'wpt') return new ReadError('WPS');
  if (ext === 'et' || ext === 'ett') {
    return new ReadError('WPS', '这是 WPS 表格专用格式文件（.et），无法直接读取。请用 WPS 打开它，点“文件 → 另存为”，文件类型选“Excel 文件（*.xlsx）”，保存后再导入');
  }
  const isExcel = ext === 'xls' || ext === 'xlt' || (ext !== 'doc' && (indexOfUtf16(bytes, 'Workbook') >= 0 || indexOfUtf16(bytes, 'Book') >= 0));
  if (isExcel) {
    // LEGACY_WORD stands for every old binary Office file; the wording names the right format.
    return new ReadError('LEGACY_WORD', '这是旧版 Excel 表格（.xls），无法直接读取。请用 WPS 或 Excel 打开它，点“文件 → 另存为”，保存为 .xlsx 格式后再导入');
  }
  if (ext === 'ppt' || ext === 'dps') {
    return new ReadError('UNSUPPORTED_FORMAT', '这是演示文稿，无法导入计划。请导入计划的 Word、Excel 或 PDF 文件');
  }
  return new ReadError('LEGACY_WORD');
}

/** Formats we recognise but cannot read; null when the bytes may be text. */
function refuseKnownBinary(bytes: Uint8Array, ext: string): ReadError | null {
  if (indexOfAscii(bytes, '{\\rtf', 0, 16) === 0) {
    return new ReadError('LEGACY_WORD', '这是 RTF 格式文档，无法直接读取。请用 WPS 或 Word 打开它，点“文件 → 另存为”，保存为 .docx 格式后再导入');
  }
  if ((ext === 'doc' || ext === 'wps') && looksLikeWebPage(bytes)) {
    return new ReadError(ext === 'wps' ? 'WPS' : 'LEGACY_WORD', '这是以网页格式保存的 Word 文档，无法直接读取。请用 WPS 或 Word 打开它，点“文件 → 另存为”，保存为 .docx 格式后再导入');
  }
  const image =
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || (startsWith(bytes, [0x42, 0x4d]) && ext === 'bmp');
  if (image) {
    return new ReadError('UNSUPPORTED_FORMAT', '这是图片文件，无法读取其中的文字。请使用原始 Word 文件或文字版 PDF');
  }
  const archive =
    startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b]);
  if (archive) {
    return new ReadError('UNSUPPORTED_FORMAT', '这是压缩包，无法直接导入。请先解压，再导入其中的 Word（.docx）、Excel（.xlsx）或 PDF 文件');
  }
  return null;
}

function looksLikeWebPage(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).toLowerCase();
  return head.includes('<html') || head.includes('mime-version:');
}

function formatName(ext: string): string {
  if (ext.startsWith('xl')) return 'Excel 文件';
  if (ext.startsWith('doc') || ext.startsWith('dot')) return 'Word 文件';
  return '文件';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function indexOfAscii(bytes: Uint8Array, text: string, from: number, to: number): number {
  const end = Math.min(to, bytes.length - text.length);
  outer: for (let at = from; at <= end; at++) {
    for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) continue outer;
    return at;
  }
  return -1;
}

/** Finds an OLE2 directory entry name (UTF-16LE). */
function indexOfUtf16(bytes: Uint8Array, text: string): number {
  const end = bytes.length - text.length * 2;
  outer: for (let at = 0; at <= end; at++) {
    for (let i = 0; i < text.length; i++) {
      if (bytes[at + 2 * i] !== text.charCodeAt(i) || bytes[at + 2 * i + 1] !== 0) continue outer;
    }
    return at;
  }
  return -1;
}
