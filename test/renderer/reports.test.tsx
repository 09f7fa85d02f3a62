import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localNoon, seededDashboard, TODAY } from './dashboard-fixture';
import { captureDownloads } from './exchange-downloads';
import { openPage, renderApp } from './render-app';
import type { CoreApi } from './core-api';
import { paragraphs, readDocx } from '../reports/docx-xml';

let open: CoreApi | null = null;
let downloads: ReturnType<typeof captureDownloads> | null = null;
afterEach(() => {
  downloads?.restore();
  downloads = null;
  open?.close();
  open = null;
});

const now = () => localNoon(TODAY);
const page = () => within(screen.getByRole('main'));
const form = () => within(screen.getByRole('region', { name: '生成报表' }));

async function openReports(before?: (api: CoreApi) => Promise<unknown>) {
  const seed = await seededDashboard();
  open = seed.api;
  await before?.(seed.api);
  const view = renderApp(seed.api, { now });
  await openPage('报表');
  await screen.findByRole('region', { name: '生成报表' });
  // The quarter's choices have arrived once the file name can be previewed.
  await form().findByLabelText('文件名预览');
  return { ...seed, ...view };
}

const formatLabels = () =>
  within(form().getByRole('group', { name: '格式' }))
    .getAllByRole('radio')
    .map((radio) => radio.closest('label')!.textContent!.trim());
const chosenFormat = () => (within(form().getByRole('group', { name: '格式' })).getAllByRole('radio') as HTMLInputElement[]).find((r) => r.checked)!.value;
const preview = () => form().getByLabelText('文件名预览').textContent;
const pickKind = (label: string) => fireEvent.click(form().getByRole('radio', { name: new RegExp(`^${label}`) }));

/** Cell text of the first sheet's rows that carry a task number in column A (the title and header rows do not). */
async function taskRowsOf(bytes: ArrayBuffer | Buffer): Promise<{ number: string; title: string }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: { number: string; title: string }[] = [];
  sheet.eachRow((row) => {
    const number = String(row.getCell(1).text ?? '').trim();
    if (/^\d+$/.test(number)) rows.push({ number, title: String(row.getCell(2).text).trim() });
  });
  return rows;
}

describe('报表 against the core', () => {
  it('offers only the formats each report comes in; 台账 Excel offers one sheet per department', async () => {
    await openReports();
    expect(formatLabels()).toEqual(['Excel', 'CSV']);
    expect(form().getByRole('checkbox', { name: '每个科室单独一个工作表' })).toBeTruthy();

    pickKind('重点工作推进情况报告');
    expect(formatLabels()).toEqual(['Word']);
    expect(chosenFormat()).toBe('docx');
    expect(form().queryByRole('checkbox', { name: '每个科室单独一个工作表' })).toBeNull();

    pickKind('催办清单');
    expect(formatLabels()).toEqual(['Excel', 'CSV', 'Word']);
    // Word stays chosen: 催办清单 comes in Word too.
    expect(chosenFormat()).toBe('docx');

    pickKind('指标完成情况表');
    expect(formatLabels()).toEqual(['Excel', 'CSV']);
    expect(chosenFormat()).toBe('xlsx');
    expect(form().queryByRole('checkbox', { name: '每个科室单独一个工作表' })).toBeNull();

    pickKind('重点工作台账');
    fireEvent.click(form().getByRole('radio', { name: 'CSV' }));
    expect(form().queryByRole('checkbox', { name: '每个科室单独一个工作表' })).toBeNull();
  });

  it('previews the file name for the view’s quarter, the kind, the format and a single department', async () => {
    const { store, cdc, mch } = await openReports();
    // The app looks at 2025-Q2 on 2025-04-20: the page starts there.
    expect((form().getByLabelText('期间') as HTMLSelectElement).value).toBe('2025-Q2');
    expect(preview()).toBe('渝北区卫生健康委_2025年第二季度重点工作台账.xlsx');

    fireEvent.click(form().getByRole('radio', { name: 'CSV' }));
    expect(preview()).toBe('渝北区卫生健康委_2025年第二季度重点工作台账.csv');
    pickKind('重点工作推进情况报告');
    expect(preview()).toBe('渝北区卫生健康委_2025年第二季度重点工作推进情况报告.docx');

    fireEvent.change(form().getByLabelText('期间'), { target: { value: '2025-Q1' } });
    await waitFor(() => expect(preview()).toBe('渝北区卫生健康委_2025年第一季度重点工作推进情况报告.docx'));
    // The page's quarter is its own: the ledger and 总览 stay on theirs.
    expect(store.getState().viewFilter.period).toBe('2025-Q2');

    pickKind('重点工作台账');
    fireEvent.click(form().getByRole('radio', { name: '按科室' }));
    fireEvent.change(form().getByLabelText('牵头科室'), { target: { value: cdc.id } });
    expect(preview()).toBe('渝北区卫生健康委疾控科_2025年第一季度重点工作台账.xlsx');
    // Two departments: the report covers both, named after the office alone.
    fireEvent.change(form().getByLabelText('牵头科室'), { target: { value: mch.id } });
    expect(preview()).toBe('渝北区卫生健康委_2025年第一季度重点工作台账.xlsx');
  });

  it('generates the chosen department’s 台账: report.build gets the scope, the result names the saved file, 另存为 downloads its bytes', async () => {
    const { api, cdc } = await openReports();
    downloads = captureDownloads();
    fireEvent.click(form().getByRole('radio', { name: '按科室' }));
    fireEvent.change(form().getByLabelText('牵头科室'), { target: { value: cdc.id } });
    fireEvent.click(form().getByRole('checkbox', { name: '每个科室单独一个工作表' }));
    const expectedName = preview();
    fireEvent.click(form().getByRole('button', { name: '生成' }));

    const result = within(await screen.findByRole('region', { name: /已生成/ }));
    expect(api.callsNamed('report.build')).toEqual([
      {
        kind: 'ledger',
        format: 'xlsx',
        scope: { period: '2025-Q2', officeId: null, includeSubmitted: false, planIds: [], departmentIds: [cdc.id], sectionIds: [] },
        sheetPerDepartment: true,
        save: true,
      },
    ]);
    expect(result.getByText(expectedName!)).toBeTruthy();
    // The core's own sentence for what the file holds: 疾控科 leads tasks 1 and 2.
    expect(result.getByText('2025年第二季度疾控科2项重点工作')).toBeTruthy();
    const savedPath = result.getByText(/reports/).textContent!;
    expect(path.basename(savedPath)).toBe(expectedName);
    expect(fs.existsSync(savedPath)).toBe(true);

    fireEvent.click(result.getByRole('button', { name: '另存为…' }));
    expect(downloads.files.map((f) => f.fileName)).toEqual([expectedName]);
    const downloaded = Buffer.from(await (await downloads.file()).arrayBuffer());
    expect(downloaded.equals(fs.readFileSync(savedPath))).toBe(true);
    expect(await taskRowsOf(downloaded)).toEqual([
      { number: '1', title: '提升居民健康素养' },
      { number: '2', title: '推进慢病防控' },
    ]);

    // The browser cannot open Explorer: the folder's path is shown instead.
    fireEvent.click(result.getByRole('button', { name: '打开所在文件夹' }));
    const folder = await result.findByText(path.dirname(savedPath));
    expect(folder.closest('[role="status"]')!.textContent).toContain('请在资源管理器中打开');
    expect(api.callsNamed('report.reveal')).toEqual([{ path: savedPath }]);
  });

  it('a section scope goes to the core as section ids; the CSV lists that section’s tasks', async () => {
    const { api, care } = await openReports();
    fireEvent.click(form().getByRole('radio', { name: 'CSV' }));
    fireEvent.click(form().getByRole('radio', { name: '按章节' }));
    fireEvent.change(form().getByLabelText('章节'), { target: { value: care.id } });
    expect(within(form().getByRole('list', { name: '已选章节' })).getByText('医疗服务')).toBeTruthy();
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    await screen.findByRole('region', { name: /已生成/ });
    expect(api.callsNamed('report.build').at(-1)!.scope).toEqual({ period: '2025-Q2', officeId: null, includeSubmitted: false, planIds: [], departmentIds: [], sectionIds: [care.id] });
    const savedPath = within(screen.getByRole('region', { name: /已生成/ })).getByText(/reports/).textContent!;
    const csv = fs.readFileSync(savedPath, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('保障母婴安全');
    expect(csv).toContain('改善医疗服务');
    expect(csv).not.toContain('提升居民健康素养');
  });

  it('with several plans the clerk may pick one; only its sections are offered and its tasks reported', async () => {
    let extraPlan = '';
    const { api } = await openReports(async (core) => {
      const plan = await core.test.call('plans.create', { kind: 'implementation-plan', title: '健康渝北行动实施方案', yearFrom: 2025, yearTo: 2025 });
      const section = await core.test.call('sections.create', { planId: plan.id, label: '（一）', title: '控烟行动' });
      await core.test.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '1', title: '创建无烟机关', deadline: '2025年12月底', leadDepartmentIds: [] });
      extraPlan = plan.id;
    });
    fireEvent.change(form().getByLabelText('计划'), { target: { value: extraPlan } });
    expect(within(form().getByRole('list', { name: '已选计划' })).getByText('健康渝北行动实施方案')).toBeTruthy();
    fireEvent.click(form().getByRole('radio', { name: '按章节' }));
    const sections = [...(form().getByLabelText('章节') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(sections).toEqual(['请选择章节', '控烟行动（1项）']);
    fireEvent.click(form().getByRole('radio', { name: '全部' }));
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    const result = within(await screen.findByRole('region', { name: /已生成/ }));
    expect(api.callsNamed('report.build').at(-1)!.scope).toMatchObject({ planIds: [extraPlan], departmentIds: [], sectionIds: [] });
    expect(result.getByText('2025年第二季度全区1项重点工作')).toBeTruthy();
  });

  it('while the file is made the button waits and the bar shows the core’s step', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Hold report.build until the test has looked at the page mid-job.
    const slow: typeof seed.api = Object.create(seed.api) as typeof seed.api;
    slow.invoke = async (name, args) => {
      if (name === 'report.build') await gate;
      return seed.api.invoke(name, args);
    };
    const { store } = renderApp(slow, { now });
    await openPage('报表');
    await screen.findByRole('region', { name: '生成报表' });
    await form().findByLabelText('文件名预览');
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    const waiting = await form().findByRole('button', { name: '正在生成…' });
    expect((waiting as HTMLButtonElement).disabled).toBe(true);
    store.getState().reportProgress({ type: 'progress', call: 'report.build', jobId: 'job-1', label: '正在读取重点工作台账数据', done: 25, total: 100 });
    const bar = await form().findByRole('progressbar', { name: '生成进度' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('正在读取重点工作台账数据 25%');
    release();
    await screen.findByRole('region', { name: /已生成/ });
    expect((form().getByRole('button', { name: '生成' }) as HTMLButtonElement).disabled).toBe(false);
    expect(form().queryByRole('progressbar')).toBeNull();
  });

  it('dates the Word report on the day the clerk picks, today unless changed, and refuses a day that is not one', async () => {
    const { api } = await openReports();
    // Excel has no 落款: no date to pick.
    expect(form().queryByLabelText('报告日期')).toBeNull();
    pickKind('重点工作推进情况报告');
    const date = form().getByLabelText('报告日期') as HTMLInputElement;
    const today = new Date();
    expect(date.value).toBe(`${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`);
    expect(form().getByText(`落款日期：${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`)).toBeTruthy();

    fireEvent.change(date, { target: { value: '2025-02-30' } });
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    expect(await form().findByText('报告日期应为有效日期，格式 YYYY-MM-DD，例如 2025-04-12')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsNamed('report.build')).toEqual([]);

    fireEvent.change(date, { target: { value: '2025-04-12' } });
    expect(form().getByText('落款日期：2025年4月12日')).toBeTruthy();
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    const result = within(await screen.findByRole('region', { name: /已生成/ }));
    expect(api.callsNamed('report.build')).toMatchObject([{ kind: 'summary', format: 'docx', date: '2025-04-12' }]);
    // The file's 落款 is that day (its figures, if any, follow as the 附件).
    const saved = result.getByText(/reports/).textContent!;
    const texts = paragraphs(readDocx(new Uint8Array(fs.readFileSync(saved))).document).map((p) => p.text);
    const end = texts.includes('附件') ? texts.indexOf('附件') : texts.length;
    expect(texts.slice(end - 2, end)).toEqual(['渝北区卫生健康委', '2025年4月12日']);
  });

  it('asks for a department before generating 按科室 with none picked, and calls nothing', async () => {
    const { api } = await openReports();
    fireEvent.click(form().getByRole('radio', { name: '按科室' }));
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    expect(await form().findByText('请至少选择一个科室')).toBeTruthy();
    expect(api.callsNamed('report.build')).toEqual([]);
  });

  it('lists the session’s files under 最近生成; one click shows a file again', async () => {
    const { api } = await openReports();
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    await screen.findByRole('region', { name: /已生成/ });
    pickKind('指标完成情况表');
    fireEvent.click(form().getByRole('radio', { name: 'CSV' }));
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    await waitFor(() => expect(api.callsNamed('report.build')).toHaveLength(2));
    const recent = within(await screen.findByRole('list', { name: '最近生成的报表' }));
    await waitFor(() => expect(recent.getAllByRole('listitem')).toHaveLength(2));
    const names = recent.getAllByRole('listitem').map((item) => within(item).getAllByRole('button')[0]!.textContent);
    expect(names).toEqual(['渝北区卫生健康委_2025年第二季度指标完成情况表.csv', '渝北区卫生健康委_2025年第二季度重点工作台账.xlsx']);
    expect(within(screen.getByRole('region', { name: /已生成/ })).getByText('2025年第二季度2项指标')).toBeTruthy();

    fireEvent.click(recent.getByRole('button', { name: '渝北区卫生健康委_2025年第二季度重点工作台账.xlsx' }));
    const result = within(screen.getByRole('region', { name: /已生成/ }));
    expect(result.getByText('渝北区卫生健康委_2025年第二季度重点工作台账.xlsx')).toBeTruthy();
    expect(result.getByText('2025年第二季度全区4项重点工作')).toBeTruthy();
  });

  it('a quarter without tasks says so and points to 导入计划', async () => {
    // A 2023 plan puts 2024 among the quarters offered whatever year the machine is in; no plan covers 2024.
    const { store, api } = await openReports((core) => core.test.call('plans.create', { kind: 'work-points', title: '2023年工作要点', yearFrom: 2023, yearTo: 2023 }));
    fireEvent.change(form().getByLabelText('期间'), { target: { value: '2024-Q4' } });
    expect(await form().findByText('这个季度没有重点工作任务')).toBeTruthy();
    expect(form().queryByRole('button', { name: '生成' })).toBeNull();
    fireEvent.click(page().getByRole('button', { name: '前往导入计划' }));
    expect(store.getState().page).toBe('import');
    expect(api.callsNamed('report.build')).toEqual([]);
  });
});
