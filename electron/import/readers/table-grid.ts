/**
 * Lays out table cells that span rows or columns on a rectangular grid: the text goes to the
 * top-left position of the span and every other position it covers is ''.
 */
export interface SpanningCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
}

export function placeCells(rows: readonly (readonly SpanningCell[])[]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    const out = grid[r] ?? [];
    let c = 0;
    for (const cell of cells) {
      while (out[c] !== undefined) c++; // skip positions covered from the rows above
      const colSpan = clampSpan(cell.colSpan);
      const rowSpan = Math.min(clampSpan(cell.rowSpan), rows.length - r);
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr] ?? [];
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = dr === 0 && dc === 0 ? cell.text : '';
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

function clampSpan(span: number): number {
  return Number.isInteger(span) && span >= 1 ? Math.min(span, 1000) : 1;
}
