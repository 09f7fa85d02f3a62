/** Every kind of bad input is refused with the right code and a Chinese message, never a crash. */
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES, readDocument, readPastedText } from '../../electron/import/readers/index';
import { cjkCidPdf, docx, encryptedPdf, expectRefusal, helveticaPdf, imageOnlyPdf, noise, onePagePdf, para, sample, zip } from './fixtures';

const utf16 = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));

/** An OLE2 compound file header followed by a directory sector naming the given streams. */
function ole2(...streams: string[]): Uint8Array {
  const out = new Uint8Array(1536);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((name, i) => out.set(utf16(name), 512 + i * 128));
  return out;
}

const half = (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length / 2));

describe('old and foreign formats', () => {
  it('refuses a legacy .doc (OLE2) and says to save as .docx', async () => {
    const error = await expectRefusal(readDocument(ole2('Root Entry', 'WordDocument', '1Table'), '工作要点.doc'), 'LEGACY_WORD');
    expect(error.message).toContain('另存为');
    expect(error.message).toContain('.docx');
  });

  it('refuses an OLE2 file without extension as an old Word file too', async () => {
    await expectRefusal(readDocument(ole2('Root Entry', 'WordDocument'), 'plan'), 'LEGACY_WORD');
  });

  it('refuses a .wps with the WPS wording', async () => {
    const error = await expectRefusal(readDocument(ole2('Root Entry', 'WordDocument'), '工作要点.wps'), 'WPS');
    expect(error.message).toContain('WPS');
    expect(error.message).toContain('另存为');
    expect(error.message).toContain('docx');
  });

  it('refuses a legacy .xls and says to save as .xlsx', async () => {
    const error = await expectRefusal(readDocument(ole2('Root Entry', 'Workbook'), '指标.xls'), 'LEGACY_WORD');
    expect(error.message).toContain('.xlsx');
    const found = await expectRefusal(readDocument(ole2('Root Entry', 'Workbook'), '指标'), 'LEGACY_WORD');
    expect(found.message).toContain('.xlsx');
  });

  it('refuses a WPS spreadsheet (.et) with the WPS wording and .xlsx', async () => {
    const error = await expectRefusal(readDocument(ole2('Root Entry', 'Workbook'), '指标.et'), 'WPS');
    expect(error.message).toContain('xlsx');
  });

  it('refuses a password-protected Office file (OLE2 with EncryptedPackage) as ENCRYPTED', async () => {
    const error = await expectRefusal(readDocument(ole2('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), '要点.docx'), 'ENCRYPTED');
    expect(error.message).toContain('密码');
  });

  it('refuses RTF, a Word "web page" .doc, images and archives', async () => {
    await expectRefusal(readDocument(new TextEncoder().encode('{\\rtf1\\ansi 工作要点}'), '要点.doc'), 'LEGACY_WORD');
    await expectRefusal(readDocument(new TextEncoder().encode('MIME-Version: 1.0\r\n<html>要点</html>'), '要点.doc'), 'LEGACY_WORD');
    await expectRefusal(readDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'scan.png'), 'UNSUPPORTED_FORMAT');
    await expectRefusal(readDocument(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'scan.jpg'), 'UNSUPPORTED_FORMAT');
    await expectRefusal(readDocument(new Uint8Array([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0]), 'plans.rar'), 'UNSUPPORTED_FORMAT');
  });

  it('refuses a zip that is neither .docx nor .xlsx, and a .pptx', async () => {
    const error = await expectRefusal(readDocument(zip({ 'a.txt': 'hello', 'b/c.xml': '<x/>' }), '资料.zip'), 'UNSUPPORTED_FORMAT');
    expect(error.message).toContain('解压');
    await expectRefusal(readDocument(zip({ 'ppt/presentation.xml': '<p/>' }), '汇报.pptx'), 'UNSUPPORTED_FORMAT');
    await expectRefusal(readDocument(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }), '要点.odt'), 'UNSUPPORTED_FORMAT');
  });

  it('calls a zip named .docx without a Word document inside corrupt', async () => {
    await expectRefusal(readDocument(zip({ 'a.txt': 'hello' }), '要点.docx'), 'CORRUPT');
  });
});

describe('damaged files', () => {
  it('refuses random bytes: unknown format, or a corrupt text file when named .txt', async () => {
    await expectRefusal(readDocument(noise(4096), 'data.bin'), 'UNSUPPORTED_FORMAT');
    await expectRefusal(readDocument(noise(4096, 7), '要点.txt'), 'CORRUPT');
  });

  it('refuses bytes that do not match a binary extension as CORRUPT', async () => {
    await expectRefusal(readDocument(new TextEncoder().encode('not really a document'), '要点.docx'), 'CORRUPT');
    await expectRefusal(readDocument(noise(2048), '要点.pdf'), 'CORRUPT');
  });

  it('refuses the real .docx, .xlsx and .pdf cut in half as CORRUPT', async () => {
    await expectRefusal(readDocument(half(sample('formats/yubei-2025-work-points.docx')), 'a.docx'), 'CORRUPT');
    await expectRefusal(readDocument(half(sample('formats/yuzhong-indicator-table.xlsx')), 'a.xlsx'), 'CORRUPT');
    await expectRefusal(readDocument(half(sample('formats/yubei-2025-work-points.pdf')), 'a.pdf'), 'CORRUPT');
  });

  it('refuses a complete .docx/.xlsx whose middle was overwritten as CORRUPT', async () => {
    for (const [file, name] of [['formats/yubei-2025-work-points.docx', 'a.docx'], ['formats/standards-demand-list.xlsx', 'a.xlsx']] as const) {
      const bytes = sample(file).slice();
      bytes.set(noise(2000, 3), Math.floor(bytes.length / 4));
      await expectRefusal(readDocument(bytes, name), 'CORRUPT');
    }
  });

  it('refuses packages whose XML is not XML as CORRUPT', async () => {
    await expectRefusal(readDocument(zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<<not xml' }), 'a.docx'), 'CORRUPT');
    await expectRefusal(readDocument(zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<<not xml' }), 'a.xlsx'), 'CORRUPT');
  });

  it('refuses a PDF whose body is garbage', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise(3000, 5), ...new TextEncoder().encode('\n%%EOF\n')]);
    await expectRefusal(readDocument(bytes, 'a.pdf'), 'CORRUPT');
  });
});

describe('PDFs without usable text', () => {
  it('calls an empty page a scan', async () => {
    const error = await expectRefusal(readDocument(onePagePdf(''), 'scan.pdf'), 'SCANNED_PDF');
    expect(error.message).toBe('该 PDF 没有文字层（可能是扫描件），请使用原始 Word 文件或文字版 PDF');
  });

  it('calls an image-only page a scan', async () => {
    await expectRefusal(readDocument(imageOnlyPdf(), 'scan.pdf'), 'SCANNED_PDF');
  });

  it('calls pages holding only a page number or a scanner watermark a scan', async () => {
    await expectRefusal(readDocument(helveticaPdf(['- 1 -']), 'scan.pdf'), 'SCANNED_PDF');
    await expectRefusal(readDocument(cjkCidPdf('由扫描全能王扫描创建'), 'scan.pdf'), 'SCANNED_PDF');
  });

  it('refuses a password-protected PDF as ENCRYPTED', async () => {
    await expectRefusal(readDocument(encryptedPdf(), 'secret.pdf'), 'ENCRYPTED');
  });
});

describe('empty and oversized input', () => {
  it('refuses an empty file, a whitespace-only text file, and an empty paste', async () => {
    await expectRefusal(readDocument(new Uint8Array(0), '要点.docx'), 'EMPTY');
    await expectRefusal(readDocument(new TextEncoder().encode(' \r\n\t\u3000\n'), '要点.txt'), 'EMPTY');
    await expectRefusal(readDocument(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]), '要点.txt'), 'EMPTY');
    await expectRefusal(() => readPastedText('   \n\n  '), 'EMPTY');
  });

  it('refuses a .docx without text and a workbook without cells as EMPTY', async () => {
    await expectRefusal(readDocument(docx('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>'), 'a.docx'), 'EMPTY');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    await expectRefusal(readDocument(new Uint8Array(await workbook.xlsx.writeBuffer()), 'a.xlsx'), 'EMPTY');
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const error = await expectRefusal(readDocument(new Uint8Array(MAX_FILE_BYTES + 1), '大文件.pdf'), 'TOO_LARGE');
    expect(error.message).toContain('50 MB');
  });

  it('refuses a ZIP that would inflate to an absurd size', async () => {
    const bytes = zip({ 'word/document.xml': '<w:document/>' });
    // claim 4 GB uncompressed in the central directory entry
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const central = bytes.length - 22 - (46 + 'word/document.xml'.length);
    view.setUint32(central + 24, 0xfffffff0, true);
    await expectRefusal(readDocument(bytes, 'a.docx'), 'TOO_LARGE');
  });

  it('passes an error thrown by the progress callback through untouched', async () => {
    const boom = new Error('stop');
    await expect(readDocument(new TextEncoder().encode('1.任务'), 'a.txt', () => {
      throw boom;
    })).rejects.toBe(boom);
  });

  it('prints nothing to the console while refusing PDFs', async () => {
    const spies = (['log', 'warn', 'error', 'info'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
    try {
      await readDocument(onePagePdf(''), 'scan.pdf').catch(() => undefined);
      await readDocument(encryptedPdf(), 'secret.pdf').catch(() => undefined);
      await readDocument(sample('formats/yubei-2025-work-points.pdf'), 'a.pdf');
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('docx built by hand', () => {
  it('keeps paragraph, line break and table structure; merged cells only in their top-left cell', async () => {
    const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${para(text)}</w:tc>`;
    const table =
      '<w:tbl>' +
      `<w:tr>${cell('序号')}${cell('指标', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${cell('1', '<w:vMerge w:val="restart"/>')}${cell('甲')}${cell('≥95')}</w:tr>` +
      `<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>${cell('乙')}${cell('≤10')}</w:tr>` +
      '</w:tbl>';
    const body = `${para('一、总体目标')}<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>${table}${para('　　1.任务')}`;
    const result = await readDocument(docx(body), '方案.docx');
    expect(result.text.split('\n')).toEqual(['一、总体目标', '第一行', '第二行', '序号', '指标', '1', '甲', '≥95', '乙', '≤10', '1.任务']);
    expect(result.tables).toEqual([{ sheet: '表格1', rows: [['序号', '指标', ''], ['1', '甲', '≥95'], ['', '乙', '≤10']] }]);
  });
});
