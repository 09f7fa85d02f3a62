/**
 * Lays out table cells that span rows or columns on a rectangular grid: the text goes to the
 * top-left position of the span and every other position it covers is ''.
 */
export interface SpanningCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/** The grid would hold more positions than allowed: a few cells spanning 1,000 columns over thousands of rows. */
export class GridTooLarge extends Error {
  constructor(
    readonly rows: number,
    readonly columns: number,
  ) {
    super(`table grid of ${rows} × ${columns} positions`);
    this.name = 'GridTooLarge';
  }
}

/** `maxPositions`: rows × columns of the grid, checked before any position past it is written. */
export function placeCells(rows: readonly (readonly SpanningCell[])[], maxPositions = Infinity): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  let written = 0;
  let width = 0;
  rows.forEach((cells, r) => {
    const out = grid[r] ?? [];
    let c = 0;
    for (const cell of cells) {
      while (out[c] !== undefined) c++; // skip positions covered from the rows above
      const colSpan = clampSpan(cell.colSpan);
      const rowSpan = Math.min(clampSpan(cell.rowSpan), rows.length - r);
      written += colSpan * rowSpan;
      width = Math.max(width, c + colSpan);
      if (written > maxPositions || rows.length * width > maxPositions) throw new GridTooLarge(rows.length, width);
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr] ?? [];
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += colSpan;
    }
  });
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

function clampSpan(span: number): number {
  return Number.isInteger(span) && span >= 1 ? Math.min(span, 1000) : 1;
}
