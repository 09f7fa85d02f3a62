import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LedgerApi, LedgerEvent } from '../../shared/api';
import { splitPackage } from '../../electron/sync/parts';
import type { CoreApi } from './core-api';
import { createCoreApi } from './core-api';
import { releaseAfterEachTest } from './exchange-downloads';
import { renderApp } from './render-app';

/*
 * The desktop shell sends `open-files` when the clerk double-clicks a .tlpkg file (or hands one to
 * a second instance): the app opens 数据交换 → 导入数据包 with the preview of exactly those bytes.
 */

const { open } = releaseAfterEachTest();
const TODAY = new Date(2025, 3, 20, 12).getTime();
const now = () => new Date(TODAY);

type OpenFiles = Extract<LedgerEvent, { type: 'open-files' }>;

/** The real core, plus the shell's side of the event channel and a way to hold an import mid-write. */
function shellApi(core: CoreApi) {
  const listeners = new Set<(event: LedgerEvent) => void>();
  let holdImport: Promise<void> | null = null;
  const api: LedgerApi = {
    invoke: async (name, args) => {
      if (name === 'sync.import' && holdImport) await holdImport;
      return core.invoke(name, args);
    },
    onEvent: (listener) => {
      const stop = core.onEvent(listener);
      listeners.add(listener);
      return () => {
        stop();
        listeners.delete(listener);
      };
    },
  };
  return {
    api,
    send: (event: OpenFiles) => act(() => listeners.forEach((listener) => listener(event))),
    holdImports() {
      let release: () => void = () => {};
      holdImport = new Promise((resolve) => (release = resolve));
      return () => {
        holdImport = null;
        release();
      };
    },
  };
}

/** The office exports 疾控科's tasks; the department PC is where the file is double-clicked. */
async function packageForDepartment() {
  const office = await createCoreApi({ now: () => TODAY });
  const dept = await createCoreApi({ departmentName: '疾控科', now: () => TODAY });
  open.push(office, dept);
  const cdc = await office.test.call('departments.create', { name: '疾控科', aliases: [] });
  const plan = await office.test.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  await office.test.call('tasks.create', { planId: plan.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  await office.test.call('tasks.create', { planId: plan.id, number: '2', title: '做好传染病监测', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const exported = await office.test.call('sync.export', { kind: 'assignment', departmentId: cdc.id });
  expect(exported.files).toHaveLength(1);
  return { dept, file: exported.files[0]! };
}

const tasksRow = (preview: HTMLElement) => within(preview).getByRole('row', { name: /^任务/ });
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('opening a double-clicked package', () => {
  it('opens 数据交换 → 导入数据包 with the preview of those bytes, and writes nothing', async () => {
    const { dept, file } = await packageForDepartment();
    const shell = shellApi(dept);
    renderApp(shell.api, { now });
    await screen.findByRole('navigation', { name: '主导航' });
    expect(screen.queryByRole('heading', { name: '数据交换' })).toBeNull();

    shell.send({ type: 'open-files', files: [file] });
    expect(await screen.findByRole('heading', { name: '数据交换', level: 1 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '导入数据包' }).getAttribute('aria-selected')).toBe('true');
    const preview = await screen.findByLabelText('数据包预览');
    expect(within(preview).getByText('渝北区卫生健康委')).toBeTruthy();
    expect(within(tasksRow(preview)).getAllByRole('cell')[0]!.textContent).toBe('2');
    expect(screen.getByRole('tabpanel').textContent).toContain(file.fileName);
    // Exactly the bytes the shell read were checked, and nothing was imported.
    expect(dept.callsNamed('sync.preview')).toEqual([{ files: [file] }]);
    expect(dept.callsNamed('sync.import')).toEqual([]);
    expect((await dept.test.call('ledger.query', { period: '2025-Q2' })).rows).toHaveLength(0);

    // The clerk confirms as for a picked file.
    fireEvent.click(screen.getByRole('checkbox', { name: /我已核对识别码/ }));
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    await screen.findByText(/^导入完成/);
    expect((await dept.test.call('ledger.query', { period: '2025-Q2' })).rows).toHaveLength(2);
  });

  it('puts the parts of a split package together in part order, whatever order they arrive in', async () => {
    const { dept, file } = await packageForDepartment();
    const bytes = Uint8Array.from(Buffer.from(file.contentBase64, 'base64'));
    const parts = splitPackage(bytes, Math.ceil(bytes.length / 3) + 100);
    expect(parts).toHaveLength(3);
    const named = parts.map((part, i) => ({ fileName: `下发.part${i + 1}of3.tlpkg`, contentBase64: base64(part) }));
    const shell = shellApi(dept);
    renderApp(shell.api, { now });
    await screen.findByRole('navigation', { name: '主导航' });

    shell.send({ type: 'open-files', files: [named[2]!, named[0]!, named[1]!] });
    const preview = await screen.findByLabelText('数据包预览');
    expect(within(tasksRow(preview)).getAllByRole('cell')[0]!.textContent).toBe('2');
    expect(dept.callsNamed('sync.preview').at(-1)!.files.map((f) => f.fileName)).toEqual(['下发.part1of3.tlpkg', '下发.part2of3.tlpkg', '下发.part3of3.tlpkg']);
  });

  it('shows a damaged file’s refusal in the import panel', async () => {
    const { dept, file } = await packageForDepartment();
    const bytes = Uint8Array.from(Buffer.from(file.contentBase64, 'base64'));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const shell = shellApi(dept);
    renderApp(shell.api, { now });
    await screen.findByRole('navigation', { name: '主导航' });
    shell.send({ type: 'open-files', files: [{ fileName: file.fileName, contentBase64: base64(bytes) }] });
    const alert = await within(await screen.findByRole('tabpanel')).findByRole('alert');
    expect(alert.textContent).toContain('无法导入这个文件');
    expect(screen.queryByLabelText('数据包预览')).toBeNull();
  });

  it('does not replace a package whose import is being written', async () => {
    const { dept, file } = await packageForDepartment();
    const shell = shellApi(dept);
    renderApp(shell.api, { now });
    await screen.findByRole('navigation', { name: '主导航' });
    shell.send({ type: 'open-files', files: [file] });
    await screen.findByLabelText('数据包预览');
    const release = shell.holdImports();
    fireEvent.click(screen.getByRole('checkbox', { name: /我已核对识别码/ }));
    fireEvent.click(screen.getByRole('button', { name: '导入' }));

    shell.send({ type: 'open-files', files: [{ fileName: '另一个.tlpkg', contentBase64: file.contentBase64 }] });
    expect(await screen.findByText('正在导入另一个数据包，请等导入完成后再打开新的数据包')).toBeTruthy();
    expect(dept.callsNamed('sync.preview')).toHaveLength(1);
    release();
    await screen.findByText(/^导入完成/);
    expect(screen.getByRole('tabpanel').textContent).not.toContain('另一个.tlpkg');
  });

  it('asks for the first-time setup before opening a package', async () => {
    const { dept, file } = await packageForDepartment();
    const shell = shellApi(dept);
    const { store } = renderApp(shell.api, { now });
    await screen.findByRole('navigation', { name: '主导航' });
    act(() => store.setState({ status: { ...store.getState().status!, initialized: false } }));
    shell.send({ type: 'open-files', files: [file] });
    expect(await screen.findByText('请先完成初始设置，再打开数据包')).toBeTruthy();
    expect(dept.callsNamed('sync.preview')).toEqual([]);
    expect(store.getState().page).not.toBe('exchange');
  });
});
