/**
 * Looks at the XML of a .docx/.xlsx part while it is being inflated, a chunk at a time, for what
 * would make mammoth or exceljs spend gigabytes on a small file: one run of text megabytes long,
 * millions of rows or cells, and ranges exceljs expands cell by cell (merged cells, data
 * validations, defined names: "A1:XFD1048576" is 17 billion cells in a few bytes).
 */
import { ReadError } from './read-error';
import { READ_LIMITS, TO_SPLIT } from './limits';

export type PartKind = 'sheet' | 'workbook' | 'sharedStrings' | 'other';

/** What the parts of one file add up to, shared by the scanners of its parts. */
export interface WorkbookTotals {
  rows: number;
  cells: number;
  mergedRanges: number;
  expandedCells: number;
}

export interface ScanOptions {
  /** Longest run of bytes between two '<' (a text node or a tag). */
  readonly maxTextBytes: number;
  /** What a run longer than that is called in the refusal. */
  readonly longText: string;
  /** Count data validations and defined names (a reader that removes them does not). */
  readonly countExpansions: boolean;
}

const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
const ROW = new RegExp(`<${PREFIX}row[\\s>/]`, 'g');
const CELL = new RegExp(`<${PREFIX}c[\\s>/]`, 'g');
const SHARED_STRING = new RegExp(`<${PREFIX}si[\\s>/]`, 'g');
const MERGE = new RegExp(`<${PREFIX}mergeCell\\b[^>]*?\\bref\\s*=\\s*["']([^"']*)["']`, 'g');
const VALIDATION = new RegExp(`<${PREFIX}dataValidation\\b[^>]*?\\bsqref\\s*=\\s*["']([^"']*)["']`, 'g');
const DEFINED_NAME = new RegExp(`<${PREFIX}definedName\\b[^>]*>([^<]*)(?=<|$)`, 'g');
const RANGE = /\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g;

function column(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by the ranges in a reference list ("A1:B2 D4", "Sheet1!$A$1:$C$9"). */
export function rangeArea(references: string): number {
  let area = 0;
  for (const match of references.matchAll(RANGE)) {
    const [, c1, r1, c2, r2] = match;
    if (c2 === undefined || r2 === undefined) {
      area += 1;
      continue;
    }
    area += (Math.abs(column(c2) - column(c1!)) + 1) * (Math.abs(Number(r2) - Number(r1)) + 1);
  }
  return area;
}

const tooBig = (message: string) => new ReadError('TOO_LARGE', message);

export class PartScanner {
  /** Bytes since the last '<'. */
  private sinceTag = 0;
  /** Text of tags not yet complete (from the last '<' on), as latin1: the patterns are ASCII. */
  private pending = '';
  private rows = 0;

  constructor(
    private readonly name: string,
    private readonly kind: PartKind,
    private readonly totals: WorkbookTotals,
    private readonly options: ScanOptions,
  ) {}

  push(chunk: Buffer): void {
    this.checkGaps(chunk);
    if (this.kind === 'other') return;
    const text = this.pending + chunk.toString('latin1');
    // Everything before the last '<' holds complete tags; the rest waits for the next chunk.
    const cut = text.lastIndexOf('<');
    const ready = cut < 0 ? text : text.slice(0, cut);
    this.pending = cut < 0 ? '' : text.slice(cut);
    this.count(ready);
  }

  end(): void {
    if (this.kind !== 'other') this.count(this.pending);
    this.pending = '';
  }

  private checkGaps(chunk: Buffer): void {
    const first = chunk.indexOf(0x3c);
    if (first < 0) {
      this.sinceTag += chunk.length;
    } else {
      // Runs inside a chunk are shorter than the chunk, which is far shorter than the limit.
      if (chunk.length > this.options.maxTextBytes) this.checkInside(chunk);
      this.sinceTag += first;
      if (this.sinceTag <= this.options.maxTextBytes) this.sinceTag = chunk.length - chunk.lastIndexOf(0x3c) - 1;
    }
    if (this.sinceTag > this.options.maxTextBytes) throw tooBig(this.options.longText);
  }

  private checkInside(chunk: Buffer): void {
    let at = chunk.indexOf(0x3c);
    while (at >= 0) {
      const next = chunk.indexOf(0x3c, at + 1);
      if ((next < 0 ? chunk.length : next) - at - 1 > this.options.maxTextBytes) throw tooBig(this.options.longText);
      at = next;
    }
  }

  private count(text: string): void {
    const totals = this.totals;
    if (this.kind === 'sheet') {
      const rows = countMatches(text, ROW);
      this.rows += rows;
      totals.rows += rows;
      totals.cells += countMatches(text, CELL);
      for (const match of text.matchAll(MERGE)) {
        totals.mergedRanges++;
        totals.cells += rangeArea(match[1]!);
      }
      if (this.options.countExpansions) for (const match of text.matchAll(VALIDATION)) totals.expandedCells += rangeArea(match[1]!);
      if (this.rows > READ_LIMITS.sheetRows) {
        throw tooBig(`Excel 文件中有工作表超过 ${READ_LIMITS.sheetRows / 10_000} 万行，超过可导入的上限。${TO_SPLIT}（把需要的行复制到新的工作簿）`);
      }
    } else if (this.kind === 'sharedStrings') {
      totals.cells += countMatches(text, SHARED_STRING);
    } else if (this.kind === 'workbook' && this.options.countExpansions) {
      for (const match of text.matchAll(DEFINED_NAME)) totals.expandedCells += rangeArea(match[1]!);
    }
    checkTotals(totals);
  }
}

function countMatches(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

export function checkTotals(totals: WorkbookTotals): void {
  if (totals.rows > READ_LIMITS.workbookRows) {
    throw tooBig(`Excel 文件共超过 ${READ_LIMITS.workbookRows / 10_000} 万行，超过可导入的上限。${TO_SPLIT}（把需要的工作表或行复制到新的工作簿）`);
  }
  if (totals.cells > READ_LIMITS.workbookCells) {
    throw tooBig(`Excel 文件中的单元格超过 ${READ_LIMITS.workbookCells / 10_000} 万个（含合并单元格覆盖的范围），超过可导入的上限。${TO_SPLIT}（把需要的部分复制到新的工作簿）`);
  }
  if (totals.mergedRanges > READ_LIMITS.mergedRanges) {
    throw tooBig(`Excel 文件中的合并单元格超过 ${READ_LIMITS.mergedRanges} 处，超过可导入的上限。请取消不需要的合并单元格，或只导入需要的部分`);
  }
  if (totals.expandedCells > READ_LIMITS.expandedCells) {
    throw tooBig(`Excel 文件中的数据有效性或名称引用的范围过大（超过 ${READ_LIMITS.expandedCells / 10_000} 万个单元格）。请在 Excel 或 WPS 中缩小这些范围（如不要整列设置数据有效性），另存后再导入`);
  }
}
