/** Windowed rendering: which lines of a long list to put in the DOM for the scroll position. */

export interface Layout {
  /** Top of each line; one more entry at the end holds the total height. */
  readonly offsets: readonly number[];
  readonly total: number;
}

export function layoutLines(heights: readonly number[]): Layout {
  const offsets = new Array<number>(heights.length + 1);
  let top = 0;
  for (let i = 0; i < heights.length; i++) {
    offsets[i] = top;
    top += heights[i]!;
  }
  offsets[heights.length] = top;
  return { offsets, total: top };
}

/** The first line whose bottom lies below `y`. */
function lineAt(offsets: readonly number[], count: number, y: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Lines [start, end) covering the viewport plus `overscan` lines either side. */
export function visibleRange(layout: Layout, scrollTop: number, viewport: number, overscan: number): { start: number; end: number } {
  const count = layout.offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, Math.min(scrollTop, layout.total));
  const first = lineAt(layout.offsets, count, top);
  const last = lineAt(layout.offsets, count, top + Math.max(viewport, 0));
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/** The scrollTop that shows line `index` whole, moving as little as possible. */
export function scrollToShow(layout: Layout, index: number, scrollTop: number, viewport: number, header = 0): number {
  const top = layout.offsets[index] ?? 0;
  const bottom = layout.offsets[index + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport - header) return bottom - viewport + header;
  return scrollTop;
}
