import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lightFill } from '../../renderer/src/charts/colors';
import { localNoon, seedThreeDistricts, seedVariantDistricts } from '../core/catalog-fixture';
import { createCoreApi, type CoreApi } from './core-api';
import { openPage, renderApp } from './render-app';

let open: CoreApi | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

const TODAY = '2025-07-10';
const now = () => new Date(localNoon(TODAY));

async function cityApi(): Promise<CoreApi> {
  const api = await createCoreApi({ officeName: '重庆市卫生健康委', now: () => localNoon(TODAY) });
  open = api;
  return api;
}

const page = () => within(screen.getByRole('main'));

async function openCompare(period = '2025-Q2') {
  await openPage('各单位对比');
  const main = page();
  fireEvent.change(await main.findByLabelText('季度'), { target: { value: period } });
  return main;
}

/** Rows of the heat table as the clerk reads them: office, task share, then each metric cell's text. */
function heatRows(): string[][] {
  const table = screen.getByRole('table', { name: '各单位任务和指标对比' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [row.querySelector('.heat-office')!.textContent!, row.querySelector('.share-value')!.textContent!, ...[...row.querySelectorAll('.heat-cell')].map((c) => c.textContent!.replace(/^.灯：/, ''))]);
}

describe('各单位对比 against the core', () => {
  it('shows the districts furthest behind first, with each metric cell coloured by its light and the target on hover', async () => {
    const api = await cityApi();
    const districts = seedThreeDistricts(api.test.core);
    await api.test.call('catalog.fromIndicators', {});
    const { store } = renderApp(api, { now });
    await openCompare();
    await screen.findByRole('table', { name: '各单位任务和指标对比' });
    expect(api.callsNamed('dashboard.compare').at(-1)).toMatchObject({ period: '2025-Q2' });

    const headers = within(screen.getByRole('table', { name: '各单位任务和指标对比' })).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['单位', '任务按序时推进', '居民健康素养水平% · 越高越好', '婴儿死亡率‰ · 越低越好', '孕产妇死亡率/10万 · 越低越好']);
    expect(heatRows()).toEqual([
      ['北碚区卫生健康委', '33%', '25%', '2.5‰', '未填报'],
      ['江北区卫生健康委', '40%', '32%', '3.5‰', '12/10万'],
      ['南岸区卫生健康委', '75%', '29%', '4‰', '8/10万'],
    ]);
    const beibeiRow = screen.getByRole('row', { name: /北碚区卫生健康委/ });
    // The task share counts by quarter state: the task nobody reported is 未填报, not 滞后.
    const share = beibeiRow.querySelector('.heat-share')!;
    expect(share.getAttribute('title')).toBe('共3项任务：已完成0项，按序时推进1项，滞后1项（其中红灯1项），未填报1项');
    expect(share.querySelector('.share-counts')!.textContent).toBe('1/3项滞后1未填报1');
    const cells = beibeiRow.querySelectorAll('.heat-cell');
    expect([...cells].map((c) => c.className.match(/heat-(green|yellow|red|grey)/)![1])).toEqual(['red', 'green', 'grey']);
    // The target in the metric's unit, then the district's own light sentence in its own words.
    expect(cells[0]!.getAttribute('title')).toBe('目标≥30%\n城乡居民健康素养水平 25％，低于目标30％（越高越好）');
    expect(cells[1]!.getAttribute('title')).toMatch(/^目标≤3‰\n婴儿死亡率 2.5‰/);

    // Re-rank by 婴儿死亡率: the highest (worst) first.
    fireEvent.click(screen.getByRole('button', { name: /婴儿死亡率/ }));
    expect(heatRows().map((r) => r[0])).toEqual(['南岸区卫生健康委', '江北区卫生健康委', '北碚区卫生健康委']);

    // A row opens that district's 总览.
    fireEvent.click(screen.getByRole('button', { name: '江北区卫生健康委' }));
    expect(store.getState().page).toBe('overview');
    expect(store.getState().viewFilter.officeId).toBe(districts.jiangbei.id);
    await waitFor(() => expect(document.querySelector('#page-title')?.textContent).toBe('总览'));
    expect(api.callsNamed('dashboard.summary').at(-1)).toMatchObject({ officeId: districts.jiangbei.id, period: '2025-Q2' });
  });

  it('ranks the chosen metric in a bar chart coloured by light, and ranks the offices’ task shares', async () => {
    const api = await cityApi();
    seedThreeDistricts(api.test.core);
    await api.test.call('catalog.fromIndicators', {});
    renderApp(api, { now });
    const main = await openCompare();
    const metricChart = (await main.findByRole('heading', { name: /各单位对比 2025年第二季度/ })).closest('section')!;
    expect(within(metricChart).getByRole('heading').textContent).toBe('居民健康素养水平（%）各单位对比 2025年第二季度');
    const fills = () => [...metricChart.querySelectorAll('.recharts-bar-rectangle path, .recharts-bar-rectangle rect')].map((bar) => bar.getAttribute('fill'));
    // Worst first: 北碚 red, 南岸 yellow, 江北 green.
    await waitFor(() => expect(fills()).toEqual([lightFill.red, lightFill.yellow, lightFill.green]));
    expect(metricChart.textContent).toContain('目标 30');

    fireEvent.change(within(metricChart).getByLabelText('指标'), { target: { value: (await api.test.call('catalog.list', {})).metrics.find((m) => m.name === '孕产妇死亡率')!.id } });
    await waitFor(() => expect(within(metricChart).getByRole('heading').textContent).toBe('孕产妇死亡率（/10万）各单位对比 2025年第二季度'));
    // 江北 12 red, 南岸 8 green; 北碚 has no value: its bar is empty and says so.
    await waitFor(() => expect(fills().slice(0, 2)).toEqual([lightFill.red, lightFill.green]));
    expect(metricChart.textContent).toContain('未填报');
    expect(metricChart.textContent).toContain('越低越好');

    const shareChart = (await main.findByRole('heading', { name: '各单位任务按序时推进比例 2025年第二季度' })).closest('section')!;
    const labels = [...shareChart.querySelectorAll('.recharts-label-list text, .recharts-label')].map((t) => t.textContent).filter(Boolean);
    expect(labels.sort()).toEqual(['33%', '40%', '75%']);
    expect(within(main.getByRole('tabpanel')).getAllByRole('button', { name: /^保存图片/ })).toHaveLength(2);
  });

  it('explains that districts’ data arrive through 数据交换 when only this office has data', async () => {
    const api = await cityApi();
    const plan = await api.test.call('plans.create', { kind: 'work-points', title: '重庆市卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    await api.test.call('tasks.create', { planId: plan.id, number: '1', title: '推进健康重庆建设', deadline: '2025年12月底', leadDepartmentIds: [] });
    const { store } = renderApp(api, { now });
    await openCompare();
    expect(await screen.findByText('2025年第二季度只有重庆市卫生健康委的数据')).toBeTruthy();
    expect(page().getByText(/通过“数据交换”导入本机后/)).toBeTruthy();
    fireEvent.click(page().getByRole('button', { name: '前往数据交换' }));
    expect(store.getState().page).toBe('exchange');
  });
});

describe('标准指标库 against the core', () => {
  it('confirms and rejects proposed matches, builds metrics from unmatched indicators, and shows each office’s link', async () => {
    const api = await cityApi();
    const districts = seedVariantDistricts(api.test.core);
    await api.test.call('catalog.createMetric', { name: '居民健康素养水平', unit: '%', comparator: '>=', indicatorIds: [] });
    await api.test.call('catalog.createMetric', { name: '婴儿死亡率', unit: '‰', comparator: '<=', indicatorIds: [] });
    renderApp(api, { now });
    await openPage('各单位对比');
    fireEvent.click(await screen.findByRole('tab', { name: /标准指标库/ }));
    expect(screen.getByRole('tab', { name: /标准指标库/ }).textContent).toContain('待确认 2');

    const pending = (await screen.findByRole('heading', { name: /待确认的对应/ })).closest('section')!;
    expect(within(pending).getAllByRole('listitem', { name: /：/ }).map((li) => li.getAttribute('aria-label'))).toEqual(['南岸区卫生健康委：居民健康素养', '江北区卫生健康委：新生儿死亡率']);
    fireEvent.click(within(pending).getByRole('button', { name: '是同一指标：居民健康素养 与 居民健康素养水平' }));
    const metrics = (await screen.findByRole('heading', { name: /^标准指标/ })).closest('section')!;
    await waitFor(() => expect(within(metrics).getByText('别名：居民健康素养')).toBeTruthy());
    fireEvent.click(within(pending).getByRole('button', { name: '不是：新生儿死亡率 与 婴儿死亡率' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /待确认的对应/ })).toBeNull());
    expect(api.callsNamed('catalog.decide')).toEqual([
      { indicatorId: districts.nanan.indicator('南岸区2025年工作要点', '居民健康素养'), metricId: expect.any(String), same: true },
      { indicatorId: districts.jiangbei.indicator('江北区2025年工作要点', '新生儿死亡率'), metricId: expect.any(String), same: false },
    ]);

    // Unmatched: 孕产妇死亡率 from two districts is one group; 新生儿死亡率 is now unmatched too.
    const unmatched = (await screen.findByRole('heading', { name: /未对应的指标/ })).closest('section')!;
    const groups = within(unmatched).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent));
    expect(groups).toEqual([
      ['孕产妇死亡率 原名：孕产妇死亡率（1/10万）、孕产妇死亡率', '/10万', '2个单位：江北区、南岸区'],
      ['新生儿死亡率', '‰', '1个单位：江北区'],
    ]);
    fireEvent.click(within(unmatched).getByRole('button', { name: '新建标准指标：孕产妇死亡率' }));
    const dialog = await screen.findByRole('dialog', { name: '新建标准指标' });
    expect((within(dialog).getByLabelText(/指标名称/) as HTMLInputElement).value).toBe('孕产妇死亡率');
    expect(within(dialog).getByText(/将同时对应 2 个单位的指标/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('方向'), { target: { value: '<=' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '新建' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const maternal = within(metrics).getByRole('row', { name: '孕产妇死亡率' });
    expect(maternal.textContent).toContain('/10万 · 越低越好 · 2个单位');
    expect(within(maternal).getAllByText('已确认')).toHaveLength(2);

    // 全部建为标准指标 builds the rest (新生儿死亡率) in one go.
    fireEvent.click(within(await screen.findByRole('heading', { name: /未对应的指标/ }).then((h) => h.closest('section')!)).getByRole('button', { name: '全部建为标准指标' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /未对应的指标/ })).toBeNull());
    const list = await api.test.call('catalog.list', {});
    expect(list.metrics.map((m) => m.name)).toEqual(['居民健康素养水平', '婴儿死亡率', '孕产妇死亡率', '新生儿死亡率']);
    expect(within(metrics).getAllByRole('row').slice(1).map((r) => r.getAttribute('aria-label'))).toEqual(['居民健康素养水平', '婴儿死亡率', '孕产妇死亡率', '新生儿死亡率']);
    // 居民健康素养水平: three exact wordings and the confirmed one, each under its district.
    const literacyRow = within(metrics).getByRole('row', { name: '居民健康素养水平' });
    expect([...literacyRow.querySelectorAll('.link-chip')].map((c) => c.textContent!.replace('×', ''))).toEqual(['北碚区城乡居民健康素养水平', '江北区全区居民健康素养水平', '南岸区居民健康素养水平（%）', '南岸区居民健康素养已确认']);
  });
});
