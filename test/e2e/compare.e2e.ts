import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOffice, type SeedTask } from '../core/catalog-fixture';
import { createTestCore, tempDir } from '../helpers/core';
import { launchApp, type App } from './harness';

/** A past quarter: lights are judged at its last day, whatever today is. */
const PERIOD = '2025-Q3';
const task = (title: string, status: string, percent: number | null): SeedTask => ({ title, entries: [{ status, percent }] });

/**
 * The city commission's PC after 数据交换: six generated districts whose plans use the standard
 * names, and three whose clerks wrote them their own way. The clerk builds the 标准指标库,
 * settles the uncertain matches, and compares everyone for 2025 Q3.
 */
async function seededCity(): Promise<string> {
  const file = path.join(tempDir('tl-e2e-compare-'), 'ledger.sqlite');
  const t = await createTestCore({ file, officeName: '重庆市卫生健康委' });
  await t.call('system.generate', { offices: 6, years: 1, tasksPerPlan: 20, firstYear: 2025, seed: 11 });
  const plan = (district: string, tasks: SeedTask[], indicators: Parameters<typeof seedOffice>[2][number]['indicators']) => [
    { title: `${district}2025年卫生健康工作要点`, yearFrom: 2025, yearTo: 2025, tasks, indicators },
  ];
  seedOffice(
    t.core,
    '大足区卫生健康委',
    plan('大足区', [task('推进医共体建设', '已完成', 100), task('建设智慧医院', '推进中', 80), task('提升急救能力', '推进中', 74)], [
      { name: '全区居民健康素养水平', unit: '%', comparator: '>=', target: 34, values: { [PERIOD]: 35.2 } },
      { name: '孕产妇死亡率（1/10万）', unit: '', comparator: '<=', target: 10, values: { [PERIOD]: 6.1 } },
    ]),
    PERIOD,
  );
  seedOffice(
    t.core,
    '璧山区卫生健康委',
    plan('璧山区', [task('完善家庭医生签约', '滞后', 20), task('推进慢病防控', '推进中', 30), task('建设托育中心', '推进中', 75)], [
      { name: '居民健康素养水平（%）', unit: '', comparator: '>=', target: 34, values: { [PERIOD]: 28.4 } },
      { name: '新生儿死亡率', unit: '‰', comparator: '<=', target: 2, values: { [PERIOD]: 2.6 } },
    ]),
    PERIOD,
  );
  seedOffice(
    t.core,
    '铜梁区卫生健康委',
    plan('铜梁区', [task('加强职业病防治', '推进中', 70), task('开展爱国卫生运动', '长期坚持', null)], [
      { name: '城乡居民健康素养', unit: '%', comparator: '>=', target: 34, values: { [PERIOD]: 33.5 } },
      { name: '婴儿死亡率', unit: '‰', comparator: '<=', target: 3, values: { [PERIOD]: 3.9 } },
    ]),
    PERIOD,
  );
  t.close();
  return file;
}

describe('各单位对比 and 标准指标库 in Chromium against the browser host', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchApp({ dbPath: await seededCity() });
  });
  afterAll(async () => {
    await app?.close();
  });

  const nav = (label: string) => app.page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
  const main = () => app.page.getByRole('main');

  it('builds the catalog from nine districts’ indicators and settles the uncertain matches', async () => {
    const { page } = app;
    await nav('各单位对比');
    await page.getByRole('tab', { name: /标准指标库/ }).click();
    const unmatched = main().locator('section', { has: page.getByRole('heading', { name: /未对应的指标/ }) });
    // Six standard indicators in six generated districts, plus the three districts' own wordings.
    await expect.poll(() => unmatched.getByRole('row').count()).toBeGreaterThan(6);
    await expect.poll(() => unmatched.getByRole('row', { name: /居民健康素养水平/ }).first().textContent()).toContain('8个单位');

    await unmatched.getByRole('button', { name: /全部建为标准指标/ }).click();
    const pending = main().locator('section', { has: page.getByRole('heading', { name: /待确认的对应/ }) });
    await pending.getByRole('listitem', { name: '铜梁区卫生健康委：城乡居民健康素养' }).waitFor();
    await expect.poll(() => page.getByRole('tab', { name: /标准指标库/ }).textContent()).toContain('待确认 2');
    await expect.poll(() => page.getByText(/已新建6项标准指标/).count(), { timeout: 10_000 }).toBe(0);
    await app.screenshot('catalog');

    await pending.getByRole('button', { name: '是同一指标：城乡居民健康素养 与 居民健康素养水平' }).click();
    await pending.getByRole('button', { name: '不是：新生儿死亡率 与 婴儿死亡率' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /待确认的对应/ }).count()).toBe(0);
    const metrics = main().locator('section', { has: page.getByRole('heading', { name: /^标准指标/ }) });
    const literacy = metrics.getByRole('row', { name: '居民健康素养水平' });
    await expect.poll(() => literacy.textContent()).toContain('别名：城乡居民健康素养');
    expect(await literacy.textContent()).toContain('9个单位');
  });

  it('compares the districts for 2025 Q3: heat table, ranked charts, 保存图片, and a row opens that district', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: '对比' }).click();
    await main().getByLabel('季度', { exact: true }).selectOption(PERIOD);
    const table = page.getByRole('table', { name: '各单位任务和指标对比' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(9);

    // Rows start with the lowest share of tasks on track.
    const shares = (await table.locator('tbody .share-value').allTextContents()).map((t) => Number(t.replace('%', '')));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    // 铜梁's own wording (confirmed as 居民健康素养水平) sits in the literacy column, below target: not green.
    const tongliang = table.getByRole('row', { name: /铜梁区卫生健康委/ });
    const literacyCell = tongliang.locator('.heat-cell').first();
    expect(await literacyCell.textContent()).toContain('33.5%');
    expect(await literacyCell.getAttribute('class')).toMatch(/heat-(yellow|red)/);
    expect(await literacyCell.getAttribute('title')).toContain('目标≥34%');

    const metricChart = main().locator('section.chart-card', { has: page.getByRole('heading', { name: /居民健康素养水平（%）各单位对比/ }) });
    await metricChart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await metricChart.locator('.recharts-bar-rectangle').count()).toBe(9);
    await app.screenshot('compare');
    await metricChart.scrollIntoViewIfNeeded();
    await app.screenshot('compare-charts');

    const download = page.waitForEvent('download');
    await metricChart.getByRole('button', { name: /^保存图片/ }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    await table.getByRole('button', { name: '璧山区卫生健康委' }).click();
    await page.getByRole('heading', { name: '总览', level: 1 }).waitFor();
    await expect.poll(() => main().textContent()).toContain('璧山区卫生健康委');
    expect(app.consoleErrors).toEqual([]);
  });
});
