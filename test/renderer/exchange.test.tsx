import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCoreApi, type CoreApi } from './core-api';
import { releaseAfterEachTest } from './exchange-downloads';
import { openPage, renderApp } from './render-app';

const { open, catchDownloads } = releaseAfterEachTest();

const localNoon = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
};
const TODAY = localNoon('2025-04-20');
const now = () => new Date(TODAY);

/** The district office with 疾控科 and 妇幼科 and two tasks, one led by each. */
async function officePc() {
  const api = await createCoreApi({ now: () => TODAY });
  open.push(api);
  const cdc = await api.test.call('departments.create', { name: '疾控科', aliases: [] });
  const mch = await api.test.call('departments.create', { name: '妇幼科', aliases: [] });
  const plan = await api.test.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const literacy = await api.test.call('tasks.create', { planId: plan.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  await api.test.call('tasks.create', { planId: plan.id, number: '2', title: '保障母婴安全', deadline: '2025年12月底', leadDepartmentIds: [mch.id] });
  return { api, cdc, literacy };
}

async function departmentPc() {
  const api = await createCoreApi({ departmentName: '疾控科', now: () => TODAY });
  open.push(api);
  return api;
}

const panel = () => within(screen.getByRole('tabpanel'));

async function openTab(name: string) {
  await openPage('数据交换');
  fireEvent.click(await screen.findByRole('tab', { name: new RegExp(`^${name}`) }));
}

async function pickPackage(files: File[]) {
  fireEvent.change(panel().getByLabelText('选择数据包'), { target: { files } });
}

const fingerprintOf = async (api: CoreApi) => (await api.test.call('system.status', {})).installation!.fingerprint;

describe('数据交换 against the core', () => {
  it('the office sends 疾控科 its tasks; the department checks the sender’s code, imports, saves a receipt, and a second import says nothing new', async () => {
    const office = await officePc();
    const downloads = catchDownloads();

    // Office: 下发给科室 → 疾控科.
    renderApp(office.api, { now });
    await openTab('导出数据包');
    fireEvent.click(panel().getByLabelText(/下发给科室/));
    fireEvent.change(panel().getByLabelText('下发给哪个科室'), { target: { value: office.cdc.id } });
    fireEvent.click(panel().getByRole('button', { name: '导出' }));
    const done = await panel().findByRole('status');
    expect(office.api.callsNamed('sync.export').at(-1)).toMatchObject({ kind: 'assignment', departmentId: office.cdc.id, splitMb: null });
    expect(downloads.files).toHaveLength(1);
    expect(done.textContent).toContain(downloads.files[0]!.fileName);
    const pkg = await downloads.file();
    cleanup();

    // Department PC: pick the file; the preview shows who sent it and its code, and writes nothing.
    const dept = await departmentPc();
    renderApp(dept, { now });
    await openTab('导入数据包');
    await pickPackage([pkg]);
    const preview = await screen.findByLabelText('数据包预览');
    const officeCode = await fingerprintOf(office.api);
    expect(within(preview).getByText('渝北区卫生健康委')).toBeTruthy();
    expect(within(preview).getByLabelText(`识别码 ${officeCode}`).textContent).toBe(officeCode.replace(/ /g, ''));
    expect(panel().getByText('这是第一次收到这台电脑的数据包')).toBeTruthy();
    const tasksRow = within(preview).getByRole('row', { name: /^任务/ });
    // 新增 column: the one task 疾控科 leads, not 妇幼科's.
    expect(within(tasksRow).getAllByRole('cell')[0]!.textContent).toBe('1');
    expect((await dept.test.call('ledger.query', { period: '2025-Q2' })).rows).toHaveLength(0);

    // 导入 stays disabled until the clerk has compared the code.
    const importButton = panel().getByRole('button', { name: '导入' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    fireEvent.click(panel().getByRole('checkbox', { name: /我已核对识别码/ }));
    expect(importButton.disabled).toBe(false);
    fireEvent.click(importButton);
    await panel().findByText(/^导入完成/);
    expect(dept.callsNamed('sync.import').at(-1)).toMatchObject({ trustFingerprint: officeCode });
    expect((await dept.test.call('ledger.query', { period: '2025-Q2' })).rows.map((r) => r.title)).toEqual(['提升居民健康素养']);

    // The receipt goes back as a file.
    fireEvent.click(panel().getByRole('button', { name: '保存回执' }));
    expect(downloads.files.at(-1)!.fileName).not.toBe(pkg.name);
    const receipt = await downloads.file();
    expect(receipt.size).toBeGreaterThan(0);

    // The same package again: nothing new, and nothing to import.
    fireEvent.click(panel().getByRole('button', { name: '导入其他数据包' }));
    await pickPackage([pkg]);
    expect(await panel().findByText(/已导入，无新变化：/)).toBeTruthy();
    expect(panel().queryByRole('button', { name: '导入' })).toBeNull();
    expect(panel().getByText('✓ 已信任的电脑')).toBeTruthy();

    // 收发记录 and 已信任的电脑.
    fireEvent.click(screen.getByRole('tab', { name: '收发记录' }));
    const records = await screen.findByRole('table', { name: '收发记录' });
    expect(within(records).getAllByText('收到').length).toBeGreaterThan(0);
    const peers = await screen.findByRole('table', { name: '已信任的电脑' });
    expect(within(peers).getByText('渝北区卫生健康委')).toBeTruthy();
    expect(within(peers).getByLabelText(`识别码 ${officeCode}`)).toBeTruthy();
    cleanup();

    // Back at the office: the receipt is imported like any package.
    renderApp(office.api, { now });
    await openTab('导入数据包');
    await pickPackage([receipt]);
    const receiptPreview = await screen.findByLabelText('数据包预览');
    const kind = within(receiptPreview).getByText('类型').nextElementSibling!;
    expect(kind.textContent).toBe('回执');
    expect(within(receiptPreview).getByText('疾控科')).toBeTruthy();
  });

  it('shows a damaged package’s refusal in the import panel and writes nothing', async () => {
    const office = await officePc();
    const dept = await departmentPc();
    const exported = await office.api.test.call('sync.export', { kind: 'assignment', departmentId: office.cdc.id });
    const bytes = Uint8Array.from(atob(exported.files[0]!.contentBase64), (c) => c.charCodeAt(0));
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    renderApp(dept, { now });
    await openTab('导入数据包');
    await pickPackage([new File([bytes], exported.files[0]!.fileName)]);
    const alert = await panel().findByRole('alert');
    expect(alert.textContent).toContain('无法导入这个文件');
    expect(alert.textContent).toMatch(/[\u4e00-\u9fa5]{6,}/);
    expect(screen.queryByLabelText('数据包预览')).toBeNull();
    expect(panel().queryByRole('button', { name: '导入' })).toBeNull();
    expect((await dept.test.call('ledger.query', { period: '2025-Q2' })).rows).toHaveLength(0);
  });

  it('puts a split package back together when all parts are picked', async () => {
    const office = await officePc();
    const dept = await departmentPc();
    // Enough text that does not compress to need two parts of 1 MB.
    const plan = (await office.api.test.call('plans.list', {}))[0]!;
    let seed = 7;
    const noise = (length: number) =>
      Array.from({ length }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return String.fromCharCode(0x4e00 + ((seed >>> 8) % 20000));
      }).join('');
    for (let i = 0; i < 60; i++) await office.api.test.call('tasks.create', { planId: plan.id, number: String(10 + i), title: `专项任务${i + 1}`, text: noise(18000), leadDepartmentIds: [office.cdc.id] });
    const exported = await office.api.test.call('sync.export', { kind: 'assignment', departmentId: office.cdc.id, splitMb: 1 });
    expect(exported.files.length).toBeGreaterThan(1);
    const files = exported.files.map((f) => new File([Uint8Array.from(atob(f.contentBase64), (c) => c.charCodeAt(0))], f.fileName));
    renderApp(dept, { now });
    await openTab('导入数据包');
    // Picked in any order.
    await pickPackage([...files].reverse());
    const preview = await screen.findByLabelText('数据包预览');
    expect(within(within(preview).getByRole('row', { name: /^任务/ })).getAllByRole('cell')[0]!.textContent).toBe('61');
  });
});
