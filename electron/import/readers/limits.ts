/**
 * What the readers take from one file. Real plans are far below every figure here (a long
 * five-year plan: 100,000 characters, 60 pages, a ledger sheet of a few thousand rows); beyond
 * them a file is refused up front, before a library spends minutes or gigabytes on it.
 */
import { PARSE_LIMITS, characters } from '../../../shared/parse/limits';
import { ReadError } from './read-error';

export const READ_LIMITS = {
  /** Characters of extracted text: the parser's limit. */
  textChars: PARSE_LIMITS.textChars,
  pdfPages: 300,
  /** Real bytes inflated from a .docx/.xlsx (counted while inflating, not as the archive declares). */
  inflatedBytes: 128 * 1024 * 1024,
  zipEntries: 10_000,
  sheetRows: 50_000,
  workbookRows: 200_000,
  /** Cells exceljs builds: written cells plus those inside merged ranges. */
  workbookCells: 1_000_000,
  mergedRanges: 10_000,
  /** Cells named by data validations and defined names, which exceljs lists one by one. */
  expandedCells: 4_000_000,
  /** Excel's own limit for one cell. */
  cellChars: 32_767,
  /** Columns of a sheet read as a table (Excel has 16,384; a plan uses a few dozen). */
  sheetColumns: 1_000,
  /** Grid positions of all sheets' (or a Word file's) tables (rows × columns, empty ones included). */
  tableCells: 2_000_000,
  /*
   * What mammoth builds objects for, counted in all XML parts of a .docx (word-scan.ts). It costs
   * about 2 KB per element, 0.5 KB per attribute: the worst files just under these limits read and
   * parse in 3.5 s at 490 MB peak. The largest sample has 547 paragraphs, 750 runs and 6,086
   * elements; a long plan from WPS, formatted run by run, about 30 elements per 100 characters.
   */
  docxParagraphs: 50_000,
  docxRuns: 100_000,
  docxCells: 20_000,
  docxElements: 200_000,
  docxAttributes: 400_000,
  /** Nesting of elements (tables in tables, text boxes): a real file has a few dozen levels. */
  docxDepth: 256,
} as const;

const TO_SPLIT = '请将文件拆分后分别导入，或只导入需要的部分';

export function textTooLong(length: number): ReadError {
  return new ReadError('TOO_LARGE', `文件中的文字过多（${characters(length)}，上限 ${READ_LIMITS.textChars / 10_000} 万字）。${TO_SPLIT}（把需要的部分复制到新文件）`);
}

export function checkTextLength(length: number): void {
  if (length > READ_LIMITS.textChars) throw textTooLong(length);
}

export function tooManyPages(pages: number): ReadError {
  return new ReadError('TOO_LARGE', `PDF 文件共 ${pages} 页，超过可导入的上限 ${READ_LIMITS.pdfPages} 页。${TO_SPLIT}（用 PDF 阅读器把计划所在的页另存为新文件）`);
}

export function tooMuchInflated(): ReadError {
  return new ReadError('TOO_LARGE', `文件解压后超过 ${READ_LIMITS.inflatedBytes / 1024 / 1024} MB，不像是计划文件（可能是损坏或特意构造的文件）。请确认这是计划文件本身；如果是，${TO_SPLIT}`);
}

export { TO_SPLIT };
