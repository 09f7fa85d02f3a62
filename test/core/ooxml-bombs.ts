/**
 * Crafted .docx/.xlsx files for the bomb tests, built in milliseconds: a raw deflate stream of a
 * unit repeated n times is the unit compressed once with a full flush (no reference to earlier
 * data, byte-aligned, not final) repeated n times, then a final block. The ZIP around it is
 * written by hand so the central directory can declare any size.
 */
import zlib from 'node:zlib';
import { handZip } from '../helpers/hand-zip';

/** Raw deflate of prefix + unit × count + suffix, without ever holding the inflated bytes. */
export function deflateRepeated(prefix: string, unit: string, count: number, suffix: string): Uint8Array {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const head = zlib.deflateRawSync(Buffer.from(prefix), flush);
  // Units grouped so each compressed segment is long enough to reach deflate's best ratio.
  const group = Math.max(1, Math.min(count, Math.floor((1 << 20) / Buffer.byteLength(unit))));
  const segment = zlib.deflateRawSync(Buffer.from(unit.repeat(group)), flush);
  const tail = zlib.deflateRawSync(Buffer.from(unit.repeat(count % group) + suffix));
  const parts = [head, ...Array.from({ length: Math.floor(count / group) }, () => segment), tail];
  return new Uint8Array(Buffer.concat(parts));
}

export interface RawEntry {
  readonly name: string;
  /** Deflated (method 8) unless `stored`. */
  readonly data: Uint8Array;
  readonly stored?: boolean;
  /** What the headers claim the entry inflates to. */
  readonly declaredSize: number;
}

const deflated = (name: string, text: string): RawEntry => ({ name, data: zlib.deflateRawSync(Buffer.from(text)), declaredSize: Buffer.byteLength(text) });

/** A ZIP with the given entries; headers say exactly what the entries declare (no checksum). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  return new Uint8Array(handZip(entries.map((e) => ({ name: e.name, stored: Buffer.from(e.data), method: e.stored ? 0 : 8, size: e.declaredSize, crc: 0 }))));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx of one document part: its deflated bytes and the size its headers declare. */
function docxOf(document: Uint8Array, declaredSize: number): Uint8Array {
  return rawZip([
    deflated('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    deflated('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    { name: 'word/document.xml', data: document, declaredSize },
  ]);
}

const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`;
const DOCUMENT_TAIL = '</w:body></w:document>';

/** A .docx whose body is `unit` × `count` between `prefix` and `suffix`, its headers honest. */
export function repeatedDocx(unit: string, count: number, prefix = '', suffix = ''): Uint8Array {
  const head = DOCUMENT_HEAD + prefix;
  const tail = suffix + DOCUMENT_TAIL;
  return docxOf(deflateRepeated(head, unit, count, tail), Buffer.byteLength(head + tail) + count * Buffer.byteLength(unit));
}

/**
 * A .docx whose document inflates to `gigabytes` GB while every header says 2,000 bytes. Its
 * paragraphs are long (10 KB of text each), so that the byte budget, not the count of
 * paragraphs, is what stops it.
 */
export function lyingDocx(gigabytes: number): Uint8Array {
  const paragraph = `<w:p><w:r><w:t>${'Plan '.repeat(2000)}</w:t></w:r></w:p>`;
  const count = Math.ceil((gigabytes * 1024 ** 3) / Buffer.byteLength(paragraph));
  return docxOf(deflateRepeated(DOCUMENT_HEAD, paragraph, count, DOCUMENT_TAIL), 2000);
}

/** `count` paragraphs of one character each (1.5 million: 158 KB, 22 s and 1.8 GB in mammoth). */
export const manyParagraphsDocx = (count: number): Uint8Array => repeatedDocx('<w:p><w:r><w:t>一</w:t></w:r></w:p>', count);

/** One paragraph of `count` empty runs (4 million: 225 KB, 32 s and 1.9 GB in mammoth). */
export const emptyRunsDocx = (count: number): Uint8Array => repeatedDocx('<w:r><w:t></w:t></w:r>', count, '<w:p>', '</w:p>');

/** A table whose first row is 100 cells spanning 1,000 columns each, then `rows` rows of one cell. */
export function spanningTableDocx(rows: number): Uint8Array {
  const wide = '<w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc>'.repeat(100);
  return repeatedDocx('<w:tr><w:tc><w:p><w:r><w:t>一</w:t></w:r></w:p></w:tc></w:tr>', rows, `<w:tbl><w:tr>${wide}</w:tr>`, '</w:tbl>');
}

/** Tables nested `depth` deep, one cell each. */
export function nestedTablesDocx(depth: number): Uint8Array {
  return repeatedDocx('<w:tbl><w:tr><w:tc>', depth, '', `<w:p><w:r><w:t>一</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** An .xlsx of one sheet: its rows (XML inside sheetData), what follows sheetData, defined names. */
export function xlsxWith(parts: { rows: string; afterRows?: string; definedNames?: string }): Uint8Array {
  const sheetXml = `${SHEET_HEAD}${parts.rows}</sheetData>${parts.afterRows ?? ''}</worksheet>`;
  return workbook(zlib.deflateRawSync(Buffer.from(sheetXml)), Buffer.byteLength(sheetXml), undefined, parts.definedNames);
}

/** An .xlsx with the given sheet XML parts (deflated by the caller) and optional shared strings. */
export function workbook(sheet: Uint8Array, sheetSize: number, sharedStrings?: { data: Uint8Array; size: number }, definedNames = ''): Uint8Array {
  return rawZip([
    deflated('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    deflated('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    deflated('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ''}</workbook>`),
    deflated('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`),
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: sheetSize },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: sharedStrings.data, declaredSize: sharedStrings.size }] : []),
  ]);
}

/** An .xlsx of `rows` rows, each one cell. */
export function manyRowsXlsx(rows: number): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>推进工作</t></is></c></row>';
  const sheet = deflateRepeated(SHEET_HEAD, row, rows, SHEET_TAIL);
  return workbook(sheet, Buffer.byteLength(SHEET_HEAD + SHEET_TAIL) + rows * Buffer.byteLength(row));
}

/** An .xlsx whose first cell, its title, is one shared string of `megabytes` MB. */
export function hugeTitleXlsx(megabytes: number): Uint8Array {
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>';
  const unit = '关于印发工作要点的通知';
  const count = Math.floor((megabytes * 1024 * 1024) / Buffer.byteLength(unit));
  const tail = '</t></si><si><t>序号</t></si></sst>';
  const strings = deflateRepeated(head, unit, count, tail);
  const sheetXml = `${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>${SHEET_TAIL}`;
  return workbook(zlib.deflateRawSync(Buffer.from(sheetXml)), Buffer.byteLength(sheetXml), { data: strings, size: Buffer.byteLength(head + tail) + count * Buffer.byteLength(unit) });
}
