import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntryFields } from '../../shared/api/progress';
import { createCoreApi, type CoreApi } from './core-api';
import { approved, seededPartial } from './dashboard-fixture';
import { openPage, renderApp } from './render-app';

/** Local noon: the same calendar date in every time zone the tests run in. */
const TODAY = new Date(2025, 4, 20, 12);
const Q2 = '2025-Q2';
const PLAN_TITLE = '2025年全区卫生健康工作要点';

const entry = (fields: Partial<EntryFields>): EntryFields => ({ status: '推进中', percent: 30, progressText: '', problemsText: '', nextStepsText: '', ...fields });

let api: CoreApi | null = null;
afterEach(() => {
  api?.close();
  api = null;
});

/**
 * What a district office has by mid-May 2025, entered as clerks do: one year's work points in
 * three sections, four departments, and 2025 Q2 reports for some tasks. The phrase 流调队伍拉练
 * appears only in 疾控科's progress text, never in a task. Each entry is submitted and approved.
 */
async function seeded() {
  api = await createCoreApi({ now: () => TODAY.getTime() });
  const call = api.test.call;
  const cdc = await call('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
  const medical = await call('departments.create', { name: '医政医管科', aliases: [] });
  const primary = await call('departments.create', { name: '基层卫生健康科', aliases: [] });
  const family = await call('departments.create', { name: '人口监测与家庭发展科', aliases: [] });
  const plan = await call('plans.create', { kind: 'work-points', title: PLAN_TITLE, yearFrom: 2025, yearTo: 2025 });
  const publicHealth = await call('sections.create', { planId: plan.id, label: '一、', title: '提升公共卫生服务能力' });
  const reform = await call('sections.create', { planId: plan.id, label: '二、', title: '深化医药卫生体制改革' });
  const population = await call('sections.create', { planId: plan.id, label: '三、', title: '促进人口长期均衡发展' });
  const task = (sectionId: string, number: string, title: string, leads: string[], units: string[] = []) =>
    call('tasks.create', { planId: plan.id, sectionId, number, title, deadline: '2025年12月底前', leadDepartmentIds: leads, responsibleUnits: units });
  const t1 = await task(publicHealth.id, '1', '健全疾病预防控制体系，完成区疾控中心标准化建设', [cdc.id], ['区疾病预防控制中心']);
  const t2 = await task(publicHealth.id, '2', '做好重点传染病防控和突发公共卫生事件应急处置', [cdc.id], ['区疾病预防控制中心', '各街道社区卫生服务中心']);
  const t3 = await task(publicHealth.id, '3', '推进慢性病综合防控示范区建设', [cdc.id, primary.id]);
  const t4 = await task(reform.id, '4', '推进医保支付方式改革，落实按病种付费', [medical.id], ['区医疗保障局']);
  const t5 = await task(reform.id, '5', '推动紧密型县域医共体建设', [medical.id, primary.id]);
  const t6 = await task(reform.id, '6', '提升基层医疗卫生机构服务能力', [primary.id], ['各街道社区卫生服务中心']);
  const t7 = await task(population.id, '7', '发展普惠托育服务，新增托位300个', [family.id], ['区妇幼保健院']);
  const t8 = await task(population.id, '8', '落实生育支持政策', [family.id]);
  await approved(api, {
    period: Q2,
    taskId: t1.id,
    departmentId: cdc.id,
    fields: entry({ percent: 40, progressText: '完成区疾控中心实验室改造，组织流调队伍拉练两次。' }),
  });
  await approved(api, { period: Q2, taskId: t2.id, departmentId: cdc.id, fields: entry({ status: '已完成', percent: 100, progressText: '处置聚集性疫情3起。' }) });
  await approved(api, { period: Q2, taskId: t4.id, departmentId: medical.id, fields: entry({ status: '滞后', percent: 10, problemsText: '信息系统改造未完成。' }) });
  await approved(api, { period: Q2, taskId: t7.id, departmentId: family.id, fields: entry({ percent: 60, progressText: '新增托位180个。' }) });
  return { api, cdc, medical, primary, family, plan, publicHealth, reform, population, tasks: [t1, t2, t3, t4, t5, t6, t7, t8] };
}

async function openLedger(coreApi: CoreApi) {
  const view = renderApp(coreApi, { now: () => TODAY });
  await openPage('任务台账');
  const table = await screen.findByRole('table', { name: '任务台账' });
  return { ...view, table };
}

/** Task titles in the order the table shows them. */
function titles(table: HTMLElement): string[] {
  return [...table.querySelectorAll('.ledger-row .ledger-title')].map((el) => el.getAttribute('title') ?? '');
}

const headings = (table: HTMLElement) => [...table.querySelectorAll('.ledger-group')].map((el) => el.textContent);

function rowOf(table: HTMLElement, title: string): HTMLElement {
  const cell = [...table.querySelectorAll('.ledger-row .ledger-title')].find((el) => el.getAttribute('title') === title);
  if (!cell) throw new Error(`no row ${title}`);
  return cell.closest<HTMLElement>('[role="row"]')!;
}

const count = () => screen.getByText(/^共 \d+ 项任务/).textContent;

describe('任务台账 against the core', () => {
  it('lists the quarter in document order under plan and section headings with counts, lights and progress', async () => {
    const { tasks } = await seeded();
    const { table } = await openLedger(api!);
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    expect(count()).toBe('共 8 项任务');
    expect(titles(table)).toEqual(tasks.map((t) => t.title));
    expect(headings(table)).toEqual([`${PLAN_TITLE}8 项`, '提升公共卫生服务能力3 项', '深化医药卫生体制改革3 项', '促进人口长期均衡发展2 项']);
    expect(api!.callsNamed('ledger.query').at(-1)).toMatchObject({ period: Q2 });

    const done = rowOf(table, tasks[1]!.title);
    expect(within(done).getByText('已完成')).toBeTruthy();
    expect(within(done).getByText('100%')).toBeTruthy();
    const lagging = rowOf(table, tasks[3]!.title);
    expect(within(lagging).getByText('滞后')).toBeTruthy();
    // 滞后 is red, with the core's reason as the tooltip.
    const light = lagging.querySelector('.ledger-light')!;
    expect(light.textContent).toContain('红灯');
    expect(light.getAttribute('title')).toMatch(/^红灯：.+/);
    const silent = rowOf(table, tasks[7]!.title);
    expect(within(silent).getByText('未填报')).toBeTruthy();
    expect(within(silent).getByText('人口监测与家庭发展科')).toBeTruthy();
  });

  it('narrows to one department by its chip, shows the chip and the count, and removes it again', async () => {
    const { cdc, tasks } = await seeded();
    const { table } = await openLedger(api!);
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    const picker = screen.getByLabelText('牵头科室') as HTMLSelectElement;
    const option = within(picker).getByRole('option', { name: '疾病预防控制科（3）' }) as HTMLOptionElement;
    fireEvent.change(picker, { target: { value: option.value } });

    await waitFor(() => expect(titles(table)).toEqual([tasks[0]!.title, tasks[1]!.title, tasks[2]!.title]));
    expect(count()).toBe('共 8 项任务，筛选后 3 项');
    expect(api!.callsNamed('ledger.query').at(-1)).toMatchObject({ departmentIds: [cdc.id] });
    const chips = screen.getByRole('list', { name: '已选筛选条件' });
    expect(within(chips).getByText('牵头科室：疾病预防控制科')).toBeTruthy();
    // A chosen department is not offered twice.
    expect(within(picker).queryByRole('option', { name: /疾病预防控制科/ })).toBeNull();

    fireEvent.click(within(chips).getByRole('button', { name: '去掉“牵头科室：疾病预防控制科”' }));
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    expect(screen.queryByRole('list', { name: '已选筛选条件' })).toBeNull();
  });

  it('finds tasks by a two-character word and by a phrase written only in a quarterly report, marking the words', async () => {
    const { tasks } = await seeded();
    const { table } = await openLedger(api!);
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    const search = screen.getByRole('searchbox', { name: '搜索任务' });

    // Typed one character after the other: the core is asked once, after the pause.
    fireEvent.change(search, { target: { value: '托' } });
    fireEvent.change(search, { target: { value: '托育' } });
    await waitFor(() => expect(titles(table)).toEqual([tasks[6]!.title]));
    expect(api!.callsNamed('ledger.query').map((args) => args.search)).toEqual(['', '托育']);
    expect([...table.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['托育']);
    expect(count()).toBe('共 8 项任务，筛选后 1 项');

    fireEvent.change(search, { target: { value: '医保' } });
    await waitFor(() => expect(titles(table)).toEqual([tasks[3]!.title]));

    fireEvent.change(search, { target: { value: '流调队伍拉练' } });
    await waitFor(() => expect(titles(table)).toEqual([tasks[0]!.title]));
    const row = rowOf(table, tasks[0]!.title);
    const match = row.querySelector('.ledger-match')!;
    expect(match.textContent).toMatch(/^本季度进展：.*流调队伍拉练/);
    expect(match.querySelector('mark')?.textContent).toBe('流调队伍拉练');
    expect(within(screen.getByRole('list', { name: '已选筛选条件' })).getByText('搜索：流调队伍拉练')).toBeTruthy();

    // A search nothing matches says so and offers the way back.
    fireEvent.change(search, { target: { value: '核酸检测' } });
    expect(await screen.findByText('没有符合筛选条件的任务')).toBeTruthy();
    fireEvent.click(within(screen.getByText('没有符合筛选条件的任务').closest('.empty')!).getByRole('button', { name: '清除筛选' }));
    const restored = await screen.findByRole('table', { name: '任务台账' });
    await waitFor(() => expect(titles(restored)).toHaveLength(8));
    expect((screen.getByRole('searchbox', { name: '搜索任务' }) as HTMLInputElement).value).toBe('');
  });

  it('sorts by a column both ways as a flat list, ties in document order, and returns to the groups', async () => {
    const { tasks } = await seeded();
    const { table } = await openLedger(api!);
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    const header = () => screen.getByRole('columnheader', { name: /完成进度/ });
    const t = (i: number) => tasks[i]!.title;

    fireEvent.click(within(header()).getByRole('button'));
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    // 10, 40, 60, 100; the four without a report (no percent) last, in document order.
    expect(titles(table)).toEqual([t(3), t(0), t(6), t(1), t(2), t(4), t(5), t(7)]);
    expect(headings(table)).toEqual([]);
    expect(screen.getByText(/按“完成进度”排列（升序）/)).toBeTruthy();

    fireEvent.click(within(header()).getByRole('button'));
    expect(header().getAttribute('aria-sort')).toBe('descending');
    expect(titles(table)).toEqual([t(1), t(6), t(0), t(3), t(2), t(4), t(5), t(7)]);

    fireEvent.click(within(header()).getByRole('button'));
    expect(header().getAttribute('aria-sort')).toBe('none');
    expect(titles(table)).toEqual(tasks.map((task) => task.title));
    expect(headings(table)).toHaveLength(4);
  });

  it('hides a column from 显示列 and keeps the choice when the page is opened again', async () => {
    await seeded();
    const { table, store } = await openLedger(api!);
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    expect(within(table).getAllByText('区疾病预防控制中心').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: /^显示列/ }));
    const units = screen.getByRole('checkbox', { name: '责任单位' });
    expect((screen.getByRole('checkbox', { name: '任务' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(units);
    expect(screen.queryByRole('columnheader', { name: /责任单位/ })).toBeNull();
    expect(within(table).queryByText('区疾病预防控制中心')).toBeNull();
    expect(store.getState().ledgerHiddenColumns).toEqual(['units']);
    expect(screen.getByRole('columnheader', { name: /牵头科室/ })).toBeTruthy();

    await openPage('计划与任务');
    await openPage('任务台账');
    await screen.findByRole('table', { name: '任务台账' });
    expect(screen.queryByRole('columnheader', { name: /责任单位/ })).toBeNull();
    expect(screen.getByRole('button', { name: '显示列（8/9）' })).toBeTruthy();
  });

  it('opens the task drawer from a click and from Enter on a focused row', async () => {
    const { tasks } = await seeded();
    const { table, store } = await openLedger(api!);
    await waitFor(() => expect(titles(table)).toHaveLength(8));

    fireEvent.click(rowOf(table, tasks[0]!.title));
    const drawer = await screen.findByRole('dialog', { name: `第1项：${tasks[0]!.title}` });
    expect(await within(drawer).findByText('完成区疾控中心实验室改造，组织流调队伍拉练两次。')).toBeTruthy();
    act(() => store.getState().closeTaskDetail());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const row = rowOf(table, tasks[6]!.title);
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    expect(await screen.findByRole('dialog', { name: `第7项：${tasks[6]!.title}` })).toBeTruthy();
    expect(store.getState().detailTaskId).toBe(tasks[6]!.id);
  });

  it('opens filtered when the dashboard hands over chips, and the light chips toggle', async () => {
    const { tasks } = await seeded();
    const { table, store } = await openLedger(api!);
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    act(() => store.getState().openLedgerWith({ states: ['未填报'] }));
    await waitFor(() => expect(titles(table)).toEqual([tasks[2]!.title, tasks[4]!.title, tasks[5]!.title, tasks[7]!.title]));
    expect(within(screen.getByRole('list', { name: '已选筛选条件' })).getByText('本季度：未填报')).toBeTruthy();
    // The chip is pressed in the 本季度情况 group.
    expect(within(screen.getByRole('group', { name: '本季度情况' })).getByRole('button', { name: '未填报' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(titles(table)).toHaveLength(8));
    const red = within(screen.getByRole('group', { name: '灯色' })).getByRole('button', { name: '红灯' });
    fireEvent.click(red);
    expect(red.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(titles(table)).toContain(tasks[3]!.title));
    const redRows = [...table.querySelectorAll('.ledger-row .ledger-light')].map((el) => el.textContent);
    expect(redRows.length).toBeGreaterThan(0);
    expect(redRows.every((text) => text?.includes('红灯'))).toBe(true);
    expect(store.getState().viewFilter.lights).toEqual(['red']);
  });
});

describe('任务台账 with several lead departments', () => {
  it('shows each department’s part of a shared task and marks 部分科室未报 naming who is missing; grey when nobody counted', async () => {
    const seed = await seededPartial();
    api = seed.api;
    const { store } = renderApp(seed.api, { now: () => TODAY });
    await openPage('任务台账');
    await screen.findByRole('table', { name: '任务台账' });
    fireEvent.change(screen.getByLabelText('季度'), { target: { value: seed.period } });
    await waitFor(() => expect(api!.callsNamed('ledger.query').at(-1)?.period).toBe(seed.period));
    const table = await screen.findByRole('table', { name: '任务台账' });
    await waitFor(() => expect(titles(table)).toHaveLength(4));
    expect(screen.getByRole('columnheader', { name: /本季度情况/ })).toBeTruthy();

    const shared = rowOf(table, '推进慢病防控');
    const state = shared.querySelector<HTMLElement>('.ledger-col-status')!;
    expect(within(state).getByText('按序时推进', { selector: '.ledger-state-text' })).toBeTruthy();
    expect(within(state).getByLabelText('部分科室未报：医政科')).toBeTruthy();
    // Both departments’ parts, the one still owing first: 医政科 missing after the deadline, 疾控科 reported on pace.
    expect(state.querySelector('.ledger-leads')!.textContent).toBe('医政科：逾期未报；疾控科：按序时推进');
    expect(state.querySelector('.ledger-state')!.getAttribute('title')).toContain('部分科室未报：医政科');

    // A returned entry is not progress: 未填报 with 已退回修改, grey.
    const returned = rowOf(table, '改善医疗服务');
    expect(returned.querySelector('.ledger-state-text')!.textContent).toBe('未填报');
    expect(returned.querySelector('.ledger-leads')!.textContent).toBe('已退回修改');
    expect(returned.querySelector('.ledger-light')!.textContent).toContain('灰灯');
    // A submitted entry waits for review: 未填报 until approved, and says 待审核.
    const waiting = rowOf(table, '保障母婴安全');
    expect(waiting.querySelector('.ledger-leads')!.textContent).toBe('待审核');
    expect(waiting.querySelector('.ledger-light')!.textContent).toContain('灰灯');

    // 含待审核 counts it, marked as such.
    fireEvent.click(screen.getByRole('checkbox', { name: '含待审核' }));
    expect(store.getState().viewFilter.includeSubmitted).toBe(true);
    await waitFor(() => expect(rowOf(table, '保障母婴安全').querySelector('.ledger-state-text')!.textContent).toBe('按序时推进'));
    expect(rowOf(table, '保障母婴安全').querySelector('.ledger-leads')!.textContent).toBe('待审核');

    // The 部分科室未报 chip lists only the shared task.
    fireEvent.click(within(screen.getByRole('group', { name: '本季度情况' })).getByRole('button', { name: '部分科室未报' }));
    expect(store.getState().viewFilter.states).toEqual(['部分科室未报']);
    await waitFor(() => expect(titles(table)).toEqual(['推进慢病防控']));
  });
});

describe('任务台账 empty states', () => {
  it('sends a new office to 导入计划', async () => {
    api = await createCoreApi({ now: () => TODAY.getTime() });
    const { store } = renderApp(api, { now: () => TODAY });
    await openPage('任务台账');
    expect(await screen.findByText('还没有导入计划')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '前往导入计划' }));
    expect(store.getState().page).toBe('import');
  });

  it('says when no plan covers the quarter and the quarter picker changes it', async () => {
    const { tasks } = await seeded();
    renderApp(api!, { now: () => TODAY });
    await openPage('任务台账');
    const picker = (await screen.findByLabelText('季度')) as HTMLSelectElement;
    // The picker offers last year to this year (by the real calendar) around the plan's 2025.
    const other = [...picker.options].map((o) => o.value).find((value) => !value.startsWith('2025'))!;
    fireEvent.change(picker, { target: { value: other } });
    expect(await screen.findByText('这个季度没有任务')).toBeTruthy();
    fireEvent.change(picker, { target: { value: '2025-Q1' } });
    const table = await screen.findByRole('table', { name: '任务台账' });
    await waitFor(() => expect(titles(table)).toHaveLength(tasks.length));
    expect(api!.callsNamed('ledger.query').at(-1)).toMatchObject({ period: '2025-Q1' });
  });
});
