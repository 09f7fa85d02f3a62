import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallArgs } from '../../shared/api';
import type { ReportTemplate } from '../../shared/api/reports';
import { withPeriod } from '../../electron/reports/template-fill';
import { matchHeader } from '../../electron/reports/template-headers';
import { countRows, createTestCore, tempDir, type TestCore } from '../helpers/core';
import { addIndicator, approved, fields, quarterFixture, type QuarterFixture } from '../core/progress-fixture';
import { docx, para, zip } from '../readers/fixtures';
import { BORDER, base64, bytesOf, cityForm, indicatorForm, readBack } from './template-forms';

const CJK = /[\u4e00-\u9fff]/;
const Q2 = '2025-Q2';
const open: TestCore[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

/**
 * 1 提升居民健康素养 (疾控科) 30%; 2 推进慢病防控 led by 疾控科 and 医政科, each with its own texts;
 * 3 保障母婴安全 (妇幼科) not reported. 孕产妇死亡率 ≤10/10万 from 14, 8.5 this quarter.
 */
async function seeded(options: { file?: string } = {}): Promise<QuarterFixture> {
  const f = await quarterFixture(options);
  open.push(f.t);
  // What goes to a superior is what the office approved.
  const save = (taskId: string, departmentId: string, overrides: Parameters<typeof fields>[0]) => approved(f.t, { taskId, departmentId, period: Q2, fields: fields(overrides) });
  await save(f.literacy.id, f.cdc.id, {});
  await save(f.chronic.id, f.cdc.id, { progressText: '建成区慢病管理中心。', problemsText: '信息系统未联通。', nextStepsText: '推进系统对接。' });
  await save(f.chronic.id, f.med.id, { progressText: '完成胸痛中心建设。', problemsText: '', nextStepsText: '开展质控评价。' });
  const mortality = addIndicator(f.t, { plan_id: f.plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, baseline_value: 14, value_kind: 'rate', department_id: f.mch.id });
  await f.t.call('indicators.setValue', { indicatorId: mortality, period: Q2, value: 8.5 });
  return f;
}

type FormFile = CallArgs<'report.templates.inspect'>['file'];

async function formFile(workbook: ExcelJS.Workbook, fileName = '市卫健委季度报表.xlsx'): Promise<FormFile> {
  return { fileName, contentBase64: base64(await bytesOf(workbook)) };
}

/** Inspect, then save the suggestion as it stands (what a clerk does when the guess is right). */
async function saveSuggested(t: TestCore, file: FormFile, recipient: string): Promise<ReportTemplate> {
  const { sheets } = await t.call('report.templates.inspect', { file });
  const sheet = sheets[0]!;
  return t.call('report.templates.save', { recipient, file, sheetName: sheet.name, headerRow: sheet.headerRow, mapping: sheet.suggested });
}

const value = (sheet: ExcelJS.Worksheet, address: string) => sheet.getCell(address).value;
const widths = (sheet: ExcelJS.Worksheet) => Array.from({ length: 9 }, (_, i) => sheet.getColumn(i + 1).width);

describe('上级表样: reading a blank form', () => {
  it('finds the two-row header under the title, names merged columns sensibly and suggests our fields', async () => {
    const t = await createTestCore();
    open.push(t);
    const { sheets } = await t.call('report.templates.inspect', { file: await formFile(cityForm()) });
    expect(sheets.map((s) => s.name)).toEqual(['重点工作', '填表说明']);
    const sheet = sheets[0]!;
    expect(sheet.headerRow).toBe(4);
    expect(sheet.columns.map((c) => `${c.letter}:${c.header}`)).toEqual([
      'A:序号',
      'B:牵头单位',
      'C:重点任务',
      'D:推进情况／进展情况',
      'E:推进情况／存在问题',
      'F:下一步工作',
      'G:是否按序时推进',
      'H:备注',
      'I:联系人',
    ]);
    expect(sheet.suggested).toEqual([
      { column: 1, field: 'number' },
      { column: 2, field: 'departments' },
      { column: 3, field: 'title' },
      { column: 4, field: 'progress' },
      { column: 5, field: 'problems' },
      { column: 6, field: 'nextSteps' },
      { column: 7, field: 'pace' },
    ]);
    expect(sheet.preview[1]![0]).toBe('____年第__季度全市卫生健康重点工作推进情况表');
    expect(sheet.preview[5]!.slice(0, 3)).toEqual(['1', '', '示例：XXXX工作']);
    expect(countRows(t.core, 'report_templates')).toBe(0);
  });

  it('suggests indicator fields for an indicator form (单位 and 完成情况 read as the indicator’s)', async () => {
    const t = await createTestCore();
    open.push(t);
    const { sheets } = await t.call('report.templates.inspect', { file: await formFile(indicatorForm(), '指标表.xlsx') });
    expect(sheets[0]!.headerRow).toBe(2);
    expect(sheets[0]!.suggested).toEqual([
      { column: 1, field: 'number' },
      { column: 2, field: 'indicatorName' },
      { column: 3, field: 'indicatorUnit' },
      { column: 4, field: 'indicatorTarget' },
      { column: 5, field: 'indicatorBaseline' },
      { column: 6, field: 'indicatorValue' },
      { column: 7, field: 'indicatorMet' },
      { column: 8, field: 'departments' },
    ]);
  });

  it('falls back to the first row with three texts when no title is one it knows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.getCell('A2').value = '报送表';
    sheet.getRow(2).values = ['甲栏', '乙栏', '丙栏', '丁栏'];
    const t = await createTestCore();
    open.push(t);
    const { sheets } = await t.call('report.templates.inspect', { file: await formFile(workbook) });
    expect(sheets[0]).toMatchObject({ headerRow: 2, suggested: [] });
    expect(sheets[0]!.columns.map((c) => c.header)).toEqual(['甲栏', '乙栏', '丙栏', '丁栏']);
  });

  it('reads titles as people type them: full-width, spaced, broken over lines, with notes or a year', () => {
    expect(matchHeader('序　　号')).toBe('number');
    expect(matchHeader('完成时限\n（时间节点）')).toBe('deadline');
    expect(matchHeader('困难\r\n问题')).toBe('problems');
    expect(matchHeader('下一步\n工作计划')).toBe('nextSteps');
    expect(matchHeader('２０２５年目标值', 'indicators')).toBe('indicatorTarget');
    expect(matchHeader('一季度完成值（%）', 'indicators')).toBe('indicatorValue');
    expect(matchHeader('完成情况', 'indicators')).toBe('indicatorCompletion');
    expect(matchHeader('完成情况', 'tasks')).toBe('progress');
    expect(matchHeader('责任科室')).toBe('departments');
    expect(matchHeader('工作任务完成情况', 'tasks')).toBe('progress');
    expect(matchHeader('是否按序时进度推进')).toBe('pace');
    expect(matchHeader('备注')).toBeNull();
  });
});

describe('上级表样: filling a form', () => {
  it('writes one row per task into the mapped columns and keeps the form: title, header, widths, fonts, borders, lists, print setup, extra columns, other sheets', async () => {
    const f = await seeded();
    const form = cityForm({ sampleRows: 2 });
    const template = await saveSuggested(f.t, await formFile(form), '市卫生健康委');
    expect(template).toMatchObject({ recipient: '市卫生健康委', sheetName: '重点工作', headerRow: 4, rows: 'tasks', fileName: '市卫健委季度报表.xlsx' });

    const file = await f.t.call('report.fill', { templateId: template.id, scope: { period: Q2 }, save: true });
    expect(file.fileName).toBe('市卫生健康委_渝北区卫生健康委_2025年第二季度重点工作台账.xlsx');
    expect(file.summary).toMatch(/市卫生健康委.*2025年第二季度.*3项重点工作/);
    expect(file.savedPath && fs.existsSync(file.savedPath)).toBe(true);
    const model = await f.t.call('report.model', { kind: 'ledger', scope: { period: Q2 } });
    const paceOf = (number: string) => model.tasks.find((task) => task.number === number)!.pace;

    const filled = await readBack(file.contentBase64);
    const sheet = filled.getWorksheet('重点工作')!;
    // The title's placeholder now names the quarter; the header is as it was.
    expect(value(sheet, 'A1')).toBe('2025年第二季度全市卫生健康重点工作推进情况表');
    expect(value(sheet, 'A3')).toBe('填报单位（盖章）：                    填报时间：');
    expect(['A4', 'B4', 'C4', 'D4', 'D5', 'E5', 'F4', 'G4', 'H4', 'I4'].map((a) => value(sheet, a))).toEqual([
      '序  号',
      '牵头\n单位',
      '重点任务',
      '推进情况',
      '进展情况',
      '存在\n问题',
      '下一步工作',
      '是否按序时推进',
      '备注',
      '联系人',
    ]);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:I2', 'A4:A5', 'D4:E4', 'I4:I5']));
    expect(sheet.getCell('C4').font).toMatchObject({ name: '黑体', bold: true });
    expect(sheet.getCell('C4').fill).toMatchObject({ fgColor: { argb: 'FFD9D9D9' } });
    expect(widths(sheet)).toEqual([6, 12, 30, 40, 20, 20, 10, 10, 10]);
    expect(sheet.getRow(1).height).toBe(24);

    // Rows 6–8, in our order but in the form's columns; 示例 is gone.
    expect([6, 7, 8].map((r) => [value(sheet, `A${r}`), value(sheet, `B${r}`), value(sheet, `C${r}`)])).toEqual([
      [1, '疾控科', '提升居民健康素养'],
      [2, '疾控科、医政科', '推进慢病防控'],
      [3, '妇幼科', '保障母婴安全'],
    ]);
    expect(value(sheet, 'D6')).toBe('已开展健康素养监测，覆盖全区11个镇街。');
    expect(value(sheet, 'E6')).toBe('基层人员力量不足。');
    expect(value(sheet, 'F6')).toBe('下季度开展入户调查。');
    expect(value(sheet, 'D7')).toBe('【疾控科】建成区慢病管理中心。\n【医政科】完成胸痛中心建设。');
    // 医政科 wrote no problem: only 疾控科's is listed, still under its name.
    expect(value(sheet, 'E7')).toBe('【疾控科】信息系统未联通。');
    expect(value(sheet, 'F7')).toBe('【疾控科】推进系统对接。\n【医政科】开展质控评价。');
    expect([value(sheet, 'G6'), value(sheet, 'G7'), value(sheet, 'G8')]).toEqual([paceOf('1'), paceOf('2'), '未填报']);
    // Task 3 nobody reported: the 台账's own words for it, never progress.
    expect(value(sheet, 'D8')).toBe('未填报');
    for (let row = 6; row <= 8; row++) {
      expect(value(sheet, `H${row}`), `备注 row ${row}`).toBeNull();
      expect(value(sheet, `I${row}`), `联系人 row ${row}`).toBeNull();
    }
    const cells = sheet.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(cells.filter((text) => /示例|请填写|是\/否/.test(text))).toEqual([]);

    // Each row drawn like the form's first blank row; long text wraps from the left; taller rows for it.
    for (const address of ['A8', 'C8', 'H8', 'I8']) {
      expect(sheet.getCell(address).border, address).toMatchObject(BORDER);
      expect(sheet.getCell(address).font, address).toMatchObject({ name: '仿宋_GB2312', size: 12 });
    }
    expect(sheet.getCell('A6').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(sheet.getCell('D7').alignment).toMatchObject({ horizontal: 'left', wrapText: true });
    expect(sheet.getRow(7).height!).toBeGreaterThan(30);
    expect(sheet.getRow(8).height).toBe(30);
    for (const row of [6, 7, 8]) expect(sheet.getCell(`G${row}`).dataValidation, `G${row}`).toMatchObject({ type: 'list', formulae: ['"是,否,已完成"'] });

    // What followed the two blank rows moved down by one, merged as before; the print area grew with it.
    expect(value(sheet, 'A9')).toBe('注：请于每季度结束后次月5日前报送，联系电话：12345678。');
    expect(sheet.model.merges).toContain('A9:I9');
    expect(sheet.model.merges).not.toContain('A8:I8');
    expect([value(sheet, 'A10'), value(sheet, 'F10')]).toEqual(['填报人：', '审核人：']);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printArea: 'A1:I10', printTitlesRow: '4:5' });
    expect(sheet.rowCount).toBe(10);

    // The instructions sheet is as the superior sent it.
    const guide = filled.getWorksheet('填表说明')!;
    expect([value(guide, 'A1'), value(guide, 'A2')]).toEqual(['填表说明', '1. 进展情况请写明具体措施和成效。']);
    expect(guide.getCell('A2').font).toMatchObject({ name: '宋体', italic: true });
    expect(guide.getColumn(1).width).toBe(50);
  });

  it('drops the blank rows it does not need: the note moves up, no empty bordered rows are left', async () => {
    const f = await seeded();
    const template = await saveSuggested(f.t, await formFile(cityForm({ sampleRows: 6 })), '市卫生健康委');
    const file = await f.t.call('report.fill', { templateId: template.id, scope: { period: Q2 }, save: false });
    expect(file.savedPath).toBeNull();
    const sheet = (await readBack(file.contentBase64)).getWorksheet('重点工作')!;
    expect(value(sheet, 'C8')).toBe('保障母婴安全');
    expect(String(value(sheet, 'A9'))).toMatch(/^注：/);
    expect(sheet.model.merges).toContain('A9:I9');
    expect(sheet.model.merges).not.toContain('A12:I12');
    expect(value(sheet, 'A10')).toBe('填报人：');
    for (let row = 11; row <= 13; row++) {
      for (let column = 1; column <= 9; column++) {
        const cell = sheet.getCell(row, column);
        expect(cell.value, cell.address).toBeNull();
        expect(cell.border?.top, cell.address).toBeUndefined();
        expect(cell.dataValidation, cell.address).toBeUndefined();
      }
    }
    expect(sheet.pageSetup.printArea).toBe('A1:I10');
  });

  it('moves a 合计 line with its formulas (shared ones too) below the rows it writes', async () => {
    const f = await seeded();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('进度');
    sheet.getRow(1).values = ['序号', '工作任务', '完成进度', '存在问题'];
    for (let row = 2; row <= 3; row++) for (let column = 1; column <= 4; column++) sheet.getCell(row, column).border = BORDER;
    sheet.getCell('A4').value = '合计';
    // exceljs writes a shared formula from its master's shareType and ref (not in its typings).
    sheet.getCell('C4').value = { formula: 'COUNTA(B2:B3)', shareType: 'shared', ref: 'C4:D4', result: 0 } as ExcelJS.CellFormulaValue;
    sheet.getCell('D4').value = { sharedFormula: 'C4', result: 0 };
    const template = await saveSuggested(f.t, await formFile(workbook, '进度表.xlsx'), '区政府督查室');
    expect(template.mapping).toEqual([
      { column: 1, field: 'number' },
      { column: 2, field: 'title' },
      { column: 3, field: 'percent' },
      { column: 4, field: 'problems' },
    ]);
    const file = await f.t.call('report.fill', { templateId: template.id, scope: { period: Q2 }, save: false });
    const filled = (await readBack(file.contentBase64)).getWorksheet('进度')!;
    expect([value(filled, 'B2'), value(filled, 'C2'), value(filled, 'C4')]).toEqual(['提升居民健康素养', '30%', null]);
    expect(value(filled, 'A5')).toBe('合计');
    expect(filled.getCell('C5').formula).toBe('COUNTA(B2:B3)');
    expect(filled.getCell('D5').formula).toBe('COUNTA(C2:C3)');
  });

  it('fills a form that has no blank rows with thin borders and wrapped text, and an indicator form with one row per indicator', async () => {
    const f = await seeded();
    const template = await saveSuggested(f.t, await formFile(indicatorForm(), '指标表.xlsx'), '区政府督查室');
    expect(template.rows).toBe('indicators');
    const file = await f.t.call('report.fill', { templateId: template.id, scope: { period: Q2 }, save: false });
    expect(file.fileName).toBe('区政府督查室_渝北区卫生健康委_2025年第二季度指标完成情况表.xlsx');
    expect(file.summary).toContain('1项指标');
    const model = await f.t.call('report.model', { kind: 'indicators', scope: { period: Q2 } });
    const sheet = (await readBack(file.contentBase64)).getWorksheet('指标')!;
    expect(value(sheet, 'A1')).toBe('2025年第二季度卫生健康主要指标完成情况');
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3', 'I3'].map((a) => value(sheet, a))).toEqual([
      1,
      '孕产妇死亡率',
      '/10万',
      '≤10/10万',
      14,
      8.5,
      model.indicators[0]!.met,
      '妇幼科',
      null,
    ]);
    expect(sheet.getCell('I3').border).toMatchObject(BORDER);
    expect(sheet.getCell('B3').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getCell('B3').font).toMatchObject({ name: '宋体', size: 11 });
    expect(sheet.getCell('B3').font.bold).toBeFalsy();
    expect(sheet.getCell('B2').font.bold).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait', printTitlesRow: '2:2' });
  });

  it('refuses to fill when the scope has no rows of the form’s kind', async () => {
    const f = await seeded();
    const template = await saveSuggested(f.t, await formFile(cityForm()), '市卫生健康委');
    const result = await f.t.raw('report.fill', { templateId: template.id, scope: { period: Q2, search: '没有这样的任务' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('puts the period into titles with a year or quarter placeholder and leaves other titles alone', () => {
    const label = '2025年第二季度';
    expect(withPeriod('____年第__季度重点工作', label, '第二季度')).toBe('2025年第二季度重点工作');
    expect(withPeriod('2024年第X季度指标', label, '第二季度')).toBe('2025年第二季度指标');
    expect(withPeriod('渝北区    年第   季度推进情况', label, '第二季度')).toBe('渝北区2025年第二季度推进情况');
    expect(withPeriod('２０２５年一季度台账', label, '第二季度')).toBe('2025年第二季度台账');
    expect(withPeriod('全市（第X季度）', label, '第二季度')).toBe('全市（第二季度）');
    expect(withPeriod('20XX年重点工作', label, '第二季度')).toBe('2025年重点工作');
    expect(withPeriod('重点工作推进情况表', label, '第二季度')).toBe('重点工作推进情况表');
  });
});

describe('上级表样: the saved mapping', () => {
  it('is kept per recipient across a reopened database, updated in place by saving the same recipient, and deleted', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const f = await seeded({ file });
    const form = await formFile(cityForm());
    const first = await saveSuggested(f.t, form, '市卫生健康委');
    await saveSuggested(f.t, await formFile(indicatorForm(), '指标表.xlsx'), '区政府督查室');
    f.t.close();

    const t = await createTestCore({ file, init: false, now: () => Date.parse('2025-07-03T09:00:00Z') });
    open.push(t);
    const listed = await t.call('report.templates.list', {});
    expect(listed.map((x) => x.recipient)).toEqual(['区政府督查室', '市卫生健康委']);
    expect(listed.find((x) => x.recipient === '市卫生健康委')).toEqual(first);
    const refilled = await readBack((await t.call('report.fill', { templateId: first.id, scope: { period: Q2 }, save: false })).contentBase64);
    expect(value(refilled.getWorksheet('重点工作')!, 'C7')).toBe('推进慢病防控');

    // The clerk stops filling 是否按序时推进: same recipient, same id, one row.
    const mapping = first.mapping.filter((m) => m.field !== 'pace');
    const again = await t.call('report.templates.save', { recipient: ' 市卫生健康委 ', file: form, sheetName: '重点工作', headerRow: 4, mapping });
    expect(again.id).toBe(first.id);
    expect(again.mapping).toEqual(mapping);
    expect(again.updatedAt).toBe('2025-07-03T09:00:00.000Z');
    expect(countRows(t.core, 'report_templates')).toBe(2);
    const without = (await readBack((await t.call('report.fill', { templateId: first.id, scope: { period: Q2 }, save: false })).contentBase64)).getWorksheet('重点工作')!;
    expect(value(without, 'G6')).toBeNull();

    await t.call('report.templates.delete', { id: first.id });
    expect((await t.call('report.templates.list', {})).map((x) => x.recipient)).toEqual(['区政府督查室']);
    expect(await t.raw('report.templates.delete', { id: first.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await t.raw('report.fill', { templateId: first.id, scope: { period: Q2 } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses mappings that cannot be filled, in Chinese, and stores nothing', async () => {
    const t = await createTestCore();
    open.push(t);
    const file = await formFile(cityForm());
    const base = { recipient: '市卫生健康委', file, sheetName: '重点工作', headerRow: 4 };
    const cases: [CallArgs<'report.templates.save'>, RegExp][] = [
      [{ ...base, mapping: [{ column: 3, field: 'title' }, { column: 5, field: 'indicatorValue' }] }, /重点工作或指标中的一种/],
      [{ ...base, mapping: [{ column: 4, field: 'progress' }, { column: 5, field: 'progress' }] }, /对应了两列（D列和E列）/],
      [{ ...base, mapping: [{ column: 4, field: 'progress' }, { column: 4, field: 'problems' }] }, /D列同时对应了/],
      [{ ...base, mapping: [{ column: 30, field: 'title' }] }, /没有AD列/],
      [{ ...base, sheetName: '汇总表', mapping: [{ column: 3, field: 'title' }] }, /没有名为“汇总表”的工作表/],
      [{ ...base, headerRow: 40, mapping: [{ column: 3, field: 'title' }] }, /表头行不能是第40行/],
      [{ ...base, mapping: [] }, /至少为一列/],
    ];
    for (const [args, message] of cases) {
      const result = await t.raw('report.templates.save', args);
      expect(result, message.source).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    // Two columns for 牵头科室 (牵头单位 and 责任科室 in one form) are fine.
    const ok = await t.call('report.templates.save', { ...base, mapping: [{ column: 2, field: 'departments' }, { column: 9, field: 'departments' }, { column: 3, field: 'title' }] });
    expect(ok.rows).toBe('tasks');
    expect(countRows(t.core, 'report_templates')).toBe(1);
  });

  it('refuses files that are not a readable, non-empty .xlsx form and changes nothing', async () => {
    const t = await createTestCore();
    open.push(t);
    const kept = await saveSuggested(t, await formFile(cityForm()), '市卫生健康委');
    const formBefore = t.core.db.prepare('SELECT form, mapping, updated_at FROM report_templates').all();
    const ole2 = new Uint8Array(4096);
    ole2.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole2.set(Array.from('Workbook').flatMap((c) => [c.charCodeAt(0), 0]), 1024);
    const emptyWorkbook = new ExcelJS.Workbook();
    emptyWorkbook.addWorksheet('Sheet1');
    const bad: [string, Uint8Array, RegExp][] = [
      ['表样.xls', ole2, /\.xls/],
      ['表样.xlsx', new TextEncoder().encode('序号,工作任务\n1,提升居民健康素养'), /扩展名/],
      ['表样.docx', docx(para('序号 工作任务')), /不是Excel/],
      ['表样.xlsx', zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook><broken' }), /无法读取/],
      ['空白.xlsx', await bytesOf(emptyWorkbook), /没有任何内容/],
    ];
    for (const [fileName, bytes, message] of bad) {
      const file = { fileName, contentBase64: base64(bytes) };
      for (const result of [
        await t.raw('report.templates.inspect', { file }),
        await t.raw('report.templates.save', { recipient: '市卫生健康委', file, sheetName: '重点工作', headerRow: 3, mapping: [{ column: 3, field: 'title' }] }),
        await t.raw('report.templates.save', { recipient: '区政府', file, sheetName: 'Sheet1', headerRow: 1, mapping: [{ column: 1, field: 'title' }] }),
      ]) {
        expect(result, fileName).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
        if (!result.ok) {
          expect(result.error.message, fileName).toMatch(CJK);
          expect(result.error.message, fileName).toMatch(message);
        }
      }
    }
    expect(countRows(t.core, 'report_templates')).toBe(1);
    expect(t.core.db.prepare('SELECT form, mapping, updated_at FROM report_templates').all()).toEqual(formBefore);
    expect(await t.call('report.templates.list', {})).toEqual([kept]);
  });
});
