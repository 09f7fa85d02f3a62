import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, CallArgs, CallName, CallResult } from '../../shared/api';
import { folderOf } from '../../renderer/src/app/AboutDialog';
import { FakeLedger, type FakeOptions } from './fake-ledger';
import { renderApp } from './render-app';

const DB_PATH = 'D:\\目标台账数据\\ledger.sqlite';

/** The fake core, as on a Windows PC whose database lives on drive D. */
class WindowsLedger extends FakeLedger {
  constructor(options: FakeOptions = {}) {
    super(options);
  }
  override async invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
    const result = await super.invoke(name, args);
    if (name !== 'system.status' || !result.ok) return result;
    return { ok: true, value: { ...(result.value as CallResult<'system.status'>), databasePath: DB_PATH } as CallResult<N> };
  }
}

function fact(dialog: HTMLElement, term: string): string {
  const dt = within(dialog).getByText(term, { selector: 'dt' });
  return [...dt.parentElement!.querySelectorAll('dd')].map((dd) => dd.textContent ?? '').join('');
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(document, 'execCommand');
});

describe('关于 dialog', () => {
  it('opens from the header with versions, the data folder and this PC; Esc closes and gives focus back', async () => {
    renderApp(new WindowsLedger({ departmentName: '疾控科' }));
    const opener = await screen.findByRole('button', { name: '关于' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = await screen.findByRole('dialog', { name: '关于目标台账' });
    expect(within(dialog).getByText('目标台账', { selector: '.about-product' })).toBeTruthy();
    expect(fact(dialog, '软件版本')).toBe('0.1.0');
    expect(fact(dialog, '数据库版本')).toBe('第 1 版');
    expect(fact(dialog, '数据文件夹')).toContain('D:\\目标台账数据');
    expect(fact(dialog, '数据文件夹')).not.toContain('ledger.sqlite');
    expect(fact(dialog, '本机单位')).toBe('渝北区卫生健康委');
    expect(fact(dialog, '本机识别码')).toBe('K7QF-3M9X-PD2A');
    // The primary 关闭 has the focus, so Enter closes too.
    expect(document.activeElement).toBe(within(dialog).getAllByRole('button', { name: '关闭' }).at(-1));

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('keeps Tab inside the dialog while it is open', async () => {
    renderApp(new WindowsLedger());
    fireEvent.click(await screen.findByRole('button', { name: '关于' }));
    const dialog = await screen.findByRole('dialog', { name: '关于目标台账' });
    const buttons = within(dialog).getAllByRole('button');
    const first = buttons[0]!;
    const last = buttons.at(-1)!;
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('copies the data folder path, and says so', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp(new WindowsLedger());
    fireEvent.click(await screen.findByRole('button', { name: '关于' }));
    const dialog = await screen.findByRole('dialog', { name: '关于目标台账' });
    fireEvent.click(within(dialog).getByRole('button', { name: '复制数据文件夹路径' }));
    expect(await within(dialog).findByText('已复制到剪贴板')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('D:\\目标台账数据');
  });

  it('when the clipboard is refused, selects the path for Ctrl+C and says so', async () => {
    const writeText = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const execCommand = vi.fn(() => false);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    renderApp(new WindowsLedger());
    fireEvent.click(await screen.findByRole('button', { name: '关于' }));
    const dialog = await screen.findByRole('dialog', { name: '关于目标台账' });
    fireEvent.click(within(dialog).getByRole('button', { name: '复制数据文件夹路径' }));
    expect(await within(dialog).findByText(/无法自动复制：路径已选中，请按 Ctrl\+C 复制/)).toBeTruthy();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(window.getSelection()?.toString()).toBe('D:\\目标台账数据');
  });

  it('opens when the desktop menu sends show-about, also before setup', async () => {
    const fake = new WindowsLedger({ initialized: false });
    renderApp(fake);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => fake.emit({ type: 'show-about' }));
    const dialog = await screen.findByRole('dialog', { name: '关于目标台账' });
    expect(fact(dialog, '数据文件夹')).toContain('D:\\目标台账数据');
    expect(fact(dialog, '本机')).toBe('尚未初始化');
    fireEvent.click(within(dialog).getAllByRole('button', { name: '关闭' }).at(-1)!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('folderOf', () => {
  it('takes the folder of Windows and Linux paths, keeping a root', () => {
    expect(folderOf('D:\\目标台账数据\\ledger.sqlite')).toBe('D:\\目标台账数据');
    expect(folderOf('/home/clerk/.config/目标台账/ledger.sqlite')).toBe('/home/clerk/.config/目标台账');
    expect(folderOf('C:\\ledger.sqlite')).toBe('C:\\');
    expect(folderOf('/ledger.sqlite')).toBe('/');
    expect(folderOf('ledger.sqlite')).toBe('ledger.sqlite');
  });
});
