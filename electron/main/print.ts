import path from 'node:path';
import { shell, type BrowserWindowConstructorOptions, type PrintToPDFOptions, type WebContents } from 'electron';
import { fail, ok, type ApiResult, type CallResult, type ErrorCode, type ParsedArgs } from '../../shared/api';
import { errorMessages } from '../../shared/api/errors';
import type { ReportKind } from '../../shared/api/reports';
import type { CoreLink, ShellCalls } from './ipc';
import { entryUrl, type AppLocation } from './location';
import { mainWindowOptions, openSecureWindow } from './window';

/*
 * The two report calls the desktop shell answers itself: report.pdf (the core has no browser:
 * the print view is loaded in a hidden window with the main window's hardening and printed with
 * printToPDF; the core names and saves the bytes) and report.reveal (the core checks the path is
 * one of its reports; the shell shows it in Explorer).
 */

export interface PrintDeps {
  readonly client: CoreLink;
  readonly preloadPath: string;
  readonly location: AppLocation;
  /** How long the print view may take to read the data and lay it out. */
  readonly timeoutMs?: number;
  readonly pollMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_POLL_MS = 100;

/** The print view's hash; renderer/src/print/print-url.ts reads it (a test keeps the two in step). */
export function printHash(kind: ReportKind, scope: unknown, date?: string): string {
  const params = new URLSearchParams({ kind, scope: JSON.stringify(scope) });
  if (date) params.set('date', date);
  return `#print?${params.toString()}`;
}

/** The main window's options (sandbox, context isolation, no Node, the same preload), never shown. */
export function printWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const options = mainWindowOptions(preloadPath);
  return {
    ...options,
    title: '打印',
    show: false,
    skipTaskbar: true,
    // Hidden windows are throttled; layout for the PDF should not wait on that.
    webPreferences: { ...options.webPreferences, backgroundThrottling: false },
  };
}

/** A4; the tables landscape, the 情况报告 portrait. Margins repeat the print view's @page (which wins). */
export function pdfOptions(kind: ReportKind): PrintToPDFOptions {
  const mm = (value: number) => value / 25.4;
  const portrait = kind === 'summary';
  return {
    pageSize: 'A4',
    landscape: !portrait,
    printBackground: true,
    preferCSSPageSize: true,
    // Page numbers come from the print view's @page margin boxes.
    displayHeaderFooter: false,
    margins: portrait ? { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } : { top: mm(12), bottom: mm(14), left: mm(10), right: mm(10) },
  };
}

class PrintFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface PrintSignal {
  readonly ready: boolean;
  readonly error: string | null;
  readonly code: string | null;
}

const READ_SIGNAL = `(() => { const d = document.documentElement.dataset; return { ready: d.printReady === 'true', error: d.printError ?? null, code: d.printErrorCode ?? null }; })()`;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function errorCode(code: string | null): ErrorCode {
  return code !== null && code in errorMessages ? (code as ErrorCode) : 'INTERNAL';
}

/** Poll the page until it says it is laid out, or why it is not, or the time is up. */
async function waitUntilReady(contents: WebContents, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (contents.isDestroyed()) throw new PrintFailure('INTERNAL', '打印窗口意外关闭，PDF 未生成');
    // A page too busy to answer counts against the same deadline.
    const answer = contents.executeJavaScript(READ_SIGNAL).catch(() => null) as Promise<PrintSignal | null>;
    const signal = await Promise.race([answer, delay(Math.max(0, deadline - Date.now())).then(() => null)]);
    if (signal?.ready) return;
    if (signal?.error) throw new PrintFailure(errorCode(signal.code), signal.error);
    if (Date.now() >= deadline) {
      throw new PrintFailure('INTERNAL', `生成 PDF 超时：打印视图在 ${Math.round(timeoutMs / 1000)} 秒内未完成排版，请缩小报表范围后重试`);
    }
    await delay(pollMs);
  }
}

/** Load the print view in a hidden window, wait for it, print it; the window is always destroyed. */
export async function printReport(deps: PrintDeps, kind: ReportKind, scope: unknown, date?: string): Promise<Uint8Array> {
  const window = openSecureWindow(printWindowOptions(deps.preloadPath));
  try {
    const hash = printHash(kind, scope, date);
    const loading = deps.location.devServer ? window.loadURL(`${entryUrl(deps.location)}${hash}`) : window.loadFile(deps.location.indexFile, { hash: hash.slice(1) });
    await loading.catch((error: unknown) => {
      console.error('[print] failed to load the print view:', error);
      throw new PrintFailure('INTERNAL', '打印视图无法打开，PDF 未生成');
    });
    await waitUntilReady(window.webContents, deps.timeoutMs ?? DEFAULT_TIMEOUT_MS, deps.pollMs ?? DEFAULT_POLL_MS);
    return await window.webContents.printToPDF(pdfOptions(kind));
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

async function pdfCall(deps: PrintDeps, args: ParsedArgs<'report.pdf'>): Promise<ApiResult<CallResult<'report.pdf'>>> {
  let bytes: Uint8Array;
  try {
    bytes = await printReport(deps, args.kind, args.scope, args.date);
  } catch (error) {
    if (error instanceof PrintFailure) return fail(error.code, error.message);
    console.error('[print] printToPDF failed:', error);
    return fail('INTERNAL', '生成 PDF 时出错，PDF 未生成');
  }
  const saved = await deps.client.call('report.savePdf', { kind: args.kind, scope: args.scope, contentBase64: Buffer.from(bytes).toString('base64') });
  return saved as ApiResult<CallResult<'report.pdf'>>;
}

async function revealCall(deps: PrintDeps, args: ParsedArgs<'report.reveal'>): Promise<ApiResult<CallResult<'report.reveal'>>> {
  // The core refuses anything outside its reports folder, and files that are gone.
  const checked = (await deps.client.call('report.reveal', args)) as ApiResult<CallResult<'report.reveal'>>;
  if (!checked.ok) return checked;
  shell.showItemInFolder(path.resolve(args.path));
  return ok({ revealed: true, folder: checked.value.folder });
}

export function reportShellCalls(deps: PrintDeps): ShellCalls {
  return {
    'report.pdf': (args) => pdfCall(deps, args),
    'report.reveal': (args) => revealCall(deps, args),
  };
}
