import type { LedgerFilterInput } from '../../../shared/api/ledger';
import { reportKinds, reportScope, type ReportKind } from '../../../shared/api/reports';
import { isReportDate } from '../../../shared/domain/report-date';

/*
 * The print view lives on the app's own page behind a hash: #print?kind=ledger&scope=<JSON>.
 * The desktop shell loads it in a hidden window for printToPDF; the browser host opens it in a
 * tab for the browser's own print dialog (dialog=1). The shell writes the same shape
 * (electron/main/print.ts; a test keeps the two in step).
 */

export interface PrintRequest {
  readonly kind: ReportKind;
  readonly scope: LedgerFilterInput;
  /** The report's date for the 情况报告's 落款 (YYYY-MM-DD); absent: today. */
  readonly date?: string;
  /** Open the browser's print dialog once laid out (browser host only). */
  readonly dialog: boolean;
}

export type ParsedPrintHash = { readonly ok: true; readonly request: PrintRequest } | { readonly ok: false; readonly message: string };

export function isPrintHash(hash: string): boolean {
  return hash === '#print' || hash.startsWith('#print?');
}

export function printHash(kind: ReportKind, scope: LedgerFilterInput, options: { dialog?: boolean; date?: string | undefined } = {}): string {
  const params = new URLSearchParams({ kind, scope: JSON.stringify(scope) });
  if (options.date) params.set('date', options.date);
  if (options.dialog) params.set('dialog', '1');
  return `#print?${params.toString()}`;
}

export function parsePrintHash(hash: string): ParsedPrintHash {
  const params = new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
  const kind = params.get('kind');
  if (!reportKinds.includes(kind as ReportKind)) return { ok: false, message: `打印地址中的报表类型无效：${kind ?? '（未指定）'}` };
  let raw: unknown;
  try {
    raw = JSON.parse(params.get('scope') ?? '');
  } catch {
    return { ok: false, message: '打印地址中的报表范围无法识别，请从“报表”页面重新打开' };
  }
  const scope = reportScope.safeParse(raw);
  if (!scope.success) return { ok: false, message: '打印地址中的报表范围无效，请从“报表”页面重新打开' };
  const date = params.get('date');
  if (date !== null && !isReportDate(date)) return { ok: false, message: '打印地址中的报告日期无效，请从“报表”页面重新打开' };
  return { ok: true, request: { kind: kind as ReportKind, scope: raw as LedgerFilterInput, ...(date !== null ? { date } : {}), dialog: params.get('dialog') === '1' } };
}
