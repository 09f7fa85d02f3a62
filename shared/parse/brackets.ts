const OPEN = '（(【[〔《“';
const CLOSE = '）)】]〕》”';

/** Split on any of `separators` that are not inside brackets or quotes: 各县（市、区）政府 stays whole. */
export function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.includes(ch)) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** Index of the bracket closing the one opened at `openIndex`, or -1. */
export function matchingClose(text: string, openIndex: number): number {
  let depth = 0;
  for (let i = openIndex; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Index of the bracket opening the one closed at `closeIndex`, or -1; only at `limit` or after it. */
export function matchingOpen(text: string, closeIndex: number, limit = 0): number {
  let depth = 0;
  for (let i = closeIndex; i >= limit; i--) {
    const ch = text[i]!;
    if (CLOSE.includes(ch)) depth++;
    else if (OPEN.includes(ch)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The closing bracket of every opening one (-1 when it is never closed), in one pass: what
 * matchingClose says for each, without rescanning the text from every bracket.
 */
export function closingBrackets(text: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.includes(ch)) open.push(i);
    else if (CLOSE.includes(ch) && open.length > 0) closes.set(open.pop()!, i);
  }
  for (const index of open) closes.set(index, -1);
  return closes;
}

const OWNER_WORDS = /(牵头|责任|负责|配合)/;

/**
 * Bracketed asides naming owners, （…牵头…）: what /（[^（）]*(牵头|责任|负责|配合)[^（）]*）/g
 * matches, found in linear time (that pattern backtracks through an unclosed bracket from every
 * owner word in it).
 */
export function ownerAsides(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let open = text.indexOf('（');
  while (open >= 0) {
    let next = open + 1;
    while (next < text.length && text[next] !== '（' && text[next] !== '）') next++;
    if (next < text.length && text[next] === '）' && OWNER_WORDS.test(text.slice(open + 1, next))) {
      found.push({ start: open, end: next + 1 });
      open = text.indexOf('（', next + 1);
    } else {
      open = text.indexOf('（', open + 1);
    }
  }
  return found;
}

/** The text without its owner asides. */
export function withoutOwnerAsides(text: string): string {
  let out = '';
  let from = 0;
  for (const aside of ownerAsides(text)) {
    out += text.slice(from, aside.start);
    from = aside.end;
  }
  return out + text.slice(from);
}
