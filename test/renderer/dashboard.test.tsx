import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addIndicator, localNoon, seededDashboard, seededMidterm, seededPartial, TODAY } from './dashboard-fixture';
import { renderApp } from './render-app';
import type { CoreApi } from './core-api';

let open: CoreApi | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

const now = () => localNoon(TODAY);

/** The stat card with this label (task and indicator cards). */
async function card(label: string): Promise<HTMLElement> {
  const groups = await screen.findAllByRole('region', { name: /任务统计|指标统计/ });
  const cards = groups.flatMap((g) => within(g).getAllByRole('button'));
  const found = cards.filter((c) => c.querySelector('.stat-label')?.textContent === label);
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function cardValue(label: string): Promise<string> {
  return (await card(label)).querySelector('.stat-value')!.textContent!;
}

/** The page itself, without the navigation (which has buttons of the same names). */
const page = () => within(screen.getByRole('main'));

describe('总览 against the core', () => {
  it('shows the hand-counted cards: 4 tasks, 1 done, 1 on pace, 1 behind, 1 not reported (never behind); 1 indicator met, 1 not', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    renderApp(seed.api, { now });
    expect(await cardValue('任务总数')).toBe('4');
    expect(await cardValue('已完成')).toBe('1');
    expect(await cardValue('按序时推进')).toBe('1');
    expect(await cardValue('滞后')).toBe('1');
    expect(await cardValue('逾期未完成')).toBe('0');
    expect(await cardValue('未填报')).toBe('1');
    expect(await cardValue('指标达标')).toBe('1');
    expect(await cardValue('接近目标')).toBe('0');
    expect(await cardValue('未达标')).toBe('1');
    expect(await cardValue('无数据')).toBe('0');
    // The dashboard asked for the store's quarter.
    expect(seed.api.callsNamed('dashboard.summary').at(-1)).toMatchObject({ period: '2025-Q2' });
  });

  it('a card opens the ledger with exactly the tasks it counted', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    fireEvent.click(await card('滞后'));
    expect(store.getState().page).toBe('ledger');
    expect(store.getState().viewFilter).toMatchObject({ period: '2025-Q2', states: ['滞后'], lights: [], statuses: [], departmentIds: [], overdue: false });
    // What the ledger lists for that filter is what the card said: task 3 (task 4 did not report: 未填报, not 滞后).
    const listed = await seed.api.test.call('ledger.query', store.getState().viewFilter);
    expect(listed.rows.map((r) => r.number)).toEqual(['3']);
  });

  it('back on 总览 the ledger’s chips still apply until cleared; 按序时推进 and 未填报 open their tasks', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    store.getState().openLedgerWith({ lights: ['red', 'yellow'] });
    // Back on 总览 the ledger's chips still apply (one filter for both pages); clear them.
    store.getState().goTo('overview');
    fireEvent.click(await screen.findByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(store.getState().viewFilter.lights).toEqual([]));
    fireEvent.click(await card('按序时推进'));
    const onPace = await seed.api.test.call('ledger.query', store.getState().viewFilter);
    expect(onPace.rows.map((r) => r.number)).toEqual(['2']);

    store.getState().goTo('overview');
    fireEvent.click(await screen.findByRole('button', { name: '清除筛选' }));
    fireEvent.click(await card('未填报'));
    expect(store.getState().viewFilter.states).toEqual(['未填报']);
    expect((await seed.api.test.call('ledger.query', store.getState().viewFilter)).rows.map((r) => r.number)).toEqual(['4']);
  });

  it('clicking a department bar segment sets the view filter and opens 任务台账', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    const chart = (await screen.findByRole('heading', { name: '各科室任务灯色' })).closest('section')!;
    // One segment per non-zero count: 疾控科 green 2, 妇幼科 yellow 1, 医政科 grey 1 (not reported is grey, never red).
    const segments = within(chart as HTMLElement).getAllByRole('button').filter((b) => b.tagName.toLowerCase() === 'g');
    expect(segments.map((s) => s.getAttribute('aria-label')).sort()).toEqual(['医政科 灰灯 1项', '妇幼科 黄灯 1项', '疾控科 绿灯 2项'].sort());
    fireEvent.click(within(chart as HTMLElement).getByRole('button', { name: '妇幼科 黄灯 1项' }));
    expect(store.getState().page).toBe('ledger');
    expect(store.getState().viewFilter).toMatchObject({ departmentIds: [seed.mch.id], lights: ['yellow'], sectionIds: [], statuses: [] });
    expect((await seed.api.test.call('ledger.query', store.getState().viewFilter)).rows.map((r) => r.title)).toEqual(['保障母婴安全']);
  });

  it('section bars and state slices open the ledger on their section or quarter state; Enter works too', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    const sections = (await screen.findByRole('heading', { name: '各章节任务灯色' })).closest('section') as HTMLElement;
    expect(within(sections).queryByRole('button', { name: /红灯/ })).toBeNull();
    const yellow = within(sections).getByRole('button', { name: '医疗服务 黄灯 1项' });
    fireEvent.keyDown(yellow, { key: 'Enter' });
    expect(store.getState().page).toBe('ledger');
    expect(store.getState().viewFilter).toMatchObject({ sectionIds: [seed.care.id], lights: ['yellow'] });

    store.getState().goTo('overview');
    fireEvent.click(await screen.findByRole('button', { name: '清除筛选' }));
    const donut = (await screen.findByRole('heading', { name: '任务状态' })).closest('section') as HTMLElement;
    // By quarter state: 已完成 1, 按序时推进 1, 滞后 1, 未填报 1, and the 4 in the middle.
    expect(await within(donut).findByRole('button', { name: '按序时推进 1项' })).toBeTruthy();
    expect(within(donut).getByRole('button', { name: '已完成 1项' })).toBeTruthy();
    expect(within(donut).getByRole('button', { name: '滞后 1项' })).toBeTruthy();
    fireEvent.click(within(donut).getByRole('button', { name: '未填报 1项' }));
    expect(store.getState().viewFilter).toMatchObject({ states: ['未填报'], statuses: [], sectionIds: [], lights: [] });
  });

  it('a chart click keeps the dashboard’s own chips, so the ledger lists what the bar counted', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    await screen.findByRole('heading', { name: '各科室任务灯色' });
    fireEvent.change(screen.getByLabelText('计划'), { target: { value: seed.plan.id } });
    expect(await screen.findByText(`计划：${seed.plan.title}`)).toBeTruthy();
    await waitFor(() => expect(seed.api.callsNamed('dashboard.summary').at(-1)?.planIds).toEqual([seed.plan.id]));
    fireEvent.click(await screen.findByRole('button', { name: '疾控科 绿灯 2项' }));
    expect(store.getState().viewFilter).toMatchObject({ planIds: [seed.plan.id], departmentIds: [seed.cdc.id], lights: ['green'] });
  });

  it('another office’s quarter (from 各单位对比) shows as a chip that returns to this office', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    await screen.findByRole('heading', { name: '各科室任务灯色' });
    const officeId = store.getState().dashboard!.officeId;
    store.getState().setViewFilter({ officeId });
    const chip = await screen.findByRole('button', { name: '去掉筛选：单位：渝北区卫生健康委' });
    await waitFor(() => expect(seed.api.callsNamed('dashboard.summary').at(-1)?.officeId).toBe(officeId));
    expect(screen.queryByRole('button', { name: '清除筛选' })).toBeNull();
    fireEvent.click(chip);
    expect(store.getState().viewFilter.officeId).toBeNull();
  });

  it('draws each indicator with its target and baseline; a falling ≤ value turns its point green and says 越低越好', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    renderApp(seed.api, { now });
    const mortality = (await screen.findByRole('heading', { name: /孕产妇死亡率/ })).closest('section') as HTMLElement;
    expect(within(mortality).getByText('越低越好')).toBeTruthy();
    expect(mortality.textContent).toContain('目标≤10/10万');
    expect(mortality.textContent).toContain('基数14/10万');
    // Q1 12 is above the target (red), Q2 8.5 below it (green); the line takes the newest colour.
    const points = [...mortality.querySelectorAll('circle.chart-point')];
    expect(points.map((p) => p.getAttribute('class'))).toEqual(['chart-point chart-point-red', 'chart-point chart-point-green']);
    expect(points[1]!.getAttribute('fill')).toBe('#2e9e5b');
    const labels = [...mortality.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['目标', '基数', '25年Q1', '25年Q2']));
    expect(mortality.querySelector('.recharts-line-curve')?.getAttribute('stroke')).toBe('#2e9e5b');

    const literacy = (await screen.findByRole('heading', { name: /居民健康素养水平/ })).closest('section') as HTMLElement;
    expect(within(literacy).getByText('越高越好')).toBeTruthy();
    expect([...literacy.querySelectorAll('circle.chart-point')].map((p) => p.getAttribute('class'))).toEqual(['chart-point chart-point-red']);
  });

  it('shows the indicators that need attention first, twelve at a time', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    // Eleven more without values (grey): thirteen in all.
    for (let i = 1; i <= 11; i++) addIndicator(seed.api, { plan_id: seed.plan.id, name: `补充指标${i}`, unit: '%', comparator: '>=', target_value: 90, value_kind: 'proportion', sort_order: i - 20 });
    renderApp(seed.api, { now });
    const block = (await screen.findByRole('heading', { name: /指标走势/ })).closest('section') as HTMLElement;
    const titles = () => [...block.querySelectorAll('.chart-card-name')].map((h) => h.textContent);
    // The red 居民健康素养水平 first, the green 孕产妇死亡率 next, then the grey ones; the last grey one waits.
    expect(titles().slice(0, 3)).toEqual(['居民健康素养水平（%）', '孕产妇死亡率（/10万）', '补充指标1（%）']);
    expect(titles()).toHaveLength(12);
    fireEvent.click(within(block).getByRole('button', { name: '显示全部13个指标' }));
    expect(titles()).toHaveLength(13);
    expect(titles().at(-1)).toBe('补充指标11（%）');
  });

  it('lists what lags, newest first, with reasons and owners; a task opens its drawer', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    const list = (await screen.findByRole('heading', { name: /滞后事项/ })).closest('section') as HTMLElement;
    const items = within(list).getAllByRole('listitem');
    // 4 改善医疗服务 was not reported: grey, so not lagging.
    expect(items.map((i) => i.querySelector('.lagging-title')!.textContent)).toEqual(['居民健康素养水平', '3. 保障母婴安全']);
    expect(items[1]!.textContent).toContain('妇幼科');
    expect(items[1]!.textContent).toContain('完成25%，略低于序时进度30%');
    expect(items[1]!.className).toContain('lagging-yellow');
    fireEvent.click(within(items[1]!).getByRole('button', { name: '3. 保障母婴安全' }));
    await waitFor(() => expect(store.getState().detailTaskId).toBe(seed.maternal.id));
  });

  it('without plans says to import one, and the button opens 导入计划', async () => {
    const api = await (await import('./core-api')).createCoreApi();
    open = api;
    const { store } = renderApp(api, { now });
    expect(await screen.findByText(/还没有计划。先导入工作要点、五年规划或实施方案/)).toBeTruthy();
    expect(api.callsNamed('dashboard.summary')).toEqual([]);
    fireEvent.click(page().getByRole('button', { name: '导入计划' }));
    expect(store.getState().page).toBe('import');
  });

  it('with a plan but no entries points to 季度填报', async () => {
    const api = await (await import('./core-api')).createCoreApi({ now: () => now().getTime() });
    open = api;
    const plan = await api.test.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    await api.test.call('tasks.create', { planId: plan.id, sectionId: null, number: '1', title: '提升居民健康素养', deadline: null, leadDepartmentIds: [], responsibleUnits: [] });
    const { store } = renderApp(api, { now });
    expect(await screen.findByText(/本季度还没有科室填报进展/)).toBeTruthy();
    expect(await cardValue('未填报')).toBe('1');
    fireEvent.click(page().getByRole('button', { name: '季度填报' }));
    expect(store.getState().page).toBe('quarterly');
  });
});

describe('总览 with partial reporting', () => {
  async function openQ1() {
    const seed = await seededPartial();
    open = seed.api;
    const view = renderApp(seed.api, { now });
    // The app opens on its default quarter; the clerk picks Q1.
    await screen.findByRole('region', { name: '任务统计' });
    fireEvent.change(page().getByLabelText('季度'), { target: { value: seed.period } });
    await waitFor(() => expect(seed.api.callsNamed('dashboard.summary').at(-1)?.period).toBe(seed.period));
    return { seed, ...view };
  }

  it('counts states on approved entries and marks 部分科室未报, 逾期未报, 待审核 and 已退回; a mark opens its chip', async () => {
    const { seed, store } = await openQ1();
    await waitFor(async () => expect(await cardValue('已完成')).toBe('1'));
    expect(await cardValue('任务总数')).toBe('4');
    expect(await cardValue('按序时推进')).toBe('1');
    expect(await cardValue('滞后')).toBe('0');
    // The submitted and the returned entry do not count: 2 not reported, grey, not behind.
    expect(await cardValue('未填报')).toBe('2');
    expect(await cardValue('部分科室未报')).toBe('1');
    // 医政科 on task 1 (nothing) and task 3 (returned, not resubmitted) after the deadline 2025-04-10.
    expect(await cardValue('逾期未报')).toBe('2');
    expect(await cardValue('待审核')).toBe('1');
    expect(await cardValue('已退回')).toBe('1');
    // Something counted: no "nobody reported" notice.
    expect(screen.queryByText(/本季度还没有科室填报进展/)).toBeNull();

    fireEvent.click(await card('部分科室未报'));
    expect(store.getState().page).toBe('ledger');
    expect(store.getState().viewFilter).toMatchObject({ period: seed.period, states: ['部分科室未报'] });
    expect((await seed.api.test.call('ledger.query', store.getState().viewFilter)).rows.map((r) => r.number)).toEqual(['1']);

    store.getState().goTo('overview');
    fireEvent.click(await screen.findByRole('button', { name: '清除筛选' }));
    fireEvent.click(await card('逾期未报'));
    expect(store.getState().viewFilter.states).toEqual(['逾期未报']);
    expect((await seed.api.test.call('ledger.query', store.getState().viewFilter)).rows.map((r) => r.number)).toEqual(['1', '3']);

    store.getState().goTo('overview');
    fireEvent.click(await card('待审核'));
    expect(store.getState().page).toBe('quarterly');
  });

  it('含待审核 counts submitted entries: the toggle sets the view filter and the cards follow', async () => {
    const { seed, store } = await openQ1();
    await waitFor(async () => expect(await cardValue('未填报')).toBe('2'));
    const toggle = screen.getByRole('checkbox', { name: '含待审核' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    expect(store.getState().viewFilter.includeSubmitted).toBe(true);
    await waitFor(() => expect(seed.api.callsNamed('dashboard.summary').at(-1)?.includeSubmitted).toBe(true));
    // 保障母婴安全 (submitted, 30% by Q1) now counts as on pace; only the returned task is 未填报.
    await waitFor(async () => expect(await cardValue('未填报')).toBe('1'));
    expect(await cardValue('按序时推进')).toBe('2');
    expect(page().getByText(/含待审核的填报/)).toBeTruthy();
    // The same switch holds on 任务台账.
    store.getState().goTo('ledger');
    expect(((await screen.findByRole('checkbox', { name: '含待审核' })) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(seed.api.callsNamed('ledger.query').at(-1)?.includeSubmitted).toBe(true));
  });

  it('when only unapproved entries exist says they wait for review, not that nobody reported', async () => {
    const api = await (await import('./core-api')).createCoreApi({ now: () => now().getTime() });
    open = api;
    const cdc = await api.test.call('departments.create', { name: '疾控科', aliases: [] });
    const plan = await api.test.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    const task = await api.test.call('tasks.create', { planId: plan.id, sectionId: null, number: '1', title: '提升居民健康素养', deadline: null, leadDepartmentIds: [cdc.id], responsibleUnits: [] });
    await api.test.call('progress.save', {
      period: '2025-Q2',
      taskId: task.id,
      departmentId: cdc.id,
      fields: { status: '推进中', percent: 40, progressText: '开展监测。', problemsText: '', nextStepsText: '' },
      submit: true,
    });
    const { store } = renderApp(api, { now });
    expect(await screen.findByText(/有1项待审核，审核后计入/)).toBeTruthy();
    expect(screen.queryByText(/本季度还没有科室填报进展/)).toBeNull();
    fireEvent.click(page().getByRole('button', { name: '含待审核查看' }));
    expect(store.getState().viewFilter.includeSubmitted).toBe(true);
    await waitFor(async () => expect(await cardValue('按序时推进')).toBe('1'));
    expect(screen.queryByText(/有1项待审核/)).toBeNull();
  });
});

describe('中期评估 against the core', () => {
  it('offers only five-year plans and shows the yearly path, yearly target and the flag sentence', async () => {
    const seed = await seededMidterm();
    open = seed.api;
    renderApp(seed.api, { now });
    fireEvent.click(await screen.findByRole('tab', { name: '中期评估' }));
    const picker = (await screen.findByLabelText('五年规划')) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['健康渝北“十四五”规划']);
    await waitFor(() => expect(seed.api.callsNamed('dashboard.midterm')).toEqual([{ planId: seed.plan.id }]));
    const flags = (await screen.findByRole('heading', { name: '需要核对：1处' })).closest('section') as HTMLElement;
    expect(flags.textContent).toContain('婴儿死亡率：2023年度目标3.5‰高于规划路径应降到的3.4‰，按此节奏2025年达不到规划目标3‰');

    const chart = screen.getByRole('heading', { name: '婴儿死亡率（‰）' }).closest('section') as HTMLElement;
    expect(chart.textContent).toContain('越低越好');
    expect(chart.textContent).toContain('基数4‰（2020年） → 目标≤3‰（2025年）');
    const years = [...chart.querySelectorAll('svg text')].map((t) => t.textContent).filter((t) => /^\d{4}年$/.test(t ?? ''));
    expect(years).toEqual(['2020年', '2021年', '2022年', '2023年', '2024年', '2025年']);
    // Actual points: 2020 baseline 4 on the path, 2021 3.9 near it (yellow), 2022 3.5 under it (green).
    expect([...chart.querySelectorAll('circle.chart-point')].map((p) => p.getAttribute('class'))).toEqual([
      'chart-point chart-point-green',
      'chart-point chart-point-yellow',
      'chart-point chart-point-green',
    ]);
    expect(chart.textContent).toContain('2023年度目标3.5‰');
  });

  it('without a five-year plan says how to get one', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    fireEvent.click(await screen.findByRole('tab', { name: '中期评估' }));
    expect(await screen.findByText('还没有五年规划')).toBeTruthy();
    expect(seed.api.callsNamed('dashboard.midterm')).toEqual([]);
    fireEvent.click(page().getByRole('button', { name: '导入计划' }));
    expect(store.getState().page).toBe('import');
  });
});
