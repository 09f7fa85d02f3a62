/**
 * Excel (.xlsx) via exceljs. Every visible sheet becomes a table (see ReadTable for the shape;
 * merged ranges: value in the top-left cell, '' elsewhere). The text is one line per row, cells
 * joined by '\t' and line breaks inside a cell turned into spaces, trailing empty cells dropped;
 * sheets are separated by a '\f' line.
 */
import type { Workbook } from 'exceljs';
import { cellText } from './cell-text';
import { READ_LIMITS, TO_SPLIT, checkTextLength } from './limits';
import { ReadError } from './read-error';
import { loadWorkbook } from './workbook-load';
import type { ReadResult, ReadTable } from './types';

const corruptXlsx = '无法读取该 Excel 文件，文件可能已损坏或含有不支持的内容。请用 WPS 或 Excel 打开它，另存为新的 .xlsx 文件后再导入';

/** exceljs ValueType.Merge: a cell covered by a merged range other than its top-left cell. */
const MERGE_SLAVE = 1;

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(bytes, { textOnly: true });
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('CORRUPT', corruptXlsx, { cause: error });
  }

  const tables: ReadTable[] = [];
  let gridCells = 0;
  let textChars = 0;
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const grid: string[][] = []; // sparse: only rows with text
    let width = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const text = (cell.type as number) === MERGE_SLAVE ? '' : cellText(cell.value, cell.numFmt);
        if (text.length > READ_LIMITS.cellChars) throw cellTooLong(sheet.name, cell.address);
        if (text !== '') cells[colNumber - 1] = text;
        textChars += text.length;
      });
      if (cells.length > 0) {
        grid[rowNumber - 1] = cells;
        width = Math.max(width, cells.length);
      }
    });
    if (grid.length === 0) continue;
    // The table keeps every row and column position up to the last one used: a stray cell far
    // down or right would make it millions of empty cells.
    gridCells += grid.length * width;
    if (grid.length > READ_LIMITS.sheetRows || width > READ_LIMITS.sheetColumns || gridCells > READ_LIMITS.tableCells) throw rangeTooLarge(sheet.name, grid.length, width);
    checkTextLength(textChars);
    const rows = Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? ''));
    tables.push({ sheet: sheet.name, rows });
  }
  if (tables.length === 0) throw new ReadError('EMPTY', 'Excel 文件中没有内容。请确认选对了文件和工作表');

  const text = tables.map((table) => table.rows.map(rowText).join('\n')).join('\n\f\n');
  return { format: 'xlsx', text, tables };
}

function cellTooLong(sheet: string, address: string): ReadError {
  return new ReadError('TOO_LARGE', `工作表“${sheet}”的单元格 ${address} 内容过长（超过 Excel 单元格的上限 ${READ_LIMITS.cellChars} 字）。请删去过长的内容后再导入`);
}

function rangeTooLarge(sheet: string, rows: number, columns: number): ReadError {
  return new ReadError(
    'TOO_LARGE',
    `工作表“${sheet}”的内容范围过大（用到第 ${rows} 行、第 ${columns} 列，上限 ${READ_LIMITS.sheetRows} 行、${READ_LIMITS.sheetColumns} 列，全部工作表合计 ${READ_LIMITS.tableCells / 10_000} 万格）。请删除远处多余的单元格内容，或${TO_SPLIT}`,
  );
}

function rowText(row: readonly string[]): string {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row
    .slice(0, end)
    .map((cell) => cell.replace(/\s*\n\s*/g, ' '))
    .join('\t');
}
