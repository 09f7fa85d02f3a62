import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { progressReportId } from '../../electron/core/ids';
import { dumpReplicated, type Dump } from '../../electron/services/dump';
import { TASK_COLUMNS, INDICATOR_COLUMNS, SHEET_PROTECTION_PASSWORD } from '../../electron/sync/sheet-format';
import { backupFolder } from '../../electron/backup/store';
import { createTestCore } from '../helpers/core';
import { addIndicator, changeCount, fields, quarterFixture, type QuarterFixture } from './progress-fixture';

const PERIOD = '2025-Q1';

/** Column number of a header on a sheet, as the clerk sees it. */
const col = (columns: readonly { key: string }[], key: string) => columns.findIndex((column) => column.key === key) + 1;

async function load(base64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

async function save(workbook: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/** The data row of a task or indicator, found by its title in the visible columns. */
function rowOf(sheet: ExcelJS.Worksheet, titleColumn: number, title: string): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(titleColumn).value === title) found = row;
  });
  if (!found) throw new Error(`row ${title} not found`);
  return found;
}

function backups(databaseFile: string): string[] {
  const folder = backupFolder(databaseFile);
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
}

/** The dump without the given rows and without change records of those rows. */
function without(dump: Dump, rows: ReadonlySet<string>): Dump {
  const tables = Object.fromEntries(Object.entries(dump.tables).map(([table, list]) => [table, list.filter((row) => !rows.has(String(row.id)))]));
  return { tables, changes: dump.changes.filter((change) => !rows.has(String(change.row_id))) };
}

describe('Excel fill-in sheet', () => {
  let f: QuarterFixture;
  let extra: { id: string };
  let approved: { id: string };
  let rateId: string;
  let countId: string;
  let untouchedId: string;

  beforeEach(async () => {
    f = await quarterFixture();
    const { t } = f;
    extra = await t.call('tasks.create', { planId: f.plan.id, number: '4', title: '开展爱国卫生运动', deadline: '2025年12月底', leadDepartmentIds: [f.cdc.id] });
    approved = await t.call('tasks.create', { planId: f.plan.id, number: '5', title: '做好传染病监测', deadline: '2025年6月底', leadDepartmentIds: [f.cdc.id] });
    await t.call('progress.save', { taskId: f.literacy.id, departmentId: f.cdc.id, period: PERIOD, fields: fields(), submit: true });
    const locked = await t.call('progress.save', { taskId: approved.id, departmentId: f.cdc.id, period: PERIOD, fields: fields({ status: '已完成', percent: 100 }), submit: true });
    await t.call('settings.update', { role: 'reviewer' });
    await t.call('progress.review', { id: locked.id, decision: 'approve', comment: '' });
    // Another department's entry: the sheet must never touch it.
    await t.call('progress.save', { taskId: f.maternal.id, departmentId: f.mch.id, period: PERIOD, fields: fields({ progressText: '孕产妇系统管理率98%' }), submit: false });
    rateId = addIndicator(t, { plan_id: f.plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 30, value_kind: 'proportion', department_id: f.cdc.id, sort_order: 1 });
    countId = addIndicator(t, { plan_id: f.plan.id, name: '新建健康主题公园', unit: '个', comparator: '>=', target_value: 4, value_kind: 'count', department_id: f.cdc.id, sort_order: 2 });
    untouchedId = addIndicator(t, { plan_id: f.plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, value_kind: 'rate', department_id: f.mch.id, sort_order: 3 });
    await t.call('indicators.setValue', { indicatorId: rateId, period: PERIOD, value: 28.5, note: '' });
    await t.call('indicators.setValue', { indicatorId: countId, period: PERIOD, value: 1, note: '' });
    await t.call('indicators.setValue', { indicatorId: untouchedId, period: PERIOD, value: 6, note: '' });
  });
  afterEach(() => f.t.close());

  it('exports the department’s tasks and indicators with only the editable cells unlocked', async () => {
    const file = await f.t.call('sync.exportSheet', { departmentId: f.cdc.id, period: PERIOD });
    expect(file.fileName).toBe('疾控科-2025年第一季度-填报表.xlsx');
    const workbook = await load(file.contentBase64);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['填报说明', '任务进展', '指标数值', '_meta']);
    expect(workbook.getWorksheet('_meta')!.state).toBe('veryHidden');
    const guide = workbook.getWorksheet('填报说明')!;
    const guideText: string[] = [];
    guide.eachRow((row) => row.eachCell((cell) => guideText.push(String(cell.value))));
    expect(guideText.join('\n')).toContain('只能修改黄色的列');
    expect(guideText).toContain('2025年第一季度');

    const tasks = workbook.getWorksheet('任务进展')!;
    const indicators = workbook.getWorksheet('指标数值')!;
    for (const sheet of [guide, tasks, indicators]) {
      const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean; algorithmName?: string } }).sheetProtection;
      expect(protection?.sheet, sheet.name).toBe(true);
      expect(protection?.algorithmName).toBe('SHA-512');
    }
    expect((tasks.getRow(1).values as unknown[]).slice(1)).toEqual(TASK_COLUMNS.map((column) => column.header));
    expect(tasks.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const key of ['taskId', 'departmentId', 'period']) expect(tasks.getColumn(col(TASK_COLUMNS, key)).hidden).toBe(true);
    expect(indicators.getColumn(col(INDICATOR_COLUMNS, 'indicatorId')).hidden).toBe(true);

    // One row per task 疾控科 leads (not 妇幼科's), prefilled with the current entry.
    const titles: string[] = [];
    tasks.eachRow((row, n) => {
      if (n > 1) titles.push(String(row.getCell(col(TASK_COLUMNS, 'title')).value));
    });
    expect(titles.sort()).toEqual(['做好传染病监测', '开展爱国卫生运动', '推进慢病防控', '提升居民健康素养'].sort());
    const literacy = rowOf(tasks, col(TASK_COLUMNS, 'title'), '提升居民健康素养');
    expect(literacy.getCell(col(TASK_COLUMNS, 'status')).value).toBe('推进中');
    expect(literacy.getCell(col(TASK_COLUMNS, 'percent')).value).toBe(30);
    expect(literacy.getCell(col(TASK_COLUMNS, 'taskId')).value).toBe(f.literacy.id);
    for (const column of TASK_COLUMNS) {
      const locked = literacy.getCell(col(TASK_COLUMNS, column.key)).protection?.locked !== false;
      expect(locked, column.header).toBe(!('editable' in column && column.editable));
    }
    const status = literacy.getCell(col(TASK_COLUMNS, 'status')).dataValidation;
    expect(status.type).toBe('list');
    expect(status.formulae[0]).toContain('推进中');
    expect(literacy.getCell(col(TASK_COLUMNS, 'percent')).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 100] });

    // An approved entry is locked in the sheet too.
    const locked = rowOf(tasks, col(TASK_COLUMNS, 'title'), '做好传染病监测');
    expect(locked.getCell(col(TASK_COLUMNS, 'workflow')).value).toBe('已审核（锁定）');
    for (const key of ['status', 'percent', 'progressText']) expect(locked.getCell(col(TASK_COLUMNS, key)).protection?.locked).not.toBe(false);

    const rate = rowOf(indicators, col(INDICATOR_COLUMNS, 'name'), '居民健康素养水平');
    expect(rate.getCell(col(INDICATOR_COLUMNS, 'value')).value).toBe(28.5);
    expect(rate.getCell(col(INDICATOR_COLUMNS, 'target')).value).toBe('≥30');
    expect(rate.getCell(col(INDICATOR_COLUMNS, 'value')).protection?.locked).toBe(false);
    expect(rate.getCell(col(INDICATOR_COLUMNS, 'name')).protection?.locked).not.toBe(false);
    expect(rate.getCell(col(INDICATOR_COLUMNS, 'value')).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 100] });
    const names: string[] = [];
    indicators.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(col(INDICATOR_COLUMNS, 'name')).value));
    });
    expect(names).toEqual(['居民健康素养水平', '新建健康主题公园']);
    expect(SHEET_PROTECTION_PASSWORD.length).toBeGreaterThan(0);
  });

  it('round trip: the preview lists exactly the changes and the wrong values; the import writes the good rows only', async () => {
    const file = await f.t.call('sync.exportSheet', { departmentId: f.cdc.id, period: PERIOD });
    const workbook = await load(file.contentBase64);
    const tasks = workbook.getWorksheet('任务进展')!;
    const indicators = workbook.getWorksheet('指标数值')!;
    const T = (key: string) => col(TASK_COLUMNS, key);
    const I = (key: string) => col(INDICATOR_COLUMNS, key);
    // As a clerk in Excel: update one entry, start another, and make three mistakes.
    const literacy = rowOf(tasks, T('title'), '提升居民健康素养');
    literacy.getCell(T('status')).value = '已完成';
    literacy.getCell(T('percent')).value = 100;
    literacy.getCell(T('progressText')).value = '全区健康素养监测已完成，\r\n覆盖11个镇街。';
    const chronic = rowOf(tasks, T('title'), '推进慢病防控');
    chronic.getCell(T('status')).value = '推进中';
    chronic.getCell(T('percent')).value = 40;
    chronic.getCell(T('nextStepsText')).value = '开展高血压筛查';
    const extraRow = rowOf(tasks, T('title'), '开展爱国卫生运动');
    extraRow.getCell(T('status')).value = '差不多';
    extraRow.getCell(T('percent')).value = 150;
    const lockedRow = rowOf(tasks, T('title'), '做好传染病监测');
    lockedRow.getCell(T('problemsText')).value = '想改一下';
    rowOf(indicators, I('name'), '居民健康素养水平').getCell(I('value')).value = 120;
    const count = rowOf(indicators, I('name'), '新建健康主题公园');
    count.getCell(I('value')).value = 3;
    count.getCell(I('note')).value = '含2个口袋公园';
    const filled = await save(workbook);

    const before = dumpReplicated(f.t.core);
    const changesBefore = changeCount(f.t);
    const preview = await f.t.call('sync.previewSheet', { fileName: file.fileName, contentBase64: filled });
    expect(dumpReplicated(f.t.core)).toEqual(before);
    expect(preview.departmentName).toBe('疾控科');
    expect(preview.period).toBe(PERIOD);
    // In sheet order (tasks by section, then document order); compared here as a set of lines.
    const line = (row: { target: string; field: string; oldValue: string | null; newValue: string; error: string | null }) =>
      JSON.stringify([row.target, row.field, row.oldValue, row.newValue, row.error && row.error.slice(0, 12)]);
    expect(preview.rows.map(line).sort()).toEqual([
      { target: '任务1 提升居民健康素养', field: '状态', oldValue: '推进中', newValue: '已完成', error: null },
      { target: '任务1 提升居民健康素养', field: '完成百分比', oldValue: '30', newValue: '100', error: null },
      { target: '任务1 提升居民健康素养', field: '进展情况', oldValue: fields().progressText, newValue: '全区健康素养监测已完成，\n覆盖11个镇街。', error: null },
      { target: '任务2 推进慢病防控', field: '状态', oldValue: null, newValue: '推进中', error: null },
      { target: '任务2 推进慢病防控', field: '完成百分比', oldValue: null, newValue: '40', error: null },
      { target: '任务2 推进慢病防控', field: '下步打算', oldValue: null, newValue: '开展高血压筛查', error: null },
      { target: '任务4 开展爱国卫生运动', field: '状态', oldValue: null, newValue: '差不多', error: '状态“差不多”不是可选的' },
      { target: '任务4 开展爱国卫生运动', field: '完成百分比', oldValue: null, newValue: '150', error: '完成百分比150超出范围' },
      { target: '任务5 做好传染病监测', field: '存在问题', oldValue: fields().problemsText, newValue: '想改一下', error: '该季度进展已审核锁定，不' },
      { target: '指标 居民健康素养水平', field: '数值', oldValue: '28.5', newValue: '120', error: '该指标是比例（单位%），' },
      { target: '指标 新建健康主题公园', field: '数值', oldValue: '1', newValue: '3', error: null },
      { target: '指标 新建健康主题公园', field: '说明', oldValue: '', newValue: '含2个口袋公园', error: null },
    ].map(line).sort());
    expect(preview.changes).toBe(8);
    expect(preview.errors).toBe(3);
    expect(preview.rows.find((row) => row.newValue === '120')!.error).toBe('该指标是比例（单位%），数值应在0到100之间。如该指标类型不对，可在“指标”页修改指标类型。');
    expect(preview.rows.every((row) => row.row > 1)).toBe(true);

    const result = await f.t.call('sync.importSheet', { fileName: file.fileName, contentBase64: filled, senderConfirmed: true });
    expect(result).toEqual({ written: 3, skipped: 3 });
    // A backup was taken first.
    expect(backups(f.t.core.file).filter((name) => name.endsWith('-sheet.sqlite'))).toHaveLength(1);

    const core = f.t.core;
    const entry = (taskId: string) => core.db.prepare('SELECT * FROM progress_reports WHERE id = ?').get(progressReportId(taskId, f.cdc.id, PERIOD)) as Record<string, unknown>;
    expect(entry(f.literacy.id)).toMatchObject({ status: '已完成', percent: 100, progress_text: '全区健康素养监测已完成，\n覆盖11个镇街。', problems_text: fields().problemsText, workflow_state: 'submitted' });
    expect(entry(f.chronic.id)).toMatchObject({ status: '推进中', percent: 40, progress_text: '', next_steps_text: '开展高血压筛查', workflow_state: 'submitted' });
    expect(entry(extra.id)).toBeUndefined();
    expect(entry(approved.id)).toMatchObject({ problems_text: fields().problemsText, workflow_state: 'approved' });
    const value = (id: string) => core.db.prepare('SELECT value, note FROM indicator_values WHERE indicator_id = ? AND period = ? AND deleted = 0').get(id, PERIOD);
    expect(value(countId)).toEqual({ value: 3, note: '含2个口袋公园' });
    expect(value(rateId)).toEqual({ value: 28.5, note: null });

    // Every write has its audit record, by this PC's clerk, in one batch; nothing else changed.
    const after = dumpReplicated(core);
    const written = new Set([progressReportId(f.literacy.id, f.cdc.id, PERIOD), progressReportId(f.chronic.id, f.cdc.id, PERIOD), after.tables.indicator_values!.find((row) => row.indicator_id === countId)!.id as string]);
    expect(without(after, written)).toEqual(without(before, written));
    const fresh = after.changes.slice(before.changes.length);
    expect(changeCount(f.t)).toBe(changesBefore + fresh.length);
    expect(new Set(fresh.map((change) => change.row_id))).toEqual(written);
    expect(new Set(fresh.map((change) => change.actor))).toEqual(new Set(['张三']));
    expect(new Set(fresh.map((change) => change.batch)).size).toBe(1);

    // The same file again: only the three wrong rows remain, nothing is written.
    const again = await f.t.call('sync.previewSheet', { fileName: file.fileName, contentBase64: filled });
    expect(again.changes).toBe(0);
    expect(again.errors).toBe(3);
    expect(await f.t.call('sync.importSheet', { fileName: file.fileName, contentBase64: filled, senderConfirmed: true })).toEqual({ written: 0, skipped: 3 });
    expect(dumpReplicated(core)).toEqual(after);
  });

  it('an untouched sheet has no changes; a row moved to another quarter or inserted by hand is an error', async () => {
    const file = await f.t.call('sync.exportSheet', { departmentId: f.cdc.id, period: PERIOD });
    const untouched = await f.t.call('sync.previewSheet', file);
    expect(untouched).toMatchObject({ rows: [], errors: 0, changes: 0 });

    const workbook = await load(file.contentBase64);
    const tasks = workbook.getWorksheet('任务进展')!;
    const literacy = rowOf(tasks, col(TASK_COLUMNS, 'title'), '提升居民健康素养');
    literacy.getCell(col(TASK_COLUMNS, 'period')).value = '2025-Q2';
    literacy.getCell(col(TASK_COLUMNS, 'percent')).value = 35;
    const added = tasks.getRow(tasks.rowCount + 1);
    added.getCell(col(TASK_COLUMNS, 'title')).value = '新增的任务';
    added.getCell(col(TASK_COLUMNS, 'status')).value = '推进中';
    const preview = await f.t.call('sync.previewSheet', { fileName: file.fileName, contentBase64: await save(workbook) });
    expect(preview.changes).toBe(0);
    expect(preview.errors).toBe(2);
    expect(preview.rows.map((row) => row.error)).toEqual([
      '该行的科室或季度与本填报表不符（可能是从其他填报表复制来的），无法导入',
      '该行不是导出时的行（没有编号），无法导入；请不要在表中插入新行',
    ]);
  });

  it('a task deleted since the export is reported, not written', async () => {
    const file = await f.t.call('sync.exportSheet', { departmentId: f.cdc.id, period: PERIOD });
    const workbook = await load(file.contentBase64);
    rowOf(workbook.getWorksheet('任务进展')!, col(TASK_COLUMNS, 'title'), '开展爱国卫生运动').getCell(col(TASK_COLUMNS, 'status')).value = '推进中';
    await f.t.call('tasks.delete', { id: extra.id });
    const before = dumpReplicated(f.t.core);
    const filled = await save(workbook);
    const preview = await f.t.call('sync.previewSheet', { fileName: file.fileName, contentBase64: filled });
    expect(preview.rows).toEqual([{ row: expect.any(Number), target: '任务4 开展爱国卫生运动', field: '状态', oldValue: null, newValue: '推进中', error: '该任务已被删除，或已不由本科室牵头，本行无法导入' }]);
    expect(await f.t.call('sync.importSheet', { fileName: file.fileName, contentBase64: filled, senderConfirmed: true })).toEqual({ written: 0, skipped: 1 });
    expect(dumpReplicated(f.t.core)).toEqual(before);
  });

  it('refuses a foreign workbook, a sheet of another office, a changed layout and an unconfirmed sender, changing nothing', async () => {
    const before = dumpReplicated(f.t.core);
    const refusal = async (contentBase64: string, name: 'sync.previewSheet' | 'sync.importSheet' = 'sync.previewSheet') => {
      const result = await f.t.raw(name, { fileName: '填报表.xlsx', contentBase64, ...(name === 'sync.importSheet' ? { senderConfirmed: true } : {}) });
      if (result.ok) throw new Error('accepted');
      return result.error;
    };

    // Looks like ours (same sheet names and headers) but has no marker.
    const foreign = new ExcelJS.Workbook();
    const sheet = foreign.addWorksheet('任务进展');
    sheet.addRow(TASK_COLUMNS.map((column) => column.header));
    sheet.addRow(['', '', '', '1', '某任务', '', '', '推进中', 50]);
    foreign.addWorksheet('指标数值').addRow(INDICATOR_COLUMNS.map((column) => column.header));
    const foreignBase64 = await save(foreign);
    for (const name of ['sync.previewSheet', 'sync.importSheet'] as const) {
      const error = await refusal(foreignBase64, name);
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(/^该文件不是本程序导出的Excel填报表/);
    }
    expect((await refusal(Buffer.from('任务,状态\n1,推进中\n').toString('base64'))).message).toMatch(/不是 \.xlsx 格式/);
    expect((await refusal(Buffer.from('PK\u0003\u0004broken').toString('base64'))).message).toMatch(/无法读取该Excel文件/);

    // A sheet exported by another office (its own 疾控科).
    const other = await createTestCore({ officeName: '江北区卫生健康委' });
    try {
      const department = await other.call('departments.create', { name: '疾控科' });
      const file = await other.call('sync.exportSheet', { departmentId: department.id, period: PERIOD });
      expect((await refusal(file.contentBase64)).message).toBe('该填报表是“江北区卫生健康委”导出的，不是本单位（渝北区卫生健康委）的填报表，不能导入。请把它退回给导出它的单位');
    } finally {
      other.close();
    }

    // A column header changed (e.g. a column inserted after removing the protection).
    const file = await f.t.call('sync.exportSheet', { departmentId: f.cdc.id, period: PERIOD });
    const moved = await load(file.contentBase64);
    moved.getWorksheet('任务进展')!.getRow(1).getCell(col(TASK_COLUMNS, 'status')).value = '备注';
    expect((await refusal(await save(moved))).message).toMatch(/^“任务进展”工作表的第8列应为“状态”，现在是“备注”/);

    const unconfirmed = await f.t.raw('sync.importSheet', { ...file, senderConfirmed: false });
    expect(unconfirmed.ok).toBe(false);
    expect(dumpReplicated(f.t.core)).toEqual(before);
    expect(backups(f.t.core.file)).toEqual([]);
  });
});
