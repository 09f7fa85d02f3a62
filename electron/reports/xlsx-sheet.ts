import type { Row, Style, Workbook, Worksheet } from 'exceljs';
import type { ReportModel } from '../../shared/api/reports';
import type { Column } from '../../shared/reports/columns';
import { FONT_SIZES, PAGE_FOOTER, heightForLines, rowHeight, styles, wrappedLines } from './xlsx-style';

/*
 * One printed table per sheet: a merged title row, a scope/date row, the header row (frozen
 * and repeated on every printed page), then body rows and merged band rows (plan, section,
 * totals). A4 landscape, one page wide, page numbers in the footer.
 */

export type CellValue = string | number | null;

/** Margins in inches: about 1 cm at the sides, room for the footer at the bottom. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.65, header: 0.3, footer: 0.3 };
const TITLE_HEIGHT = 30;
const INFO_HEIGHT = 20;
/** exceljs writes no <col> for a width of 9 (its idea of the default). */
const EXCELJS_DEFAULT_WIDTH = 9;
/** The date half of the info row needs about this many Excel characters. */
const INFO_RIGHT_WIDTH = 24;
/**
 * Columns the shared definitions keep narrow for the screen but whose usual words must stay on
 * one line in Excel's 宋体: 2025年12月底 needs 13 characters.
 */
const MIN_WIDTHS: Readonly<Record<string, number>> = { deadline: 13 };

/** Excel width of a column: its shared definition, widened where the usual words need it. */
export function excelWidth(column: Pick<Column<unknown>, 'key' | 'width'>): number {
  return Math.max(column.width, MIN_WIDTHS[column.key] ?? 0);
}

/** 2025年一季度 → 2025年 / 一季度: a header broken where a reader expects, not mid-word. */
export function headerText(header: string): string {
  return header.replace(/^(\d{4}年)(.+)$/, '$1\n$2');
}

export async function newWorkbook(model: Pick<ReportModel, 'generatedAt'>): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '目标台账';
  workbook.created = new Date(model.generatedAt);
  workbook.modified = workbook.created;
  return workbook;
}

export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** An integer written as text (序号 "12") is stored as a number so Excel shows no "number stored as text" flag. */
export function numberLike(value: CellValue): CellValue {
  if (typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
  return value === '' ? null : value;
}

export class ReportSheet<RowT> {
  readonly sheet: Worksheet;
  readonly span: number;
  private readonly widths: number[];
  private readonly wraps: boolean[];
  private readonly totalWidth: number;
  private next = 1;

  constructor(
    workbook: Workbook,
    name: string,
    readonly columns: readonly Column<RowT>[],
  ) {
    this.span = columns.length;
    this.widths = columns.map(excelWidth);
    this.wraps = columns.map((c) => c.wrap);
    this.totalWidth = this.widths.reduce((a, b) => a + b, 0);
    this.sheet = workbook.addWorksheet(name, {
      // exceljs leaves out columns 9 wide as "default"; make 9 the sheet's default so they keep it.
      properties: { defaultColWidth: EXCELJS_DEFAULT_WIDTH },
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: MARGINS,
      },
      headerFooter: { oddFooter: PAGE_FOOTER, differentFirst: false, differentOddEven: false },
    });
    this.widths.forEach((width, i) => {
      this.sheet.getColumn(i + 1).width = width;
    });
  }

  private take(): Row {
    return this.sheet.getRow(this.next++);
  }

  /** Text merged across the whole table (title, plan, section and total rows). */
  band(text: string, style: Partial<Style>, fontSize: number, minHeight = 0): number {
    const row = this.take();
    const cell = row.getCell(1);
    cell.value = text;
    cell.style = style;
    row.height = Math.max(minHeight, heightForLines(wrappedLines(text, this.totalWidth, fontSize), fontSize));
    if (this.span > 1) this.sheet.mergeCells(row.number, 1, row.number, this.span);
    return row.number;
  }

  title(text: string): void {
    this.band(text, styles.title, FONT_SIZES.title, TITLE_HEIGHT);
  }

  /** 范围… on the left, 生成日期… on the right, under the title. */
  info(left: string, right: string): void {
    const row = this.take();
    row.height = INFO_HEIGHT;
    let split = this.span;
    for (let width = 0; split > 1 && width < INFO_RIGHT_WIDTH; ) width += this.widths[--split]!;
    const leftCell = row.getCell(1);
    leftCell.value = left;
    leftCell.style = styles.infoLeft;
    const rightCell = row.getCell(split + 1);
    rightCell.value = right;
    rightCell.style = styles.infoRight;
    if (split > 1) this.sheet.mergeCells(row.number, 1, row.number, split);
    if (this.span - split > 1) this.sheet.mergeCells(row.number, split + 1, row.number, this.span);
  }

  /** The column titles: frozen below and printed atop every page. */
  header(): void {
    const row = this.take();
    const headerRow = row.number;
    const headers = this.columns.map((c) => headerText(c.header));
    headers.forEach((header, i) => {
      const cell = row.getCell(i + 1);
      cell.value = header;
      cell.style = styles.header;
    });
    row.height = Math.max(24, rowHeight(headers, this.widths, this.columns.map(() => true), FONT_SIZES.header));
    this.sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
    this.sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  }

  /** A table row: each cell with its column's shared style, the height from its longest wrapped text. */
  row(values: readonly CellValue[], cellStyles: readonly Partial<Style>[]): number {
    const row = this.take();
    for (let i = 0; i < this.span; i++) {
      const cell = row.getCell(i + 1);
      const value = values[i];
      if (value !== null && value !== undefined && value !== '') cell.value = value;
      cell.style = cellStyles[i]!;
    }
    row.height = rowHeight(values, this.widths, this.wraps, FONT_SIZES.body);
    return row.number;
  }

  /** Merge one column down a block of rows (催办's department); each row's height already counts the text. */
  mergeDown(column: number, fromRow: number, toRow: number): void {
    if (toRow > fromRow) this.sheet.mergeCells(fromRow, column, toRow, column);
  }
}
