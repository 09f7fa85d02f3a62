import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAndParse } from '../../electron/import/parse-job';
import { readDocument, readPastedText } from '../../electron/import/readers';
import { READ_LIMITS } from '../../electron/import/readers/limits';
import { guardOoxml } from '../../electron/import/readers/ooxml-guard';
import { ReadError } from '../../electron/import/readers/read-error';
import { emptyWordTotals, WordPartCounter } from '../../electron/import/readers/word-scan';
import { loadWorkbook } from '../../electron/import/readers/workbook-load';
import { loadForm } from '../../electron/reports/template-workbook';
import { readSheet } from '../../electron/sync/sheet-read';
import { parsePlan, ParseLimitError } from '../../shared/parse';
import { docx, para, sample } from '../readers/fixtures';
import { lyingDocx, manyParagraphsDocx, manyRowsXlsx, rawZip, repeatedDocx, xlsxWith } from './ooxml-bombs';
import { manyPagesPdf } from './pdf-pages';

/*
 * Issue 14, findings 5 and 6: sizes are refused up front, in Chinese, saying the size, the limit
 * and what to do (拆分文件 / 只导入需要的部分), before a library spends minutes or gigabytes.
 */

async function refusal(promise: Promise<unknown>): Promise<ReadError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReadError);
  return error as ReadError;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

const text = (n: number) => new TextEncoder().encode('加'.repeat(n));

describe('text and pages', () => {
  it('refuses a PDF over 300 pages before reading a page, saying how many', async () => {
    const { value: error, ms } = await timed(() => refusal(readDocument(manyPagesPdf(301), '规划.pdf')));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('PDF 文件共 301 页，超过可导入的上限 300 页');
    expect(error.message).toContain('拆分');
    expect(error.message).toContain('只导入需要的部分');
    expect(ms).toBeLessThan(5000);
    const huge = await timed(() => refusal(readDocument(manyPagesPdf(10_000), '规划.pdf')));
    expect(huge.value.message).toContain('共 10000 页');
    expect(huge.ms).toBeLessThan(5000);
  }, 30_000);

  it('refuses extracted text over 2 million characters from a file, a paste and the parser', async () => {
    const error = await refusal(readDocument(text(READ_LIMITS.textChars + 1), '规划.txt'));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toMatch(/文字过多（约 200 万字，上限 200 万字）/);
    expect(error.message).toContain('拆分');
    expect(() => readPastedText('加'.repeat(READ_LIMITS.textChars + 1))).toThrow(/粘贴的文字太多.*上限 200 万字/);
    expect(() => parsePlan({ text: '加'.repeat(READ_LIMITS.textChars + 1) })).toThrow(ParseLimitError);
    // At the limit it is read.
    expect((await readDocument(text(READ_LIMITS.textChars), '规划.txt')).text.length).toBe(READ_LIMITS.textChars);
  }, 30_000);
});

describe('Word files', () => {
  it('counts what really inflates, not what the archive declares, and stops at the budget', async () => {
    const { value: error, ms } = await timed(() => refusal(readDocument(lyingDocx(0.5), '工作要点.docx')));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('解压后超过 128 MB');
    expect(ms).toBeLessThan(5000);
  }, 30_000);

  it('refuses one run of text megabytes long before mammoth parses it', async () => {
    const error = await refusal(readDocument(docx(para('加'.repeat(3_000_000))), '要点.docx'));
    expect(error.message).toContain('Word 文件中有一段文字过长');
  }, 30_000);

  it('counts what mammoth builds objects for, the same however the XML is cut into chunks', async () => {
    const { unzipSync } = await import('fflate');
    const xml = Buffer.from(unzipSync(sample('formats/yubei-2025-work-points.docx'))['word/document.xml']!);
    const count = (chunk: number) => {
      const totals = emptyWordTotals();
      const counter = new WordPartCounter(totals);
      for (let at = 0; at < xml.length; at += chunk) counter.push(xml.subarray(at, at + chunk));
      return totals;
    };
    // Patterns as the oracle; the XML declaration's pseudo-attributes are not attributes.
    const text = xml.toString('latin1').replace(/<\?[^>]*>/g, '');
    const matches = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
    expect(count(xml.length)).toEqual({
      elements: matches(/<[A-Za-z_]/g),
      attributes: matches(/=\s*["']/g),
      paragraphs: matches(/<w:p[\s>/]/g),
      runs: matches(/<w:r[\s>/]/g),
      cells: matches(/<w:tc[\s>/]/g),
    });
    expect(count(xml.length).paragraphs).toBe(547);
    expect(count(7)).toEqual(count(xml.length));
    expect(count(1)).toEqual(count(xml.length));
  });

  it('refuses more paragraphs, runs, cells, elements, attributes or nesting than mammoth can afford, not at the limit', () => {
    const counted = (...parts: string[]) => {
      const counter = new WordPartCounter(emptyWordTotals());
      for (const part of parts) counter.push(Buffer.from(part));
    };
    const cases: { unit: string; limit: number; says: RegExp }[] = [
      { unit: '<w:p/>', limit: READ_LIMITS.docxParagraphs, says: /段落超过 5 万个/ },
      { unit: '<w:r/>', limit: READ_LIMITS.docxRuns, says: /文字片段.*超过 10 万个/ },
      { unit: '<w:tc/>', limit: READ_LIMITS.docxCells, says: /表格单元格超过 2 万个/ },
      { unit: '<w:pPr/>', limit: READ_LIMITS.docxElements, says: /格式标记超过 20 万个/ },
      { unit: '<w:rPr/><w:t>一</w:t>', limit: READ_LIMITS.docxElements / 2, says: /格式标记超过 20 万个/ },
      { unit: '<w:pPr a="1" b="2" c=\'3\' d = "4"/>', limit: READ_LIMITS.docxAttributes / 4, says: /格式属性超过 40 万个/ },
    ];
    for (const { unit, limit, says } of cases) {
      expect(() => counted(unit.repeat(limit))).not.toThrow();
      expect(() => counted(unit.repeat(limit), '<w:p a="1"/><w:r/><w:tc/><w:x/>')).toThrow(says);
    }
    expect(() => counted('<w:tbl>'.repeat(READ_LIMITS.docxDepth), '<w:x/>'.repeat(10), '</w:tbl>'.repeat(READ_LIMITS.docxDepth))).not.toThrow();
    expect(() => counted('<w:tbl>'.repeat(READ_LIMITS.docxDepth), '<w:tbl>')).toThrow(/嵌套超过 256 层/);
    // Closed and self-closing elements do not nest.
    expect(() => counted('<w:p><w:r/></w:p>'.repeat(10_000))).not.toThrow();
  });

  it('refuses a small file of too many paragraphs in milliseconds, naming what to do', async () => {
    const atLimit = manyParagraphsDocx(READ_LIMITS.docxParagraphs);
    await expect(guardOoxml(atLimit, { kind: 'docx', textOnly: true })).resolves.toBeInstanceOf(Uint8Array);
    const { value: error, ms } = await timed(() => refusal(readDocument(manyParagraphsDocx(1_500_000), '工作要点.docx')));
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toBe(
      'Word 文件中的段落超过 5 万个（计划文件通常只有几百到几千段），超过可导入的上限。请将文件拆分后分别导入，或用 WPS/Word 打开后“另存为”纯文本（.txt）再导入',
    );
    expect(ms).toBeLessThan(2000);
  }, 30_000);

  it('reads a paragraph of 150,000 line breaks (more than a call can take as arguments)', async () => {
    const breaks = repeatedDocx('<w:br/>', 150_000, '<w:p><w:r><w:t>一、总体要求</w:t>', '<w:t>1.加强疫情防控</w:t></w:r></w:p>');
    expect((await readDocument(breaks, '要点.docx')).text).toBe('一、总体要求\n1.加强疫情防控');
  }, 30_000);

  it('refuses an entry compressed in a way Office never uses', async () => {
    const document = docx(para('1.加强疫情防控'));
    const strange = rawZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>'), stored: true, declaredSize: 13 }]);
    // Method 12 (bzip2) in both headers.
    const view = new DataView(strange.buffer, strange.byteOffset, strange.byteLength);
    view.setUint16(8, 12, true);
    view.setUint16(strange.length - 22 - (46 + 'word/document.xml'.length) + 10, 12, true);
    await expect(guardOoxml(strange, { kind: 'docx', textOnly: true })).rejects.toMatchObject({ code: 'CORRUPT' });
    expect((await readDocument(document, '要点.docx')).text).toBe('1.加强疫情防控');
  });

  it('leaves pictures out of what mammoth sees, reading the text as before', async () => {
    const picture = new Uint8Array(4096).fill(7);
    const { zip } = await import('../readers/fixtures');
    const withPicture = zip({
      '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para('1.加强疫情防控')}</w:body></w:document>`,
      'word/media/image1.png': picture,
    });
    const rebuilt = await guardOoxml(withPicture, { kind: 'docx', textOnly: true });
    expect(rebuilt.length).toBeLessThan(withPicture.length - 4000);
    expect((await readDocument(withPicture, '要点.docx')).text).toBe('1.加强疫情防控');
  });
});

describe('Excel files', () => {
  it('refuses a sheet over 50,000 rows while inflating it', async () => {
    const error = await refusal(readDocument(manyRowsXlsx(READ_LIMITS.sheetRows + 1), '台账.xlsx'));
    expect(error.message).toContain('有工作表超过 5 万行');
    expect(error.message).toContain('拆分');
  }, 30_000);

  it('refuses ranges exceljs would build cell by cell: a merge of the whole sheet, too many merges', async () => {
    const whole = await timed(() => refusal(readDocument(xlsxWith({ rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>', afterRows: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }), '台账.xlsx')));
    expect(whole.value.message).toContain('单元格超过 100 万个');
    expect(whole.ms).toBeLessThan(3000);
    const merges = Array.from({ length: READ_LIMITS.mergedRanges + 1 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join('');
    const many = await refusal(readDocument(xlsxWith({ rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>', afterRows: `<mergeCells>${merges}</mergeCells>` }), '台账.xlsx'));
    expect(many.message).toContain('合并单元格超过 10000 处');
  }, 30_000);

  it('reads a ledger whose whole columns carry data validations and names, without expanding them', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>任务名称</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>加强疫情防控</t></is></c></row>';
    const validations = '<dataValidations count="1"><dataValidation type="list" sqref="C1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>';
    const bytes = xlsxWith({ rows, afterRows: validations, definedNames: '<definedName name="全表">台账!$A$1:$XFD$1048576</definedName>' });
    const { value: read, ms } = await timed(() => readDocument(bytes, '台账.xlsx'));
    expect(read.tables[0]!.rows).toEqual([
      ['序号', '任务名称'],
      ['1', '加强疫情防控'],
    ]);
    expect(ms).toBeLessThan(3000);
    // A form kept whole (templates, returned sheets) is refused instead.
    await expect(loadWorkbook(bytes, { textOnly: false })).rejects.toMatchObject({ code: 'TOO_LARGE', message: expect.stringContaining('数据有效性或名称引用的范围过大') });
  }, 30_000);

  it('refuses a cell over Excel’s 32,767 characters, and one far beyond it while inflating', async () => {
    const long = await refusal(readDocument(xlsxWith({ rows: `<row r="1"><c r="B1" t="inlineStr"><is><t>${'标'.repeat(40_000)}</t></is></c></row>` }), '台账.xlsx'));
    expect(long.message).toContain('单元格 B1 内容过长');
    const huge = await refusal(readDocument(xlsxWith({ rows: `<row r="1"><c r="B1" t="inlineStr"><is><t>${'标'.repeat(200_000)}</t></is></c></row>` }), '台账.xlsx'));
    expect(huge.message).toContain('单元格的内容过长');
  }, 30_000);

  it('refuses a stray cell a million rows down instead of building a table of a million rows', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row><row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>';
    const error = await refusal(readDocument(xlsxWith({ rows }), '台账.xlsx'));
    expect(error.message).toContain('内容范围过大（用到第 1000000 行');
  }, 30_000);

  it('keeps pictures and data validations of a form loaded whole', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表样');
    sheet.getCell('A1').value = '单位';
    sheet.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    sheet.addImage(book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'C3:D4');
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const whole = await loadWorkbook(bytes, { textOnly: false });
    expect(whole.getWorksheet('表样')!.getCell('B2').dataValidation?.type).toBe('list');
    expect((whole.model.media as unknown as { buffer: Buffer }[])[0]!.buffer.length).toBe(png.length);
    const textOnly = await loadWorkbook(bytes, { textOnly: true });
    expect(textOnly.getWorksheet('表样')!.getCell('B2').dataValidation).toBeUndefined();
    expect(textOnly.getWorksheet('表样')!.getCell('A1').value).toBe('单位');
  });
});

describe('returned fill-in sheets and superiors’ forms', () => {
  it('go through the same guard: a merge of the whole sheet is refused in Chinese at once', async () => {
    const bomb = xlsxWith({ rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>', afterRows: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' });
    const started = performance.now();
    await expect(readSheet(bomb)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('单元格超过 100 万个') });
    await expect(loadForm(bomb, '表样.xlsx')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^“表样.xlsx”无法作为表样：.*单元格超过 100 万个/) });
    expect(performance.now() - started).toBeLessThan(3000);
  }, 30_000);
});

describe('fields refused at parse, not at save', () => {
  const fileArgs = (fileName: string, bytes: Uint8Array) => ({ fileName, contentBase64: Buffer.from(bytes).toString('base64') });
  const refusedParse = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (caught: unknown) => (caught as { error: { code: string; message: string } }).error,
    );

  it('refuses a title over 200 characters, naming the file', async () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'关于印发工作要点的通知'.repeat(30)}</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>序号</t></is></c><c r="B2" t="inlineStr"><is><t>任务名称</t></is></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3" t="inlineStr"><is><t>加强疫情防控</t></is></c></row>`;
    const error = await refusedParse(readAndParse(fileArgs('台账.xlsx', xlsxWith({ rows })), () => {}));
    expect(error?.code).toBe('INVALID_ARGUMENT');
    expect(error?.message).toContain('文件“台账.xlsx”无法导入：识别出的标题过长（330 字，上限 200 字）');
  });

  it('refuses a task whose text is longer than any task may be', async () => {
    const body = `1.加强疫情防控。${'推进工作，'.repeat(12_000)}（疾控科牵头）`;
    const error = await refusedParse(readAndParse({ pastedText: body }, () => {}));
    expect(error?.message).toContain('第1项任务“加强疫情防控”的内容过长（60016 字，上限 50000 字）');
  });

  it('refuses more tasks than a plan may hold', async () => {
    const cells = Array.from({ length: 20_001 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i + 1}</v></c><c r="B${i + 2}" t="inlineStr"><is><t>任务${i + 1}</t></is></c></row>`).join('');
    const bytes = xlsxWith({ rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>任务名称</t></is></c></row>${cells}` });
    const error = await refusedParse(readAndParse(fileArgs('台账.xlsx', bytes), () => {}));
    expect(error?.message).toContain('文件中识别出的任务过多（20001 个，上限 20000 个）');
  }, 60_000);
});

it('the bomb helpers build what they claim', () => {
  // The lying .docx: small on disk, its document inflating to the size asked for.
  const bomb = lyingDocx(0.01);
  expect(bomb.length).toBeLessThan(200_000);
  const { inflated } = inflateEntry(bomb, 'word/document.xml');
  expect(inflated).toBeGreaterThan(0.01 * 1024 ** 3);
});

function inflateEntry(zip: Uint8Array, name: string): { inflated: number } {
  const at = Buffer.from(zip).indexOf(Buffer.from(name));
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const header = at - 30;
  const compressed = view.getUint32(header + 18, true);
  const start = at + name.length + view.getUint16(header + 28, true);
  return { inflated: zlib.inflateRawSync(zip.subarray(start, start + compressed)).length };
}
