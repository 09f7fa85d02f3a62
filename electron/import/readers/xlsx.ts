/**
 * Excel (.xlsx) via exceljs. Every visible sheet becomes a table (see ReadTable for the shape;
 * merged ranges: value in the top-left cell, '' elsewhere). The text is one line per row, cells
 * joined by '\t' and line breaks inside a cell turned into spaces, trailing empty cells dropped;
 * sheets are separated by a '\f' line.
 */
import { cellText } from './cell-text';
import { ReadError } from './read-error';
import type { ReadResult, ReadTable } from './types';

const corruptXlsx = '无法读取该 Excel 文件，文件可能已损坏或含有不支持的内容。请用 WPS 或 Excel 打开它，另存为新的 .xlsx 文件后再导入';

/** exceljs ValueType.Merge: a cell covered by a merged range other than its top-left cell. */
const MERGE_SLAVE = 1;

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new ReadError('CORRUPT', corruptXlsx, { cause: error });
  }

  const tables: ReadTable[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const grid: string[][] = []; // sparse: only rows with text
    let width = 0;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const text = (cell.type as number) === MERGE_SLAVE ? '' : cellText(cell.value, cell.numFmt);
        if (text !== '') cells[colNumber - 1] = text;
      });
      if (cells.length > 0) {
        grid[rowNumber - 1] = cells;
        width = Math.max(width, cells.length);
      }
    });
    if (grid.length === 0) continue;
    const rows = Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? ''));
    tables.push({ sheet: sheet.name, rows });
  }
  if (tables.length === 0) throw new ReadError('EMPTY', 'Excel 文件中没有内容。请确认选对了文件和工作表');

  const text = tables.map((table) => table.rows.map(rowText).join('\n')).join('\n\f\n');
  return { format: 'xlsx', text, tables };
}

function rowText(row: readonly string[]): string {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row
    .slice(0, end)
    .map((cell) => cell.replace(/\s*\n\s*/g, ' '))
    .join('\t');
}
