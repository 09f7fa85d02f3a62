import ExcelJS, { type Cell, type Worksheet } from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../shared/api/reports';
import type { LightColor } from '../../shared/domain/progress-status';
import { indicatorColumns, ledgerColumns, reminderColumns } from '../../shared/reports/columns';
import { lightFill } from '../../renderer/src/charts/colors';
import { ledgerWorkbook } from '../../electron/reports/xlsx-ledger';
import { uniqueSheetName, wrappedLines } from '../../electron/reports/xlsx-style';
import { reportTitle } from '../../electron/reports/xlsx-titles';
import { parseCsv } from './csv-parse';
import { LONG_PROGRESS, PERIOD, QUOTED_PROGRESS, reportFixture, type ReportFixture } from './xlsx-fixture';

/*
 * The Excel reports read back with exceljs: what a clerk sees (titles, headers, section rows,
 * coloured lights and 是否达标) and what a printer gets (A4 landscape, one page wide, header row
 * on every page, page numbers). The CSV is checked for Excel's BOM and exact round trips.
 */

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const LEDGER_HEADERS = ['序号', '工作任务', '牵头科室', '责任单位', '完成时限', '进展情况', '存在问题', '下步打算', '状态', '灯', '是否按序时推进'];
const LIGHT_WORDS: Record<LightColor, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', grey: '灰灯' };

let f: ReportFixture;
let model: ReportModel;

type BuildArgs = { kind: 'ledger' | 'indicators' | 'reminders'; format: 'xlsx' | 'csv'; sheetPerDepartment?: boolean };

async function build(args: BuildArgs): Promise<{ bytes: Buffer; fileName: string }> {
  const file = await f.call('report.build', { ...args, scope: { period: PERIOD }, save: false } as never);
  return { bytes: Buffer.from(file.contentBase64, 'base64'), fileName: file.fileName };
}

async function workbookOf(args: BuildArgs): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await build(args)).bytes as unknown as ArrayBuffer);
  return workbook;
}

const text = (cell: Cell) => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

/** Rows whose first cell holds a task number, as number → row. */
function taskRows(sheet: Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row) => {
    const value = row.getCell(1).value;
    if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) {
      if (row.number > 3) rows.set(String(value), row);
    }
  });
  return rows;
}

/** The fonts of styles.xml as written (exceljs itself reads sizes back as integers). */
function fontsOf(xlsx: Buffer): { name: string; size: number }[] {
  const styles = strFromU8(unzipSync(new Uint8Array(xlsx))['xl/styles.xml']!);
  return [...styles.matchAll(/<font>(.*?)<\/font>/g)].map(([, body]) => ({
    name: /<name val="([^"]*)"/.exec(body!)?.[1] ?? '',
    size: Number(/<sz val="([^"]*)"/.exec(body!)?.[1]),
  }));
}

const merges = (sheet: Worksheet): string[] => (sheet.model as unknown as { merges: string[] }).merges;

/** WCAG contrast between two ARGB colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [2, 4, 6].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function expectPrintSetup(sheet: Worksheet, headerRow: number): void {
  expect(sheet.pageSetup.paperSize).toBe(9);
  expect(sheet.pageSetup.orientation).toBe('landscape');
  expect(sheet.pageSetup.fitToPage).toBe(true);
  expect(sheet.pageSetup.fitToWidth).toBe(1);
  // 0: as many pages down as the rows need.
  expect(sheet.pageSetup.fitToHeight).toBe(0);
  expect(sheet.pageSetup.margins?.left).toBeGreaterThanOrEqual(0.3);
  expect(sheet.pageSetup.margins?.left).toBeLessThanOrEqual(0.8);
  expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
  expect(sheet.headerFooter.oddFooter).toContain('第 &P 页，共 &N 页');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
}

beforeAll(async () => {
  f = await reportFixture();
  model = await f.call('report.model', { kind: 'ledger', scope: { period: PERIOD } as never });
});
afterAll(() => f.t.close());

describe('台账 workbook', () => {
  let sheet: Worksheet;
  let workbook: ExcelJS.Workbook;
  let ledgerBytes: Buffer;
  beforeAll(async () => {
    ledgerBytes = (await build({ kind: 'ledger', format: 'xlsx' })).bytes;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(ledgerBytes as unknown as ArrayBuffer);
    sheet = workbook.worksheets[0]!;
  });

  it('is one sheet unless a sheet per department is asked for', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['重点工作台账']);
  });

  it('opens with the title (office, plan, quarter) merged across the table, then scope and dates', () => {
    expect(text(sheet.getCell('A1'))).toBe('渝北区卫生健康委《2025年工作要点》重点工作台账（2025年第一季度）');
    expect(merges(sheet)).toContain('A1:K1');
    expect(sheet.getCell('A1').font).toMatchObject({ name: '黑体', size: 16, bold: true });
    const info = sheet.getRow(2).values as unknown[];
    const line = info.filter(Boolean).join(' ');
    expect(line).toContain('范围：全区');
    expect(line).toContain('统计截至：2025年3月31日');
    expect(line).toContain('生成日期：2025年4月20日');
  });

  it('has the issue’s columns in order, in 黑体, with the widths of the shared column definitions', () => {
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(LEDGER_HEADERS);
    expect(ledgerColumns.map((c) => c.header)).toEqual(LEDGER_HEADERS);
    expect(sheet.getCell('B3').font).toMatchObject({ name: '黑体', size: 11 });
    // The shared widths, except 完成时限 which must hold 2025年12月底 on one line.
    const widths = ledgerColumns.map((c) => (c.key === 'deadline' ? 13 : c.width));
    // exceljs writes no <col> for 9-wide columns; the sheet's default width covers them.
    expect(sheet.properties.defaultColWidth).toBe(9);
    expect(sheet.columns.map((c) => c.width ?? sheet.properties.defaultColWidth)).toEqual(widths);
  });

  it('heads each section with a merged row (一、推进健康渝北建设) before its tasks', () => {
    const expected = [
      ['一、推进健康渝北建设', ['1', '2', '3']],
      ['二、提升医疗服务水平', ['4', '5', '6', '7']],
      ['三、夯实基层卫生服务网底', ['8']],
    ] as const;
    const sections: { title: string; row: number; tasks: string[] }[] = [];
    sheet.eachRow((row) => {
      if (row.number <= 3) return;
      const first = text(row.getCell(1));
      if (/^[一二三]、/.test(first)) sections.push({ title: first, row: row.number, tasks: [] });
      else if (/^\d+$/.test(first)) sections.at(-1)?.tasks.push(first);
    });
    expect(sections.map((s) => [s.title, s.tasks])).toEqual(expected);
    for (const section of sections) {
      expect(merges(sheet)).toContain(`A${section.row}:K${section.row}`);
      expect(sheet.getCell(`A${section.row}`).font?.name).toBe('黑体');
    }
  });

  it('writes each task’s words as the shared columns give them, the narratives of several leads under each name', () => {
    const rows = taskRows(sheet);
    expect([...rows.keys()]).toEqual(model.tasks.map((t) => t.number));
    for (const task of model.tasks) {
      const row = rows.get(task.number)!;
      ledgerColumns.forEach((column, i) => {
        const value = column.value(task);
        expect(text(row.getCell(i + 1)), `${task.number} ${column.header}`).toBe(value === null ? '' : String(value));
      });
    }
    const epidemic = rows.get('1')!;
    expect(text(epidemic.getCell(3))).toBe('疾控科、信息统计科');
    expect(text(epidemic.getCell(6))).toContain(`【疾控科】${LONG_PROGRESS}`);
    expect(text(epidemic.getCell(6))).toContain('【信息统计科】完成监测预警前置软件部署方案。');
    expect(text(rows.get('3')!.getCell(6))).toBe(QUOTED_PROGRESS);
    // 序号 is a number, so Excel flags no "number stored as text".
    expect(typeof epidemic.getCell(1).value).toBe('number');
  });

  it('colours 灯 with the dashboard’s light colours and keeps the word readable on it', () => {
    const rows = taskRows(sheet);
    const seen = new Set<LightColor>();
    for (const task of model.tasks) {
      const cell = rows.get(task.number)!.getCell(10);
      const color = task.light.color;
      seen.add(color);
      expect(text(cell)).toBe(LIGHT_WORDS[color]);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(lightFill[color]) } });
      expect(contrast(cell.font!.color!.argb!, argb(lightFill[color])), color).toBeGreaterThanOrEqual(3);
    }
    expect([...seen].sort()).toEqual(['green', 'grey', 'red', 'yellow']);
  });

  it('wraps text at the top of thin-bordered 宋体 cells and makes long narratives tall enough', () => {
    const rows = taskRows(sheet);
    const cell = rows.get('1')!.getCell(6);
    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(cell.font?.name).toBe('宋体');
    // exceljs reads font sizes as integers; the file itself says 10.5.
    expect(fontsOf(ledgerBytes).filter((font) => font.name === '宋体').map((font) => font.size)).toContain(10.5);
    expect(fontsOf(ledgerBytes).filter((font) => font.name === '宋体' && font.size !== 10.5)).toEqual([]);
    for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(cell.border?.[side]?.style).toBe('thin');
    // At most 20 characters of 10.5 pt fit a 40-wide column; each line needs at least 1.2 × 10.5 pt.
    const progress = text(cell);
    const lines = progress.split('\n').reduce((n, p) => n + Math.ceil(p.length / 20), 0);
    expect(rows.get('1')!.height).toBeGreaterThanOrEqual(lines * 10.5 * 1.2);
    expect(rows.get('1')!.height).toBeGreaterThan(rows.get('2')!.height);
  });

  it('freezes the header, prints A4 landscape one page wide with the header row on every page and page numbers', () => {
    expectPrintSetup(sheet, 3);
  });

  it('ends with the totals, equal to the model’s counts', () => {
    const last = text(sheet.getRow(sheet.rowCount).getCell(1));
    const c = model.counts;
    expect(last).toContain(`共${c.total}项`);
    expect(last).toContain(`已完成${c.done}项`);
    expect(last).toContain(`按序时推进${c.onPace}项`);
    expect(last).toContain(`滞后${c.behind}项`);
    expect(last).toContain(`未填报${c.notReported}项`);
    expect(last).toContain(`红灯${c.red}项，黄灯${c.yellow}项`);
    expect(merges(sheet)).toContain(`A${sheet.rowCount}:K${sheet.rowCount}`);
  });
});

describe('台账 with a sheet per department', () => {
  it('adds one sheet per lead department, after the full sheet, each with exactly its tasks and the same layout', async () => {
    const workbook = await workbookOf({ kind: 'ledger', format: 'xlsx', sheetPerDepartment: true });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['重点工作台账', '疾控科', '信息统计科', '医政科', '妇幼科', '基层卫生健康科']);
    const expected: Record<string, string[]> = { 疾控科: ['1', '2', '3'], 信息统计科: ['1'], 医政科: ['4', '5', '6', '8'], 妇幼科: ['7'], 基层卫生健康科: ['8'] };
    expect([...taskRows(workbook.worksheets[0]!).keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const [name, numbers] of Object.entries(expected)) {
      const sheet = workbook.getWorksheet(name)!;
      expect([...taskRows(sheet).keys()], name).toEqual(numbers);
      expect(text(sheet.getCell('A1'))).toContain(`渝北区卫生健康委${name}`);
      expect(text(sheet.getRow(sheet.rowCount).getCell(1))).toContain(`共${numbers.length}项`);
      expectPrintSetup(sheet, 3);
    }
  });

  it('names sheets as Excel allows: no []:*?/\\ or apostrophes, at most 31 characters, each name once', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('重点工作台账', taken)).toBe('重点工作台账');
    expect(uniqueSheetName('重点工作台账', taken)).toBe('重点工作台账(2)');
    expect(uniqueSheetName('规划/财务科[综合]:*?\\\'', taken)).toBe('规划_财务科_综合______');
    const long = uniqueSheetName('区卫生健康委员会办公室（安全稳定工作领导小组办公室）暨信访科政策法规科', taken);
    expect(long.length).toBe(31);
    const again = uniqueSheetName('区卫生健康委员会办公室（安全稳定工作领导小组办公室）暨信访科政策法规科', taken);
    expect(again.length).toBeLessThanOrEqual(31);
    expect(again).toMatch(/\(2\)$/);
    expect(uniqueSheetName('ABC', taken)).toBe('ABC');
    expect(uniqueSheetName('abc', taken)).toBe('abc(2)');
    expect(uniqueSheetName('', taken)).toBe('工作表');
  });
});

describe('台账 of several plans, and of nothing', () => {
  it('heads each plan with its own merged row above its sections and names the plans in the title', async () => {
    const other = { id: '00000000-0000-4000-8000-000000000abc', title: '健康渝北行动实施方案' };
    const moved = model.tasks.slice(0, 2).map((task, i) => ({ ...task, taskId: `${task.taskId.slice(0, -3)}f0${i}`, planId: other.id, planTitle: other.title, number: `${i + 1}` }));
    const bytes = await ledgerWorkbook({ ...model, plans: [...model.plans, other], tasks: [...model.tasks, ...moved] }, { sheetPerDepartment: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(text(sheet.getCell('A1'))).toBe('渝北区卫生健康委《2025年工作要点》、《健康渝北行动实施方案》重点工作台账（2025年第一季度）');
    const firstCells: string[] = [];
    sheet.eachRow((row) => firstCells.push(text(row.getCell(1))));
    const planRows = firstCells.map((t, i) => [t, i + 1] as const).filter(([t]) => t === '渝北区卫生健康委2025年工作要点' || t === other.title);
    expect(planRows.map(([t]) => t)).toEqual(['渝北区卫生健康委2025年工作要点', other.title]);
    for (const [, row] of planRows) {
      expect(merges(sheet)).toContain(`A${row}:K${row}`);
      // Each plan starts its own section run: the plan row is followed by a section row.
      expect(firstCells[row]).toMatch(/^[一二三]、/);
    }
  });

  it('names no plan when more than three are in scope, only the year', () => {
    const plans = ['甲', '乙', '丙', '丁'].map((title, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, title: `${title}方案` }));
    expect(reportTitle({ ...model, plans }, '重点工作台账')).toBe('渝北区卫生健康委2025年重点工作台账（2025年第一季度）');
    expect(reportTitle({ ...model, departmentName: '疾控科' }, '重点工作台账')).toBe('渝北区卫生健康委疾控科《2025年工作要点》重点工作台账（2025年第一季度）');
  });

  it('says so when the scope holds no task, indicator or reminder', async () => {
    const scope = { period: PERIOD, search: '没有这样的任务' };
    const first = async (kind: 'ledger' | 'reminders') => {
      const file = await f.call('report.build', { kind, format: 'xlsx', scope, save: false } as never);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      return workbook.worksheets[0]!;
    };
    const ledger = await first('ledger');
    expect(ledger.rowCount).toBe(4);
    expect(text(ledger.getCell('A4'))).toBe('没有符合条件的工作任务');
    expectPrintSetup(ledger, 3);
    expect(text((await first('reminders')).getCell('A4'))).toBe('本期没有需要催办的事项');
  });
});

describe('row heights', () => {
  it('counts lines as CJK text wraps: about 19 characters of 10.5 pt in a 40-wide column, breaks start new lines', () => {
    expect(wrappedLines('一'.repeat(19), 40, 10.5)).toBe(1);
    expect(wrappedLines('一'.repeat(20), 40, 10.5)).toBe(2);
    expect(wrappedLines('一'.repeat(60), 40, 10.5)).toBe(4);
    expect(wrappedLines('一\n二\n三', 40, 10.5)).toBe(3);
    // Latin letters and digits take about two thirds of a CJK character.
    expect(wrappedLines('1'.repeat(28), 40, 10.5)).toBe(1);
    expect(wrappedLines('1'.repeat(32), 40, 10.5)).toBe(2);
  });
});

describe('指标 workbook', () => {
  let sheet: Worksheet;
  beforeAll(async () => {
    sheet = (await workbookOf({ kind: 'indicators', format: 'xlsx' })).worksheets[0]!;
  });

  const rowOf = (name: string) => {
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (text(row.getCell(2)) === name) found = row;
    });
    if (!found) throw new Error(`no row for ${name}`);
    return found;
  };

  it('has a title, the shared header and the same print setup', () => {
    expect(text(sheet.getCell('A1'))).toBe('渝北区卫生健康委《2025年工作要点》指标完成情况表（2025年第一季度）');
    const headers = (sheet.getRow(3).values as unknown[]).slice(1).map((h) => String(h).replace('\n', ''));
    expect(headers).toEqual(indicatorColumns(model).map((c) => c.header));
    expect(headers).toContain('2025年一季度');
    expect(merges(sheet)).toContain(`A1:${sheet.getColumn(headers.length).letter}1`);
    expectPrintSetup(sheet, 3);
  });

  it('writes values, baselines and years as numbers in a format without trailing zeros', () => {
    const columns = indicatorColumns(model);
    const at = (key: string) => columns.findIndex((c) => c.key === key) + 1;
    const mortality = rowOf('孕产妇死亡率');
    const value = mortality.getCell(at(`value-${PERIOD}`));
    expect(value.value).toBe(8.5);
    expect(value.numFmt ?? 'General').toBe('General');
    expect(mortality.getCell(at('baseline')).value).toBe(14);
    expect(mortality.getCell(at('baselineYear')).value).toBe(2020);
    expect(rowOf('居民健康素养水平').getCell(at('baseline')).value).toBe(34.5);
    expect(text(mortality.getCell(at('target')))).toBe('≤10/10万');
    // No value: an empty cell, not 0.
    expect(rowOf('每千人口执业（助理）医师数').getCell(at(`value-${PERIOD}`)).value ?? null).toBeNull();
  });

  it('colours 是否达标 by the direction-aware answer: lower is better for death rates, higher for coverage', () => {
    const met = indicatorColumns(model).findIndex((c) => c.key === 'met') + 1;
    const expected: [string, string, LightColor][] = [
      ['孕产妇死亡率', '是', 'green'], // 8.5 ≤ 10
      ['婴儿死亡率', '否', 'red'], // 3.6 > 3
      ['居民健康素养水平', '是', 'green'], // 40 ≥ 38
      ['重点人群签约服务覆盖率', '否', 'red'], // 60 < 85
      ['普通人群签约服务覆盖率', '接近', 'yellow'], // 46, just under 47
      ['每千人口执业（助理）医师数', '无数据', 'grey'],
    ];
    for (const [name, answer, color] of expected) {
      const cell = rowOf(name).getCell(met);
      expect(text(cell), name).toBe(answer);
      expect(cell.fill, name).toMatchObject({ pattern: 'solid', fgColor: { argb: argb(lightFill[color]) } });
    }
    const c = model.indicatorCounts;
    expect(text(sheet.getRow(sheet.rowCount).getCell(1))).toBe(`合计：共${c.total}项指标，达标${c.met}项，接近${c.close}项，未达标${c.notMet}项，无数据${c.noData}项。`);
  });
});

describe('催办 workbook', () => {
  let sheet: Worksheet;
  beforeAll(async () => {
    sheet = (await workbookOf({ kind: 'reminders', format: 'xlsx' })).worksheets[0]!;
  });

  it('lists each department’s lagging tasks under its name, merged down the block, worst first', () => {
    expect(text(sheet.getCell('A1'))).toContain('催办清单（2025年第一季度）');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(reminderColumns.map((c) => c.header));
    const blocks: { department: string; tasks: string[]; colors: string[]; from: number; to: number }[] = [];
    for (let r = 4; r < sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const master = row.getCell(1).isMerged ? row.getCell(1).master : row.getCell(1);
      const department = text(master);
      if (blocks.at(-1)?.department !== department) blocks.push({ department, tasks: [], colors: [], from: r, to: r });
      const block = blocks.at(-1)!;
      block.tasks.push(text(row.getCell(3)));
      block.colors.push(text(row.getCell(7)));
      block.to = r;
    }
    // 医政科: 4 reported 滞后 (red) first, then 5 and 6 never reported: past the deadline (04-10) 逾期未报, grey;
    // 妇幼科: 7 at 5%; 信息统计科: its own 20% on task 1 (yellow).
    expect(blocks.map((b) => [b.department, b.tasks, b.colors])).toEqual([
      ['医政科', ['4', '5', '6'], ['红灯', '灰灯', '灰灯']],
      ['妇幼科', ['7'], ['红灯']],
      ['信息统计科', ['1'], ['黄灯']],
    ]);
    expect(merges(sheet)).toContain(`A${blocks[0]!.from}:A${blocks[0]!.to}`);
    expect(sheet.getCell(`G${blocks[2]!.from}`).fill).toMatchObject({ fgColor: { argb: argb(lightFill.yellow) } });
    expect(sheet.getCell(`G${blocks[0]!.from}`).fill).toMatchObject({ fgColor: { argb: argb(lightFill.red) } });
  });

  it('gives the reason in full in a wrapped column, and the same print setup', () => {
    const reason = reminderColumns.findIndex((c) => c.key === 'reason') + 1;
    const cell = sheet.getRow(4).getCell(reason);
    expect(text(cell)).toBe(model.reminders[0]!.items[0]!.reason);
    expect(cell.alignment?.wrapText).toBe(true);
    expect(text(sheet.getRow(sheet.rowCount).getCell(1))).toBe('合计：共3个科室5项需催办，其中滞后3项（红灯2项、黄灯1项）、逾期未报2项。');
    expectPrintSetup(sheet, 3);
  });
});

describe('CSV', () => {
  it('starts with the UTF-8 byte-order mark and round-trips Chinese, quotes and line breaks', async () => {
    const { bytes, fileName } = await build({ kind: 'ledger', format: 'csv' });
    expect(fileName).toBe('渝北区卫生健康委_2025年第一季度重点工作台账.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)));
    expect(rows[0]).toEqual(['所属部分', ...LEDGER_HEADERS]);
    expect(rows).toHaveLength(1 + model.tasks.length);
    const chronic = rows.find((r) => r[1] === '3')!;
    expect(chronic[0]).toBe('推进健康渝北建设');
    expect(chronic[2]).toBe('抓好重大疾病防控');
    expect(chronic[6]).toBe(QUOTED_PROGRESS);
    const epidemic = rows.find((r) => r[1] === '1')!;
    expect(epidemic[3]).toBe('疾控科、信息统计科');
    expect(epidemic[6]).toContain(LONG_PROGRESS);
  });
});
