import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import type { LightColor } from '../../shared/domain/progress-status';

/*
 * The look every report workbook shares: 公文-like fonts (黑体 titles, 宋体 body), thin black
 * rules, light fills for the dashboard's light colours. Styles are built once and shared by
 * reference: exceljs maps a style object it has seen to its style id without re-serialising it,
 * which keeps a 20,000-row export close to the cost of writing bare values.
 */

/** The dashboard's light colours (renderer/src/charts/colors.ts `lightFill`; a test keeps them equal). */
export const lightArgb: Readonly<Record<LightColor, string>> = {
  green: 'FF2E9E5B',
  yellow: 'FFD9A200',
  red: 'FFD2352B',
  grey: 'FFA3ADB8',
};

/** Text on a light fill: white where it contrasts, dark ink on the pale yellow and grey. */
const lightInk: Readonly<Record<LightColor, string>> = {
  green: 'FFFFFFFF',
  yellow: 'FF1F2933',
  red: 'FFFFFFFF',
  grey: 'FF1F2933',
};

export const FONT_SIZES = { title: 16, header: 11, band: 11, body: 10.5 } as const;

/** GB2312 charset: Excel and WPS then pick the Chinese face even where the name is unknown. */
const GB2312 = 134;
const font = (name: string, size: number, extra: Partial<Font> = {}): Partial<Font> => ({ name, size, charset: GB2312, ...extra });

const TITLE_FONT = font('黑体', FONT_SIZES.title, { bold: true });
const HEADER_FONT = font('黑体', FONT_SIZES.header);
const BAND_FONT = font('黑体', FONT_SIZES.band);
const BODY_FONT = font('宋体', FONT_SIZES.body);
const BODY_BOLD_FONT = font('宋体', FONT_SIZES.body, { bold: true });

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });
const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const;
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const HEADER_FILL = solid('FFE4E9F0');
const PLAN_FILL = solid('FFD6DFEA');
const SECTION_FILL = solid('FFF1F4F8');

export type CellAlign = 'left' | 'center';

const alignment = (horizontal: CellAlign, vertical: Alignment['vertical'], wrapText: boolean): Partial<Alignment> => ({ horizontal, vertical, wrapText });

/** The finished style objects; assign them whole (`cell.style = …`), never mutate a cell's font or fill. */
export const styles = {
  title: { font: TITLE_FONT, alignment: alignment('center', 'middle', true) } as Partial<Style>,
  infoLeft: { font: BODY_FONT, alignment: alignment('left', 'middle', false) } as Partial<Style>,
  infoRight: { font: BODY_FONT, alignment: { horizontal: 'right', vertical: 'middle' } } as Partial<Style>,
  header: { font: HEADER_FONT, alignment: alignment('center', 'middle', true), border: BORDER, fill: HEADER_FILL } as Partial<Style>,
  plan: { font: font('黑体', 12), alignment: alignment('left', 'middle', true), border: BORDER, fill: PLAN_FILL } as Partial<Style>,
  section: { font: BAND_FONT, alignment: alignment('left', 'middle', true), border: BORDER, fill: SECTION_FILL } as Partial<Style>,
  summary: { font: BODY_BOLD_FONT, alignment: alignment('left', 'middle', true), border: BORDER } as Partial<Style>,
  /** Ledger rows hold long narratives: every cell starts at the top so a row reads across. */
  body: {
    left: { font: BODY_FONT, alignment: alignment('left', 'top', true), border: BORDER } as Partial<Style>,
    center: { font: BODY_FONT, alignment: alignment('center', 'top', true), border: BORDER } as Partial<Style>,
    /** A merged group cell (催办's department), centred in its block. */
    group: { font: BODY_BOLD_FONT, alignment: alignment('center', 'middle', true), border: BORDER } as Partial<Style>,
  },
  /** Short rows (指标, 催办) sit centred in their height. */
  middle: {
    left: { font: BODY_FONT, alignment: alignment('left', 'middle', true), border: BORDER } as Partial<Style>,
    center: { font: BODY_FONT, alignment: alignment('center', 'middle', true), border: BORDER } as Partial<Style>,
  },
  light: Object.fromEntries(
    (Object.keys(lightArgb) as LightColor[]).map((color) => [
      color,
      { font: font('宋体', FONT_SIZES.body, { bold: true, color: { argb: lightInk[color] } }), alignment: alignment('center', 'middle', false), border: BORDER, fill: solid(lightArgb[color]) } as Partial<Style>,
    ]),
  ) as Record<LightColor, Partial<Style>>,
} as const;

/**
 * Line pitch in em: Excel gives a line of 宋体 about 1.29 em (13.5 pt at 10.5 pt), LibreOffice with
 * its CJK fallback fonts about 1.25 em; a little more keeps the last line clear in both.
 */
const LINE_HEIGHT_EM = 1.35;
/** Space above and below the text inside a bordered cell. */
const ROW_PADDING_PT = 4;
/**
 * One Excel width unit in points: a Calibri 11 digit, 7 px at 96 dpi. Excel adds 5 px to every
 * column and takes about as much for the text's margins, so the text gets `width` units.
 */
const POINTS_PER_WIDTH = 5.25;
/** Inner text margins and the line-start rules for punctuation can push a character to the next line. */
const WRAP_SLACK_EM = 0.6;
/** Excel's largest row height. */
const MAX_ROW_HEIGHT = 409;

/** Width of one character in em: CJK and full-width forms are square; Latin letters and digits about 0.65 (DejaVu is wide). */
function charEm(code: number): number {
  if (code < 0x80) return code === 0x20 ? 0.35 : 0.65;
  if (code < 0x2000) return 0.7;
  return 1;
}

/** Lines a text takes when wrapped in a column `width` Excel characters wide (greedy, character by character as CJK wraps). */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  if (text === '') return 1;
  const capacity = Math.max(1, (width * POINTS_PER_WIDTH) / fontSize - WRAP_SLACK_EM);
  let lines = 1;
  let used = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      lines++;
      used = 0;
      continue;
    }
    if (code === 0x0d) continue;
    const em = charEm(code);
    if (used + em > capacity && used > 0) {
      lines++;
      used = 0;
    }
    used += em;
  }
  return lines;
}

/** A row's height in points for `lines` lines of text at `fontSize`. */
export function heightForLines(lines: number, fontSize: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * fontSize * LINE_HEIGHT_EM + ROW_PADDING_PT));
}

/** Height of a row from its wrapped cells: the tallest cell wins, never below one line. */
export function rowHeight(values: readonly (string | number | null)[], widths: readonly number[], wraps: readonly boolean[], fontSize: number): number {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!wraps[i] || typeof value !== 'string' || value.length === 0) continue;
    // A short text cannot wrap: skip the character walk for most cells.
    if (value.length < widths[i]! / 2 - 1 && !value.includes('\n')) continue;
    const cellLines = wrappedLines(value, widths[i]!, fontSize);
    if (cellLines > lines) lines = cellLines;
  }
  return heightForLines(lines, fontSize);
}

/** Characters Excel refuses in sheet names (the apostrophe breaks exceljs's print-title reference). */
const SHEET_NAME_UNSAFE = /[[\]:*?/\\']/g;
const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel accepts and no other sheet of the workbook has (case-insensitively):
 * unsafe characters become _, at most 31 characters, 疾控科(2) for a second 疾控科.
 */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const printable = [...wanted].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  const base = printable.replace(SHEET_NAME_UNSAFE, '_').trim() || '工作表';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `(${n})`;
    const name = `${base.slice(0, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    const key = name.toLowerCase();
    if (!taken.has(key) && key !== 'history') {
      taken.add(key);
      return name;
    }
  }
}

/** 2025-03-31 → 2025年3月31日. */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** The local calendar day of an ISO instant, as 2025年4月20日 (the clerk's date, not UTC's). */
export function chineseLocalDate(isoInstant: string): string {
  const date = new Date(isoInstant);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** The footer every report prints: 第 1 页，共 3 页. */
export const PAGE_FOOTER = '&C第 &P 页，共 &N 页';
