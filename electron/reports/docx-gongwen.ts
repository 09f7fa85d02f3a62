import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import { titleBreaks } from '../../shared/reports/titles';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XML_INVALID } from '../../shared/reports/charts';
import type { RasterChart } from './chart-raster';
import type { ReportFonts } from './fonts';

/*
 * The page and styles of a 公文 after GB/T 9704: A4, margins 37/35/28/26 mm, a text block of 22
 * lines of 28 characters in 仿宋 3号, "— 1 —" page numbers outside, 小标宋 2号 title, 黑体 / 楷体
 * / 仿宋 bold headings. Writers build their content with the helpers here and get a document a
 * clerk can send as is, or edit through its styles (正文, 标题 1, 标题 2, 公文标题, 表格文字 …).
 */

const TWIPS_PER_MM = 1440 / 25.4;
/** Millimetres to twips, rounded (28 mm is 1587.4 twips: 1587; Word's own 0.1-pt rounding writes 1588). */
export const mmToTwips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

export const PAGE = {
  width: mmToTwips(210),
  height: mmToTwips(297),
  top: mmToTwips(37),
  bottom: mmToTwips(35),
  left: mmToTwips(28),
  right: mmToTwips(26),
} as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 3号 in half-points (w:sz) and twips. */
export const BODY_SIZE = 32;
const BODY_TWIPS = BODY_SIZE * 10;

/** The text block: 156 mm × 225 mm (8845 × 12756 twips). */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom;

/**
 * Lines: exact 28.95 pt line spacing on a lines-only document grid (w:docGrid type lines,
 * Word's 只指定行网格, 每页22行). 225 mm / 22 lines = 12756 / 22 = 579.8 twips; Word fits
 * floor(12756 / pitch) lines, and 580 would give 21 (22 × 580 = 12760 > 12756), so 579.
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);

/**
 * Characters: 28 characters of 16 pt (448 pt) are wider than the 156 mm line (442.25 pt), so
 * each character is narrowed by character spacing (w:spacing in the run properties, in twips)
 * to the widest whole-twip pitch of which 28 fit: floor(8845 / 28) = 315 twips = 15.75 pt,
 * i.e. −0.25 pt a character (28 × 15.75 = 441 pt; 29 would need 456.75). Justification spreads
 * the last 1.25 pt over the line. Word, WPS and LibreOffice all add run spacing to every
 * character the same way, whereas a character grid (linesAndChars, charSpace −842) is honoured
 * by Word and WPS only: LibreOffice gives each 16 pt character two 15.79 pt grid cells.
 */
export const CHAR_PITCH = Math.floor(TEXT_WIDTH / CHARS_PER_LINE);
export const CHAR_SPACING = CHAR_PITCH - BODY_TWIPS;

/** The footer's bottom from the page edge: the page number's top sits 7 mm below the text block. */
const FOOTER_DISTANCE = mmToTwips(35 - 7) - 14 * 20;
const HEADER_DISTANCE = mmToTwips(15);

/**
 * Two character cells for first-line indents (630 twips), so the first line's characters stand
 * in the columns of the lines below. In twips, not w:firstLineChars: without a character grid
 * Word counts a "character" as the font size (32 pt) and LibreOffice 7 ignores the unit.
 */
const FIRST_LINE = { firstLine: 2 * CHAR_PITCH } as const;
const LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

export const STYLE = {
  title: 'GongwenTitle',
  body: 'Normal',
  heading1: 'Heading1',
  heading2: 'Heading2',
  caption: 'GongwenCaption',
  table: 'GongwenTable',
  figure: 'GongwenFigure',
  signature: 'GongwenSignature',
} as const;

function fontsOf(name: string, latin: string) {
  return { ascii: latin, hAnsi: latin, eastAsia: name, cs: latin };
}

function paragraphStyles(fonts: ReportFonts): IParagraphStyleOptions[] {
  const black = '000000';
  return [
    {
      id: STYLE.body,
      name: 'Normal',
      quickFormat: true,
      run: { font: fontsOf(fonts.body, fonts.latin), size: BODY_SIZE, color: black, characterSpacing: CHAR_SPACING },
      // Plus w:overflowPunct, written by patchStyles.
      paragraph: { spacing: LINE, indent: FIRST_LINE, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: STYLE.title,
      name: '公文标题',
      basedOn: STYLE.body,
      next: STYLE.body,
      quickFormat: true,
      // 2号 (22 pt); lines a little apart so a two-line title reads as one block.
      run: { font: fontsOf(fonts.title, fonts.title), size: 44, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, keepNext: true, keepLines: true },
    },
    {
      id: STYLE.heading1,
      name: 'heading 1',
      basedOn: STYLE.body,
      next: STYLE.body,
      quickFormat: true,
      run: { font: fontsOf(fonts.heading1, fonts.latin), size: BODY_SIZE, bold: false, color: black },
      paragraph: { outlineLevel: 0, keepNext: true, keepLines: true },
    },
    {
      id: STYLE.heading2,
      name: 'heading 2',
      basedOn: STYLE.body,
      next: STYLE.body,
      quickFormat: true,
      run: { font: fontsOf(fonts.heading2, fonts.latin), size: BODY_SIZE, bold: false, color: black },
      paragraph: { outlineLevel: 1, keepNext: true, keepLines: true },
    },
    {
      id: STYLE.caption,
      name: '图表题注',
      basedOn: STYLE.body,
      next: STYLE.body,
      // 4号 (14 pt), centred under the figure.
      run: { size: 28, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } },
    },
    {
      id: STYLE.figure,
      name: '图片',
      basedOn: STYLE.body,
      next: STYLE.caption,
      // Single spacing: an exact line height would clip the picture.
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 }, keepNext: true },
    },
    {
      id: STYLE.table,
      name: '表格文字',
      basedOn: STYLE.body,
      // 仿宋 小四 (12 pt): 3号 is too big for a six-column table.
      run: { size: 24, characterSpacing: 0 },
      paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 320, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
    {
      id: STYLE.signature,
      name: '署名',
      basedOn: STYLE.body,
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, firstLineChars: 0 } },
    },
  ];
}

/** "— 1 —" in 宋体 4号, one character in from the outer edge (odd pages right, even pages left). */
function pageNumberFooter(fonts: ReportFonts, side: 'odd' | 'even'): Footer {
  const font = { ascii: fonts.pageNumber, hAnsi: fonts.pageNumber, eastAsia: fonts.pageNumber, cs: fonts.pageNumber };
  const oneCharacter = 14 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneCharacter, firstLine: 0, firstLineChars: 0 } : { left: oneCharacter, firstLine: 0, firstLineChars: 0 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font, size: 28, characterSpacing: 0 })],
      }),
    ],
  });
}

export type Block = Paragraph | Table;

/** Text a run can hold: no characters XML forbids (Word would refuse the file), no line breaks. */
export function runText(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/、(?=\d)/g, `、${BREAK_OPPORTUNITY}`);
}

/**
 * A zero-width space: LibreOffice finds no line break inside "第3、15、24、25项" and stretched the
 * line before it letter by letter; Word and WPS break there anyway and show nothing.
 */
export const BREAK_OPPORTUNITY = '\u200b';

const run = (text: string, options: { bold?: boolean; break?: number } = {}) => new TextRun({ text: runText(text), ...options });

export interface GongwenOptions {
  readonly title: string;
  readonly fonts: ReportFonts;
  readonly children: readonly Block[];
  readonly creator: string;
}

export async function gongwenDocument(options: GongwenOptions): Promise<Uint8Array> {
  const { fonts } = options;
  const emptyHeader = () => new Header({ children: [new Paragraph({ style: STYLE.signature, children: [] })] });
  const document = new Document({
    title: options.title,
    creator: options.creator,
    lastModifiedBy: options.creator,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: fontsOf(fonts.body, fonts.latin), size: BODY_SIZE }, paragraph: { spacing: LINE } },
      },
      paragraphStyles: paragraphStyles(fonts),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        headers: { default: emptyHeader(), even: emptyHeader() },
        footers: { default: pageNumberFooter(fonts, 'odd'), even: pageNumberFooter(fonts, 'even') },
        children: [...options.children],
      },
    ],
  });
  return patchStyles(new Uint8Array(await Packer.toBuffer(document)), [STYLE.title, STYLE.table, STYLE.figure, STYLE.caption]);
}

/**
 * Paragraph properties the docx library cannot write in a style, put into styles.xml here (where
 * the schema orders them: before w:snapToGrid, w:spacing, w:ind and w:jc):
 * - w:snapToGrid="0" in the styles whose lines keep their own height instead of the 28.95 pt
 *   grid: the title (35 pt lines), table text (16 pt lines), pictures and captions. Word already
 *   lets exact spacing bypass the grid; LibreOffice needs this.
 * - In Normal, so every style has them:
 *   w:widowControl="0": a page holds 22 lines even when a paragraph leaves one line on either
 *   side of the break (GB/T 9704's fixed page). Word already reads the absent element as off;
 *   LibreOffice otherwise keeps two lines together and sets 21.
 *   w:overflowPunct (on): Word and WPS hang a closing mark past the margin, their default.
 *   LibreOffice reads the element inverted, as "no hanging punctuation", and that is what it must
 *   do: LibreOffice 7 drops a mark that hangs from a justified line altogether, so without this it
 *   prints "…医政科）加强" for "…医政科）、加强".
 */
function patchStyles(docx: Uint8Array, offGridIds: readonly string[]): Uint8Array {
  const files = unzipSync(docx);
  const styles = strFromU8(files['word/styles.xml']!);
  const insert = (style: string, element: string, before: string) =>
    style.replace(new RegExp(`<w:pPr>([\\s\\S]*?)(<w:(?:${before})\\b|<\\/w:pPr>)`), `<w:pPr>$1${element}$2`);
  const patched = styles.replace(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g, (style, id: string) => {
    if (id === STYLE.body) return insert(style, '<w:widowControl w:val="0"/><w:overflowPunct/>', 'numPr|pBdr|shd|tabs|kinsoku|wordWrap|topLinePunct|autoSpaceDE|autoSpaceDN|bidi|adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|jc|outlineLvl');
    if (offGridIds.includes(id)) return insert(style, '<w:snapToGrid w:val="0"/>', 'spacing|ind|contextualSpacing|jc|outlineLvl');
    return style;
  });
  files['word/styles.xml'] = strToU8(patched);
  return zipSync(files);
}

/** Visible width of a line of title text in 2号 characters (digits and Latin are half). */
function titleWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5;
  return width;
}

/** A 2号 line holds about 20 characters on the 156 mm block. */
const TITLE_CHARS = Math.floor(TEXT_WIDTH / 20 / 22);

/**
 * Title lines broken where the words allow (after 关于…, before 的报告/的通知…), longer line on top
 * when possible, as 公文 titles are set (梯形); a title that fits stays one line.
 */
export function titleLines(title: string): string[] {
  if (titleWidth(title) <= TITLE_CHARS) return [title];
  const breaks = titleBreaks(title);
  const candidates = breaks
    .map((at) => [title.slice(0, at), title.slice(at)] as const)
    .filter(([a, b]) => titleWidth(a) <= TITLE_CHARS && titleWidth(b) <= TITLE_CHARS);
  if (candidates.length === 0) return [title];
  // Most even split; on a tie, the longer line on top.
  candidates.sort(([a1, b1], [a2, b2]) => Math.abs(titleWidth(a1) - titleWidth(b1)) - Math.abs(titleWidth(a2) - titleWidth(b2)) || titleWidth(b1) - titleWidth(a1) - (titleWidth(b2) - titleWidth(a2)));
  return [...candidates[0]!];
}

/** The title (lines kept together) and the blank line after it. */
export function titleBlock(title: string): Paragraph[] {
  const lines = titleLines(title);
  return [
    new Paragraph({
      style: STYLE.title,
      children: lines.flatMap((line, i) => (i === 0 ? [run(line)] : [run(line, { break: 1 })])),
    }),
    blankLine(),
  ];
}

export function blankLine(): Paragraph {
  return new Paragraph({ style: STYLE.body, indent: { firstLine: 0, firstLineChars: 0 }, children: [] });
}

/**
 * A body paragraph, optionally opened by a bold lead (三级标题 "1.任务名。", 仿宋 bold). The last
 * one before the signature is kept with it, so the 署名 never stands alone on a page.
 */
export function bodyParagraph(text: string, lead = '', options: { keepWithSignature?: boolean } = {}): Paragraph {
  const children: TextRun[] = [];
  if (lead !== '') children.push(run(lead, { bold: true }));
  if (text !== '') children.push(run(text));
  return new Paragraph({ style: STYLE.body, children, ...(options.keepWithSignature ? { keepNext: true, keepLines: true } : {}) });
}

/** Lines flush left without indent (主送机关 "各相关科室："). */
export function flushLeft(text: string): Paragraph {
  return new Paragraph({ style: STYLE.body, indent: { firstLine: 0, firstLineChars: 0 }, children: [run(text)] });
}

/** "附件" in 黑体 at the top left of a new page (GB/T 9704 附件). */
export function attachmentLabel(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading1, pageBreakBefore: true, indent: { firstLine: 0, firstLineChars: 0 }, children: [run(text)] });
}

export function heading1(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading1, children: [run(text)] });
}

export function heading2(text: string): Paragraph {
  return new Paragraph({ style: STYLE.heading2, children: [run(text)] });
}

/** A chart centred on the text block at its CSS size, shrunk to fit the block with its caption below. */
export function figure(chart: RasterChart, caption: string): Paragraph[] {
  const maxWidth = (TEXT_WIDTH / 1440) * 96;
  const maxHeight = ((TEXT_HEIGHT - 2 * LINE_PITCH) / 1440) * 96;
  const scale = Math.min(1, maxWidth / chart.width, maxHeight / chart.height);
  return [
    new Paragraph({
      style: STYLE.figure,
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) }, altText: { name: caption, description: caption, title: caption } })],
    }),
    captionParagraph(caption),
  ];
}

/** The caption under a figure (图1 …) or above a table (表1 …, then kept with it). */
export function captionParagraph(text: string, keepWithNext = false): Paragraph {
  return new Paragraph({ style: STYLE.caption, keepLines: true, keepNext: keepWithNext, children: [run(text)] });
}

/**
 * 署名 and 成文日期 after a blank line: the date right-aligned four characters in from the
 * margin, the office centred over the date; all kept together with the paragraph before.
 */
export function signature(office: string, date: string): Paragraph[] {
  const width = (text: string) => titleWidth(text);
  const dateIndent = 4 * CHAR_PITCH;
  const officeIndent = Math.max(0, dateIndent + Math.round(((width(date) - width(office)) / 2) * CHAR_PITCH));
  return [
    new Paragraph({ style: STYLE.body, keepNext: true, indent: { firstLine: 0, firstLineChars: 0 }, children: [] }),
    new Paragraph({ style: STYLE.signature, keepNext: true, indent: { right: officeIndent, firstLine: 0, firstLineChars: 0 }, children: [run(office)] }),
    new Paragraph({ style: STYLE.signature, indent: { right: dateIndent, firstLine: 0, firstLineChars: 0 }, children: [run(date)] }),
  ];
}

export interface TableColumn {
  readonly header: string;
  /** Twips; the columns add up to the text width. */
  readonly width: number;
  readonly align: 'left' | 'center';
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function cell(text: string, width: number, align: 'left' | 'center', bold: boolean, keepNext: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [new Paragraph({ style: STYLE.table, keepNext, alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { bold })] })],
  });
}

/** A table this short moves to the next page whole rather than leave its header behind. */
const KEEP_TOGETHER_ROWS = 12;

/** A ruled table in 仿宋 小四, bold header row repeated on every page, rows never split. */
export function table(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): Table {
  const together = rows.length <= KEEP_TOGETHER_ROWS;
  return new Table({
    width: { size: columns.reduce((sum, c) => sum + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c.width, 'center', true, true)) }),
      ...rows.map((row, r) => new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(row[i] ?? '', c.width, c.align, false, together && r < rows.length - 1)) })),
    ],
  });
}
