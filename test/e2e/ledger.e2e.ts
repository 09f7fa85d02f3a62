import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import type { EntryFields } from '../../shared/api/progress';
import { draftFromPreview } from '../../electron/cli/commands';
import { launchApp, type App } from './harness';

const sample = (...parts: string[]) => path.resolve('..', 'shared', 'samples', ...parts);
const PLAN_TITLE = '2025年全区卫生健康工作要点';
const Q2 = '2025-Q2';
/** The six tasks the Yubei work points give 疾控科, by number. */
const CDC_TASKS = ['1', '3', '4', '15', '24', '25'];

const entry = (fields: Partial<EntryFields>): EntryFields => ({ status: '推进中', percent: 30, progressText: '', problemsText: '', nextStepsText: '', ...fields });

/** The office's 2025 work points and a spring of reports, as the CLI and the departments would enter them. */
describe('任务台账, in Chromium against the browser host', () => {
  let app: App;

  async function call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
    const result = await app.client.invoke(name, args);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }

  beforeAll(async () => {
    app = await launchApp();
    // Setup and import are not under test here: straight to the core, as the CLI does.
    await call('system.init', { officeName: '渝北区卫生健康委' });
    await call('settings.update', { clerkName: '李娟' });
    const bytes = fs.readFileSync(sample('formats', 'yubei-2025-work-points.docx'));
    const preview = await call('imports.parse', { fileName: 'yubei-2025-work-points.docx', contentBase64: bytes.toString('base64') });
    const owners = preview.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
    const saved = await call('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners, planId: null, acceptedChanges: null });
    const detail = await call('plans.get', { id: saved.planId });
    const departments = await call('departments.list', {});
    const dept = (name: string) => departments.find((d) => d.name === name)!.id;
    const task = (number: string) => detail.tasks.find((t) => t.number === number)!;
    const report = (number: string, department: string, fields: Partial<EntryFields>) =>
      call('progress.save', { period: Q2, taskId: task(number).id, departmentId: dept(department), fields: entry(fields) });
    await report('1', '疾控科', { percent: 50, progressText: '完成区疾控中心实验室改造，组织流调队伍拉练两次，储备防护物资。' });
    await report('3', '疾控科', { percent: 45, progressText: '开展健康素养监测入户调查。' });
    await report('4', '疾控科', { status: '滞后', percent: 10, problemsText: '结核病筛查进度慢。' });
    await report('6', '人口家庭科', { percent: 60, progressText: '新增普惠托位180个，2家托育机构通过备案。' });
    await report('7', '公卫科', { status: '已完成', percent: 100, progressText: '在册患者规范管理率达到95%。' });
    await report('12', '中医科', { percent: 20, progressText: '推进胸痛中心建设。' });
    await app.page.reload();
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
