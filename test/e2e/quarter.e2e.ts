import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/api';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { convertToPdf, pdfText, renderPngs, requireTool, withoutSpaces } from '../reports/pdf-tools';
import { fullShot, launchApp, saveDownload, type App } from './harness';
import { callCore, importPlan, OFFICE, sample, YUBEI_WORK_POINTS } from './seed';

/*
 * A real 2025 Q1 on three PCs, as clerks live it (issue 13): the office imports the Yubei work
 * points with its own list (疾病预防控制科; the document prints 疾控科), corrects a title and sends
 * each department its tasks; 疾控科's PC is set up with the short name, 信息统计科's with its own.
 * Task 1 is led by both and only 疾控科 reports it; the office returns one entry with a comment,
 * the department corrects and resubmits, the rest is approved; the office re-imports the plan as
 * a PDF. Then 总览, 任务台账, the Excel 台账, the Word 情况报告 (through LibreOffice) and
 * `cli status --json` must give the same counts; no PC holds a duplicated department; the
 * correction survives; the returned text never reads as progress.
 */

const Q1 = '2025-Q1';
const files = tempDir('tl-quarter-');
const CORRECTED = '强化疫情防控和监测预警能力建设';
const RETURNED_TEXT = '方案起草中。';
const CORRECTED_TEXT = '完成结核病筛查方案起草，已征求各医疗机构意见。';

type Status = CallResult<'progress.status'>;

const nav = (page: Page, label: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();

async function setUp(page: Page, role: '办公室' | '科室', department?: string): Promise<void> {
  await page.getByLabel('单位名称').fill(OFFICE);
  await page.getByLabel('单位代码').fill('500112');
  await page.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  if (department) await page.getByLabel('本机所属科室').fill(department);
  await page.getByRole('button', { name: '开始使用' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/** A package as a file on the "USB stick", and the same bytes for the core. */
function keep(name: string, file: { fileName: string; contentBase64: string }): { fileName: string; contentBase64: string } {
  fs.writeFileSync(path.join(files, name), Buffer.from(file.contentBase64, 'base64'));
  return file;
}

async function send(from: App, to: App, name: string, args: Parameters<typeof callCore<'sync.export'>>[2]): Promise<void> {
  const exported = await callCore(from, 'sync.export', args);
  const packages = exported.files.map((file, i) => keep(`${name}-${i}.tlpkg`, file));
  const { fingerprint } = await callCore(to, 'sync.verify', { files: packages });
  await callCore(to, 'sync.import', { files: packages, trustFingerprint: fingerprint });
}

async function statusOf(app: App): Promise<Status> {
  const result = await cli('--db', app.dbPath, '--json', 'status', '--period', Q1);
  expect(result.err).toBe('');
  return JSON.parse(result.out) as Status;
}

describe('a whole quarter on three PCs', () => {
  let office: App;
  let cdc: App;
  let info: App;
  let officeCdcId = '';

  beforeAll(async () => {
    requireTool('soffice', 'libreoffice-writer-nogui');
    requireTool('pdftotext', 'poppler-utils');
    [office, cdc, info] = await Promise.all([launchApp(), launchApp(), launchApp()]);
  });
  afterAll(async () => {
    await Promise.all([office?.close(), cdc?.close(), info?.close()]);
  });

  it('the office sets up as 办公室, imports the work points onto its own list and corrects a title', async () => {
    await setUp(office.page, '办公室');
    await office.screenshot('quarter-01-office-setup');
    officeCdcId = (await callCore(office, 'departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] })).id;
    const saved = await importPlan(office, YUBEI_WORK_POINTS);
    const plan = await callCore(office, 'plans.get', { id: saved.planId });
    const task1 = plan.tasks.find((t) => t.number === '1')!;
    expect(task1.leadDepartmentIds).toContain(officeCdcId);
    await callCore(office, 'tasks.update', { id: task1.id, title: CORRECTED });
    // The office reviews without switching roles.
    await office.page.reload();
    await nav(office.page, '季度填报');
    await office.page.getByRole('tab', { name: '办公室审核' }).waitFor();
    const names = (await callCore(office, 'departments.list', {})).map((d) => d.name);
    expect(names).not.toContain('疾控科');
  });

  it('the 疾控科 PC is set up with the short name and binds to the office’s 疾病预防控制科 when the 下发 arrives', async () => {
    await setUp(cdc.page, '科室', '疾控科');
    await cdc.screenshot('quarter-02-cdc-setup');
    const exported = await callCore(office, 'sync.export', { kind: 'assignment', departmentId: officeCdcId, period: Q1 });
    const file = path.join(files, '疾控科-下发.tlpkg');
    fs.writeFileSync(file, Buffer.from(exported.files[0]!.contentBase64, 'base64'));
    const { page } = cdc;
    await nav(page, '数据交换');
    await page.getByRole('tab', { name: /^导入数据包/ }).click();
    await page.getByLabel('选择数据包').setInputFiles(file);
    await page.getByLabel('数据包预览').waitFor();
    await page.getByRole('checkbox', { name: /我已核对识别码/ }).check();
    await fullShot(cdc, 'quarter-03-cdc-preview');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/^导入完成/).waitFor();
    const status = await callCore(cdc, 'system.status', {});
    expect(status.installation!.departmentId).toBe(officeCdcId);
    const names = (await callCore(cdc, 'departments.list', {})).map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('疾控科');
    // The package was for 2025-Q1: the pages follow it (the machine's today is long after).
    await nav(page, '季度填报');
    await expect.poll(() => page.getByLabel('季度', { exact: true }).first().inputValue()).toBe(Q1);
    await fullShot(cdc, 'quarter-04-cdc-sheet');
    await page.getByRole('article', { name: '第1项任务', exact: true }).waitFor();
    // Its 总览 shows its own part of shared tasks, as the office's view of 疾病预防控制科 does.
    await nav(page, '总览');
    await expect.poll(() => page.getByLabel('科室', { exact: true }).first().inputValue()).toBe(officeCdcId);
  });

  it('both departments report; task 1 only by 疾控科; the office returns one and approves the rest', async () => {
    const infoDept = (await callCore(office, 'departments.list', {})).find((d) => d.name === '信息统计科')!.id;
    await callCore(info, 'system.init', { officeName: OFFICE, officeCode: '500112', departmentName: '信息统计科', pcRole: 'department' });
    await send(office, info, '信息统计科-下发', { kind: 'assignment', departmentId: infoDept, period: Q1 });
    expect((await callCore(info, 'system.status', {})).installation!.departmentId).toBe(infoDept);

    const taskId = async (app: App, number: string) => (await callCore(app, 'ledger.query', { period: Q1 })).rows.find((r) => r.number === number)!.taskId;
    const entry = (percent: number, progressText: string, problemsText = '') => ({ status: '推进中' as const, percent, progressText, problemsText, nextStepsText: '下季度持续推进。' });
    await callCore(cdc, 'progress.save', { period: Q1, taskId: await taskId(cdc, '1'), departmentId: officeCdcId, fields: entry(30, '完成全区监测哨点布设，开展一季度风险评估。'), submit: true });
    await callCore(cdc, 'progress.save', { period: Q1, taskId: await taskId(cdc, '4'), departmentId: officeCdcId, fields: entry(5, RETURNED_TEXT, '无'), submit: true });
    await callCore(info, 'progress.save', { period: Q1, taskId: await taskId(info, '26'), departmentId: infoDept, fields: entry(30, '区域全民健康信息平台完成招标。'), submit: true });
    await send(cdc, office, '疾控科-上报', { kind: 'return', period: Q1 });
    await send(info, office, '信息统计科-上报', { kind: 'return', period: Q1 });

    const { page } = office;
    await page.reload();
    await nav(page, '季度填报');
    await page.getByRole('tab', { name: '办公室审核' }).click();
    await page.getByLabel('季度', { exact: true }).first().selectOption(Q1);
    const overview = page.getByRole('table', { name: '各科室填报情况' });
    await overview.getByRole('row', { name: /疾病预防控制科/ }).getByRole('button', { name: '疾病预防控制科' }).click();
    await page.getByRole('heading', { name: '待审核（2）' }).waitFor();
    const returned = page.getByRole('article', { name: '第4项任务的进展' });
    await returned.getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByLabel('退回意见').fill('存在问题写“无”不行，请写明结核病筛查进度慢的原因');
    await dialog.getByRole('button', { name: '退回' }).click();
    await page.getByRole('heading', { name: '已退回，等待科室修改（1）' }).waitFor();
    await page.getByRole('article', { name: '第1项任务的进展' }).getByRole('button', { name: '通过' }).click();
    await page.getByRole('heading', { name: '已审核（1）' }).waitFor();
    await fullShot(office, 'quarter-05-office-review');
    const pending = await callCore(office, 'progress.overview', { period: Q1 });
    const infoRow = pending.find((d) => d.departmentName === '信息统计科')!;
    expect(infoRow.submitted).toBe(1);
    // The office's clerk approves 信息统计科's entry from the command line (the same call).
    const reviewed = await cli('--db', office.dbPath, 'review', '--task', '26', '--department', '信息统计科', '--period', Q1, '--approve');
    expect(reviewed.err).toBe('');

    // The returned entry is not progress anywhere: 未填报 with 已退回修改.
    const status = await statusOf(office);
    const task4 = status.tasks.find((t) => t.number === '4')!;
    expect([task4.state, task4.returned]).toEqual(['未填报', ['疾病预防控制科']]);
    const model = await callCore(office, 'report.model', { kind: 'ledger', scope: { period: Q1 } });
    expect(JSON.stringify(model.tasks.find((t) => t.number === '4'))).not.toContain(RETURNED_TEXT);
  });

  it('疾控科 corrects the returned entry and resubmits; the office approves it and re-imports the plan as a PDF', async () => {
    await send(office, cdc, '疾控科-下发-2', { kind: 'assignment', departmentId: officeCdcId, period: Q1 });
    const { page } = cdc;
    await page.reload();
    await nav(page, '季度填报');
    await page.getByLabel('季度', { exact: true }).first().selectOption(Q1);
    const card = page.getByRole('article', { name: '第4项任务', exact: true });
    await card.locator('.workflow', { hasText: '已退回' }).waitFor();
    await card.getByLabel('进展情况').fill(CORRECTED_TEXT);
    await card.getByLabel('存在问题').fill('基层筛查人员不足，设备到位晚。');
    await card.getByLabel('进展情况').click();
    await page.keyboard.press('Control+Enter');
    await card.locator('.workflow', { hasText: '已提交' }).waitFor();
    await fullShot(cdc, 'quarter-06-cdc-corrected');
    await send(cdc, office, '疾控科-上报-2', { kind: 'return', period: Q1 });
    expect((await cli('--db', office.dbPath, 'review', '--task', '4', '--department', '疾控科', '--period', Q1, '--approve')).err).toBe('');

    await importPlan(office, sample('formats', 'yubei-2025-work-points.pdf'));
    const ledger = await callCore(office, 'ledger.query', { period: Q1 });
    expect(ledger.rows.find((r) => r.number === '1')!.title).toBe(CORRECTED);
  });

  it('总览, 任务台账, the Excel 台账, the Word 情况报告 and cli status give the same counts', async () => {
    const status = await statusOf(office);
    const c = status.counts;
    expect(c.done + c.onPace + c.behind + c.notReported).toBe(c.total);
    expect([c.onPace, c.behind, c.partial, c.awaitingReview, c.returned]).toEqual([2, 1, 2, 0, 0]);
    const task1 = status.tasks.find((t) => t.number === '1')!;
    expect([task1.state, task1.partial, task1.missing]).toEqual(['按序时推进', true, ['信息统计科']]);

    const { page } = office;
    await page.reload();
    await nav(page, '总览');
    await page.getByLabel('季度', { exact: true }).first().selectOption(Q1);
    const card = (label: string) => page.locator('.stat-card', { has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat-value');
    await expect.poll(() => card('按序时推进').innerText()).toBe(String(c.onPace));
    expect(await card('已完成').innerText()).toBe(String(c.done));
    expect(await card('滞后').innerText()).toBe(String(c.behind));
    expect(await card('未填报').innerText()).toBe(String(c.notReported));
    await fullShot(office, 'quarter-07-dashboard', { maxHeight: 3000 });

    await nav(page, '任务台账');
    const row1 = page.getByRole('row', { name: new RegExp(CORRECTED) });
    await expect.poll(() => row1.innerText()).toContain('部分科室未报');
    await fullShot(office, 'quarter-08-ledger', { maxHeight: 3000 });

    // The Excel 台账 from 报表, read back.
    await nav(page, '报表');
    const form = page.getByRole('region', { name: '生成报表' });
    await form.getByLabel('期间').selectOption(Q1);
    await form.getByRole('radio', { name: /^重点工作台账/ }).check();
    await form.getByRole('radio', { name: 'Excel' }).check();
    await form.getByRole('button', { name: '生成', exact: true }).click();
    const result = page.getByRole('region', { name: /^已生成/ });
    const xlsx = await saveDownload(page, files, () => result.getByRole('button', { name: '另存为…' }).click());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.worksheets[0]!;
    const totals = sheet.getRow(sheet.rowCount).getCell(1).text;
    const sentence = `共${c.total}项，其中已完成${c.done}项，按序时推进${c.onPace}项，滞后${c.behind}项，未填报${c.notReported}项`;
    expect(totals).toContain(sentence);
    let task1Cells = '';
    sheet.eachRow((row) => {
      if (row.getCell(1).text.trim() === '1') task1Cells = row.values!.toString();
    });
    expect(task1Cells).toContain('【疾病预防控制科】完成全区监测哨点布设');
    expect(task1Cells).toContain('【信息统计科】');
    expect(task1Cells).not.toContain(RETURNED_TEXT);

    // The Word 情况报告 with the office's chosen date, through LibreOffice.
    await form.getByRole('radio', { name: /^重点工作推进情况报告/ }).check();
    await form.getByRole('radio', { name: 'Word' }).check();
    await form.getByLabel('报告日期').fill('2025-04-15');
    await form.getByRole('button', { name: '生成', exact: true }).click();
    await result.getByText(/情况报告\.docx$/).first().waitFor();
    const docx = await saveDownload(page, files, () => result.getByRole('button', { name: '另存为…' }).click());
    const pdf = await convertToPdf(docx, files);
    await renderPngs(pdf, path.join(files, 'quarter-summary'));
    const text = withoutSpaces(await pdfText(pdf, 'raw'));
    expect(text).toContain(`${c.total}项重点工作`);
    expect(text).toContain(`按序时推进${c.onPace}项`);
    expect(text).toContain(`滞后${c.behind}项`);
    expect(text).toContain(withoutSpaces(CORRECTED_TEXT).slice(0, 10));
    expect(text).not.toContain(withoutSpaces(RETURNED_TEXT));
    expect(text).not.toMatch(/[；，]无。/);
    fs.copyFileSync(path.join(files, 'quarter-summary-1.png'), path.resolve('test-results', 'quarter-09-summary-page1.png'));

    // No PC holds a duplicated department.
    for (const app of [office, cdc, info]) {
      const names = (await callCore(app, 'departments.list', {})).map((d) => d.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).not.toContain('疾控科');
    }
    expect([...office.consoleErrors, ...cdc.consoleErrors, ...info.consoleErrors].join('\n')).toBe('');
  });
});
