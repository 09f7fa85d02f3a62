/**
 * Counts, while a .docx part is being inflated, what mammoth turns into objects: it parses each
 * XML part whole into a DOM (xmldom) and then into its own tree, about 1.5–2 KB per element and
 * 0.5 KB per attribute. So a 158 KB file of 1.5 million one-character paragraphs, or 225 KB of
 * 4 million empty runs, cost 22–32 s and 1.8 GB before the parse thread's heap limit stopped them,
 * although their text is short and they inflate to well under the byte budget.
 *
 * A byte-level state machine (no strings, no regular expressions, linear) that needs no look-back
 * across chunks; text and attribute values are passed over with indexOf. Comments and CDATA are
 * not parsed: a '<' inside them may be counted, which only overcounts.
 */
import { READ_LIMITS } from './limits';
import { ReadError } from './read-error';

/** What the XML parts of one .docx add up to. */
export interface WordTotals {
  elements: number;
  attributes: number;
  paragraphs: number;
  runs: number;
  cells: number;
}

export const emptyWordTotals = (): WordTotals => ({ elements: 0, attributes: 0, paragraphs: 0, runs: 0, cells: 0 });

const TEXT = 0;
const LT = 1; // just after '<'
const NAME = 2; // inside a start tag's name
const TAG = 3; // inside a start tag, after its name
const VALUE = 4; // inside a quoted attribute value
const SKIP = 5; // end tag, comment, processing instruction, declaration: up to '>'

const LT_BYTE = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

// Local names packed as bytes: 'p', 'r', 'tc'.
const P = 0x70;
const R = 0x72;
const TC = (0x74 << 8) | 0x63;

const TO_SPLIT_WORD = '请将文件拆分后分别导入，或用 WPS/Word 打开后“另存为”纯文本（.txt）再导入';
const tooMany = (message: string) => new ReadError('TOO_LARGE', `${message}。${TO_SPLIT_WORD}`);

export class WordPartCounter {
  private state = TEXT;
  /** Local name so far (up to 3 bytes, packed) and its length. */
  private local = 0;
  private localLength = 0;
  private quote = 0;
  /** The last byte inside a start tag was '/': the tag closes itself. */
  private slash = false;
  private depth = 0;

  constructor(private readonly totals: WordTotals) {}

  push(chunk: Uint8Array): void {
    const totals = this.totals;
    let { state, local, localLength, quote, slash, depth } = this;
    let elements = 0;
    let attributes = 0;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      // Text, values and skipped markup are passed over natively: most of a part's bytes are text.
      if (state === TEXT || state === VALUE || state === SKIP) {
        const next = bytes.indexOf(state === TEXT ? LT_BYTE : state === VALUE ? quote : GT, i);
        if (next < 0) break;
        i = next;
      }
      const b = bytes[i]!;
      switch (state) {
        case TEXT:
          state = LT;
          break;
        case LT:
          if (b === SLASH) {
            depth--;
            state = SKIP;
          } else if (b === 0x3f || b === 0x21) {
            state = SKIP; // '<?', '<!'
          } else if (isSpace(b) || b === GT || b === LT_BYTE) {
            state = b === LT_BYTE ? LT : TEXT; // not a tag
          } else {
            elements++;
            local = b;
            localLength = 1;
            state = NAME;
          }
          break;
        case NAME:
          if (b === COLON) {
            local = 0;
            localLength = 0;
            break;
          }
          if (!isSpace(b) && b !== SLASH && b !== GT) {
            if (localLength < 3) local = (local << 8) | b;
            localLength++;
            break;
          }
          if (localLength === 1 && local === P) totals.paragraphs++;
          else if (localLength === 1 && local === R) totals.runs++;
          else if (localLength === 2 && local === TC) totals.cells++;
          slash = b === SLASH;
          if (b === GT) {
            depth++;
            state = TEXT;
          } else {
            state = TAG;
          }
          break;
        case TAG:
          if (b === GT) {
            if (!slash) depth++;
            state = TEXT;
          } else if (b === QUOTE || b === APOSTROPHE) {
            attributes++;
            quote = b;
            state = VALUE;
          } else if (!isSpace(b)) {
            slash = b === SLASH;
          }
          break;
        case VALUE:
          slash = false;
          state = TAG;
          break;
        default: // SKIP, at its '>'
          state = TEXT;
      }
      if (depth > READ_LIMITS.docxDepth) throw tooDeep();
    }
    Object.assign(this, { state, local, localLength, quote, slash, depth });
    totals.elements += elements;
    totals.attributes += attributes;
    checkWordTotals(totals);
  }
}

const tooDeep = () =>
  new ReadError('TOO_LARGE', `Word 文件中的表格或文本框嵌套超过 ${READ_LIMITS.docxDepth} 层，不像是普通的计划文件。请用 WPS/Word 打开后“另存为”纯文本（.txt）再导入`);

export function checkWordTotals(totals: WordTotals): void {
  if (totals.paragraphs > READ_LIMITS.docxParagraphs) {
    throw tooMany(`Word 文件中的段落超过 ${READ_LIMITS.docxParagraphs / 10_000} 万个（计划文件通常只有几百到几千段），超过可导入的上限`);
  }
  if (totals.cells > READ_LIMITS.docxCells) {
    throw tooMany(`Word 文件中的表格单元格超过 ${READ_LIMITS.docxCells / 10_000} 万个，超过可导入的上限`);
  }
  if (totals.runs > READ_LIMITS.docxRuns) {
    throw tooMany(`Word 文件中的文字片段（格式各不相同的一段段文字）超过 ${READ_LIMITS.docxRuns / 10_000} 万个，超过可导入的上限`);
  }
  if (totals.elements > READ_LIMITS.docxElements) {
    throw tooMany(`Word 文件的内部结构过于复杂（格式标记超过 ${READ_LIMITS.docxElements / 10_000} 万个），不像是普通的计划文件`);
  }
  if (totals.attributes > READ_LIMITS.docxAttributes) {
    throw tooMany(`Word 文件的内部结构过于复杂（格式属性超过 ${READ_LIMITS.docxAttributes / 10_000} 万个），不像是普通的计划文件`);
  }
}
