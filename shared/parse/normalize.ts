import { displayWidth, innerSpace, normalizeWidth, removeInnerSpaces } from './width';
import { startsNumberedItem } from './numbering';

/** One paragraph of the normalised text, with its offsets into `text`. */
export interface Paragraph {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A table cell of a flattened table (the line began with a tab). */
  readonly cell: boolean;
  /** A blank line came before it: in flattened tables this separates rows. */
  readonly blankBefore: boolean;
}

export interface NormalizedText {
  readonly text: string;
  readonly paragraphs: readonly Paragraph[];
}

interface RawLine {
  text: string;
  cell: boolean;
  blankBefore: boolean;
  width: number;
}

const PAGE_NUMBER = /^(?:[-—–‐－_~·•\s]*\d{1,4}[-—–‐－_~·•\s]*|第\d{1,4}页(?:[，,]?共\d{1,4}页)?|\d{1,4}\/\d{1,4})$/;
const ARTEFACT = /\[bookmark:[^\]]*\]/g;
const SENTENCE_END = /[。！？!?]$|[。！？][”’）」』]$/;

/**
 * Clean raw extracted text into paragraphs: width and punctuation normalised, spaces inside
 * Chinese removed, page numbers and running headers dropped, and lines that a PDF wrapped at
 * the page margin joined back into their paragraph.
 */
export function normalizePlanText(raw: string): NormalizedText {
  const lines = toLines(raw);
  const joined = joinWrappedLines(lines);
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of joined) {
    if (paragraphs.length > 0) offset += 1; // the '\n' between paragraphs
    paragraphs.push({ text: line.text, start: offset, end: offset + line.text.length, cell: line.cell, blankBefore: line.blankBefore });
    offset += line.text.length;
  }
  return { text: paragraphs.map((p) => p.text).join('\n'), paragraphs };
}

function toLines(raw: string): RawLine[] {
  const source = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').replace(ARTEFACT, '');
  const candidates: { text: string; cell: boolean; pageBreakBefore: boolean; blankBefore: boolean; rawWidth: number }[] = [];
  let blank = false;
  let pageBreak = false;
  for (const rawLine of source.split('\n')) {
    const pages = rawLine.split('\f');
    pages.forEach((part, index) => {
      if (index > 0) pageBreak = true;
      const cell = /^[ \u3000]*\t/.test(part);
      const widthNormalized = normalizeWidth(part);
      const text = removeInnerSpaces(widthNormalized.trim());
      if (text === '') {
        if (!cell) blank = true;
        else candidates.push({ text: '', cell, pageBreakBefore: pageBreak, blankBefore: blank, rawWidth: 0 });
        if (cell) blank = false;
        return;
      }
      if (!cell && PAGE_NUMBER.test(text.replace(/\s/g, ''))) {
        pageBreak = true;
        return;
      }
      candidates.push({ text, cell, pageBreakBefore: pageBreak, blankBefore: blank, rawWidth: displayWidth(widthNormalized.trim()) });
      blank = false;
      pageBreak = false;
    });
  }
  // Only lines at a page boundary can be running headers or footers.
  const atBoundary = candidates.filter((c, i) => !c.cell && (c.pageBreakBefore || candidates[i + 1]?.pageBreakBefore === true));
  const repeated = runningHeaders(atBoundary.map((c) => c.text));
  return candidates
    .filter((c) => c.cell || !repeated.has(c.text))
    .map((c) => ({ text: c.text, cell: c.cell, blankBefore: c.blankBefore, width: c.rawWidth }));
}

/** Short lines printed on three or more pages are running headers or footers. */
function runningHeaders(texts: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const text of texts) if (text.length >= 4 && text.length <= 30) counts.set(text, (counts.get(text) ?? 0) + 1);
  return new Set([...counts].filter(([text, count]) => count >= 3 && !/[。；，]/.test(text)).map(([text]) => text));
}

/**
 * Text from a PDF (or a copy of one) is wrapped at a fixed width: most lines are about as
 * wide as the page. Such a full line that does not end a sentence continues in the next line.
 */
function joinWrappedLines(lines: RawLine[]): RawLine[] {
  const wrapWidth = detectWrapWidth(lines);
  if (wrapWidth === null) return lines;
  // A paragraph grows as a list of pieces: rebuilding (and re-cleaning) its whole text at every
  // wrapped line made long paragraphs quadratic. Both sides are already clean, so only the space
  // at the seam is decided (innerSpace), which is what cleaning the joined text would do.
  const out: { line: RawLine; pieces: string[]; tail: string }[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    const continues =
      previous !== undefined &&
      !line.cell &&
      !previous.line.cell &&
      previous.line.width >= wrapWidth - 9 &&
      !SENTENCE_END.test(previous.tail) &&
      !startsNumberedItem(line.text);
    if (continues) {
      const seam = innerSpace(previous.tail.at(-1), line.text[0]);
      previous.pieces.push(seam, line.text);
      previous.tail = (previous.tail + seam + line.text).slice(-2);
      previous.line.width = line.width;
    } else {
      out.push({ line: { ...line }, pieces: [line.text], tail: line.text.slice(-2) });
    }
  }
  return out.map(({ line, pieces }) => ({ ...line, text: pieces.join('') }));
}

function detectWrapWidth(lines: RawLine[]): number | null {
  const widths = lines.filter((l) => !l.cell && l.width >= 30).map((l) => l.width);
  if (widths.length < 8) return null;
  const buckets = new Map<number, number>();
  for (const width of widths) for (let w = width - 2; w <= width + 2; w++) buckets.set(w, (buckets.get(w) ?? 0) + 1);
  let best = 0;
  let bestWidth = 0;
  for (const [width, count] of buckets) if (count > best || (count === best && width > bestWidth)) [best, bestWidth] = [count, width];
  return best >= widths.length * 0.3 ? bestWidth + 2 : null;
}
