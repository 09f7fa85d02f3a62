import type { Workbook, Worksheet } from 'exceljs';
import { AppError } from '../core/app-error';
import { detectFormat } from '../import/readers/detect';
import { ReadError } from '../import/readers/read-error';
import { loadWorkbook } from '../import/readers/workbook-load';
import { sheetHasText } from './template-detect';

/*
 * Opening a superior's blank form: only a readable .xlsx with something in it; every refusal
 * says in Chinese what to do, and nothing is stored.
 */

/** A blank form is a few hundred KB; anything much larger is not a form. */
const MAX_FORM_BYTES = 20 * 1024 * 1024;

function refuse(message: string): never {
  throw new AppError('INVALID_ARGUMENT', message);
}

/** Why the bytes cannot be a form, before exceljs sees them (old .xls, WPS .et, Word, zip bombs…). */
function checkBytes(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) refuse(`“${fileName}”是空文件，请检查后重新选择`);
  if (bytes.length > MAX_FORM_BYTES) refuse(`“${fileName}”超过20MB，不像是空白表样。请选择上级下发的空白Excel表格`);
  let format: string;
  try {
    format = detectFormat(bytes, fileName);
  } catch (error) {
    if (error instanceof ReadError) refuse(`“${fileName}”无法作为表样：${error.message.replace(/导入/g, '添加')}`);
    throw error;
  }
  if (format !== 'xlsx') refuse(`“${fileName}”不是Excel（.xlsx）表格。请选择上级下发的空白Excel表样；如果是 .xls 或 WPS 表格，请先另存为 .xlsx`);
}

export function decodeForm(contentBase64: string, fileName: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
  checkBytes(bytes, fileName);
  return bytes;
}

export async function loadForm(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  checkBytes(bytes, fileName);
  let workbook: Workbook;
  try {
    // Through the guard every .xlsx from outside passes (zip bombs, ranges exceljs expands cell by cell).
    workbook = await loadWorkbook(bytes, { textOnly: false });
  } catch (error) {
    if (error instanceof ReadError && error.code !== 'CORRUPT') refuse(`“${fileName}”无法作为表样：${error.message.replace(/导入/g, '添加')}`);
    refuse(`无法读取“${fileName}”，文件可能已损坏或含有不支持的内容。请用 Excel 或 WPS 打开后另存为新的 .xlsx 文件再添加`);
  }
  if (visibleSheets(workbook).length === 0) {
    refuse(`“${fileName}”中没有任何内容。请选择上级下发的、带有表头的空白表样`);
  }
  return workbook;
}

/** Sheets a clerk can see that hold something (a hidden lookup sheet is not the form). */
export function visibleSheets(workbook: Workbook): Worksheet[] {
  return workbook.worksheets.filter((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden' && sheetHasText(sheet));
}
