import type { Cell, Workbook, Worksheet } from 'exceljs';
import { periodLabel, parsePeriod } from '../../shared/domain/period';
import { taskStatuses, workflowLabels } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import { progressReportId } from '../core/ids';
import { comparatorOf, indicatorDbRows, kindOf, valueOf, type IndicatorDbRow } from '../services/indicators';
import { departmentRow, departmentTasks, fieldsOf, liveEntryRow, workflowOf, type TaskRow } from '../services/progress-data';
import {
  HEADER_ROWS,
  INDICATOR_COLUMNS,
  META_KEYS,
  SHEET_FORMAT_VERSION,
  SHEET_KIND,
  SHEET_NAMES,
  SHEET_PROTECTION_PASSWORD,
  TASK_COLUMNS,
  type ColumnSpec,
  type SheetMeta,
} from './sheet-format';

/*
 * Export of the Excel fill-in sheet: one department's tasks and indicators for a quarter, for
 * units that do not run the app. Only the yellow cells are unlocked; the keys the import needs
 * sit in hidden locked columns and in a very hidden `_meta` sheet.
 */

const EDITABLE_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const LOCKED_ROW_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Let the clerk widen columns and rows, nothing else. A low hash spin count: the password only
 * prevents accidents (see SHEET_PROTECTION_PASSWORD), and exceljs's default of 100,000 rounds
 * per sheet costs the export about a second for nothing.
 */
const SPIN = { spinCount: 1000 } as const;
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, ...SPIN } as const;

export interface ExportedSheet {
  readonly fileName: string;
  readonly bytes: Buffer;
}

export async function exportSheet(core: Core, departmentId: string, period: string): Promise<ExportedSheet> {
  const department = departmentRow(core, departmentId);
  const { officeId } = core.requireIdentity();
  const office = core.db.prepare('SELECT name FROM offices WHERE id = ?').get(officeId) as { name: string | null } | undefined;
  const meta: SheetMeta = {
    kind: SHEET_KIND,
    formatVersion: SHEET_FORMAT_VERSION,
    officeId,
    officeName: office?.name ?? '',
    departmentId,
    departmentName: department.name ?? '',
    period,
    exportedAt: new Date(core.now()).toISOString(),
  };

  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '目标台账';
  workbook.created = new Date(core.now());

  const tasks = departmentTasks(core, departmentId, period);
  const indicators = indicatorDbRows(core, { departmentId, year: parsePeriod(period).year });
  // In this order: the guide is what the unit should read first.
  await addGuideSheet(workbook, meta, tasks.length, indicators.length);
  await addTaskSheet(core, workbook, meta, tasks);
  await addIndicatorSheet(core, workbook, meta, indicators);
  await addMetaSheet(workbook, meta);

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const label = periodLabel(parsePeriod(period));
  return { fileName: safeFileName(`${meta.departmentName || '科室'}-${label}-填报表.xlsx`), bytes };
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n\t]+/g, '_');
}

function setUpColumns(sheet: Worksheet, columns: readonly ColumnSpec[]): void {
  sheet.columns = columns.map((column) => ({ key: column.key, width: column.width, hidden: column.hidden ?? false }));
  const header = sheet.getRow(1);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 22;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROWS, topLeftCell: `A${HEADER_ROWS + 1}`, activeCell: `A${HEADER_ROWS + 1}` }];
}

/** Style a data cell: yellow and unlocked when editable (and the row is not locked), locked otherwise. */
function styleCell(cell: Cell, column: ColumnSpec, rowLocked: boolean): void {
  const open = column.editable === true && !rowLocked;
  cell.protection = { locked: !open };
  cell.border = BORDER;
  cell.alignment = { vertical: 'top', wrapText: true };
  if (open) cell.fill = EDITABLE_FILL;
  else if (column.editable) cell.fill = LOCKED_ROW_FILL;
}

async function addTaskSheet(core: Core, workbook: Workbook, meta: SheetMeta, tasks: readonly TaskRow[]): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_NAMES.tasks, { properties: { defaultRowHeight: 18 } });
  setUpColumns(sheet, TASK_COLUMNS);
  tasks.forEach((task, index) => {
    const entry = liveEntryRow(core, progressReportId(task.id, meta.departmentId, meta.period));
    const fields = entry ? fieldsOf(entry) : null;
    const state = entry ? workflowOf(entry.workflow_state) : null;
    const locked = state === 'approved';
    const values: Record<(typeof TASK_COLUMNS)[number]['key'], string | number | null> = {
      taskId: task.id,
      departmentId: meta.departmentId,
      period: meta.period,
      number: task.number || String(index + 1),
      title: task.title ?? '',
      deadline: task.deadline ?? '',
      workflow: state ? (locked ? '已审核（锁定）' : workflowLabels[state]) : '未填报',
      status: fields?.status ?? null,
      percent: fields?.percent ?? null,
      progressText: fields?.progressText || null,
      problemsText: fields?.problemsText || null,
      nextStepsText: fields?.nextStepsText || null,
    };
    const row = sheet.getRow(HEADER_ROWS + 1 + index);
    TASK_COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      cell.value = values[column.key];
      styleCell(cell, column, locked);
      if (locked) return;
      if (column.key === 'status') {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${taskStatuses.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '状态',
          error: `请从下拉列表中选择：${taskStatuses.join('、')}`,
        };
      } else if (column.key === 'percent') {
        cell.dataValidation = {
          type: 'whole',
          operator: 'between',
          allowBlank: true,
          formulae: [0, 100],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '完成百分比',
          error: '请填写0到100之间的整数（不带%）',
        };
      }
    });
  });
  await sheet.protect(SHEET_PROTECTION_PASSWORD, PROTECTION);
}

const comparatorSigns: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

export function targetText(row: IndicatorDbRow): string {
  if (row.target_value === null) return '未设定';
  const comparator = comparatorOf(row);
  if (comparator === 'between') return `${row.target_value}～${row.target_value_max ?? ''}`;
  return `${comparatorSigns[comparator] ?? ''}${row.target_value}`;
}

async function addIndicatorSheet(core: Core, workbook: Workbook, meta: SheetMeta, indicators: readonly IndicatorDbRow[]): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_NAMES.indicators, { properties: { defaultRowHeight: 18 } });
  setUpColumns(sheet, INDICATOR_COLUMNS);
  indicators.forEach((indicator, index) => {
    const current = valueOf(core, indicator.id, meta.period);
    const values: Record<(typeof INDICATOR_COLUMNS)[number]['key'], string | number | null> = {
      indicatorId: indicator.id,
      period: meta.period,
      number: String(index + 1),
      name: indicator.name ?? '',
      unit: indicator.unit ?? '',
      target: targetText(indicator),
      value: current?.value ?? null,
      note: current?.note ?? null,
    };
    const row = sheet.getRow(HEADER_ROWS + 1 + index);
    INDICATOR_COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      cell.value = values[column.key];
      styleCell(cell, column, false);
      if (column.key === 'value') cell.dataValidation = valueValidation(indicator);
    });
  });
  await sheet.protect(SHEET_PROTECTION_PASSWORD, PROTECTION);
}

/** Excel's own check while typing; the import checks again with checkValue. */
function valueValidation(indicator: IndicatorDbRow): NonNullable<Cell['dataValidation']> {
  const kind = kindOf(indicator);
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: '数值' } as const;
  if (kind === 'proportion') {
    const max = indicator.unit === '‰' ? 1000 : 100;
    return { ...common, type: 'decimal', operator: 'between', formulae: [0, max], error: `该指标是比例，请填写0到${max}之间的数字（不带单位）` };
  }
  if (kind === 'count') return { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: '该指标是数量，请填写不小于0的整数' };
  if (kind === 'rate' || kind === 'amount') return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], error: '请填写不小于0的数字（不带单位）' };
  return { ...common, type: 'decimal', operator: 'between', formulae: [-1e12, 1e12], error: '请填写数字（不带单位）' };
}

async function addGuideSheet(workbook: Workbook, meta: SheetMeta, taskCount: number, indicatorCount: number): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_NAMES.guide);
  sheet.columns = [{ width: 16 }, { width: 90 }];
  const label = periodLabel(parsePeriod(meta.period));
  const title = sheet.getRow(1).getCell(1);
  title.value = `${meta.departmentName} ${label} 工作进展填报表`;
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 2);
  const lines: [string, string][] = [
    ['下发单位', meta.officeName],
    ['填报科室', meta.departmentName],
    ['填报季度', label],
    ['导出时间', meta.exportedAt.slice(0, 16).replace('T', ' ')],
    ['任务', `“${SHEET_NAMES.tasks}”工作表，共${taskCount}项`],
    ['指标', `“${SHEET_NAMES.indicators}”工作表，共${indicatorCount}项`],
    ['', ''],
    ['如何填写', '1. 只能修改黄色的列，其他列已锁定。'],
    ['', `2. 状态请从下拉列表中选择：${taskStatuses.join('、')}。`],
    ['', '3. 完成百分比填写0到100之间的整数，不带%。'],
    ['', '4. 进展情况、存在问题、下步打算用文字填写，可以换行。'],
    ['', '5. 指标数值只填数字，不带单位；需要说明的写在“说明”列。'],
    ['', '6. 灰色的行已由办公室审核锁定，不能修改。'],
    ['', '7. 请不要增删行列、修改工作表名称或另存为其他格式；填好后保存为 .xlsx 文件发回办公室。'],
    ['', '8. 本表没有电子签名，办公室导入时会核对来源，并逐行检查，有错误的行不会导入。'],
  ];
  lines.forEach(([key, value], index) => {
    const row = sheet.getRow(index + 3);
    row.getCell(1).value = key;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  });
  await sheet.protect(SHEET_PROTECTION_PASSWORD, { selectLockedCells: true, selectUnlockedCells: true, ...SPIN });
}

async function addMetaSheet(workbook: Workbook, meta: SheetMeta): Promise<void> {
  const sheet = workbook.addWorksheet(SHEET_NAMES.meta, { state: 'veryHidden' });
  META_KEYS.forEach((key, index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = key;
    row.getCell(2).value = String(meta[key]);
  });
  await sheet.protect(SHEET_PROTECTION_PASSWORD, SPIN);
}
