/**
 * Width and punctuation normalisation: the same document arrives with full-width digits
 * (１２％), half-width brackets from PDF text layers, or ideographic spaces. After this, digits,
 * Latin letters and % . + - / < > = are ASCII; brackets, colons, commas and semicolons are the
 * Chinese full-width forms the rest of the parser matches.
 */
const DIRECT: Record<string, string> = {
  '％': '%',
  '＋': '+',
  '／': '/',
  '＜': '<',
  '＞': '>',
  '＝': '=',
  '≦': '≤',
  '≧': '≥',
  '～': '~',
  '\u3000': ' ',
  '\u00a0': ' ',
  '(': '（',
  ')': '）',
  ';': '；',
  '﹝': '〔',
  '﹞': '〕',
  '［': '〔',
  '］': '〕',
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function normalizeWidth(input: string): string {
  // The last character is kept in a variable: reading the end of the growing string (`out.at(-1)`)
  // flattened it every time, which made long lines quadratic.
  let out = '';
  let last: string | undefined;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    const code = ch.charCodeAt(0);
    let next: string;
    if (code >= 0xff10 && code <= 0xff19) {
      next = String.fromCharCode(code - 0xfee0);
    } else if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
      next = String.fromCharCode(code - 0xfee0);
    } else if (ch === '．') {
      // "１．" item labels and "３．５" decimals; a stray full stop elsewhere stays Chinese.
      next = isDigit(last) ? '.' : '．';
    } else if (ch === '－') {
      next = '-';
    } else if (ch === '，') {
      next = isDigit(last) && isDigit(normalizeDigit(input[i + 1])) ? ',' : '，';
    } else if (ch === ':' || ch === ',') {
      const betweenDigits = isDigit(last) && isDigit(normalizeDigit(input[i + 1]));
      next = betweenDigits ? ch : ch === ':' ? '：' : '，';
    } else {
      next = DIRECT[ch] ?? ch;
    }
    out += next;
    last = next;
  }
  // "1,000" → "1000": thousands separators get in the way of number parsing.
  return out.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
}

function normalizeDigit(ch: string | undefined): string | undefined {
  if (ch === undefined) return undefined;
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : ch;
}

const CJK_OR_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’—…·《》〔〕（）【】、，。；：！？%‰≤≥<>=~+\-/.（）]/;
const ASCII_WORD = /[A-Za-z0-9]/;

/** Drop whitespace that PDF extraction puts inside Chinese text ("2025 年" → "2025年"); keep it between Latin words. */
export function removeInnerSpaces(line: string): string {
  return line.replace(/\s+/g, (space, offset: number, whole: string) => innerSpace(whole[offset - 1], whole[offset + space.length]));
}

/**
 * What a run of whitespace between `before` and `after` becomes: nothing or one space. It depends
 * on the two neighbours alone, so text already cleaned can be joined without cleaning it again.
 */
export function innerSpace(before: string | undefined, after: string | undefined): '' | ' ' {
  if (before === undefined || after === undefined) return '';
  // Digits split by a PDF text layer ("1 4.提升") belong together; Latin words keep one space.
  if (/\d/.test(before) && /\d/.test(after)) return '';
  if (ASCII_WORD.test(before) && ASCII_WORD.test(after)) return ' ';
  if (CJK_OR_PUNCT.test(before) || CJK_OR_PUNCT.test(after)) return '';
  return ' ';
}

/** Display width in columns: CJK and full-width characters count double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”]/.test(ch) ? 2 : 1;
  return width;
}
