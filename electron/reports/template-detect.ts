import type { Cell, Worksheet } from 'exceljs';
import type { TemplateField } from '../../shared/api/reports';
import { cellText } from '../import/readers/cell-text';
import { columnLetter, type TemplateMapping, type TemplateRows } from './template-fields';
import { contextOfHeaders, headerCandidates, isKnownHeader, type HeaderContext } from './template-headers';

/*
 * Reading a superior's blank form: where its header is (a title above, column titles often over
 * two rows with merged cells), what each column is called, and our guess of the mapping.
 */

/** Rows searched for the header: forms put a title, a 填报单位 line and the header in the first few. */
const HEADER_SEARCH_ROWS = 15;
/** A header over more rows than this is not a header. */
const MAX_BAND_ROWS = 4;
const PREVIEW_ROWS = 20;
const PREVIEW_COLUMNS = 40;
const PREVIEW_TEXT = 60;

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 'AB12' → column 28, row 12. */
function decodeAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

function parseRange(range: string): CellRange {
  const [from, to = from] = range.split(':') as [string, string?];
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

export function mergesOf(sheet: Worksheet): CellRange[] {
  return sheet.model.merges.map(parseRange);
}

/** A cell covered by a merge but not its top-left one (exceljs returns the master's value there). */
export function isMergeSlave(cell: Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

/** The text as a clerk reads it: one line, no spaces between Chinese characters (序  号, 牵头\n单位). */
function displayText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '')
    .trim();
}

/** Columns we look at: mappings go up to 200, and exceljs counts columns by walking every row. */
const MAX_COLUMNS = 200;

export function sheetWidth(sheet: Worksheet): number {
  return Math.min(sheet.columnCount, MAX_COLUMNS);
}

/** Reads without creating cells (getCell would add empty ones to the form). */
export function textAt(sheet: Worksheet, row: number, column: number): string {
  const cell = sheet.findCell(row, column);
  return cell ? displayText(cellText(cell.value)) : '';
}

/** Columns holding anything in a row range (merged texts count over their whole width). */
function lastTextColumn(sheet: Worksheet, top: number, bottom: number, width = sheetWidth(sheet)): number {
  let last = 0;
  for (let row = top; row <= bottom; row++) {
    for (let column = width; column > last; column--) {
      if (textAt(sheet, row, column) !== '') {
        last = column;
        break;
      }
    }
  }
  return last;
}

/** Text cells of a row, each merged cell once. */
function rowTexts(sheet: Worksheet, row: number, width: number): string[] {
  const texts: string[] = [];
  for (let column = 1; column <= width; column++) {
    const cell = sheet.findCell(row, column);
    if (!cell || isMergeSlave(cell)) continue;
    const text = textAt(sheet, row, column);
    if (text !== '') texts.push(text);
  }
  return texts;
}

/** The first row of the top 15 with two known titles; else the first with three texts; else none. */
export function detectHeaderRow(sheet: Worksheet): number | null {
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  const width = sheetWidth(sheet);
  for (let row = 1; row <= last; row++) {
    if (rowTexts(sheet, row, width).filter(isKnownHeader).length >= 2) return row;
  }
  for (let row = 1; row <= last; row++) {
    if (rowTexts(sheet, row, width).length >= 3) return row;
  }
  return null;
}

export interface HeaderBand {
  readonly top: number;
  readonly bottom: number;
  /** The table's last column: the rightmost with a title. */
  readonly lastColumn: number;
}

/**
 * The rows the header spans: those of the merged cells crossing the header row (序号 over rows
 * 3–4), and a row of sub-titles under a title merged across columns (推进情况 over 进展情况 and 存在问题)
 * even when the form left the other titles unmerged.
 */
export function headerBand(sheet: Worksheet, headerRow: number, merges: readonly CellRange[] = mergesOf(sheet)): HeaderBand {
  let top = headerRow;
  let bottom = headerRow;
  for (const merge of merges) {
    if (merge.top <= headerRow && headerRow <= merge.bottom && merge.bottom - merge.top < MAX_BAND_ROWS) {
      top = Math.min(top, merge.top);
      bottom = Math.max(bottom, merge.bottom);
    }
  }
  const width = sheetWidth(sheet);
  while (bottom - top + 1 < MAX_BAND_ROWS && bottom < sheet.rowCount && isSubHeaderRow(sheet, bottom + 1, { top, bottom, width }, merges)) bottom++;
  return { top, bottom, lastColumn: lastTextColumn(sheet, top, bottom, width) };
}

function isSubHeaderRow(sheet: Worksheet, row: number, band: { top: number; bottom: number; width: number }, merges: readonly CellRange[]): boolean {
  const groups = merges.filter((m) => m.top >= band.top && m.bottom <= band.bottom && m.right > m.left);
  let known = 0;
  for (let column = 1; column <= band.width; column++) {
    const cell = sheet.findCell(row, column);
    if (!cell || isMergeSlave(cell)) continue;
    const text = textAt(sheet, row, column);
    if (text === '') continue;
    if (typeof cell.value === 'number') return false;
    const underGroup = groups.some((g) => g.left <= column && column <= g.right);
    if (!underGroup || !isKnownHeader(text)) return false;
    known++;
  }
  return known > 0;
}

export interface HeaderColumn {
  readonly column: number;
  readonly letter: string;
  /** The titles from top to bottom of the band, each once: 推进情况／进展情况. */
  readonly parts: readonly string[];
  readonly header: string;
}

export function headerColumns(sheet: Worksheet, band: HeaderBand): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (let column = 1; column <= band.lastColumn; column++) {
    const parts: string[] = [];
    for (let row = band.top; row <= band.bottom; row++) {
      const text = textAt(sheet, row, column);
      if (text !== '' && parts.at(-1) !== text) parts.push(text);
    }
    columns.push({ column, letter: columnLetter(column), parts, header: parts.join('／') });
  }
  return columns;
}

/** The lowest title says most (进展情况 under 推进情况); the group title is the fallback. */
function fieldOfColumn(column: HeaderColumn, context: HeaderContext): TemplateField | null {
  for (const part of [...column.parts].reverse()) {
    const candidates = headerCandidates(part, context);
    if (candidates.length > 0) return candidates[0]!;
    // 责任单位 in an indicator form names who owns the indicator.
    if (context === 'indicators' && headerCandidates(part, 'tasks')[0] === 'units') return 'departments';
  }
  return null;
}

const REPEAT_OK = new Set<TemplateField>(['number', 'departments']);

/** Our guess: tasks or indicators by the titles that decide it, each field once (the leftmost column wins). */
export function suggestMapping(columns: readonly HeaderColumn[]): TemplateMapping {
  const context: TemplateRows = contextOfHeaders(columns.map((c) => c.parts.at(-1) ?? ''));
  const used = new Set<TemplateField>();
  const mapping: { column: number; field: TemplateField }[] = [];
  for (const column of columns) {
    const field = fieldOfColumn(column, context);
    if (!field || (used.has(field) && !REPEAT_OK.has(field))) continue;
    used.add(field);
    mapping.push({ column: column.column, field });
  }
  return mapping;
}

/** The top rows as text (merged cells repeat their text), for the clerk to recognise the form. */
export function previewRows(sheet: Worksheet): string[][] {
  const rows = Math.min(sheet.rowCount, PREVIEW_ROWS);
  const width = Math.min(lastTextColumn(sheet, 1, rows), PREVIEW_COLUMNS);
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const text = textAt(sheet, r + 1, c + 1);
      return text.length > PREVIEW_TEXT ? `${text.slice(0, PREVIEW_TEXT - 1)}…` : text;
    }),
  );
}

export function sheetHasText(sheet: Worksheet): boolean {
  return lastTextColumn(sheet, 1, Math.min(sheet.rowCount, 200)) > 0;
}
