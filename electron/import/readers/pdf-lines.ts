/**
 * Rebuilds text lines from positioned PDF text runs (pdfjs text items).
 *
 * - Runs whose baselines are within half a font size of each other form one line; lines go top to
 *   bottom, runs within a line left to right. (One column; multi-column layouts are not separated.)
 * - Between two runs nothing is inserted when either side is CJK, so 中文 never gets spaces;
 *   between Latin letters/digits a space is inserted only when the gap is wider than
 *   WORD_GAP_EM; spaces the PDF itself contains are kept (runs of spaces become one).
 * - A gap wider than COLUMN_GAP_EM (a table column, a tab stop) becomes '\t'.
 * - The same run printed twice at (almost) the same spot ("fake bold") is kept once.
 * - Rotated pages: positions are measured along the dominant text direction.
 */

export interface TextRun {
  readonly str: string;
  /** pdfjs text item transform [a, b, c, d, e, f]: e/f is the baseline start. */
  readonly transform: readonly number[];
  /** Advance width in page units. */
  readonly width: number;
}

export const WORD_GAP_EM = 0.15;
export const COLUMN_GAP_EM = 1.5;
const SAME_LINE_EM = 0.5;
const DUPLICATE_EM = 0.3;

interface Placed {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly end: number;
  readonly size: number;
}

export function linesFromRuns(runs: readonly TextRun[]): string[] {
  const usable = runs.filter((run) => run.str !== '' && run.transform.length >= 6 && run.transform.every(Number.isFinite));
  if (usable.length === 0) return [];
  const angle = dominantAngle(usable);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const placed: Placed[] = usable.map((run) => {
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = run.transform;
    const x = e * cos + f * sin;
    const y = -e * sin + f * cos;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 1;
    return { str: run.str, x, y, end: x + Math.max(0, Number.isFinite(run.width) ? run.width : 0), size };
  });

  placed.sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Placed[][] = [];
  let current: Placed[] = [];
  let lineY = 0;
  let lineSize = 0;
  for (const run of placed) {
    if (current.length > 0 && Math.abs(lineY - run.y) <= SAME_LINE_EM * Math.max(lineSize, run.size)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [run];
    lineY = run.y;
    lineSize = run.size;
  }
  if (current.length > 0) lines.push(current);

  return lines.map(joinLine).filter((line) => line !== '');
}

function joinLine(runs: Placed[]): string {
  runs.sort((p, q) => p.x - q.x);
  const kept: Placed[] = [];
  for (const run of runs) {
    const twin = kept.some(
      (k) => k.str === run.str && Math.abs(k.x - run.x) < DUPLICATE_EM * run.size && Math.abs(k.y - run.y) < DUPLICATE_EM * run.size,
    );
    if (!twin) kept.push(run);
  }
  let text = '';
  let previous: Placed | null = null;
  for (const run of kept) {
    if (previous) text += separator(previous, run, text);
    text += run.str;
    previous = run;
  }
  return text.replace(/ {2,}/g, ' ').replace(/ ?\t ?/g, '\t').trim();
}

function separator(left: Placed, right: Placed, textSoFar: string): string {
  const em = Math.max(left.size, right.size);
  const gap = right.x - left.end;
  if (gap > COLUMN_GAP_EM * em) return '\t';
  const before = textSoFar.slice(-1);
  const after = right.str.charAt(0);
  if (/\s/.test(before) || /\s/.test(after)) return '';
  if (gap > WORD_GAP_EM * em && isLatin(before) && isLatin(after)) return ' ';
  return '';
}

/** Letters, digits and ASCII punctuation: the scripts that separate words with spaces. */
function isLatin(char: string): boolean {
  return /[\u0021-\u007e\u00c0-\u024f\u0370-\u04ff]/.test(char);
}

/** The text direction most characters run in, snapped to a multiple of 90°. */
function dominantAngle(runs: readonly TextRun[]): number {
  const weights = new Map<number, number>();
  for (const run of runs) {
    const [a = 1, b = 0] = run.transform;
    const quarter = ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
    weights.set(quarter, (weights.get(quarter) ?? 0) + run.str.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [quarter, weight] of weights) {
    if (weight > bestWeight) {
      best = quarter;
      bestWeight = weight;
    }
  }
  return (best * Math.PI) / 2;
}
