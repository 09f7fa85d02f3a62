import type { Cell, Workbook, Worksheet } from 'exceljs';
import { isPeriod } from '../../shared/domain/period';
import { AppError } from '../core/app-error';
import { cellText } from '../import/readers/cell-text';
import { ReadError } from '../import/readers/read-error';
import { loadWorkbook } from '../import/readers/workbook-load';
import { HEADER_ROWS, INDICATOR_COLUMNS, META_KEYS, SHEET_FORMAT_VERSION, SHEET_KIND, SHEET_NAMES, TASK_COLUMNS, columnOf, type ColumnSpec, type SheetMeta } from './sheet-format';

/*
 * Reading a filled-in sheet back: the hidden marker, then the editable cells of every data row
 * with the hidden keys that say which record each row is. Only the shape is checked here; what
 * the values mean is judged against the database in sheet-compare.
 */

/** A number cell stays a number; anything else is its text (so "30%" or "差不多" can be reported as typed). */
export type CellInput = number | string;

export interface SheetTaskRow {
  readonly row: number;
  readonly taskId: string;
  readonly departmentId: string;
  readonly period: string;
  /** 序号 and 任务 as exported (to name the row in the preview). */
  readonly label: string;
  readonly status: string;
  readonly percent: CellInput;
  readonly progressText: string;
  readonly problemsText: string;
  readonly nextStepsText: string;
}

export interface SheetIndicatorRow {
  readonly row: number;
  readonly indicatorId: string;
  readonly period: string;
  readonly label: string;
  readonly value: CellInput;
  readonly note: string;
}

export interface ReadSheet {
  readonly meta: SheetMeta;
  readonly tasks: readonly SheetTaskRow[];
  readonly indicators: readonly SheetIndicatorRow[];
}

const NOT_OURS = '该文件不是本程序导出的Excel填报表。请使用“数据交换”中导出的填报表，由填报单位填写后原样发回（不要复制到新文件或改名工作表）';

function refuse(message: string): never {
  throw new AppError('INVALID_ARGUMENT', message);
}

export async function readSheet(bytes: Uint8Array): Promise<ReadSheet> {
  // .xlsx is a ZIP file: anything else (old .xls, CSV, a renamed document) is refused before exceljs sees it.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    refuse('该文件不是 .xlsx 格式的Excel填报表。如果填报单位另存成了 .xls 或其他格式，请让其用 Excel 或 WPS 另存为 .xlsx 后再发回');
  }
  let workbook: Workbook;
  try {
    // Through the guard every .xlsx from outside passes (zip bombs, ranges exceljs expands cell by cell).
    workbook = await loadWorkbook(bytes, { textOnly: false });
  } catch (error) {
    if (error instanceof ReadError && error.code !== 'CORRUPT') refuse(`该Excel填报表无法导入：${error.message}`);
    refuse('无法读取该Excel文件，文件可能已损坏。请让填报单位用 Excel 或 WPS 打开后重新保存为 .xlsx 再发回');
  }

  const meta = readMeta(workbook.getWorksheet(SHEET_NAMES.meta));
  const taskSheet = workbook.getWorksheet(SHEET_NAMES.tasks);
  const indicatorSheet = workbook.getWorksheet(SHEET_NAMES.indicators);
  if (!taskSheet || !indicatorSheet) refuse(`填报表缺少“${!taskSheet ? SHEET_NAMES.tasks : SHEET_NAMES.indicators}”工作表，可能被删除或改名。请重新导出填报表让填报单位填写`);
  checkHeaders(taskSheet, TASK_COLUMNS);
  checkHeaders(indicatorSheet, INDICATOR_COLUMNS);
  return { meta, tasks: readTaskRows(taskSheet), indicators: readIndicatorRows(indicatorSheet) };
}

function readMeta(sheet: Worksheet | undefined): SheetMeta {
  if (!sheet) refuse(NOT_OURS);
  const values = new Map<string, string>();
  sheet.eachRow((row) => {
    values.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value));
  });
  if (values.get('kind') !== SHEET_KIND) refuse(NOT_OURS);
  const version = Number(values.get('formatVersion'));
  if (!Number.isInteger(version) || version < 1) refuse(NOT_OURS);
  if (version > SHEET_FORMAT_VERSION) refuse('该填报表由更新版本的目标台账导出，请升级本软件后再导入');
  for (const key of META_KEYS) if (!values.get(key)) refuse(NOT_OURS);
  const period = values.get('period')!;
  if (!isPeriod(period)) refuse(NOT_OURS);
  return {
    kind: SHEET_KIND,
    formatVersion: version,
    officeId: values.get('officeId')!,
    officeName: values.get('officeName')!,
    departmentId: values.get('departmentId')!,
    departmentName: values.get('departmentName')!,
    period,
    exportedAt: values.get('exportedAt')!,
  };
}

function checkHeaders(sheet: Worksheet, columns: readonly ColumnSpec[]): void {
  const header = sheet.getRow(HEADER_ROWS);
  columns.forEach((column, index) => {
    const text = cellText(header.getCell(index + 1).value);
    if (text !== column.header) {
      refuse(`“${sheet.name}”工作表的第${index + 1}列应为“${column.header}”，现在是“${text || '空'}”。表格的列被改动过，无法确定各列的含义，请重新导出填报表让填报单位填写`);
    }
  });
}

function input(cell: Cell): CellInput {
  const value = cell.value as unknown;
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value && typeof (value as { result: unknown }).result === 'number') return (value as { result: number }).result;
  return cellText(value);
}

/** Text of a cell with Windows line ends made plain, so an unchanged text compares equal. */
function text(cell: Cell): string {
  return cellText(cell.value).replace(/\r\n?/g, '\n');
}

function dataRows(sheet: Worksheet, visit: (get: (key: string) => Cell, rowNumber: number) => void, columns: readonly ColumnSpec[]): void {
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= HEADER_ROWS) return;
    visit((key) => row.getCell(columnOf(columns, key)), rowNumber);
  });
}

function readTaskRows(sheet: Worksheet): SheetTaskRow[] {
  const rows: SheetTaskRow[] = [];
  dataRows(
    sheet,
    (get, row) => {
      const entry: SheetTaskRow = {
        row,
        taskId: text(get('taskId')),
        departmentId: text(get('departmentId')),
        period: text(get('period')),
        label: [text(get('number')), text(get('title'))].filter(Boolean).join(' '),
        status: text(get('status')),
        percent: input(get('percent')),
        progressText: text(get('progressText')),
        problemsText: text(get('problemsText')),
        nextStepsText: text(get('nextStepsText')),
      };
      const empty = !entry.taskId && !entry.label && !entry.status && entry.percent === '' && !entry.progressText && !entry.problemsText && !entry.nextStepsText;
      if (!empty) rows.push(entry);
    },
    TASK_COLUMNS,
  );
  return rows;
}

function readIndicatorRows(sheet: Worksheet): SheetIndicatorRow[] {
  const rows: SheetIndicatorRow[] = [];
  dataRows(
    sheet,
    (get, row) => {
      const entry: SheetIndicatorRow = {
        row,
        indicatorId: text(get('indicatorId')),
        period: text(get('period')),
        label: text(get('name')),
        value: input(get('value')),
        note: text(get('note')),
      };
      if (entry.indicatorId || entry.label || entry.value !== '' || entry.note) rows.push(entry);
    },
    INDICATOR_COLUMNS,
  );
  return rows;
}
