import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, CallName, LedgerApi } from '../../shared/api';
import type { ReportFile } from '../../shared/api/reports';
import { PdfApiProvider } from '../../renderer/src/print/pdf-api';
import { PdfButton } from '../../renderer/src/print/PdfButton';
import { parsePrintHash } from '../../renderer/src/print/print-url';

const scope = { period: '2025-Q1', departmentIds: ['3f365e7e-635c-4c6e-8d36-470716cfce50'] };
const saved: ReportFile = {
  fileName: '渝北区卫生健康委_2025年第一季度重点工作台账.pdf',
  savedPath: '/data/reports/渝北区卫生健康委_2025年第一季度重点工作台账.pdf',
  contentBase64: 'JVBERi0=',
  bytes: 5,
  summary: '2025年第一季度全区重点工作台账，39项重点工作（PDF）',
};

/** A host that answers the two calls the button makes; every call is recorded. */
function fakeHost(answers: Partial<Record<CallName, () => ApiResult<unknown> | Promise<ApiResult<unknown>>>>) {
  const calls: { name: string; args: unknown }[] = [];
  const api: LedgerApi = {
    invoke: (async (name: CallName, args: unknown) => {
      calls.push({ name, args });
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected call ${name}`);
      return answer();
    }) as LedgerApi['invoke'],
    onEvent: () => () => {},
  };
  return { api, calls };
}

function renderButton(api: LedgerApi, props: { disabled?: boolean } = {}) {
  return render(
    <PdfApiProvider api={api}>
      <PdfButton kind="ledger" scope={scope} {...props} />
    </PdfApiProvider>,
  );
}

let opened: string[] = [];
beforeEach(() => {
  opened = [];
  vi.spyOn(window, 'open').mockImplementation((url) => {
    opened.push(String(url));
    return {} as Window;
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('导出 PDF in the desktop app', () => {
  it('asks the shell for the PDF, names the saved file and shows it in its folder', async () => {
    const host = fakeHost({
      'report.pdf': () => ({ ok: true, value: saved }),
      'report.reveal': () => ({ ok: true, value: { revealed: true, folder: '/data/reports' } }),
    });
    renderButton(host.api);
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    expect((await screen.findByRole('status')).textContent).toContain(`已保存 PDF：${saved.fileName}`);
    expect(host.calls).toEqual([{ name: 'report.pdf', args: { kind: 'ledger', scope } }]);
    expect(opened).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: '打开所在文件夹' }));
    await waitFor(() => expect(host.calls.at(-1)).toEqual({ name: 'report.reveal', args: { path: saved.savedPath } }));
    expect(screen.queryByText(/位于：/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the folder when the host cannot open it', async () => {
    const host = fakeHost({
      'report.pdf': () => ({ ok: true, value: saved }),
      'report.reveal': () => ({ ok: true, value: { revealed: false, folder: '/data/reports' } }),
    });
    renderButton(host.api);
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    fireEvent.click(await screen.findByRole('button', { name: '打开所在文件夹' }));
    expect((await screen.findByText(/^位于：/)).textContent).toBe('位于：/data/reports');
  });

  it('says it is working while the PDF is made, and cannot be clicked twice', async () => {
    let finish: (value: ApiResult<unknown>) => void = () => {};
    const host = fakeHost({ 'report.pdf': () => new Promise((resolve) => (finish = resolve)) });
    renderButton(host.api);
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    const busy = await screen.findByRole('button', { name: '正在生成 PDF…' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(busy);
    finish({ ok: true, value: saved });
    await screen.findByRole('button', { name: '导出 PDF' });
    expect(host.calls).toHaveLength(1);
  });

  it('shows the shell’s Chinese reason when the PDF could not be made', async () => {
    const host = fakeHost({ 'report.pdf': () => ({ ok: false, error: { code: 'INTERNAL', message: '生成 PDF 超时：打印视图在 120 秒内未完成排版，请缩小报表范围后重试' } }) });
    renderButton(host.api);
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    expect((await screen.findByRole('alert')).textContent).toBe('未能生成 PDF：生成 PDF 超时：打印视图在 120 秒内未完成排版，请缩小报表范围后重试');
    expect(opened).toEqual([]);
  });

  it('passes on a refused reveal (the file was moved)', async () => {
    const host = fakeHost({
      'report.pdf': () => ({ ok: true, value: saved }),
      'report.reveal': () => ({ ok: false, error: { code: 'NOT_FOUND', message: '报表文件已被移动或删除' } }),
    });
    renderButton(host.api);
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    fireEvent.click(await screen.findByRole('button', { name: '打开所在文件夹' }));
    expect((await screen.findByRole('alert')).textContent).toBe('无法打开文件夹：报表文件已被移动或删除');
    // The saved file is still named.
    expect(screen.getByRole('status').textContent).toContain(saved.fileName);
  });

  it('is disabled while the page builds a report', () => {
    renderButton(fakeHost({}).api, { disabled: true });
    expect((screen.getByRole('button', { name: '导出 PDF' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('导出 PDF in the browser', () => {
  const unavailable = () => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const, message: 'PDF 需在桌面程序中生成' } });

  it('opens the print view in a new tab for the browser’s print dialog, and goes straight there next time', async () => {
    const host = fakeHost({ 'report.pdf': unavailable });
    renderButton(host.api);
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    expect((await screen.findByRole('status')).textContent).toContain('已在新标签页打开打印预览，请在打印对话框中选择“另存为 PDF”。');
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe(new URL(window.location.href).origin + new URL(window.location.href).pathname);
    expect(parsePrintHash(url.hash)).toEqual({ ok: true, request: { kind: 'ledger', scope, dialog: true } });

    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    await waitFor(() => expect(opened).toHaveLength(2));
    expect(host.calls.map((c) => c.name)).toEqual(['report.pdf']);
  });

  it('carries the 情况报告’s date to the shell and to the print view', async () => {
    const host = fakeHost({ 'report.pdf': unavailable });
    render(
      <PdfApiProvider api={host.api}>
        <PdfButton kind="summary" scope={scope} date="2025-04-12" />
      </PdfApiProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    await waitFor(() => expect(opened).toHaveLength(1));
    expect(host.calls).toEqual([{ name: 'report.pdf', args: { kind: 'summary', scope, date: '2025-04-12' } }]);
    expect(parsePrintHash(new URL(opened[0]!).hash)).toEqual({ ok: true, request: { kind: 'summary', scope, date: '2025-04-12', dialog: true } });
  });

  it('offers a link when the browser blocks the new tab', async () => {
    vi.mocked(window.open).mockImplementation(() => null);
    renderButton(fakeHost({ 'report.pdf': unavailable }).api);
    fireEvent.click(screen.getByRole('button', { name: '导出 PDF' }));
    const link = await screen.findByRole('link', { name: '打开打印预览' });
    expect(parsePrintHash(new URL(link.getAttribute('href')!).hash).ok).toBe(true);
    expect(link.getAttribute('target')).toBe('_blank');
  });
});
