import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import { tempDir } from '../helpers/core';
import { fullShot, saveDownload, type App } from './harness';
import { callCore, launchWithSpringReports, OFFICE } from './seed';

const Q2 = '2025-Q2';
const files = tempDir('tl-reports-');

/**
 * 报表 in Chromium against the browser host: the office's 2025 work points with a spring of
 * reports; the clerk makes the quarter's 台账 and 情况报告 and saves them as downloads.
 */
describe('报表, in Chromium against the browser host', () => {
  let app: App;

  const call = <N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> => callCore(app, name, args);

  beforeAll(async () => {
    app = await launchWithSpringReports(Q2);
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
    await fullShot(app, 'reports-form');

    await form().getByRole('button', { name: '生成', exact: true }).click();
    await result().waitFor();
    await expect(result().getByText(expectedName, { exact: true }).isVisible()).resolves.toBe(true);
    const savedPath = (await result().locator('dd.report-path').innerText()).trim();
    expect(path.basename(savedPath)).toBe(expectedName);
    expect(fs.existsSync(savedPath)).toBe(true);

    const file = await saveDownload(page, files, () => result().getByRole('button', { name: '另存为…' }).click());
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
    await fullShot(app, 'reports-ledger-done');
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
    const file = await saveDownload(page, files, () => result().getByRole('button', { name: '另存为…' }).click());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const numbers: string[] = [];
    book.worksheets[0]!.eachRow((row) => {
      const number = row.getCell(1).text.trim();
      if (/^\d+$/.test(number)) numbers.push(number);
    });
    expect(numbers).toEqual(['1', '3', '4', '15', '24', '25']);
    await page.getByRole('list', { name: '最近生成的报表' }).getByRole('listitem').nth(1).waitFor();
    await fullShot(app, 'reports-department');
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
      await fullShot(app, 'reports-summary-failed');
      throw new Error(`情况报告未生成：${await toast.first().innerText()}`);
    }
    await done.waitFor();
    const file = await saveDownload(page, files, () => result().getByRole('button', { name: '另存为…' }).click());
    expect(path.basename(file)).toBe(expectedName);
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const text = strFromU8(parts['word/document.xml']!).replace(/<[^>]+>/g, '');
    // The opening sentence counts what the ledger lists for the quarter (one task 已完成 in the seed).
    const ledger = await call('ledger.query', { period: Q2 });
    const finished = ledger.rows.filter((r) => r.status === '已完成').length;
    expect(finished).toBe(1);
    expect(text).toContain(`截至第二季度，全区${ledger.rows.length}项重点工作中，已完成${finished}项`);
    await fullShot(app, 'reports-summary-done');
    expect(app.consoleErrors.join('\n')).toBe('');
  });

  it('a quarter no plan covers says so and points to 导入计划', async () => {
    // A year among the quarters offered (last year to this year, and the plan's 2025) that the plan does not cover.
    const thisYear = new Date().getFullYear();
    const empty = `${thisYear === 2025 ? 2024 : thisYear}-Q1`;
    await form().getByLabel('期间').selectOption(empty);
    await form().getByText('这个季度没有重点工作任务').waitFor();
    await expect(form().getByRole('button', { name: '生成', exact: true }).count()).resolves.toBe(0);
    await fullShot(app, 'reports-empty');
    await form().getByRole('button', { name: '前往导入计划' }).click();
    await app.page.getByRole('heading', { name: '导入计划', level: 1 }).waitFor();
  });
});
