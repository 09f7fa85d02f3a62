import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addIndicator, localNoon, seededDashboard, seededMidterm, TODAY } from './dashboard-fixture';
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
  it('shows the hand-counted cards: 4 tasks, 1 done, 1 on pace, 2 behind, 1 not reported; 1 indicator met, 1 not', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    renderApp(seed.api, { now });
    expect(await cardValue('任务总数')).toBe('4');
    expect(await cardValue('已完成')).toBe('1');
    expect(await cardValue('按序时推进')).toBe('1');
    expect(await cardValue('滞后')).toBe('2');
    expect(await cardValue('逾期')).toBe('0');
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
    expect(store.getState().viewFilter).toMatchObject({ period: '2025-Q2', lights: ['red', 'yellow'], statuses: [], departmentIds: [], overdue: false });
    // What the ledger lists for that filter is what the card said: tasks 3 and 4.
    const listed = await seed.api.test.call('ledger.query', store.getState().viewFilter);
    expect(listed.rows.map((r) => r.number)).toEqual(['3', '4']);
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
    expect(store.getState().viewFilter.statuses).toEqual(['未填报']);
    expect((await seed.api.test.call('ledger.query', store.getState().viewFilter)).rows.map((r) => r.number)).toEqual(['4']);
  });

  it('clicking a department bar segment sets the view filter and opens 任务台账', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    const chart = (await screen.findByRole('heading', { name: '各科室任务灯色' })).closest('section')!;
    // One segment per non-zero count: 疾控科 green 2, 妇幼科 yellow 1, 医政科 red 1.
    const segments = within(chart as HTMLElement).getAllByRole('button').filter((b) => b.tagName.toLowerCase() === 'g');
    expect(segments.map((s) => s.getAttribute('aria-label')).sort()).toEqual(['医政科 红灯 1项', '妇幼科 黄灯 1项', '疾控科 绿灯 2项'].sort());
    fireEvent.click(within(chart as HTMLElement).getByRole('button', { name: '妇幼科 黄灯 1项' }));
    expect(store.getState().page).toBe('ledger');
    expect(store.getState().viewFilter).toMatchObject({ departmentIds: [seed.mch.id], lights: ['yellow'], sectionIds: [], statuses: [] });
    expect((await seed.api.test.call('ledger.query', store.getState().viewFilter)).rows.map((r) => r.title)).toEqual(['保障母婴安全']);
  });

  it('section bars and status slices open the ledger on their section or status; Enter works too', async () => {
    const seed = await seededDashboard();
    open = seed.api;
    const { store } = renderApp(seed.api, { now });
    const sections = (await screen.findByRole('heading', { name: '各章节任务灯色' })).closest('section') as HTMLElement;
    const red = within(sections).getByRole('button', { name: '医疗服务 红灯 1项' });
    fireEvent.keyDown(red, { key: 'Enter' });
    expect(store.getState().page).toBe('ledger');
    expect(store.getState().viewFilter).toMatchObject({ sectionIds: [seed.care.id], lights: ['red'] });

    store.getState().goTo('overview');
    fireEvent.click(await screen.findByRole('button', { name: '清除筛选' }));
    const donut = (await screen.findByRole('heading', { name: '任务状态' })).closest('section') as HTMLElement;
    // 推进中 2, 已完成 1, 未填报 1, and the 4 in the middle.
    expect(await within(donut).findByRole('button', { name: '推进中 2项' })).toBeTruthy();
    expect(within(donut).getByRole('button', { name: '已完成 1项' })).toBeTruthy();
    fireEvent.click(within(donut).getByRole('button', { name: '未填报 1项' }));
    expect(store.getState().viewFilter).toMatchObject({ statuses: ['未填报'], sectionIds: [], lights: [] });
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
    expect(items.map((i) => i.querySelector('.lagging-title')!.textContent)).toEqual(['居民健康素养水平', '3. 保障母婴安全', '4. 改善医疗服务']);
    expect(items[1]!.textContent).toContain('妇幼科');
    expect(items[1]!.textContent).toContain('完成25%，略低于序时进度30%');
    expect(items[2]!.textContent).toContain('医政科');
    expect(items[1]!.className).toContain('lagging-yellow');
    expect(items[2]!.className).toContain('lagging-red');
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
