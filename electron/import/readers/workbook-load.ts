/**
 * The one way an .xlsx from outside is opened with exceljs (plan import, returned fill-in sheets,
 * superiors' blank forms): through guardOoxml, so that no archive reaches exceljs as it came.
 */
import type { Workbook } from 'exceljs';
import { guardOoxml } from './ooxml-guard';

/**
 * The workbook, or a ReadError (too large, a bomb, damaged, encrypted) from the guard; an error
 * exceljs itself throws on the cleaned archive is passed on as it is, for the caller to word.
 * `textOnly`: the caller reads cell text only (pictures, data validations and names left out).
 */
export async function loadWorkbook(bytes: Uint8Array, options: { readonly textOnly: boolean }): Promise<Workbook> {
  const safe = await guardOoxml(bytes, { kind: 'xlsx', textOnly: options.textOnly });
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(safe.buffer.slice(safe.byteOffset, safe.byteOffset + safe.byteLength) as ArrayBuffer);
  return workbook;
}
