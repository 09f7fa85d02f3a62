import { randomUUID } from 'node:crypto';
import type { Worksheet } from 'exceljs';
import type { CallResult, ParsedArgs } from '../../shared/api';
import type { ReportModel, ReportTemplate } from '../../shared/api/reports';
import { columnMapping } from '../../shared/api/reports';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { reportBaseName, safeFileName } from './files';
import { detectHeaderRow, headerBand, headerColumns, previewRows, sheetWidth, suggestMapping } from './template-detect';
import { checkMapping, columnLetter, filledRows, rowsOfMapping, type TemplateRows } from './template-fields';
import { fillSheet } from './template-fill';
import { decodeForm, loadForm, visibleSheets } from './template-workbook';

/*
 * 上级表样: a superior's blank Excel form, the columns mapped to our fields once per recipient
 * (stored on this PC only), then filled from the quarter's report model whenever asked.
 */

interface TemplateRow {
  readonly id: string;
  readonly recipient: string;
  readonly file_name: string;
  readonly sheet_name: string;
  readonly header_row: number;
  readonly mapping: string;
  readonly rows: string;
  readonly updated_at: string;
}

const COLUMNS = 'id, recipient, file_name, sheet_name, header_row, mapping, rows, updated_at';

function toTemplate(row: TemplateRow): ReportTemplate {
  return {
    id: row.id,
    recipient: row.recipient,
    fileName: row.file_name,
    sheetName: row.sheet_name,
    headerRow: row.header_row,
    mapping: columnMapping.parse(JSON.parse(row.mapping)),
    rows: row.rows === 'indicators' ? 'indicators' : 'tasks',
    updatedAt: row.updated_at,
  };
}

export function listTemplates(core: Core): CallResult<'report.templates.list'> {
  const rows = core.db.prepare(`SELECT ${COLUMNS} FROM report_templates`).all() as TemplateRow[];
  return rows.map(toTemplate).sort((a, b) => a.recipient.localeCompare(b.recipient, 'zh-CN'));
}

export async function inspectTemplate(file: ParsedArgs<'report.templates.inspect'>['file']): Promise<CallResult<'report.templates.inspect'>> {
  const workbook = await loadForm(decodeForm(file.contentBase64, file.fileName), file.fileName);
  return {
    sheets: visibleSheets(workbook).map((sheet) => {
      const headerRow = detectHeaderRow(sheet) ?? firstTextRow(sheet);
      const columns = headerColumns(sheet, headerBand(sheet, headerRow));
      return {
        name: sheet.name,
        headerRow,
        columns: columns.map((c) => ({ column: c.column, letter: c.letter, header: c.header })),
        suggested: [...suggestMapping(columns)],
        preview: previewRows(sheet),
      };
    }),
  };
}

function firstTextRow(sheet: Worksheet): number {
  const rows = previewRows(sheet);
  const index = rows.findIndex((cells) => cells.some((text) => text !== ''));
  return index >= 0 ? index + 1 : 1;
}

/** The sheet, header row and columns the clerk chose exist in the form; the fields make one kind of row. */
function checkChoice(sheet: Worksheet | undefined, args: ParsedArgs<'report.templates.save'>, sheetNames: readonly string[]): TemplateRows {
  if (!sheet) throw new AppError('INVALID_ARGUMENT', `表样中没有名为“${args.sheetName}”的工作表（现有：${sheetNames.join('、')}）`, { sheetName: '表样中没有该工作表' });
  if (args.headerRow > sheet.rowCount) {
    throw new AppError('INVALID_ARGUMENT', `“${sheet.name}”工作表只有${sheet.rowCount}行，表头行不能是第${args.headerRow}行`, { headerRow: `表头行应在第1—${sheet.rowCount}行之间` });
  }
  const width = Math.max(sheetWidth(sheet), headerBand(sheet, args.headerRow).lastColumn);
  const outside = args.mapping.find((m) => m.column > width);
  if (outside) {
    throw new AppError('INVALID_ARGUMENT', `“${sheet.name}”工作表只到${columnLetter(width)}列，没有${columnLetter(outside.column)}列`, { mapping: `没有${columnLetter(outside.column)}列` });
  }
  checkMapping(args.mapping);
  return rowsOfMapping(args.mapping);
}

export async function saveTemplate(core: Core, args: ParsedArgs<'report.templates.save'>): Promise<CallResult<'report.templates.save'>> {
  const bytes = decodeForm(args.file.contentBase64, args.file.fileName);
  const workbook = await loadForm(bytes, args.file.fileName);
  const sheets = visibleSheets(workbook);
  const rows = checkChoice(
    sheets.find((s) => s.name === args.sheetName),
    args,
    sheets.map((s) => s.name),
  );
  const mapping = [...args.mapping].sort((a, b) => a.column - b.column);
  const now = new Date(core.now()).toISOString();
  const existing = core.db.prepare('SELECT id FROM report_templates WHERE recipient = ?').pluck().get(args.recipient) as string | undefined;
  const id = existing ?? randomUUID();
  core.db
    .prepare(
      `INSERT INTO report_templates (id, recipient, file_name, form, sheet_name, header_row, mapping, rows, created_at, updated_at)
       VALUES (@id, @recipient, @fileName, @form, @sheetName, @headerRow, @mapping, @rows, @now, @now)
       ON CONFLICT(id) DO UPDATE SET file_name = excluded.file_name, form = excluded.form, sheet_name = excluded.sheet_name,
         header_row = excluded.header_row, mapping = excluded.mapping, rows = excluded.rows, updated_at = excluded.updated_at`,
    )
    .run({ id, recipient: args.recipient, fileName: args.file.fileName, form: Buffer.from(bytes), sheetName: args.sheetName, headerRow: args.headerRow, mapping: JSON.stringify(mapping), rows, now });
  return toTemplate(core.db.prepare(`SELECT ${COLUMNS} FROM report_templates WHERE id = ?`).get(id) as TemplateRow);
}

export function deleteTemplate(core: Core, id: string): void {
  const { changes } = core.db.prepare('DELETE FROM report_templates WHERE id = ?').run(id);
  if (changes === 0) throw new AppError('NOT_FOUND', '该上级表样不存在或已被删除');
}

export async function fillTemplate(core: Core, templateId: string, model: ReportModel): Promise<{ fileName: string; bytes: Uint8Array; summary: string }> {
  const row = core.db.prepare(`SELECT ${COLUMNS}, form FROM report_templates WHERE id = ?`).get(templateId) as (TemplateRow & { form: Buffer }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该上级表样不存在或已被删除');
  const template = toTemplate(row);
  const workbook = await loadForm(new Uint8Array(row.form), template.fileName);
  const sheet = workbook.getWorksheet(template.sheetName);
  if (!sheet) throw new AppError('INVALID_ARGUMENT', `表样中没有“${template.sheetName}”工作表，请重新添加该表样`);
  const what = template.rows === 'indicators' ? '项指标' : '项重点工作';
  const values = filledRows(model, template.rows, template.mapping);
  if (values.length === 0) throw new AppError('INVALID_ARGUMENT', `所选范围内没有可填写的${what.slice(1)}，请调整季度或筛选条件后再生成`);
  const filled = fillSheet(sheet, { headerRow: template.headerRow, mapping: template.mapping, rows: values, periodLabel: model.periodLabel, quarterLabel: model.quarterLabel });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  } catch {
    throw new AppError('INVALID_ARGUMENT', `“${template.fileName}”含有本程序无法写回的内容。请用 Excel 或 WPS 打开表样，另存为新的 .xlsx 文件后重新添加`);
  }
  const kind = template.rows === 'indicators' ? 'indicators' : 'ledger';
  return {
    fileName: `${safeFileName(`${template.recipient}_${reportBaseName(model, kind)}`)}.xlsx`,
    bytes,
    summary: `已按${template.recipient}表样填写${model.periodLabel}${model.scopeLabel}${values.length}${what}（“${sheet.name}”工作表第${filled.firstRow}—${filled.lastRow}行）`,
  };
}
