import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPeriod, periodOfDate } from '../../shared/domain/period';
import { tempDir } from '../helpers/core';
import { fullShot, launchApp, saveDownload, type App } from './harness';
import { callCore, initOffice } from './seed';

/** The quarter the browser's today falls in: the pages open on it. */
const today = new Date();
const PERIOD = formatPeriod(periodOfDate(today.getFullYear(), today.getMonth() + 1));
const YEAR = today.getFullYear();
const files = tempDir('tl-exchange-');

/**
 * 数据交换 in Chromium with two browser hosts on two databases: the office PC and 疾控科's PC.
 * Files travel as real downloads and real file-input uploads, as on a USB stick.
 */
describe('数据交换 between two PCs in Chromium', () => {
  let office: App;
  let dept: App;
  let literacyId = '';

  const nav = (page: Page, label: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).click();
  const tab = (page: Page, label: string) => page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  beforeAll(async () => {
    [office, dept] = await Promise.all([launchApp(), launchApp()]);
    await initOffice(office);
    const cdc = await callCore(office, 'departments.create', { name: '疾控科', aliases: ['疾病预防控制科'] });
    const mch = await callCore(office, 'departments.create', { name: '妇幼科', aliases: [] });
    const plan = await callCore(office, 'plans.create', { kind: 'work-points', title: `渝北区卫生健康委${YEAR}年工作要点`, yearFrom: YEAR, yearTo: YEAR });
    const section = await callCore(office, 'sections.create', { planId: plan.id, label: '一、', title: '推进健康渝北建设' });
    literacyId = (await callCore(office, 'tasks.create', { planId: plan.id, sectionId: section.id, number: '1', title: '提升居民健康素养', deadline: `${YEAR}年12月底`, leadDepartmentIds: [cdc.id] })).id;
    await callCore(office, 'tasks.create', { planId: plan.id, sectionId: section.id, number: '2', title: '推进慢病防控', deadline: `${YEAR}年12月底`, leadDepartmentIds: [cdc.id] });
    await callCore(office, 'tasks.create', { planId: plan.id, sectionId: section.id, number: '3', title: '保障母婴安全', deadline: `${YEAR}年12月底`, leadDepartmentIds: [mch.id] });
    await callCore(dept, 'system.init', { officeName: '渝北区卫生健康委', departmentName: '疾控科' });
    await callCore(dept, 'settings.update', { clerkName: '王明' });
    for (const app of [office, dept]) {
      await app.page.reload();
      await app.page.getByRole('navigation', { name: '主导航' }).waitFor();
    }
  });
  afterAll(async () => {
    await office?.close();
    await dept?.close();
  });

  it('the office exports an assignment for 疾控科; 疾控科 previews it, checks the code, imports it and saves a receipt', async () => {
    await nav(office.page, '数据交换');
    await tab(office.page, '导出数据包');
    await office.page.getByText('下发给科室', { exact: true }).click();
    await office.page.getByLabel('下发给哪个科室').selectOption({ label: '疾控科' });
    await office.page.getByRole('tabpanel').getByLabel('季度', { exact: true }).selectOption(PERIOD);
    const assignment = await saveDownload(office.page, files, () => office.page.getByRole('button', { name: '导出', exact: true }).click());
    expect(path.basename(assignment)).toMatch(/^疾控科-下发-.*\.tlpkg$/);
    await office.page.getByRole('heading', { name: '已导出' }).waitFor();
    await fullShot(office, 'exchange-export');

    const { page } = dept;
    await nav(page, '数据交换');
    await tab(page, '导入数据包');
    await page.getByLabel('选择数据包').setInputFiles(assignment);
    const preview = page.getByLabel('数据包预览');
    await preview.waitFor();
    const officeCode = (await callCore(office, 'system.status', {})).installation!.fingerprint;
    expect((await preview.getByLabel(`识别码 ${officeCode}`).innerText()).replace(/\s+/g, ' ')).toBe(officeCode);
    await page.getByText('这是第一次收到这台电脑的数据包').waitFor();
    const tasks = preview.getByRole('row', { name: /^任务/ });
    expect((await tasks.getByRole('cell').first().innerText()).trim()).toBe('2');
    expect(await page.getByRole('button', { name: '导入', exact: true }).isDisabled()).toBe(true);
    await fullShot(dept, 'exchange-preview');

    await page.getByRole('checkbox', { name: /我已核对识别码/ }).check();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByText(/^导入完成/).waitFor();
    const receipt = await saveDownload(page, files, () => page.getByRole('button', { name: '保存回执' }).click());
    expect(receipt.endsWith('.tlpkg')).toBe(true);
    const ledger = await callCore(dept, 'ledger.query', { period: PERIOD });
    expect(ledger.rows.map((r) => r.title).sort()).toEqual(['推进慢病防控', '提升居民健康素养']);
    // The office takes the receipt back: its next package to this PC carries only what is new.
    await tab(office.page, '导入数据包');
    await office.page.getByLabel('选择数据包').setInputFiles(receipt);
    await office.page.getByLabel('数据包预览').getByText('回执', { exact: true }).waitFor();
    await office.page.getByRole('checkbox', { name: /我已核对识别码/ }).check();
    await office.page.getByRole('button', { name: '导入', exact: true }).click();
    await office.page.getByText(/^导入完成/).waitFor();
    await tab(office.page, '收发记录');
    await office.page.getByRole('table', { name: '已信任的电脑' }).getByText('疾控科').waitFor();
    await fullShot(office, 'exchange-records');
    expect(office.consoleErrors.concat(dept.consoleErrors).join('\n')).toBe('');
  });

  it('疾控科 reports the quarter back; the office imports the return and its ledger shows the progress', async () => {
    const cdcId = (await callCore(dept, 'system.status', {})).installation!.departmentId!;
    await callCore(dept, 'progress.save', {
      period: PERIOD,
      taskId: literacyId,
      departmentId: cdcId,
      fields: { status: '推进中', percent: 40, progressText: '完成全区健康素养监测点布设。', problemsText: '', nextStepsText: '' },
      submit: true,
    });
    const { page } = dept;
    await tab(page, '导出数据包');
    await page.getByText('上报给办公室', { exact: true }).click();
    await page.getByRole('tabpanel').getByLabel('季度', { exact: true }).selectOption(PERIOD);
    const back = await saveDownload(page, files, () => page.getByRole('button', { name: '导出', exact: true }).click());

    await tab(office.page, '导入数据包');
    await office.page.getByRole('button', { name: '导入其他数据包' }).or(office.page.getByRole('button', { name: '重新选择' })).click();
    await office.page.getByLabel('选择数据包').setInputFiles(back);
    const preview = office.page.getByLabel('数据包预览');
    await preview.getByText('疾控科', { exact: true }).waitFor();
    // Trusted since its receipt: no code to compare again.
    await preview.getByText('✓ 已信任的电脑').waitFor();
    expect(await office.page.getByRole('checkbox', { name: /我已核对识别码/ }).count()).toBe(0);
    await office.page.getByRole('button', { name: '导入', exact: true }).click();
    await office.page.getByText(/^导入完成/).waitFor();

    await nav(office.page, '任务台账');
    const row = office.page.getByRole('row', { name: /提升居民健康素养/ });
    await row.waitFor();
    // Submitted, not yet approved: the row says it waits for review; 含待审核 counts it.
    await expect.poll(() => row.innerText()).toContain('待审核');
    await office.page.getByRole('checkbox', { name: '含待审核' }).check();
    await expect.poll(() => row.innerText()).toContain('40%');
  });

  it('a progress text changed on both PCs is queued side by side; the office keeps 疾控科’s', async () => {
    // A department PC may change only its own entries (sync/authority.ts): the office corrects the
    // entry under review while 疾控科 rewrites it; both edits meet at the office.
    const cdcId = (await callCore(dept, 'system.status', {})).installation!.departmentId!;
    const entry = (text: string) => ({ period: PERIOD, taskId: literacyId, departmentId: cdcId, submit: true, fields: { status: '推进中' as const, percent: 40, progressText: text, problemsText: '', nextStepsText: '' } });
    await callCore(office, 'progress.save', entry('完成全区健康素养监测点布设（办公室校对）。'));
    await callCore(dept, 'progress.save', entry('完成全区健康素养监测点布设，覆盖11个镇街。'));
    const back = await callCore(dept, 'sync.export', { kind: 'return', period: null });
    await callCore(office, 'sync.import', { files: back.files });

    const { page } = office;
    await nav(page, '数据交换');
    await tab(page, '冲突');
    const card = page.getByRole('article', { name: /提升居民健康素养/ });
    await card.waitFor();
    await card.getByRole('region', { name: '疾控科的值' }).getByText('完成全区健康素养监测点布设，覆盖11个镇街。').waitFor();
    await card.getByRole('region', { name: '本机的值' }).getByText('完成全区健康素养监测点布设（办公室校对）。').waitFor();
    await fullShot(office, 'exchange-conflicts');
    await card.getByRole('region', { name: '疾控科的值' }).getByRole('button', { name: '保留此值' }).click();
    await page.getByText('没有冲突').waitFor();
    const sheet = await callCore(office, 'progress.sheet', { period: PERIOD, departmentId: cdcId });
    expect(sheet.tasks.find((t) => t.id === literacyId)!.entry!.progressText).toBe('完成全区健康素养监测点布设，覆盖11个镇街。');
    expect(office.consoleErrors.join('\n')).toBe('');
  });
});
