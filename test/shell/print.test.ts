import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, LedgerEvent } from '../../shared/api';
import { createInvokeHandler, type CoreLink } from '../../electron/main/ipc';
import type { AppLocation } from '../../electron/main/location';
import { pdfOptions, printHash, reportShellCalls, type PrintDeps } from '../../electron/main/print';
import { mainWindowOptions } from '../../electron/main/window';
import { parsePrintHash, printHash as rendererPrintHash } from '../../renderer/src/print/print-url';
import { printBehaviour, printRecord, resetPrintFake, type PrintWindow } from './print-fake-electron';

vi.mock('electron', () => import('./print-fake-electron'));

const location: AppLocation = { indexFile: '/app/out/renderer/index.html', devServer: null };
const fromApp = { senderFrame: { url: pathToFileURL(location.indexFile).href, parent: null } } as never;
const preloadPath = '/app/out/preload/index.cjs';
const scope = { period: '2025-Q1', departmentIds: ['3f365e7e-635c-4c6e-8d36-470716cfce50'] };
const savedFile = {
  fileName: '渝北区卫生健康委疾控科_2025年第一季度重点工作台账.pdf',
  savedPath: '/data/reports/渝北区卫生健康委疾控科_2025年第一季度重点工作台账.pdf',
  contentBase64: 'JVBERi0=',
  bytes: 5,
  summary: '（PDF）',
};

/** The core behind the shell: records calls, answers from a table. */
function fakeCore(answers: Record<string, ApiResult<unknown>> = {}) {
  const calls: { name: unknown; args: unknown }[] = [];
  const client = {
    calls,
    call: vi.fn(async (name: unknown, args: unknown): Promise<ApiResult<unknown>> => {
      calls.push({ name, args });
      return answers[String(name)] ?? { ok: true, value: `handled ${String(name)}` };
    }),
    onEvent: (_listener: (event: LedgerEvent) => void) => () => {},
  };
  return client satisfies CoreLink;
}

function setup(answers: Record<string, ApiResult<unknown>> = {}, deps: Partial<PrintDeps> = {}) {
  const core = fakeCore({ 'report.savePdf': { ok: true, value: savedFile }, ...answers });
  const handle = createInvokeHandler(core, location, reportShellCalls({ client: core, preloadPath, location, pollMs: 1, ...deps }));
  return { core, handle };
}

const onlyWindow = (): PrintWindow => {
  expect(printRecord.windows).toHaveLength(1);
  return printRecord.windows[0]!;
};

beforeEach(() => {
  resetPrintFake();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('report.pdf in the desktop shell', () => {
  it('prints the print view in a hidden window hardened like the main one, and has the core save it', async () => {
    printBehaviour.readyOnPoll = 3;
    const { core, handle } = setup();
    const result = await handle(fromApp, 'report.pdf', { kind: 'ledger', scope });
    expect(result).toEqual({ ok: true, value: savedFile });

    const window = onlyWindow();
    expect(window.options['show']).toBe(false);
    expect(window.shown).toBe(false);
    expect(window.options.webPreferences).toEqual({ ...mainWindowOptions(preloadPath).webPreferences, backgroundThrottling: false });
    expect(window.options.webPreferences).toMatchObject({ preload: preloadPath, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    // The app's own page with the print hash; the renderer reads back the kind and the scope.
    expect(window.loaded).toMatchObject({ file: location.indexFile });
    const hash = (window.loaded as { options: { hash: string } }).options.hash;
    expect(parsePrintHash(`#${hash}`)).toEqual({ ok: true, request: { kind: 'ledger', scope: { ...scope, officeId: null, planIds: [], sectionIds: [], lights: [], statuses: [], states: [], overdue: false, includeSubmitted: false, search: '' }, dialog: false } });

    // Polled until the view said it was ready, then printed once, A4 landscape with backgrounds.
    expect(window.webContents.polls).toBe(3);
    expect(window.webContents.scripts[0]).toContain('printReady');
    expect(window.webContents.pdfOptions).toEqual([pdfOptions('ledger')]);
    expect(pdfOptions('ledger')).toMatchObject({ pageSize: 'A4', landscape: true, printBackground: true, displayHeaderFooter: false });
    expect(window.destroyed).toBe(true);

    // The core names and saves the exact bytes printed.
    expect(core.calls).toEqual([{ name: 'report.savePdf', args: { kind: 'ledger', scope: expect.objectContaining(scope), contentBase64: Buffer.from('%PDF-1.7\n%fake\n').toString('base64') } }]);
  });

  it('prints the 情况报告 portrait with the 公文 margins, the tables landscape', async () => {
    const { handle } = setup();
    await handle(fromApp, 'report.pdf', { kind: 'summary', scope });
    const options = onlyWindow().webContents.pdfOptions[0] as ReturnType<typeof pdfOptions>;
    expect(options).toMatchObject({ pageSize: 'A4', landscape: false, printBackground: true });
    const inches = (mm: number) => mm / 25.4;
    expect(options.margins).toEqual({ top: inches(37), bottom: inches(35), left: inches(28), right: inches(26) });
    for (const kind of ['ledger', 'indicators', 'reminders'] as const) expect(pdfOptions(kind).landscape).toBe(true);
  });

  it('loads the dev server page with the hash in development', async () => {
    const core = fakeCore({ 'report.savePdf': { ok: true, value: savedFile } });
    const dev: AppLocation = { ...location, devServer: new URL('http://localhost:5173/') };
    const handle = createInvokeHandler(core, dev, reportShellCalls({ client: core, preloadPath, location: dev, pollMs: 1 }));
    await handle({ senderFrame: { url: 'http://localhost:5173/', parent: null } } as never, 'report.pdf', { kind: 'reminders', scope });
    const url = new URL((onlyWindow().loaded as { url: string }).url);
    expect(url.origin + url.pathname).toBe('http://localhost:5173/');
    expect(parsePrintHash(url.hash)).toMatchObject({ ok: true, request: { kind: 'reminders', scope: expect.objectContaining(scope), dialog: false } });
  });

  it('writes the print hash exactly as the renderer writes and reads it', () => {
    for (const kind of ['ledger', 'indicators', 'summary', 'reminders'] as const) {
      expect(printHash(kind, scope)).toBe(rendererPrintHash(kind, scope));
      expect(parsePrintHash(printHash(kind, scope))).toEqual({ ok: true, request: { kind, scope, dialog: false } });
    }
  });

  it('carries the report date into the print view and writes it as the renderer does', async () => {
    expect(printHash('summary', scope, '2025-04-12')).toBe(rendererPrintHash('summary', scope, { date: '2025-04-12' }));
    const { handle } = setup();
    await handle(fromApp, 'report.pdf', { kind: 'summary', scope, date: '2025-04-12' });
    const hash = (onlyWindow().loaded as { options: { hash: string } }).options.hash;
    expect(parsePrintHash(`#${hash}`)).toMatchObject({ ok: true, request: { kind: 'summary', date: '2025-04-12', dialog: false } });
  });

  it('gives up with a Chinese message when the view never gets ready, and closes the window', async () => {
    printBehaviour.readyOnPoll = null;
    const { core, handle } = setup({}, { timeoutMs: 30 });
    const result = await handle(fromApp, 'report.pdf', { kind: 'ledger', scope });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: '生成 PDF 超时：打印视图在 0 秒内未完成排版，请缩小报表范围后重试' } });
    expect(onlyWindow().webContents.polls).toBeGreaterThan(1);
    expect(onlyWindow().webContents.pdfOptions).toEqual([]);
    expect(onlyWindow().destroyed).toBe(true);
    expect(core.calls).toEqual([]);
  });

  it('does not wait past the deadline for a page that never answers', async () => {
    printBehaviour.hang = true;
    const { handle } = setup({}, { timeoutMs: 30 });
    const result = await handle(fromApp, 'report.pdf', { kind: 'summary', scope });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^生成 PDF 超时/);
    expect(onlyWindow().destroyed).toBe(true);
  });

  it('passes on why the view could not print (its data call failed) without waiting for the timeout', async () => {
    printBehaviour.viewError = { message: '要操作的记录不存在或已删除', code: 'NOT_FOUND' };
    const { core, handle } = setup({}, { timeoutMs: 60_000 });
    const started = Date.now();
    expect(await handle(fromApp, 'report.pdf', { kind: 'ledger', scope })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '要操作的记录不存在或已删除' } });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(onlyWindow().destroyed).toBe(true);
    expect(core.calls).toEqual([]);
  });

  it('closes the window when loading or printing fails', async () => {
    printBehaviour.loadError = new Error('ERR_FILE_NOT_FOUND');
    const { handle } = setup();
    expect(await handle(fromApp, 'report.pdf', { kind: 'ledger', scope })).toEqual({ ok: false, error: { code: 'INTERNAL', message: '打印视图无法打开，PDF 未生成' } });
    expect(printRecord.windows[0]!.destroyed).toBe(true);

    printBehaviour.loadError = null;
    printBehaviour.pdf = new Error('Printing failed');
    expect(await handle(fromApp, 'report.pdf', { kind: 'ledger', scope })).toEqual({ ok: false, error: { code: 'INTERNAL', message: '生成 PDF 时出错，PDF 未生成' } });
    expect(printRecord.windows[1]!.destroyed).toBe(true);
  });

  it('passes on the core’s refusal to save (disk full)', async () => {
    const full = { ok: false, error: { code: 'DISK_FULL', message: '磁盘空间不足，报表未保存' } } as const;
    const { handle } = setup({ 'report.savePdf': full });
    expect(await handle(fromApp, 'report.pdf', { kind: 'ledger', scope })).toEqual(full);
    expect(onlyWindow().destroyed).toBe(true);
  });

  it('checks the argument before opening any window', async () => {
    const { core, handle } = setup();
    const result = await handle(fromApp, 'report.pdf', { kind: 'pie', scope });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
    expect(printRecord.windows).toEqual([]);
    expect(core.calls).toEqual([]);
  });
});

describe('report.reveal in the desktop shell', () => {
  const file = '/data/reports/渝北区卫生健康委_2025年第一季度重点工作台账.xlsx';

  it('asks the core first and shows the file in Explorer', async () => {
    const { core, handle } = setup({ 'report.reveal': { ok: true, value: { revealed: false, folder: '/data/reports' } } });
    expect(await handle(fromApp, 'report.reveal', { path: file })).toEqual({ ok: true, value: { revealed: true, folder: '/data/reports' } });
    expect(core.calls).toEqual([{ name: 'report.reveal', args: { path: file } }]);
    expect(printRecord.revealed).toEqual([file]);
  });

  it('shows nothing when the core refuses the path', async () => {
    const refused = { ok: false, error: { code: 'INVALID_ARGUMENT', message: '只能打开报表文件夹中的文件' } } as const;
    const { handle } = setup({ 'report.reveal': refused });
    expect(await handle(fromApp, 'report.reveal', { path: '/etc/passwd' })).toEqual(refused);
    expect(printRecord.revealed).toEqual([]);
  });
});

describe('everything else', () => {
  it('still goes to the core, and the page may not save bytes into the reports folder itself', async () => {
    const { core, handle } = setup();
    expect(await handle(fromApp, 'report.model', { kind: 'ledger', scope })).toEqual({ ok: true, value: 'handled report.model' });
    expect(await handle(fromApp, 'plans.list', {})).toEqual({ ok: true, value: 'handled plans.list' });
    expect(await handle(fromApp, 'report.savePdf', { kind: 'ledger', scope, contentBase64: 'JVBERi0xLjc=' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '已拒绝：该操作只能由桌面程序自身调用' },
    });
    expect(core.calls.map((c) => c.name)).toEqual(['report.model', 'plans.list']);
    expect(printRecord.windows).toEqual([]);
  });

  it('keeps a page from another origin out of the shell calls too', async () => {
    const { core, handle } = setup();
    const result = await handle({ senderFrame: { url: 'https://example.com/', parent: null } } as never, 'report.pdf', { kind: 'ledger', scope });
    expect(result.ok).toBe(false);
    expect(printRecord.windows).toEqual([]);
    expect(core.calls).toEqual([]);
  });
});
