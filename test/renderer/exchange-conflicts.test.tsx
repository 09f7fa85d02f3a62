import ExcelJS from 'exceljs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TASK_COLUMNS } from '../../electron/sync/sheet-format';
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
const panel = () => within(screen.getByRole('tabpanel'));

async function openTab(name: string) {
  await openPage('数据交换');
  fireEvent.click(await screen.findByRole('tab', { name: new RegExp(`^${name}`) }));
}

/** The office and 疾控科's PC after one assignment, both trusting each other. */
async function officeAndDepartment() {
  const office = await createCoreApi({ now: () => TODAY });
  const dept = await createCoreApi({ departmentName: '疾控科', now: () => TODAY });
  open.push(office, dept);
  await dept.test.call('settings.update', { clerkName: '李四' });
  const cdc = await office.test.call('departments.create', { name: '疾控科', aliases: [] });
  const plan = await office.test.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const literacy = await office.test.call('tasks.create', { planId: plan.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const chronic = await office.test.call('tasks.create', { planId: plan.id, number: '2', title: '推进慢病防控', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const assignment = await office.test.call('sync.export', { kind: 'assignment', departmentId: cdc.id });
  const preview = await dept.test.call('sync.preview', { files: assignment.files });
  await dept.test.call('sync.import', { files: assignment.files, trustFingerprint: preview.origin.fingerprint });
  return { office, dept, cdc, literacy, chronic };
}

/**
 * Two PCs of the office (two clerks of 办公室), both trusting each other: only office PCs may
 * edit tasks (electron/sync/authority.ts), so task conflicts arise between them.
 */
async function twoOfficePcs() {
  const office = await createCoreApi({ now: () => TODAY });
  const other = await createCoreApi({ now: () => TODAY });
  open.push(office, other);
  await other.test.call('settings.update', { clerkName: '李四' });
  const cdc = await office.test.call('departments.create', { name: '疾控科', aliases: [] });
  const plan = await office.test.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const literacy = await office.test.call('tasks.create', { planId: plan.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const chronic = await office.test.call('tasks.create', { planId: plan.id, number: '2', title: '推进慢病防控', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const full = await office.test.call('sync.export', { kind: 'full' });
  const preview = await other.test.call('sync.preview', { files: full.files });
  await other.test.call('sync.import', { files: full.files, trustFingerprint: preview.origin.fingerprint });
  return { office, dept: other, literacy, chronic };
}

/** The task as the office's ledger shows it, counting entries that wait for review (含待审核). */
const taskOf = async (api: CoreApi, id: string) => (await api.test.call('ledger.query', { period: '2025-Q2', includeSubmitted: true })).rows.find((r) => r.taskId === id);

describe('冲突 against the core', () => {
  it('shows each conflict side by side with who and where, keeps one value, types a new one, and keeps a delete', async () => {
    const { office, dept, literacy, chronic } = await twoOfficePcs();
    // Offline on both sides: the same fields changed differently, and a task deleted at the office while 疾控科 edits it.
    await office.test.call('tasks.update', { id: literacy.id, title: '提升全区居民健康素养', deadline: '2025年10月底' });
    await dept.test.call('tasks.update', { id: literacy.id, title: '提升居民健康素养水平', deadline: '2025年9月底' });
    await office.test.call('tasks.delete', { id: chronic.id });
    await dept.test.call('tasks.update', { id: chronic.id, title: '推进慢性病防控' });
    const back = await dept.test.call('sync.export', { kind: 'full', toInstallationId: (await office.test.call('system.status', {})).installation!.installationId });
    const preview = await office.test.call('sync.preview', { files: back.files });
    await office.test.call('sync.import', { files: back.files, trustFingerprint: preview.origin.fingerprint });

    renderApp(office, { now });
    await openPage('数据交换');
    const tab = await screen.findByRole('tab', { name: /^冲突/ });
    await waitFor(() => expect(tab.textContent).toBe('冲突3'));
    fireEvent.click(tab);

    // 标题: both values side by side, each with its place, clerk and office.
    const titleCard = await screen.findByRole('article', { name: '任务“提升居民健康素养水平”的标题' });
    expect(within(titleCard).getByText(/^本机和渝北区卫生健康委分别修改了同一内容/)).toBeTruthy();
    const mine = within(titleCard).getByRole('region', { name: '本机的值' });
    const theirs = within(titleCard).getByRole('region', { name: '渝北区卫生健康委的值' });
    expect(within(mine).getByText('提升全区居民健康素养')).toBeTruthy();
    expect(within(mine).getByText('张三（渝北区卫生健康委）')).toBeTruthy();
    expect(within(theirs).getByText('提升居民健康素养水平')).toBeTruthy();
    expect(within(theirs).getByText('李四（渝北区卫生健康委）')).toBeTruthy();

    // Keep the other PC's title.
    fireEvent.click(within(theirs).getByRole('button', { name: '保留此值' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: '任务“提升居民健康素养水平”的标题' })).toBeNull());
    const keepArgs = office.callsNamed('sync.resolve').at(-1)!;
    expect(keepArgs).toMatchObject({ table: 'tasks', rowId: literacy.id, column: 'title' });
    expect(keepArgs.keepHlc).toMatch(new RegExp(`${(await dept.test.call('system.status', {})).installation!.installationId}$`));
    expect((await taskOf(office, literacy.id))!.title).toBe('提升居民健康素养水平');

    // 时限: neither; type the agreed one.
    const deadlineCard = screen.getByRole('article', { name: /的时限$/ });
    fireEvent.click(within(deadlineCard).getByRole('button', { name: '填写新值' }));
    fireEvent.change(within(deadlineCard).getByLabelText('新值'), { target: { value: '2025年11月底' } });
    fireEvent.click(within(deadlineCard).getByRole('button', { name: '保存新值' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: /的时限$/ })).toBeNull());
    expect((await taskOf(office, literacy.id))!.deadline).toBe('2025年11月底');

    // Deleted here, edited there: said in one sentence; keep the delete.
    const deleted = screen.getByRole('article', { name: '任务“推进慢性病防控”' });
    expect(within(deleted).getByText('本机已删除该任务，而渝北区卫生健康委同时修改了它。保留删除，或保留修改（恢复该任务）。')).toBeTruthy();
    expect(within(within(deleted).getByRole('region', { name: '本机的值' })).getByText('删除')).toBeTruthy();
    expect(within(within(deleted).getByRole('region', { name: '渝北区卫生健康委的值' })).getByText('修改为：推进慢性病防控')).toBeTruthy();
    expect(within(deleted).queryByRole('button', { name: '填写新值' })).toBeNull();
    fireEvent.click(within(within(deleted).getByRole('region', { name: '本机的值' })).getByRole('button', { name: '保留此值' }));
    expect(await panel().findByText('没有冲突')).toBeTruthy();
    expect(await taskOf(office, chronic.id)).toBeUndefined();
    expect(screen.getByRole('tab', { name: /^冲突/ }).textContent).toBe('冲突');

    // The resolutions travel: the other PC ends with the same values and no conflict.
    const settle = await office.test.call('sync.export', { kind: 'full', toInstallationId: (await dept.test.call('system.status', {})).installation!.installationId });
    await dept.test.call('sync.import', { files: settle.files });
    expect(await dept.test.call('sync.conflicts', {})).toEqual([]);
    expect((await taskOf(dept, literacy.id))!.deadline).toBe('2025年11月底');
  });
});

describe('Excel填报表 against the core', () => {
  const col = (key: string) => TASK_COLUMNS.findIndex((c) => c.key === key) + 1;

  it('exports 疾控科’s sheet, previews the filled sheet with its wrong value marked, and imports only after the sender is confirmed', async () => {
    const { office, cdc, literacy } = await officeAndDepartment();
    const downloads = catchDownloads();
    renderApp(office, { now });
    await openTab('Excel填报表');
    fireEvent.change(panel().getByLabelText('科室或单位'), { target: { value: cdc.id } });
    fireEvent.change(panel().getByLabelText('季度'), { target: { value: '2025-Q2' } });
    fireEvent.click(panel().getByRole('button', { name: '导出填报表' }));
    await panel().findByText(/^已保存/);
    expect(downloads.files.at(-1)!.fileName).toBe('疾控科-2025年第二季度-填报表.xlsx');

    // Filled in Excel by the unit: one good entry and one wrong percentage.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await downloads.files.at(-1)!.blob.arrayBuffer());
    const tasks = workbook.getWorksheet('任务进展')!;
    tasks.eachRow((row, n) => {
      if (n === 1) return;
      if (row.getCell(col('title')).value === '提升居民健康素养') {
        row.getCell(col('status')).value = '推进中';
        row.getCell(col('percent')).value = 45;
      } else {
        row.getCell(col('status')).value = '推进中';
        row.getCell(col('percent')).value = 150;
      }
    });
    const filled = new File([await workbook.xlsx.writeBuffer()], '疾控科-填好的.xlsx');

    fireEvent.change(panel().getByLabelText('选择填报表'), { target: { files: [filled] } });
    const table = await panel().findByRole('table', { name: '填报表内容' });
    const errorRows = [...table.querySelectorAll('tbody tr.exchange-row-error')];
    // The wrong row is marked as a whole: its good cell is not written either.
    expect(errorRows.map((r) => r.querySelector('td')!.textContent)).toEqual(['3', '3']);
    expect(errorRows[1]!.textContent).toContain('完成百分比150超出范围');
    expect(table.querySelectorAll('tbody tr:not(.exchange-row-error)')).toHaveLength(2);
    expect(panel().getByText(/疾控科 · 2025年第二季度：2处修改将写入/)).toBeTruthy();

    const importButton = panel().getByRole('button', { name: '导入' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    fireEvent.click(panel().getByRole('checkbox', { name: /我已确认来源/ }));
    fireEvent.click(importButton);
    expect(await panel().findByText('已写入1行，1行有错误未写入，请对方改正后重新发回')).toBeTruthy();
    expect(office.callsNamed('sync.importSheet').at(-1)).toMatchObject({ senderConfirmed: true });
    expect(await taskOf(office, literacy.id)).toMatchObject({ status: '推进中', percent: 45 });
  });
});
