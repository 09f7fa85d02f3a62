import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './harness';
import { launchWithSpringReports } from './seed';

const PLAN_TITLE = '2025年全区卫生健康工作要点';
const Q2 = '2025-Q2';
/** The six tasks the Yubei work points give 疾控科, by number. */
const CDC_TASKS = ['1', '3', '4', '15', '24', '25'];

/** The office's 2025 work points and a spring of reports, as the CLI and the departments would enter them. */
describe('任务台账, in Chromium against the browser host', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchWithSpringReports(Q2);
  });
  afterAll(async () => {
    await app?.close();
  });

  const table = () => app.page.getByRole('table', { name: '任务台账' });
  const taskRows = (): Locator => table().locator('.ledger-row');
  const numbers = () => taskRows().locator('.ledger-col-number').allInnerTexts();
  const row = (title: string) => taskRows().filter({ has: app.page.locator(`.ledger-title[title="${title}"]`) });

  it('shows the quarter grouped by plan and section, lights coloured, in a table that scrolls inside the page', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '任务台账' }).click();
    await page.getByLabel('季度', { exact: true }).selectOption(Q2);
    await page.getByText('共 39 项任务', { exact: true }).waitFor();
    await expect(table().locator('.ledger-group-plan').first().innerText()).resolves.toContain(PLAN_TITLE);
    await expect(table().locator('.ledger-group-section').count()).resolves.toBeGreaterThanOrEqual(2);

    // 滞后 is red and 已完成 green, in the colours of progress.css.
    const dot = (number: string) => taskRows().filter({ has: page.locator('.ledger-col-number', { hasText: new RegExp(`^${number}$`) }) }).locator('.light-dot');
    await expect(dot('4').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(210, 53, 43)');
    await expect(dot('7').evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(46, 158, 91)');

    // The rows scroll in their own box below a sticky header; the page itself does not grow.
    const scroller = page.locator('.ledger-scroller');
    const box = await scroller.boundingBox();
    expect(box!.height).toBeGreaterThan(300);
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await taskRows().filter({ hasText: '深化清廉医院建设' }).waitFor();
    const header = await page.getByRole('columnheader', { name: /完成进度/ }).boundingBox();
    expect(header!.y).toBeGreaterThanOrEqual(box!.y - 1);
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    await app.screenshot('ledger');
  });

  it('filters by 牵头科室 with a chip and counts what is left', async () => {
    const { page } = app;
    const picker = page.getByLabel('牵头科室', { exact: true });
    const option = await picker.locator('option', { hasText: /^疾控科（\d+）$/ }).getAttribute('value');
    await picker.selectOption(option!);
    await page.getByText(`共 39 项任务，筛选后 ${CDC_TASKS.length} 项`).waitFor();
    await expect(numbers()).resolves.toEqual(CDC_TASKS);
    await page.getByRole('list', { name: '已选筛选条件' }).getByText('牵头科室：疾控科').waitFor();
  });

  it('searches a phrase written only in a quarterly report and marks it in the excerpt', async () => {
    const { page } = app;
    await page.getByRole('searchbox', { name: '搜索任务' }).fill('流调队伍拉练');
    await page.getByText('共 39 项任务，筛选后 1 项').waitFor();
    await expect(numbers()).resolves.toEqual(['1']);
    const match = taskRows().first().locator('.ledger-match');
    await expect(match.innerText()).resolves.toMatch(/^本季度进展：.*流调队伍拉练/);
    await expect(match.locator('mark').innerText()).resolves.toBe('流调队伍拉练');
    await app.screenshot('ledger-search');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByText('共 39 项任务', { exact: true }).waitFor();
    await page.getByRole('searchbox', { name: '搜索任务' }).fill('托育');
    await page.getByText(/^共 39 项任务，筛选后 \d+ 项$/).waitFor();
    await expect(taskRows().filter({ hasText: '完善托育服务体系建设' }).count()).resolves.toBe(1);
    await expect(table().locator('mark', { hasText: '托育' }).count()).resolves.toBeGreaterThan(0);
  });

  it("opens a row's drawer with every quarter's report", async () => {
    const { page } = app;
    await row('完善托育服务体系建设').click();
    const drawer = page.getByRole('dialog', { name: '第6项：完善托育服务体系建设' });
    await drawer.getByText('新增普惠托位180个，2家托育机构通过备案。').waitFor();
    await app.screenshot('ledger-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    // Focus returns to the row, and Enter opens it again.
    await page.keyboard.press('Enter');
    await drawer.waitFor();
    await page.keyboard.press('Escape');
    expect(app.consoleErrors).toEqual([]);
  });
});
