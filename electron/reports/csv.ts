import type { ReportModel } from '../../shared/api/reports';
import { indicatorColumns, ledgerColumns, reminderColumns, reminderRows, type Column } from '../../shared/reports/columns';

/*
 * CSV for other tools: UTF-8 with a byte-order mark (Excel otherwise reads Chinese as GBK),
 * CRLF rows, RFC 4180 quoting. Text that a spreadsheet would run as a formula is defused.
 */

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function reportCsv(model: ReportModel, kind: 'ledger' | 'indicators' | 'reminders'): Uint8Array {
  let text: string;
  if (kind === 'ledger') {
    // Sections are a column here (a CSV has no merged rows).
    const columns = [{ key: 'section', header: '所属部分', width: 20, wrap: true, value: (t: ReportModel['tasks'][number]) => t.sectionTitle ?? '' }, ...ledgerColumns];
    text = toCsv(columns, model.tasks);
  } else if (kind === 'indicators') {
    text = toCsv(indicatorColumns(model), model.indicators.map((row, i) => ({ ...row, index: i + 1 })));
  } else {
    text = toCsv(reminderColumns, reminderRows(model));
  }
  return new TextEncoder().encode(text);
}
