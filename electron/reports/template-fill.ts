import type { Cell, DataValidation, Style, Worksheet } from 'exceljs';
import type { TemplateField } from '../../shared/api/reports';
import { cellText } from '../import/readers/cell-text';
import { headerBand, isMergeSlave, mergesOf, sheetWidth, textAt, type CellRange } from './template-detect';
import { NARRATIVE_FIELDS, type FilledValue, type TemplateMapping } from './template-fields';

/*
 * Writing our rows into a superior's form under its header. The form keeps its title, header,
 * widths, print setup and whatever follows the table (填报人, 注:…), which moves down; the sample
 * or blank rows the form came with are replaced by ours, drawn in the first one's style.
 */

export interface FillInput {
  readonly headerRow: number;
  readonly mapping: TemplateMapping;
  readonly rows: readonly (readonly FilledValue[])[];
  readonly periodLabel: string;
  readonly quarterLabel: string;
}

export interface FillResult {
  readonly firstRow: number;
  readonly lastRow: number;
  /** Whether a 年/季度 placeholder above the header now names the period. */
  readonly titleUpdated: boolean;
}

/** Rows below the header read to find where the form's own table rows end. */
const SCAN_LIMIT = 2000;
const MAX_ROW_HEIGHT = 409;

/** Text a form puts in rows meant to be overwritten: 示例, 例：, XX, ……, —, 请填写, 是/否, or just a 序号. */
const SAMPLE_TEXT = /示例|样例|举例|例[:：]|^例$|[xX×]{2,}|某某|……|\.{3,}|请填写|^是[/／或]否$|^[√□]$|^[—\-－/／\\、.。]+$|^\d{1,4}$|^[一二三四五六七八九十]+[、.]?$|^[(（]?\d{1,4}[)）.、]?$/;

interface RowCapture {
  readonly height: number | undefined;
  readonly cells: readonly { readonly column: number; readonly value: Cell['value']; readonly style: Partial<Style>; readonly validation: DataValidation | undefined }[];
}

function cloneStyle(style: Partial<Style> | undefined): Partial<Style> {
  return style ? (structuredClone(style) as Partial<Style>) : {};
}

function hasBorder(style: Partial<Style> | undefined): boolean {
  const border = style?.border;
  return Boolean(border && (border.top?.style || border.bottom?.style || border.left?.style || border.right?.style));
}

/** A row the form came with that is ours to overwrite: empty, or only sample text. */
function isFillerRow(sheet: Worksheet, row: number, table: { lastColumn: number; width: number }, merges: readonly CellRange[]): boolean {
  // A note merged across most of the table (注：…, 填报说明) ends the table.
  const wide = merges.some((m) => m.top === row && m.right - m.left + 1 >= Math.max(2, Math.ceil(table.lastColumn / 2)) && textAt(sheet, row, m.left) !== '');
  if (wide) return false;
  for (let column = 1; column <= table.width; column++) {
    const cell = sheet.findCell(row, column);
    if (!cell || isMergeSlave(cell)) continue;
    const text = textAt(sheet, row, column);
    if (text !== '' && !SAMPLE_TEXT.test(text.replace(/\s+/g, ''))) return false;
  }
  return true;
}

function rowIsBlankAndBare(sheet: Worksheet, row: number, width: number): boolean {
  for (let column = 1; column <= width; column++) {
    const cell = sheet.findCell(row, column);
    if (cell && (textAt(sheet, row, column) !== '' || hasBorder(cell.style))) return false;
  }
  return true;
}

/** A shared formula names its master cell, which may be cleared or moved: keep the formula itself. */
function standaloneValue(cell: Cell): Cell['value'] {
  const value = cell.value;
  if (value && typeof value === 'object' && 'sharedFormula' in value) return { formula: cell.formula, result: value.result } as Cell['value'];
  return value;
}

function captureRow(sheet: Worksheet, row: number, width: number): RowCapture {
  const found = sheet.findRow(row);
  const cells: RowCapture['cells'][number][] = [];
  for (let column = 1; column <= width; column++) {
    const cell = sheet.findCell(row, column);
    if (!cell) continue;
    cells.push({ column, value: isMergeSlave(cell) ? null : standaloneValue(cell), style: cloneStyle(cell.style), validation: cell.dataValidation ? structuredClone(cell.dataValidation) : undefined });
  }
  return { height: found?.height, cells };
}

/** exceljs keeps validations per cell address; its `remove` leaves an empty entry that is then written out. */
function validations(sheet: Worksheet): Record<string, DataValidation | undefined> {
  return (sheet as unknown as { dataValidations: { model: Record<string, DataValidation | undefined> } }).dataValidations.model;
}

/** Empty the row: values, styles, validations and its height. */
function resetRow(sheet: Worksheet, row: number): void {
  const found = sheet.findRow(row);
  if (!found) return;
  const model = validations(sheet);
  found.eachCell({ includeEmpty: true }, (cell) => {
    cell.value = null;
    cell.style = {};
    delete model[cell.address];
  });
  (found as { height: number | undefined }).height = undefined;
}

interface RowStyle {
  readonly styles: readonly Partial<Style>[];
  readonly height: number | undefined;
  /** Merges within the sample row (a wide 进展情况 over two columns), as column spans. */
  readonly spans: readonly { readonly left: number; readonly right: number }[];
  readonly validations: readonly (DataValidation | undefined)[];
}

/** The first sample row's look; without one, thin borders, wrapped text and the header's font. */
function dataRowStyle(sheet: Worksheet, sample: number | null, headerTop: number, lastColumn: number, merges: readonly CellRange[]): RowStyle {
  const columns = Array.from({ length: lastColumn }, (_, i) => i + 1);
  if (sample !== null && columns.some((c) => hasBorder(sheet.findCell(sample, c)?.style))) {
    return {
      styles: columns.map((c) => cloneStyle(sheet.findCell(sample, c)?.style)),
      height: sheet.findRow(sample)?.height,
      spans: merges.filter((m) => m.top === sample && m.bottom === sample && m.right <= lastColumn).map((m) => ({ left: m.left, right: m.right })),
      validations: columns.map((c) => sheet.findCell(sample, c)?.dataValidation),
    };
  }
  const thin = { style: 'thin' as const };
  return {
    styles: columns.map((c) => {
      const header = sheet.findCell(headerTop, c)?.style;
      return {
        ...(header?.font ? { font: { ...structuredClone(header.font), bold: false } } : {}),
        border: { top: thin, left: thin, bottom: thin, right: thin },
        // Short values sit as their title does (centred titles, centred 序号); long text goes left in styleFor.
        alignment: { vertical: 'middle', wrapText: true, ...(header?.alignment?.horizontal ? { horizontal: header.alignment.horizontal } : {}) },
      };
    }),
    height: undefined,
    spans: [],
    validations: [],
  };
}

function columnWidth(sheet: Worksheet, column: number): number {
  return sheet.columns?.[column - 1]?.width ?? sheet.properties.defaultColWidth ?? 8.43;
}

/** Printed lines of a text in a column: Chinese characters take about two widths of a digit. */
function lineCount(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, width - 1) * (11 / fontSize);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let units = 0;
    for (const char of paragraph) units += /[\u2e80-\uffff]/.test(char) ? 2.1 : 1.1;
    lines += Math.max(1, Math.ceil(units / perLine));
  }
  return lines;
}

function percentValue(value: FilledValue, numFmt: string | undefined): FilledValue {
  if (typeof value !== 'number') return value;
  return numFmt?.includes('%') ? value / 100 : `${Math.round(value)}%`;
}

function writeDataRow(sheet: Worksheet, row: number, values: readonly FilledValue[], mapping: TemplateMapping, look: RowStyle): void {
  const target = sheet.getRow(row);
  look.styles.forEach((style, i) => {
    const cell = target.getCell(i + 1);
    cell.style = cloneStyle(style);
    const validation = look.validations[i];
    if (validation) cell.dataValidation = structuredClone(validation);
  });
  for (const span of look.spans) sheet.mergeCells(row, span.left, row, span.right);
  let height = look.height ?? 0;
  mapping.forEach(({ column, field }, i) => {
    const span = look.spans.find((s) => s.left <= column && column <= s.right);
    const cell = target.getCell(span ? span.left : column);
    const value = field === 'percent' ? percentValue(values[i] ?? null, cell.style.numFmt) : (values[i] ?? null);
    cell.value = value === '' ? null : value;
    cell.style = styleFor(field, cell.style);
    if (typeof value === 'string' && value !== '') {
      const width = span ? Array.from({ length: span.right - span.left + 1 }, (_, k) => columnWidth(sheet, span.left + k)).reduce((a, b) => a + b, 0) : columnWidth(sheet, column);
      const fontSize = cell.style.font?.size ?? 11;
      height = Math.max(height, lineCount(value, width, fontSize) * (fontSize * 1.3 + 1) + 4);
    }
  });
  if (height > 0) target.height = Math.min(MAX_ROW_HEIGHT, Math.round(height * 4) / 4);
}

/** Long text wraps and reads from the left, whatever the sample row said; the rest keeps the form's alignment. */
function styleFor(field: TemplateField, style: Partial<Style>): Partial<Style> {
  const alignment = { ...style.alignment, wrapText: true, vertical: style.alignment?.vertical ?? 'middle' };
  if (NARRATIVE_FIELDS.has(field)) alignment.horizontal = 'left';
  return { ...style, alignment };
}

function restoreRow(sheet: Worksheet, row: number, capture: RowCapture): void {
  const target = sheet.getRow(row);
  for (const cell of capture.cells) {
    const to = target.getCell(cell.column);
    to.value = cell.value;
    to.style = cell.style;
    if (cell.validation) to.dataValidation = cell.validation;
  }
  if (capture.height !== undefined) target.height = capture.height;
}

/** Print area: ends after the moved footer (or the last row written). */
function movePrintArea(sheet: Worksheet, regionEnd: number, shift: number, lastWritten: number): void {
  const area = sheet.pageSetup.printArea;
  if (!area || area.includes('&&') || area.includes('!')) return;
  const match = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(area);
  if (!match) return;
  const bottom = Number(match[4]);
  const moved = bottom > regionEnd ? bottom + shift : Math.max(bottom, lastWritten);
  sheet.pageSetup.printArea = `${match[1]}${match[2]}:${match[3]}${moved}`;
}

const DIGIT = '[0-9０-９]';
const BLANK = '[_＿Xx×\\s\\u3000]';
const YEAR_QUARTER = new RegExp(`(?:${DIGIT}{4}|20${BLANK}{2}|${BLANK}{2,8})\\s*年\\s*(?:度\\s*)?第?\\s*(?:[一二三四1-4１-４]|${BLANK}{1,6})\\s*季度`);
const QUARTER = new RegExp(`第\\s*(?:[一二三四1-4１-４]|${BLANK}{1,6})\\s*季度`);
const YEAR_PLACEHOLDER = /(?:20[_＿Xx×]{2}|[_＿]{2,8})\s*年/;

/** 2025年第X季度, ____年第__季度, 第X季度 or 20XX年 in a title → the report's period. */
export function withPeriod(text: string, periodLabel: string, quarterLabel: string): string {
  if (YEAR_QUARTER.test(text)) return text.replace(YEAR_QUARTER, periodLabel);
  if (QUARTER.test(text)) return text.replace(QUARTER, quarterLabel);
  if (YEAR_PLACEHOLDER.test(text)) return text.replace(YEAR_PLACEHOLDER, `${periodLabel.slice(0, 5)}`);
  return text;
}

function updateTitle(sheet: Worksheet, above: number, periodLabel: string, quarterLabel: string): boolean {
  let updated = false;
  const width = sheetWidth(sheet);
  for (let row = 1; row < above; row++) {
    for (let column = 1; column <= width; column++) {
      const cell = sheet.findCell(row, column);
      if (!cell || isMergeSlave(cell)) continue;
      const value = cell.value;
      if (typeof value === 'string') {
        const next = withPeriod(value, periodLabel, quarterLabel);
        if (next !== value) {
          cell.value = next;
          updated = true;
        }
      } else if (value && typeof value === 'object' && 'richText' in value) {
        const runs = value.richText;
        const index = runs.findIndex((run) => withPeriod(run.text, periodLabel, quarterLabel) !== run.text);
        if (index >= 0) {
          cell.value = { richText: runs.map((run, i) => (i === index ? { ...run, text: withPeriod(run.text, periodLabel, quarterLabel) } : run)) };
          updated = true;
        } else {
          const whole = cellText(value);
          const next = withPeriod(whole, periodLabel, quarterLabel);
          if (next !== whole) {
            cell.value = { richText: [{ ...(runs[0]?.font ? { font: runs[0].font } : {}), text: next }] };
            updated = true;
          }
        }
      }
    }
  }
  return updated;
}

export function fillSheet(sheet: Worksheet, input: FillInput): FillResult {
  const merges = mergesOf(sheet);
  const band = headerBand(sheet, input.headerRow, merges);
  const lastColumn = Math.max(band.lastColumn, ...input.mapping.map((m) => m.column));
  const width = Math.max(lastColumn, sheetWidth(sheet));
  const dataStart = band.bottom + 1;
  const lastRow = Math.max(sheet.rowCount, band.bottom);

  let regionEnd = dataStart - 1;
  while (regionEnd < lastRow && regionEnd - dataStart < SCAN_LIMIT && isFillerRow(sheet, regionEnd + 1, { lastColumn, width }, merges)) regionEnd++;
  const hasFooter = regionEnd < lastRow;
  // A bare spacer before 填报人 stays with it.
  if (hasFooter) while (regionEnd >= dataStart && rowIsBlankAndBare(sheet, regionEnd, width)) regionEnd--;

  const look = dataRowStyle(sheet, regionEnd >= dataStart ? dataStart : null, band.top, lastColumn, merges);
  const footer = Array.from({ length: lastRow - regionEnd }, (_, i) => captureRow(sheet, regionEnd + 1 + i, width));
  const footerMerges = merges.filter((m) => m.top > regionEnd);

  for (const merge of merges) if (merge.bottom >= dataStart) sheet.unMergeCells(merge.top, merge.left, merge.bottom, merge.right);
  for (let row = dataStart; row <= lastRow; row++) resetRow(sheet, row);

  input.rows.forEach((values, i) => writeDataRow(sheet, dataStart + i, values, input.mapping, look));
  const shift = input.rows.length - (regionEnd - dataStart + 1);
  footer.forEach((capture, i) => restoreRow(sheet, regionEnd + 1 + i + shift, capture));
  for (const merge of footerMerges) sheet.mergeCells(merge.top + shift, merge.left, merge.bottom + shift, merge.right);

  const lastWritten = dataStart + input.rows.length - 1;
  movePrintArea(sheet, regionEnd, shift, lastWritten);
  // A long table prints over several pages: the header on each, as a clerk would set it.
  if (!sheet.pageSetup.printTitlesRow) sheet.pageSetup.printTitlesRow = `${band.top}:${band.bottom}`;
  const titleUpdated = updateTitle(sheet, band.top, input.periodLabel, input.quarterLabel);
  return { firstRow: dataStart, lastRow: lastWritten, titleUpdated };
}
