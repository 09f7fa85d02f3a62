/** Format details on small hand-made inputs: text encodings, PDF line building, Excel cell text. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, formatDate, formatNumber } from '../../electron/import/readers/cell-text';
import { readDocument, readPastedText } from '../../electron/import/readers/index';
import { linesFromRuns, type TextRun } from '../../electron/import/readers/pdf-lines';
import { GridTooLarge, placeCells } from '../../electron/import/readers/table-grid';
import { listZipEntries } from '../../electron/import/readers/zip-entries';
import { cjkCidPdf, docx, helveticaPdf, para, textThenBlankPdf, zip } from './fixtures';

const encode = (text: string) => new TextEncoder().encode(text);

describe('text files', () => {
  const text = '一、总体目标\r\n1.居民健康素养水平达38%。\r\n';

  it('reads UTF-8, UTF-8 with BOM, GB18030 and UTF-16 with BOM', async () => {
    const gb = new Uint8Array(Buffer.from('d2bba1a2d7dcccE5c4bfb1ea', 'hex')); // "一、总体目标" in GBK
    const cases: [Uint8Array, string][] = [
      [encode(text), 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]), 'utf-8-bom'],
      [gb, 'gb18030'],
      [new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), 'utf-16le'],
      [new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
    ];
    for (const [bytes, encoding] of cases) {
      const result = await readDocument(bytes, '要点.txt');
      expect(result).toMatchObject({ format: 'txt', encoding, tables: [] });
      expect(result.text.startsWith('一、总体目标')).toBe(true);
    }
    expect((await readDocument(encode(text), '要点.txt')).text).toBe('一、总体目标\n1.居民健康素养水平达38%。');
  });

  it('reads text whatever the extension says, unless it claims a binary format', async () => {
    expect((await readDocument(encode(text), '要点')).format).toBe('txt');
    expect((await readDocument(encode(text), '要点.md')).format).toBe('txt');
  });

  it('normalises pasted text: line ends, control characters, trailing spaces', () => {
    const result = readPastedText('\uFEFF\n  1.任务一  \r\n2.任务二\u0007\r3.任务三\u000b4.任务四\n\n');
    expect(result).toEqual({ format: 'paste', text: '  1.任务一\n2.任务二\n3.任务三\n4.任务四', tables: [] });
  });
});

describe('format detection', () => {
  it('goes by content, not by extension', async () => {
    expect((await readDocument(helveticaPdf(['Work plan 2025', 'Target: 38% by 2025']), 'plan.txt')).format).toBe('pdf');
    expect((await readDocument(docx(para('一、总体目标')), 'plan.pdf')).format).toBe('docx');
    expect((await readDocument(docx(para('一、总体目标')), 'plan.xlsx')).text).toBe('一、总体目标');
  });

  it('reads Node Buffers that are slices of a shared pool', async () => {
    const bytes = Buffer.from(Buffer.from(docx(para('一、总体目标'))).toString('base64'), 'base64');
    expect(bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length).toBe(false);
    expect((await readDocument(bytes, 'plan.docx')).text).toBe('一、总体目标');
    const text = Buffer.from(Buffer.from('1.任务').toString('base64'), 'base64');
    expect((await readDocument(text, 'plan.txt')).text).toBe('1.任务');
  });
});

describe('PDF lines', () => {
  const run = (str: string, x: number, y: number, width = str.length * 10, size = 10): TextRun => ({ str, transform: [size, 0, 0, size, x, y], width });

  it('joins runs on one baseline left to right, lines top to bottom, no spaces between CJK', () => {
    const runs = [run('第二行', 50, 680), run('控科、', 80, 700), run('（牵头科室：疾', 10, 700.4), run('信息统计科', 110, 699.8)];
    expect(linesFromRuns(runs)).toEqual(['（牵头科室：疾控科、信息统计科', '第二行']);
  });

  it('puts a space between Latin/digit runs only when the gap is wide, keeps the PDF own spaces', () => {
    expect(linesFromRuns([run('Hello', 0, 0, 30), run('World', 32, 0, 30)])).toEqual(['Hello World']);
    expect(linesFromRuns([run('46/10', 0, 0, 30), run('0', 30.5, 0, 6)])).toEqual(['46/100']);
    expect(linesFromRuns([run('2025', 0, 0, 24), run(' ', 24, 0, 6), run('年', 30, 0)])).toEqual(['2025 年']);
    expect(linesFromRuns([run('达', 0, 0), run('38%', 12, 0, 18)])).toEqual(['达38%']);
  });

  it('turns a column-wide gap into a tab', () => {
    expect(linesFromRuns([run('孕产妇死亡率', 0, 0), run('1/10万', 200, 0, 30), run('≤10', 300, 0, 20)])).toEqual(['孕产妇死亡率\t1/10万\t≤10']);
  });

  it('keeps a superscript on its line and drops "fake bold" doubles', () => {
    expect(linesFromRuns([run('面积', 0, 100), run('m', 20, 100, 8), run('2', 28, 103, 4, 6)])).toEqual(['面积m2']);
    expect(linesFromRuns([run('一、总体目标', 0, 0), run('一、总体目标', 0.4, 0.2)])).toEqual(['一、总体目标']);
  });

  it('reads a page rotated by 90°', () => {
    const up = (str: string, x: number, y: number): TextRun => ({ str, transform: [0, 10, -10, 0, x, y], width: str.length * 10 });
    expect(linesFromRuns([up('第二行', 120, 0), up('第一', 100, 0), up('行', 100, 20)])).toEqual(['第一行', '第二行']);
  });

  it('ignores empty runs and broken transforms', () => {
    expect(linesFromRuns([run('', 0, 0), { str: 'x', transform: [Number.NaN, 0, 0, 1, 0, 0], width: 1 }])).toEqual([]);
  });

  it('reads a hand-made Helvetica PDF (standard font, no network)', async () => {
    const result = await readDocument(helveticaPdf(['Work plan 2025', 'Target: 38% by 2025']), 'plan.pdf');
    expect(result.text).toBe('Work plan 2025\nTarget: 38% by 2025');
    expect(result.pages).toBe(1);
  });

  it('reads Chinese in a non-embedded CID font through the bundled CMaps', async () => {
    const result = await readDocument(cjkCidPdf('一、总体目标：到2027年，居民健康素养水平达38%'), 'plan.pdf');
    expect(result.text).toBe('一、总体目标：到2027年，居民健康素养水平达38%');
  });

  it('lists pages without text when others have text', async () => {
    const result = await readDocument(textThenBlankPdf('1. Work plan 2025: health literacy 38%'), 'plan.pdf');
    expect(result).toMatchObject({ pages: 2, textlessPages: [2], text: '1. Work plan 2025: health literacy 38%\n\f\n' });
    const full = await readDocument(helveticaPdf(['Work plan 2025', 'Target: 38% by 2025']), 'plan.pdf');
    expect(full.textlessPages).toBeUndefined();
  });
});

describe('Excel cells', () => {
  it('shows numbers as Excel does: 15 digits, percent formats', () => {
    expect(formatNumber(27.500000000000004)).toBe('27.5');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(0.38, '0%')).toBe('38%');
    expect(formatNumber(0.0341, '0.00%')).toBe('3.41%');
    expect(formatNumber(5, '"%"0')).toBe('5');
    expect(formatNumber(-0)).toBe('0');
  });

  it('gives formula results, plain text of rich text and hyperlinks, dates as YYYY-MM-DD', () => {
    expect(cellText({ formula: 'A1*2', result: 55.00000000000001 })).toBe('55');
    expect(cellText({ sharedFormula: 'B2', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(cellText({ formula: 'X' })).toBe('');
    expect(cellText({ richText: [{ text: '≤' }, { text: '10 ' }] })).toBe('≤10');
    expect(cellText({ text: '链接', hyperlink: 'https://example.org' })).toBe('链接');
    expect(cellText(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12-31');
    expect(formatDate(new Date(Date.UTC(2025, 2, 8, 9, 30)))).toBe('2025-03-08 09:30');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  it('reads a workbook: merges, formulas, dates, percentages; hidden sheets skipped; sheets split by \\f', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务');
    sheet.getCell('A1').value = '2025年任务表';
    sheet.mergeCells('A1:C1');
    sheet.addRow([]);
    sheet.getRow(2).values = ['任务', '完成时限', '目标'];
    sheet.getRow(3).values = ['建成社区医院', new Date(Date.UTC(2025, 11, 31)), 0.45];
    sheet.getCell('C3').numFmt = '0%';
    sheet.getRow(4).values = ['新增托位', { formula: '500*2', result: 1000 }, { richText: [{ text: '≥' }, { text: '95' }] }];
    sheet.getCell('A5').value = '多段\n说明';
    sheet.mergeCells('A6:A7');
    sheet.getCell('A6').value = '合并';
    sheet.getCell('B7').value = 'x';
    workbook.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'secret';
    workbook.addWorksheet('空表');
    workbook.addWorksheet('备注').getCell('B2').value = '备注';

    const result = await readDocument(new Uint8Array(await workbook.xlsx.writeBuffer()), '任务.xlsx');
    expect(result.tables.map((t) => t.sheet)).toEqual(['任务', '备注']);
    expect(result.tables[0]?.rows).toEqual([
      ['2025年任务表', '', ''],
      ['任务', '完成时限', '目标'],
      ['建成社区医院', '2025-12-31', '45%'],
      ['新增托位', '1000', '≥95'],
      ['多段\n说明', '', ''],
      ['合并', '', ''],
      ['', 'x', ''],
    ]);
    expect(result.tables[1]?.rows).toEqual([['', ''], ['', '备注']]);
    expect(result.text).toBe('2025年任务表\n任务\t完成时限\t目标\n建成社区医院\t2025-12-31\t45%\n新增托位\t1000\t≥95\n多段 说明\n合并\n\tx\n\f\n\n\t备注');
  });
});

describe('helpers', () => {
  it('places spanning cells on a grid', () => {
    const cell = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });
    expect(placeCells([[cell('a', 2), cell('b', 1, 2)], [cell('c'), cell('d')], [cell('e', 1, 99)]])).toEqual([
      ['a', '', 'b'],
      ['c', 'd', ''],
      ['e', '', ''],
    ]);
    expect(placeCells([])).toEqual([]);
  });

  it('refuses a grid over its budget of positions before building it', () => {
    const cell = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });
    // One cell spanning 1,000 columns pads every row of the table to 1,000 positions.
    const rows = [[cell('标题', 1000)], ...Array.from({ length: 2999 }, () => [cell('一')])];
    expect(placeCells(rows, 3_000_000)).toHaveLength(3000);
    expect(() => placeCells(rows, 2_999_999)).toThrow(GridTooLarge);
    expect(() => placeCells([[cell('a', 1, 3)], [], []], 2)).toThrow(GridTooLarge);
  });

  it('lists ZIP entries and rejects cut-off archives', () => {
    const bytes = zip({ 'word/document.xml': '<x/>', '中文.txt': 'y' });
    expect(listZipEntries(bytes)?.map((e) => e.name)).toEqual(['word/document.xml', '中文.txt']);
    expect(listZipEntries(bytes.subarray(0, bytes.length - 10))).toBeNull();
    expect(listZipEntries(new Uint8Array(10))).toBeNull();
  });
});
