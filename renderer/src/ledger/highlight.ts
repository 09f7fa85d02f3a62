/** Search words as typed: separated by spaces (half or full width). */
export function searchWords(search: string): string[] {
  return [...new Set(search.split(/[\s\u3000]+/).filter((word) => word.length > 0))];
}

export interface TextPart {
  readonly text: string;
  readonly hit: boolean;
}

/** Split `text` so each occurrence of a search word is its own part (longest word wins at a position). */
export function highlightParts(text: string, words: readonly string[]): TextPart[] {
  const needles = [...words].sort((a, b) => b.length - a.length).map((word) => word.toLowerCase());
  if (needles.length === 0 || !text) return text ? [{ text, hit: false }] : [];
  const lower = text.toLowerCase();
  const parts: TextPart[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const needle = needles.find((word) => lower.startsWith(word, i));
    if (needle) {
      if (plain) parts.push({ text: plain, hit: false });
      plain = '';
      parts.push({ text: text.slice(i, i + needle.length), hit: true });
      i += needle.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) parts.push({ text: plain, hit: false });
  return parts;
}

/**
 * A found-in excerpt ("本季度进展：…text…") trimmed so its first hit sits near the start: the
 * cell shows one line, and the word the clerk searched for must be on it.
 */
export function focusExcerpt(text: string, words: readonly string[], keep = 6): string {
  const colon = text.indexOf('：');
  const label = colon >= 0 && colon <= 12 ? text.slice(0, colon + 1) : '';
  const body = text.slice(label.length);
  const lower = body.toLowerCase();
  const hits = words.map((word) => lower.indexOf(word.toLowerCase())).filter((at) => at >= 0);
  if (hits.length === 0) return text;
  const first = Math.min(...hits);
  if (first <= keep + 1) return text;
  return `${label}…${body.slice(first - keep)}`;
}
