import type { Paragraph } from './normalize';

/** A table that text extraction flattened to one cell per line (each cell line began with a tab). */
export interface FlatTable {
  /** Paragraph indexes the table occupies, so prose parsing skips them. */
  readonly first: number;
  readonly last: number;
  readonly rows: string[][];
  /** Offset in the normalised text where each row starts and ends. */
  readonly rowSpans: { start: number; end: number }[];
}

/**
 * Rebuild flattened tables: a blank line before a cell starts a new row, a line without a tab
 * continues the cell above it (multi-paragraph cells), and a blank line followed by prose ends
 * the table.
 */
export function collectFlatTables(paragraphs: readonly Paragraph[]): FlatTable[] {
  const tables: FlatTable[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    if (!paragraphs[i]!.cell) {
      i++;
      continue;
    }
    const first = i;
    const rows: string[][] = [];
    const rowSpans: { start: number; end: number }[] = [];
    let last = i;
    for (; i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      if (p.cell) {
        if (rows.length === 0 || (p.blankBefore && rows.at(-1)!.length > 0)) {
          rows.push([]);
          rowSpans.push({ start: p.start, end: p.end });
        }
        rows.at(-1)!.push(p.text);
        rowSpans.at(-1)!.end = p.end;
        last = i;
      } else if (!p.blankBefore && rows.length > 0 && rows.at(-1)!.length > 0) {
        const row = rows.at(-1)!;
        row[row.length - 1] = `${row[row.length - 1]}\n${p.text}`;
        rowSpans.at(-1)!.end = p.end;
        last = i;
      } else {
        break;
      }
    }
    tables.push({ first, last, rows: mergeHeaderContinuations(rows), rowSpans });
  }
  return tables;
}

/** "归口\n处室" in a header cell is one word broken over two lines. */
function mergeHeaderContinuations(rows: string[][]): string[][] {
  if (rows.length === 0) return rows;
  const [header, ...rest] = rows;
  return [header!.map((cell) => cell.replace(/\n/g, '')), ...rest];
}
