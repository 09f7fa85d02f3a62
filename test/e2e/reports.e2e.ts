import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import type { EntryFields } from '../../shared/api/progress';
import { draftFromPreview } from '../../electron/cli/commands';
import { tempDir } from '../helpers/core';
import { launchApp, type App } from './harness';

const sample = (...parts: string[]) => path.resolve('..', 'shared', 'samples', ...parts);
const Q2 = '2025-Q2';
const OFFICE = '渝北区卫生健康委';
const files = tempDir('tl-reports-');

const entry = (fields: Partial<EntryFields>): EntryFields => ({ status: '推进中', percent: 30, progressText: '', problemsText: '', nextStepsText: '', ...fields });

/**
 * 报表 in Chromium against the browser host: the office's 2025 work points with a spring of
 * reports; the clerk makes the quarter's 台账 and 情况报告 and saves them as downloads.
 */
describe('报表, in Chromium against the browser host', () => {
  let app: App;

  async function call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
    const result = await app.client.invoke(name, args);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  }
  /** Click and keep the file the page saves. */
  const saveDownload = async (page: Page, click: () => Promise<void>): Promise<string> => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const file = path.join(files, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  };
  async function fullShot(name: string) {
    const height = await app.page.evaluate(() => (document.querySelector('main')?.scrollHeight ?? 800) + 60);
    await app.page.setViewportSize({ width: 1366, height: Math.min(Math.max(height, 800), 4000) });
    await app.page.waitForTimeout(300);
    await app.screenshot(name);
    await app.page.setViewportSize({ width: 1366, height: 800 });
  }

  beforeAll(async () => {
    app = await launchApp();
    // Setup and import are not under test here: straight to the core, as the CLI does.
    await call('system.init', { officeName: OFFICE });
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

  const form = () => app.page.getByRole('region', { name: '生成报表' });
  const result = () => app.page.getByRole('region', { name: /^已生成/ });

  it('the clerk makes the quarter’s 台账 in Excel; the download holds every task of the quarter', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '报表' }).click();
    await form().getByLabel('期间').selectOption(Q2);
    await form().getByRole('radio', { name: /^重点工作台账/ }).check();
    await form().getByRole('radio', { name: 'Excel' }).check();
    const expectedName = `${OFFICE}_2025年第二季度重点工作台账.xlsx`;
    await expect.poll(() => form().getByLabel('文件名预览').innerText()).toBe(expectedName);
    await fullShot('reports-form');

    await form().getByRole('button', { name: '生成', exact: true }).click();
    await result().waitFor();
    await expect(result().getByText(expectedName, { exact: true }).isVisible()).resolves.toBe(true);
    const savedPath = (await result().locator('dd.report-path').innerText()).trim();
    expect(path.basename(savedPath)).toBe(expectedName);
    expect(fs.existsSync(savedPath)).toBe(true);

    const file = await saveDownload(page, () => result().getByRole('button', { name: '另存为…' }).click());
    expect(path.basename(file)).toBe(expectedName);
    expect(fs.readFileSync(file).equals(fs.readFileSync(savedPath))).toBe(true);

    // Every task the ledger holds for the quarter is a row of the first sheet, in the same order.
    const ledger = await call('ledger.query', { period: Q2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0]!;
    const rows: { number: string; title: string }[] = [];
    sheet.eachRow((row) => {
      const number = row.getCell(1).text.trim();
      if (/^\d+$/.test(number)) rows.push({ number, title: row.getCell(2).text.trim() });
    });
    expect(ledger.rows).toHaveLength(39);
    expect(rows).toEqual(ledger.rows.map((r) => ({ number: r.number, title: r.title })));

    // The browser cannot open Explorer: the page shows the folder's path.
    await result().getByRole('button', { name: '打开所在文件夹' }).click();
    await result().getByText(path.dirname(savedPath), { exact: true }).waitFor();
    await fullShot('reports-ledger-done');
    expect(app.consoleErrors.join('\n')).toBe('');
  });

  it('one department’s 台账 is named after it and lists only its tasks', async () => {
    const { page } = app;
    await form().getByRole('radio', { name: '按科室', exact: true }).check();
    await form().getByLabel('牵头科室').selectOption({ label: '疾控科（6项）' });
    const expectedName = `${OFFICE}疾控科_2025年第二季度重点工作台账.xlsx`;
    await expect.poll(() => form().getByLabel('文件名预览').innerText()).toBe(expectedName);
    await form().getByRole('button', { name: '生成', exact: true }).click();
    await result().getByText(expectedName, { exact: true }).waitFor();
    const file = await saveDownload(page, () => result().getByRole('button', { name: '另存为…' }).click());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const numbers: string[] = [];
    book.worksheets[0]!.eachRow((row) => {
      const number = row.getCell(1).text.trim();
      if (/^\d+$/.test(number)) numbers.push(number);
    });
    expect(numbers).toEqual(['1', '3', '4', '15', '24', '25']);
    await page.getByRole('list', { name: '最近生成的报表' }).getByRole('listitem').nth(1).waitFor();
    await fullShot('reports-department');
    await form().getByRole('radio', { name: '全部', exact: true }).check();
  });

  it('the clerk makes the 情况报告 in Word; the download is a document with the quarter’s summary', async () => {
    const { page } = app;
    await form().getByRole('radio', { name: /^重点工作推进情况报告/ }).check();
    await expect(form().getByRole('radio', { name: 'Word' }).isChecked()).resolves.toBe(true);
    await expect(form().getByRole('radio', { name: 'Excel' }).count()).resolves.toBe(0);
    const expectedName = `${OFFICE}_2025年第二季度重点工作推进情况报告.docx`;
    await expect.poll(() => form().getByLabel('文件名预览').innerText()).toBe(expectedName);
    await form().getByRole('button', { name: '生成', exact: true }).click();
    // The Word report takes a few seconds (charts are drawn): catch the bar for a look when it shows.
    const bar = form().getByRole('progressbar', { name: '生成进度' });
    if (await bar.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
      await app.page.waitForTimeout(400);
      await app.screenshot('reports-building');
    }
    // A failure is a Chinese toast; wait for whichever comes first so a failing writer fails fast with its message.
    const toast = page.locator('.toast-error');
    const done = result().getByText(expectedName, { exact: true });
    // The loser keeps waiting: swallow its later timeout.
    await Promise.race([done.waitFor().catch(() => undefined), toast.first().waitFor().catch(() => undefined)]);
    if (await toast.count()) {
      await fullShot('reports-summary-failed');
      throw new Error(`情况报告未生成：${await toast.first().innerText()}`);
    }
    await done.waitFor();
    const file = await saveDownload(page, () => result().getByRole('button', { name: '另存为…' }).click());
    expect(path.basename(file)).toBe(expectedName);
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const text = strFromU8(parts['word/document.xml']!).replace(/<[^>]+>/g, '');
    // The opening sentence counts what the ledger lists for the quarter (one task 已完成 in the seed).
    const ledger = await call('ledger.query', { period: Q2 });
    const finished = ledger.rows.filter((r) => r.status === '已完成').length;
    expect(finished).toBe(1);
    expect(text).toContain(`截至第二季度，全区${ledger.rows.length}项重点工作中，已完成${finished}项`);
    await fullShot('reports-summary-done');
    expect(app.consoleErrors.join('\n')).toBe('');
  });

  it('a quarter no plan covers says so and points to 导入计划', async () => {
    // A year among the quarters offered (last year to this year, and the plan's 2025) that the plan does not cover.
    const thisYear = new Date().getFullYear();
    const empty = `${thisYear === 2025 ? 2024 : thisYear}-Q1`;
    await form().getByLabel('期间').selectOption(empty);
    await form().getByText('这个季度没有重点工作任务').waitFor();
    await expect(form().getByRole('button', { name: '生成', exact: true }).count()).resolves.toBe(0);
    await fullShot('reports-empty');
    await form().getByRole('button', { name: '前往导入计划' }).click();
    await app.page.getByRole('heading', { name: '导入计划', level: 1 }).waitFor();
  });
});
