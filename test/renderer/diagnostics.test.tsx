import { fireEvent, render, screen, within } from '@testing-library/react';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { LedgerApi } from '../../shared/api';
import { App } from '../../renderer/src/app/App';
import { PdfApiProvider } from '../../renderer/src/print/pdf-api';
import { createLedgerStore } from '../../renderer/src/store';
import { createCoreApi } from './core-api';
import { releaseAfterEachTest } from './exchange-downloads';
import { openPage } from './render-app';

const cleanupAfter = releaseAfterEachTest();

/** The whole app as main.tsx mounts it, with the app's bridge for direct calls. */
function renderWithBridge(api: LedgerApi) {
  const store = createLedgerStore(api);
  return render(
    <PdfApiProvider api={api}>
      <App store={store} api={api} />
    </PdfApiProvider>,
  );
}

const TITLE = '全面提升居民健康素养水平专项行动';
const NARRATIVE = '已在双龙湖街道开展入户调查，完成问卷一千二百份';

describe('设置 → 导出诊断信息', () => {
  it('says what the zip holds, downloads it, and the zip has versions and row counts but no plan data', async () => {
    const api = await createCoreApi();
    cleanupAfter.open.push(api);
    const t = api.test;
    const department = await t.call('departments.create', { name: '疾控科', aliases: [] });
    const plan = await t.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    const task = await t.call('tasks.create', { planId: plan.id, number: '1', title: TITLE, leadDepartmentIds: [department.id] });
    await t.call('progress.save', { period: '2025-Q1', taskId: task.id, departmentId: department.id, fields: { status: '推进中', percent: 30, progressText: NARRATIVE, problemsText: '', nextStepsText: '' }, submit: false });
    const downloads = cleanupAfter.catchDownloads();

    renderWithBridge(api);
    await openPage('设置');
    const card = (await screen.findByRole('heading', { name: '诊断信息' })).closest('section')!;
    expect(within(card).getByText(/不含任何计划、任务、进展、指标数值或佐证材料的内容/)).toBeTruthy();
    expect(within(card).getByText(/各数据表的记录条数/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '导出诊断信息' }));

    const status = await within(card).findByRole('status');
    expect(status.textContent).toMatch(/已导出“目标台账诊断信息-\d{8}-\d{4}\.zip”/);
    expect(status.textContent).toContain('完整性检查：通过');
    const file = await downloads.file();
    expect(file.name).toMatch(/^目标台账诊断信息-.*\.zip$/);
    const zip = unzipSync(new Uint8Array(await file.arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual(['diagnostics.json', '诊断信息.txt']);
    const summary = strFromU8(zip['诊断信息.txt']!);
    expect(summary).toContain('软件版本：0.1.0');
    expect(summary).toMatch(/SQLite：3\.\d+/);
    expect(summary).toContain('完整性检查：通过（ok）');
    expect(summary).toMatch(/ {2}tasks: 1\n/);
    const facts = JSON.parse(strFromU8(zip['diagnostics.json']!)) as { tables: Record<string, number>; versions: { node: string } };
    expect(facts.tables['progress_reports']).toBe(1);
    expect(facts.versions.node).toBe(process.versions.node);
    // Not one word of the plan, the task, the narrative, the office or the department.
    const everything = Object.values(zip).map((bytes) => strFromU8(bytes)).join('\n');
    for (const secret of [TITLE, NARRATIVE, '健康素养', '双龙湖', '渝北区', '疾控科', '工作要点', '张三']) expect(everything).not.toContain(secret);
  });

  it('shows the core refusal next to the button', async () => {
    const core = await createCoreApi();
    cleanupAfter.open.push(core);
    const full = { ok: false, error: { code: 'DISK_FULL', message: '磁盘空间不足，本次操作未保存，数据没有改动。请清理数据所在的磁盘后重试。' } } as const;
    const api: LedgerApi = {
      invoke: (name, args) => (name === 'diagnostics.export' ? Promise.resolve(full) : core.invoke(name, args)),
      onEvent: core.onEvent,
    };
    renderWithBridge(api);
    await openPage('设置');
    fireEvent.click(await screen.findByRole('button', { name: '导出诊断信息' }));
    expect((await screen.findByRole('alert')).textContent).toContain('磁盘空间不足');
    expect((screen.getByRole('button', { name: '导出诊断信息' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
