/**
 * Test inputs: the real samples (read from ../shared/samples; a missing folder fails the tests) and
 * small files built by hand (ZIP archives, PDFs).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ReadError, type ReadErrorCode } from '../../electron/import/readers/index';

export const samplesDir = path.resolve('..', 'shared', 'samples');

/** Throws (fails the test) when the samples are missing: they are not optional. */
export function sample(relative: string): Uint8Array {
  const file = path.join(samplesDir, relative);
  if (!fs.existsSync(file)) throw new Error(`sample missing: ${file} (the tests need ../shared/samples)`);
  return new Uint8Array(fs.readFileSync(file));
}

export function sampleText(relative: string): string {
  return new TextDecoder().decode(sample(relative));
}

export const withoutSpace = (text: string): string => text.replace(/\s/g, '');

/** Awaits a refusal and checks it is a ReadError with the code and a Chinese message. */
export async function expectRefusal(promise: Promise<unknown> | (() => unknown), code: ReadErrorCode): Promise<ReadError> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a ReadError ${code}`).toBeInstanceOf(ReadError);
  const error = caught as ReadError;
  expect(error.code).toBe(code);
  expectChineseMessage(error.message);
  return error;
}

export function expectChineseMessage(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).toMatch(/请|没有/); // says what to do (or that there is nothing)
  expect(message).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}|Error|\bat\b/); // no English sentence or stack
}

// ---------------------------------------------------------------------------------------------
// ZIP (stored, no compression): enough to hand-build .docx/.xlsx packages.

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = typeof content === 'string' ? encoder.encode(content) : content;
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal .docx whose body is the given WordprocessingML. */
export function docx(bodyXml: string): Uint8Array {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`,
  });
}

export const para = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

// ---------------------------------------------------------------------------------------------
// PDF: objects numbered from 1, xref offsets computed.

export function pdf(objects: string[], trailerExtra = ''): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const stream = (content: string, dict = ''): string => `<< /Length ${content.length} ${dict}>>\nstream\n${content}\nendstream`;

/** One A4 page with the given content stream and resources. */
export function onePagePdf(content: string, resources = '<< >>', extraObjects: string[] = [], trailerExtra = ''): Uint8Array {
  return pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} >>`,
      stream(content),
      ...extraObjects,
    ],
    trailerExtra,
  );
}

/** A page that only paints a 2×2 grey image: what a scanner produces, minus the resolution. */
export function imageOnlyPdf(): Uint8Array {
  return onePagePdf('q 500 0 0 700 40 70 cm /Im1 Do Q', '<< /XObject << /Im1 5 0 R >> >>', [
    stream('\x80\x40\x40\x80', '/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 '),
  ]);
}

/** A page of Helvetica text (standard font, not embedded). */
export function helveticaPdf(lines: string[]): Uint8Array {
  const content = lines.map((line, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td (${line}) Tj ET`).join('\n');
  return onePagePdf(content, '<< /Font << /F1 5 0 R >> >>', ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
}

/** Page 1 with Helvetica text, page 2 blank (a scanned attachment without its image). */
export function textThenBlankPdf(line: string): Uint8Array {
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> >> >>',
    stream(`BT /F1 12 Tf 72 760 Td (${line}) Tj ET`),
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << >> >>',
    stream('BT /F1 12 Tf 280 40 Td ET'),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** Standard security handler with a user password we do not know: pdfjs asks for a password. */
export function encryptedPdf(): Uint8Array {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  const id = hex32(7).slice(0, 32);
  return onePagePdf('BT /F1 12 Tf 72 700 Td (secret) Tj ET', '<< /Font << /F1 5 0 R >> >>', [
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32(1)}> /U <${hex32(2)}> /P -4 >>`,
  ], `/Encrypt 6 0 R /ID [<${id}> <${id}>] `);
}

/** Deterministic pseudo-random bytes (xorshift), always containing NULs. */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i % 97 === 50 ? 0 : x & 0xff;
  }
  return out;
}

/**
 * Chinese in a non-embedded CID font (STSong-Light, UniGB-UCS2-H), as many government PDF tools write
 * it: pdfjs can only read it with the bundled CMaps.
 */
export function cjkCidPdf(text: string): Uint8Array {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex');
  return onePagePdf(`BT /F1 12 Tf 72 700 Td <${hex}> Tj ET`, '<< /Font << /F1 5 0 R >> >>', [
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}
