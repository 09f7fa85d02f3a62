/** What the readers hand to the plan parser: plain text in reading order, plus any tables found. */

export type SourceFormat = 'txt' | 'docx' | 'pdf' | 'xlsx' | 'paste';

/**
 * A table as rows of cell text (trimmed; a cell may contain '\n' for its own paragraphs).
 * Rows are rectangular (padded with '') and keep their position: row i is the sheet's row i + 1
 * (docx: the table's row i + 1). Merged cells: the value sits in the top-left cell of the merged
 * range and every other cell of the range is '' — never repeated.
 */
export interface ReadTable {
  /** Sheet name for xlsx; "表格1", "表格2"… for docx tables. */
  readonly sheet: string;
  readonly rows: string[][];
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface ReadResult {
  readonly format: SourceFormat;
  /**
   * One paragraph / table cell (docx), visual line (pdf) or row (xlsx, cells joined by '\t') per line,
   * lines joined by '\n'. PDF pages and xlsx sheets are separated by a line holding only '\f'.
   */
  readonly text: string;
  /** xlsx sheets and docx tables; [] for txt, pdf and pasted text. */
  readonly tables: ReadTable[];
  /** Only for txt: how the bytes were decoded. */
  readonly encoding?: TextEncoding;
  /** Only for pdf: number of pages. */
  readonly pages?: number;
  /**
   * Only for pdf, only when some (not all) pages have (almost) no text: their 1-based numbers, e.g.
   * scanned attachments, so the import can warn that their content is missing.
   */
  readonly textlessPages?: number[];
}

export type ProgressCallback = (done: number, total: number) => void;
