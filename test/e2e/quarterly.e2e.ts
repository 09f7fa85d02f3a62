import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

const sample = (...parts: string[]) => path.resolve('..', 'shared', 'samples', ...parts);
const PLAN_TITLE = '2025年全区卫生健康工作要点';
/** The six tasks the Yubei work points give 疾控科, by number. */
const CDC_TASKS = ['1', '3', '4', '15', '24', '25'];

/** A tiny, valid one-page PDF (header, catalog, page, xref, trailer). */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** 疾控科 fills 2025 Q1 with the keyboard; the office returns one and approves the rest; the clerk fixes and resubmits. */
describe('quarterly entry and review, in Chromium against the browser host', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  const nav = (label: string) => app.page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
  const task = (number: string): Locator => app.page.getByRole('article', { name: `第${number}项任务`, exact: true });
  const focusedLabel = () =>
    app.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const id = el.getAttribute('id');
      const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
      return `${el.closest('article')?.getAttribute('aria-label') ?? ''}/${label?.textContent ?? el.textContent ?? ''}`;
    });
  const openQuarter = async () => {
    await nav('季度填报');
    await app.page.getByLabel('季度', { exact: true }).selectOption('2025-Q1');
  };
  const setRole = async (role: '审核员' | '填报员') => {
    await nav('设置');
    await app.page.getByRole('radio', { name: role }).check();
    await app.page.getByRole('button', { name: '保存设置' }).click();
    await app.page.locator('.header-user .badge', { hasText: role }).waitFor();
  };

  it('sets up this PC for 疾病预防控制科 and imports the Yubei work points', async () => {
    const { page, client } = app;
    await page.getByLabel('单位名称').fill('渝北区卫生健康委');
    await page.getByRole('radio', { name: /^科室/ }).check();
    await page.getByLabel('本机所属科室').fill('疾病预防控制科');
    await page.getByRole('button', { name: '开始使用' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    // Setup that is not under test goes straight to the core: the printed name as an alias, the clerk's name.
    const departments = await client.invoke('departments.list', {});
    if (!departments.ok) throw new Error(departments.error.message);
    const cdc = departments.value.find((d) => d.name === '疾病预防控制科')!;
    await client.invoke('departments.update', { id: cdc.id, aliases: ['疾控科'] });
    await client.invoke('settings.update', { clerkName: '李娟' });
    await page.reload();
    await page.getByText('填报人：李娟').waitFor();

    await nav('导入计划');
    await page.getByLabel('选择计划文件').setInputFiles(sample('formats', 'yubei-2025-work-points.docx'));
    await page.getByRole('heading', { name: '核对导入内容' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '保存到台账' }).click();
    await page.getByRole('button', { name: /其余 \d+ 个全部新建科室/ }).click();
    await page.getByRole('button', { name: '保存到台账' }).click();
    await page.getByRole('heading', { name: PLAN_TITLE, level: 1 }).waitFor({ timeout: 60_000 });
  });

  it('a clerk fills 2025 Q1 with the keyboard: Tab through the fields, Ctrl+S per task', async () => {
    const { page } = app;
    await openQuarter();
    await task('1').waitFor();
    await expect(page.getByLabel('科室', { exact: true }).inputValue()).resolves.not.toBe('');
    await expect(page.getByLabel('科室', { exact: true }).locator('option:checked').innerText()).resolves.toBe('疾病预防控制科');
    await expect(page.getByRole('article').count()).resolves.toBe(CDC_TASKS.length);

    for (const [index, number] of CDC_TASKS.entries()) {
      const card = task(number);
      if (index === 0) await card.getByLabel('状态').focus();
      else {
        // Tab from the previous task's last button reaches this task's first field.
        for (let i = 0; i < 8 && !(await focusedLabel()).startsWith(`第${number}项任务/`); i++) await page.keyboard.press('Tab');
      }
      expect(await focusedLabel()).toBe(`第${number}项任务/状态`);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      expect(await focusedLabel()).toBe(`第${number}项任务/完成百分比`);
      await page.keyboard.type(String(20 + index * 5));
      await page.keyboard.press('Tab');
      expect(await focusedLabel()).toBe(`第${number}项任务/进展情况`);
      await page.keyboard.type(`第${number}项：一季度已制定工作方案，召开专题会议部署，完成阶段任务。`);
      await page.keyboard.press('Tab');
      await page.keyboard.type(index % 2 === 0 ? '基层人员不足' : '无');
      await page.keyboard.press('Tab');
      expect(await focusedLabel()).toBe(`第${number}项任务/下步打算`);
      await page.keyboard.type('二季度开展督导检查，推动任务落实。');
      await page.keyboard.press('Control+s');
      await card.locator('.workflow', { hasText: '草稿' }).waitFor();
    }
    await expect(task('1').getByLabel('状态').inputValue()).resolves.toBe('推进中');
    await expect(task('3').getByLabel('完成百分比').inputValue()).resolves.toBe('25');
  });

  it('attaches a small PDF as evidence', async () => {
    const { page } = app;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-pdf-')), '疫情防控工作会议纪要.pdf');
    fs.writeFileSync(file, tinyPdf());
    await task('1').getByLabel('为第1项选择佐证材料').setInputFiles(file);
    await task('1').getByRole('button', { name: '疫情防控工作会议纪要.pdf', exact: true }).waitFor();
    await expect(task('1').locator('.attachment-size').innerText()).resolves.toMatch(/\d+ B|KB/);
    // Opening reads it back as a download.
    const download = page.waitForEvent('download');
    await task('1').getByRole('button', { name: '疫情防控工作会议纪要.pdf', exact: true }).click();
    expect((await download).suggestedFilename()).toBe('疫情防控工作会议纪要.pdf');
  });

  it('keeps typing that was never saved: autosaved, and restored after a reload as 修改已自动保存', async () => {
    const { page } = app;
    const problems = task('24').getByLabel('存在问题');
    await problems.click();
    await page.keyboard.press('End');
    await page.keyboard.type('；资金拨付较慢');
    await page.getByText(/^已自动保存 \d\d:\d\d$/).waitFor({ timeout: 5000 });
    await page.reload();
    await openQuarter();
    await expect(task('24').getByLabel('存在问题').inputValue()).resolves.toBe('基层人员不足；资金拨付较慢');
    // The card agrees with the toolbar: the draft is safe on this PC, nothing says 未保存.
    await task('24').getByText(/^修改已自动保存 /).waitFor();
    await expect(task('24').getByText(/未保存/).count()).resolves.toBe(0);
    await task('24').scrollIntoViewIfNeeded();
    await app.screenshot('quarterly-autosaved');
  });

  it('submits the department with 提交全部', async () => {
    const { page } = app;
    await page.getByRole('button', { name: '提交全部' }).click();
    const confirm = page.getByRole('alertdialog', { name: '提交全部' });
    await confirm.getByText(`将提交 ${CDC_TASKS.length} 项给办公室审核。`, { exact: false }).waitFor();
    await app.screenshot('quarterly-submit-all');
    await confirm.getByRole('button', { name: '提交' }).click();
    await page.getByText(`已提交 ${CDC_TASKS.length} 项`).waitFor();
    for (const number of CDC_TASKS) await task(number).locator('.workflow', { hasText: '已提交' }).waitFor();
    await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await app.screenshot('quarterly-entry');
    await page.getByRole('tab', { name: /指标数值/ }).click();
    await page.getByRole('list', { name: '指标数值' }).waitFor();
    await app.screenshot('quarterly-indicators');
    await page.getByRole('tab', { name: /任务进展/ }).click();
  });

  it('as 审核员, the office returns one with a comment and approves the rest', async () => {
    const { page } = app;
    await setRole('审核员');
    await nav('季度填报');
    await expect(page.getByRole('tab', { name: '办公室审核' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByText('角色仅用于区分填报和审核环节，不是权限控制。').waitFor();
    const overview = page.getByRole('table', { name: '各科室填报情况' });
    const cdcRow = overview.getByRole('row', { name: /疾病预防控制科/ });
    await expect.poll(() => cdcRow.locator('td').allInnerTexts()).toEqual(['6', '0', '0', '6', '0', '0', '—']);
    // The quarter is long over: departments that have not reported are marked for 催办.
    await expect.poll(() => overview.getByText('催办').count()).toBeGreaterThan(0);
    await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 10_000 });
    await app.screenshot('quarterly-overview');
    await cdcRow.getByRole('button', { name: '疾病预防控制科' }).click();
    await page.getByRole('heading', { name: '待审核（6）' }).waitFor();

    const first = page.getByRole('article', { name: '第1项任务的进展' });
    await first.getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByRole('button', { name: '退回' }).click();
    await dialog.getByText('请写明退回原因，科室将按意见修改').waitFor();
    await dialog.getByLabel('退回意见').fill('请补充本季度接种和监测的具体数据');
    await dialog.getByRole('button', { name: '退回' }).click();
    await page.getByRole('heading', { name: '已退回，等待科室修改（1）' }).waitFor();

    for (let left = 5; left > 0; left--) {
      await page.getByRole('heading', { name: `待审核（${left}）` }).waitFor();
      await page.locator('.review-group').first().getByRole('button', { name: '通过' }).first().click();
    }
    await page.getByRole('heading', { name: '已审核（5）' }).waitFor();
    await page.getByRole('heading', { name: '已退回，等待科室修改（1）' }).scrollIntoViewIfNeeded();
    await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 10_000 });
    await app.screenshot('quarterly-review');
    // A returned entry is still open after the quarter: the department is now to be chased.
    await expect.poll(() => cdcRow.locator('td').allInnerTexts()).toEqual(['6', '0', '0', '0', '1', '5', '催办']);
  });

  it('back as 填报员: the returned one is edited and resubmitted; approved ones cannot be edited', async () => {
    const { page } = app;
    await setRole('填报员');
    await nav('季度填报');
    const returned = task('1');
    await returned.locator('.workflow', { hasText: '已退回' }).waitFor();
    await expect(returned.getByRole('note').innerText()).resolves.toBe('办公室退回意见：请补充本季度接种和监测的具体数据');
    await returned.getByLabel('进展情况').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('累计接种疫苗1.2万剂次，报告传染病112例，均按时处置。');
    await page.keyboard.press('Control+Enter');
    await returned.locator('.workflow', { hasText: '已提交' }).waitFor();
    await expect(returned.getByRole('note').count()).resolves.toBe(0);

    const approved = task('3');
    await approved.getByText('已审核锁定，如需修改请联系办公室解锁').waitFor();
    const before = await approved.getByLabel('进展情况').inputValue();
    await approved.getByLabel('进展情况').click();
    await page.keyboard.type('改动');
    await page.keyboard.press('Control+s');
    await expect(approved.getByLabel('进展情况').inputValue()).resolves.toBe(before);
    await expect(approved.getByLabel('进展情况').evaluate((el) => (el as HTMLTextAreaElement).readOnly)).resolves.toBe(true);
    await expect(approved.getByRole('button', { name: '保存' }).count()).resolves.toBe(0);
    const stored = await app.client.invoke('progress.overview', { period: '2025-Q1' });
    expect(stored.ok && stored.value.find((d) => d.departmentName === '疾病预防控制科')).toMatchObject({ submitted: 1, approved: 5, returned: 0 });
  });

  it('the task drawer shows every quarter with lights and workflow, and the change records', async () => {
    const { page } = app;
    await task('1').getByRole('button', { name: '各季度记录' }).click();
    const drawer = page.getByRole('dialog', { name: /^第1项：/ });
    const quarter = drawer.getByRole('region', { name: '2025年第一季度' });
    await quarter.getByText('疾病预防控制科').waitFor();
    await expect(quarter.locator('.workflow').innerText()).resolves.toBe('已提交');
    await expect(quarter.getByText('疫情防控工作会议纪要.pdf').isVisible()).resolves.toBe(true);
    await app.screenshot('task-drawer');
    await quarter.getByRole('button', { name: '修改记录' }).click();
    const history = page.getByRole('dialog', { name: /^修改记录：疾病预防控制科2025年第一季度进展/ });
    await history.getByText('审核状态').first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('指标: the grid edits a value in place and colours it by its light', async () => {
    const { page } = app;
    await nav('指标');
    await page.getByLabel('年度').selectOption('2025');
    const grid = page.getByRole('table', { name: '指标数值' });
    await grid.waitFor();
    const rows = await grid.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(5);
    const cell = grid.getByRole('button', { name: /2025年一季度：未填报/ }).first();
    const name = (await cell.getAttribute('aria-label'))!.split(' 2025年一季度')[0]!;
    await cell.click();
    const input = grid.getByRole('textbox', { name: new RegExp(`^${name.replace(/[()（）.*+?^$[\]\\{}|]/g, '\\$&')} 2025年一季度`) });
    await input.fill('1');
    await input.press('Enter');
    const saved = grid.getByRole('button', { name: new RegExp(`2025年一季度：1。`) }).first();
    await saved.waitFor();
    await expect(saved.evaluate((el) => el.closest('td')!.className)).resolves.toMatch(/grid-cell-(green|yellow|red)/);
    await app.screenshot('indicators-grid');
  });

  it('year end: 结转未完成任务 carries the unfinished tasks into next year\'s plan', async () => {
    const { page, client } = app;
    await nav('计划与任务');
    await page.getByRole('button', { name: PLAN_TITLE }).click();
    await page.getByRole('heading', { name: PLAN_TITLE, level: 1 }).waitFor();
    await page.getByRole('button', { name: '查看“强化疫情防控能力建设”的季度进展' }).waitFor();
    await app.screenshot('task-ledger-progress');
    await page.getByRole('button', { name: '结转未完成任务' }).click();
    const dialog = page.getByRole('dialog', { name: '结转未完成任务' });
    const list = dialog.getByRole('list', { name: '要结转的任务' });
    await list.waitFor();
    // Nothing was reported 已完成 by the end of 2025: every task is ticked; untick two.
    await expect(list.getByRole('checkbox').count()).resolves.toBe(39);
    await expect(list.getByRole('checkbox', { checked: true }).count()).resolves.toBe(39);
    await list.getByRole('checkbox').nth(0).uncheck();
    await list.getByRole('checkbox').nth(1).uncheck();
    await dialog.getByRole('button', { name: '结转 37 项任务' }).click();
    await page.getByText('已结转 37 项未完成任务').waitFor();
    const plans = await client.invoke('plans.list', {});
    expect(plans.ok && plans.value.map((p) => [p.title, p.taskCount])).toContainEqual(['2026年全区卫生健康工作要点', 37]);
    expect(app.consoleErrors).toEqual([]);
  });
});
