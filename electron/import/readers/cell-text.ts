/**
 * The text a clerk sees in an Excel cell: formulas give their result, rich text its plain text,
 * dates YYYY-MM-DD, numbers without float noise (27.5, not 27.500000000000004) and with a
 * percent sign when the cell is formatted as a percentage.
 */

/** Structural view of exceljs's CellValue (kept local so this module needs no exceljs import). */
type CellValue =
  | null
  | undefined
  | number
  | string
  | boolean
  | Date
  | { readonly richText: readonly { readonly text: string }[] }
  | { readonly text: unknown; readonly hyperlink?: string }
  | { readonly formula?: string; readonly sharedFormula?: string; readonly result?: unknown }
  | { readonly error: string };

export function cellText(value: unknown, numFmt?: string): string {
  return rawCellText(value as CellValue, numFmt).trim();
}

function rawCellText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDate(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    return rawCellText((value as { result?: unknown }).result as CellValue, numFmt);
  }
  if ('text' in value) return rawCellText(value.text as CellValue, numFmt);
  if ('error' in value) return String(value.error);
  return '';
}

/** 15 significant digits, as Excel shows them; percentage formats multiply by 100. */
export function formatNumber(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const percent = numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''));
  const shown = percent ? value * 100 : value;
  const clean = Number(shown.toPrecision(15));
  return (Object.is(clean, -0) ? '0' : String(clean)) + (percent ? '%' : '');
}

/** Dates as YYYY-MM-DD (exceljs reads them as UTC); a time of day, if any, as HH:mm after it. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  return hours === 0 && minutes === 0 ? day : `${day} ${pad(hours)}:${pad(minutes)}`;
}
