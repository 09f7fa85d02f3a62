/** Numbering styles of Chinese official documents, from the outermost to the innermost. */
export type NumberStyle = 'part' | 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'circled';

export const STYLE_RANK: Record<NumberStyle, number> = { part: 0, cn: 1, 'paren-cn': 2, arabic: 3, 'paren-arabic': 4, circled: 5 };

export interface Numbered {
  readonly style: NumberStyle;
  /** As printed, e.g. `一、`, `（三）`, `12.` */
  readonly label: string;
  /** The number alone, e.g. `一`, `三`, `12`, `1` for ①. */
  readonly number: string;
  /** The text after the label. */
  readonly rest: string;
}

const CN = '[一二三四五六七八九十百零〇]+';
const PATTERNS: { style: NumberStyle; pattern: RegExp }[] = [
  { style: 'part', pattern: new RegExp(`^(第(${CN}|\\d+)(?:部分|章|篇))`) },
  { style: 'cn', pattern: new RegExp(`^((${CN})[、．.])`) },
  { style: 'paren-cn', pattern: new RegExp(`^(（(${CN})）)`) },
  // "1." or "1、" but not a decimal ("1.5") or a year ("2025.").
  { style: 'arabic', pattern: /^((\d{1,3})[.、．](?!\d))/ },
  { style: 'paren-arabic', pattern: /^(（(\d{1,3})）)/ },
  { style: 'circled', pattern: /^(([①-⑳]))/ },
];

export function matchNumbering(text: string): Numbered | null {
  for (const { style, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const label = match[1]!;
    const rest = text.slice(label.length).trim();
    // "一、" alone or followed by nothing meaningful is still a label; "1.5%" was excluded above.
    const number = style === 'circled' ? String(match[2]!.charCodeAt(0) - 0x2460 + 1) : match[2]!;
    return { style, label, number, rest };
  }
  return null;
}

export function startsNumberedItem(text: string): boolean {
  return matchNumbering(text) !== null;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23; arabic strings pass through. */
export function numberValue(number: string): number | null {
  if (/^\d+$/.test(number)) return Number(number);
  let total = 0;
  let current = 0;
  for (const ch of number) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch in CN_DIGITS) {
      current = CN_DIGITS[ch]!;
    } else {
      return null;
    }
  }
  return total + current;
}
