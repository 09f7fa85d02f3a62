import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

const sample = (...parts: string[]) => path.resolve('..', 'shared', 'samples', ...parts);
const PLAN_TITLE = '2025年全区卫生健康工作要点';

/** A clerk imports the year's 工作要点 from Word, then receives the same plan as PDF, then a revised text. */
describe('plan import, in Chromium against the browser host', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const nav = (label: string) => app.page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();

  it('sets up the PC and adds two departments', async () => {
    const { page } = app;
    await page.getByLabel('单位名称').fill('渝北区卫生健康委');
    await page.getByRole('button', { name: '开始使用' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await nav('设置');
    await page.getByLabel('填报人').fill('李娟');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('填报人：李娟').waitFor();
    for (const [name, alias] of [
      ['疾病预防控制科', '疾控科'],
      ['公共卫生科', '公卫科'],
    ] as const) {
      await page.getByLabel('科室名称').fill(name);
      await page.getByLabel('科室别名').fill(alias);
      await page.getByRole('button', { name: '添加科室' }).click();
      await page.getByRole('table', { name: '科室列表' }).getByText(name).waitFor();
    }
  });

  it('reads the Word file and shows the source beside the plan', async () => {
    const { page } = app;
    await nav('导入计划');
    await page.getByText('把计划文件拖到这里').waitFor();
    await app.screenshot('import-input');
    await page.getByLabel('选择计划文件').setInputFiles(sample('formats', 'yubei-2025-work-points.docx'));
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor({ timeout: 60_000 });
    await page.getByText('识别出 8 个章节、39 项任务').waitFor();
    await expect(page.getByRole('tab', { name: '任务（39）' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByLabel('计划标题').inputValue()).resolves.toBe(PLAN_TITLE);
    // Both sides scroll on their own; the page itself does not.
    const scroll = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const panes = [...document.querySelectorAll('.pane-scroll')].map((el) => ({ scrollable: el.scrollHeight > el.clientHeight, width: el.getBoundingClientRect().width }));
      return { mainOverflows: main.scrollHeight > main.clientHeight + 1, panes };
    });
    expect(scroll.mainOverflows).toBe(false);
    expect(scroll.panes.every((p) => p.scrollable && p.width > 400)).toBe(true);
    await app.screenshot('import-review');
  });

  it('selects a task from its source text, and changes its lead department', async () => {
    const { page } = app;
    const source = page.getByRole('region', { name: '原文' });
    await source.getByText('提升职业健康服务能力。', { exact: false }).first().click();
    const task = page.getByRole('article', { name: '第5项任务' });
    await expect(task.getAttribute('class')).resolves.toContain('task-card-selected');
    await task.getByRole('button', { name: '移除牵头科室 卫生监督科' }).click();
    await task.getByRole('button', { name: '+ 添加' }).click();
    await task.getByLabel('搜索科室').fill('疾控');
    await task.getByRole('button', { name: /疾病预防控制科/ }).click();
    await task.getByText('疾病预防控制科').waitFor();
    await task.getByRole('button', { name: '展开第5项任务' }).click();
    await task.getByLabel('任务内容').waitFor();
    await task.scrollIntoViewIfNeeded();
    await app.screenshot('import-task-expanded');
  });

  it('will not save until unknown owner names are resolved: map one, create the rest', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '保存到台账' }).click();
    await page.getByText(/个牵头科室名称没有对应到本单位的科室/).waitFor();
    await expect(page.getByRole('tab', { name: /科室对应/ }).getAttribute('aria-selected')).resolves.toBe('true');
    const table = page.getByRole('table', { name: '科室对应' });
    await expect(table.getByRole('row', { name: /^疾控科/ }).innerText()).resolves.toContain('已对应“疾病预防控制科”');
    await table.getByLabel('“公卫科（爱卫办）”对应到已有科室').selectOption({ label: '公共卫生科' });
    await app.screenshot('import-owners');
    await page.getByRole('button', { name: /其余 \d+ 个全部新建科室/ }).click();
    await expect(page.getByText(/个科室名称待对应/).count()).resolves.toBe(0);
  });

  it('saves to the ledger and shows the plan with 39 tasks and the changed owner', async () => {
    const { page } = app;
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { name: PLAN_TITLE, level: 1 }).waitFor({ timeout: 60_000 });
    await page.getByText(/已保存计划“2025年全区卫生健康工作要点”：39 项任务/).waitFor();
    await expect(page.locator('.task-title').count()).resolves.toBe(39);
    await expect(page.locator('.plan-facts').innerText()).resolves.toContain('39');
    const leads = (title: RegExp) => page.getByRole('row', { name: title }).locator('td.col-owners').first().innerText();
    await expect(leads(/提升职业健康服务能力/)).resolves.toBe('疾病预防控制科');
    await expect(leads(/提升健康素养水平/)).resolves.toContain('公共卫生科');
    await app.screenshot('import-saved-plan');
  });

  it('recognises the PDF of the same plan as already imported and updates it', async () => {
    const { page } = app;
    await nav('导入计划');
    await page.getByLabel('选择计划文件').setInputFiles(sample('formats', 'yubei-2025-work-points.pdf'));
    // PDF pages report progress while they are read; on a fast run the review may come first.
    const bar = page.getByRole('progressbar', { name: '正在读取文件' });
    const review = page.getByRole('heading', { name: '核对导入内容' });
    await bar.or(review).first().waitFor({ timeout: 60_000 });
    if (await bar.isVisible()) {
      await expect(page.getByText('正在读取“yubei-2025-work-points.pdf”并识别任务…').isVisible()).resolves.toBe(true);
      await app.screenshot('import-parsing');
    }
    await review.waitFor({ timeout: 60_000 });
    await page.getByText('该文件已导入过（计划“2025年全区卫生健康工作要点”）。保存将更新该计划，已填报的进展保持不变。').waitFor();
    await page.getByText('识别出 8 个章节、39 项任务').waitFor();
    await app.screenshot('import-pdf-same');
    // Names created or mapped the first time are known now (a mapping became an alias); only
    // 卫生监督科, which the clerk replaced in task 5 before saving, is new to this office.
    await page.getByText('1 个科室名称待对应').click();
    const table = page.getByRole('table', { name: '科室对应' });
    await expect(table.getByRole('row', { name: /公卫科（爱卫办）/ }).innerText()).resolves.toContain('已对应“公共卫生科”');
    await expect(table.getByRole('row', { name: /卫生监督科/ }).innerText()).resolves.toContain('待处理');
    await table.getByLabel('“卫生监督科”对应到已有科室').selectOption({ label: '疾病预防控制科' });
    await page.getByRole('button', { name: '保存到台账' }).click();
    await page.getByRole('heading', { name: PLAN_TITLE, level: 1 }).waitFor({ timeout: 60_000 });
    await page.getByText(/已更新计划“2025年全区卫生健康工作要点”/).waitFor();
    await expect(page.locator('.task-title').count()).resolves.toBe(39);
    await expect(page.getByRole('row', { name: /提升职业健康服务能力/ }).locator('td.col-owners').first().innerText()).resolves.toBe('疾病预防控制科');
    const plans = await app.client.invoke('plans.list', {});
    expect(plans.ok && plans.value.length).toBe(1);
  });

  it('offers a revised text as a revision and lists the changes with checkboxes', async () => {
    const { page } = app;
    const revised = fs.readFileSync(sample('yubei-2025-work-points.txt'), 'utf8').replace('提升至 38%', '提升至 40%');
    await nav('导入计划');
    await page.getByRole('tab', { name: '粘贴文字' }).click();
    await page.getByLabel('计划全文').fill(revised);
    await page.getByRole('button', { name: '识别粘贴的文字' }).click();
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: `作为修订版与已有计划“${PLAN_TITLE}”比较` }).click();
    const changes = page.getByRole('list', { name: '修订内容' });
    await changes.waitFor();
    await expect(changes.getByRole('checkbox', { name: '改写：第3项' }).isChecked()).resolves.toBe(true);
    await app.screenshot('import-revision');
    await page.getByRole('button', { name: '保存到台账' }).click();
    await page.getByRole('heading', { name: PLAN_TITLE, level: 1 }).waitFor({ timeout: 60_000 });
    await page.getByText(/已更新计划/).first().waitFor();
    await expect(page.getByRole('row', { name: /提升健康素养水平/ }).innerText()).resolves.toContain('提升至40%');
  });

  it('reads a five-year plan: goals and indicator-table targets are listed under 指标', async () => {
    const { page } = app;
    await nav('导入计划');
    await page.getByRole('tab', { name: '粘贴文字' }).click();
    await page.getByLabel('计划全文').fill(fs.readFileSync(sample('yuzhong-health-14th-five-year-plan.txt'), 'utf8'));
    const started = Date.now();
    await page.getByRole('button', { name: '识别粘贴的文字' }).click();
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor({ timeout: 60_000 });
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(page.getByLabel('计划类型').inputValue()).resolves.toBe('five-year-plan');
    await expect(page.getByLabel('起始年份').inputValue()).resolves.toBe('2021');
    await expect(page.getByLabel('结束年份').inputValue()).resolves.toBe('2025');
    const free = page.getByRole('group', { name: '不属于任务的指标' });
    await free.scrollIntoViewIfNeeded();
    expect(await free.getByRole('listitem').count()).toBeGreaterThan(10);
    await app.screenshot('import-five-year-targets');
    // A ≤ target in the source is marked in its own colour.
    await expect(page.getByRole('region', { name: '原文' }).locator('mark.hl-le').count()).resolves.toBeGreaterThan(3);
  });

  it('sets 牵头科室 on the 108 leadless tasks at once, and gets the review back after a reload', async () => {
    const { page } = app;
    const bulk = page.getByRole('group', { name: '批量设置牵头科室' });
    await bulk.getByRole('button', { name: '选择没有牵头科室的任务（108）' }).click();
    await bulk.getByText('已选 108 项任务').waitFor();
    await bulk.getByRole('button', { name: '+ 选择科室' }).click();
    await bulk.getByLabel('搜索科室').fill('疾控');
    await bulk.getByRole('button', { name: /疾病预防控制科/ }).click();
    await bulk.getByRole('button', { name: '设为所选任务的牵头科室' }).click();
    await bulk.getByText('已为 108 项任务设置牵头科室：疾病预防控制科').waitFor();
    // Numbering restarts in some chapters: the first card of the plan.
    const first = page.locator('article.task-card').first();
    await first.getByLabel('任务名称').fill('建设统一高效的应急指挥体系');
    await page.getByText(/核对进度已自动保存 \d\d:\d\d/).waitFor();
    await app.screenshot('import-bulk-leads');

    await page.reload();
    await nav('导入计划');
    const resume = page.getByRole('button', { name: /^继续上次未完成的导入审核（粘贴的文字，\d{4}-\d\d-\d\d \d\d:\d\d）$/ });
    await resume.waitFor();
    await app.screenshot('import-resume-offer');
    await resume.click();
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor();
    await expect(first.getByLabel('任务名称').inputValue()).resolves.toBe('建设统一高效的应急指挥体系');
    await expect(page.locator('article.task-card').count()).resolves.toBe(108);
    await expect(page.locator('article.task-card').last().getByRole('group', { name: /的牵头科室$/ }).innerText()).resolves.toContain('疾病预防控制科');
    await expect(page.getByRole('group', { name: '批量设置牵头科室' }).getByRole('button', { name: /选择没有牵头科室的任务/ }).count()).resolves.toBe(0);
    await app.screenshot('import-resumed');
  });

  it('logged no errors in the page', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
