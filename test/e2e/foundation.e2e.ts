import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

/** A clerk's first day: set up the PC, add a department, create a plan and a task, edit it, reload, check history. */
describe('foundation, in Chromium against the browser host', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets up the PC on first start', async () => {
    const { page } = app;
    await expect.poll(() => page.getByLabel('单位名称').isVisible()).toBe(true);
    await app.screenshot('01-setup');
    await page.getByLabel('单位名称').fill('渝北区卫生健康委');
    await page.getByRole('button', { name: '开始使用' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    for (const label of ['总览', '任务台账', '计划与任务', '指标', '季度填报', '各单位对比', '导入计划', '数据交换', '报表', '设置']) {
      await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label }).isVisible()).resolves.toBe(true);
    }
  });

  it('adds a department with an alias in 设置', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('填报人').fill('王小明');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('填报人：王小明').waitFor();
    await page.getByLabel('科室名称').fill('疾病预防控制科');
    await page.getByLabel('科室别名').fill('疾控科');
    await page.getByRole('button', { name: '添加科室' }).click();
    const departments = page.getByRole('table', { name: '科室列表' });
    await departments.getByText('疾病预防控制科').waitFor();
    await expect(departments.getByText('疾控科').isVisible()).resolves.toBe(true);
    // A clash is explained in Chinese and saves nothing.
    await page.getByLabel('科室名称').fill('疾控科');
    await page.getByRole('button', { name: '添加科室' }).click();
    await page.getByText('“疾控科”已是科室“疾病预防控制科”的别名').first().waitFor();
    await app.screenshot('02-settings');
  });

  it('creates a plan and a task with a lead department, then edits the task', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '计划与任务' }).click();
    await page.getByRole('button', { name: '新建计划' }).first().click();
    await page.getByLabel('计划标题').fill('2025年全区卫生健康工作要点');
    await page.getByRole('button', { name: '创建计划' }).click();
    await page.getByRole('heading', { name: '2025年全区卫生健康工作要点' }).waitFor();

    await page.getByRole('button', { name: '新增任务' }).first().click();
    await page.getByLabel('序号').fill('1');
    await page.getByLabel('任务名称').fill('强化疫情防控能力建设');
    await page.getByRole('checkbox', { name: '疾病预防控制科' }).check();
    await page.getByRole('button', { name: '保存任务' }).click();
    const row = page.getByRole('row', { name: /强化疫情防控能力建设/ });
    await row.waitFor();
    await expect(row.getByText('疾病预防控制科').isVisible()).resolves.toBe(true);

    await row.getByRole('button', { name: '编辑' }).click();
    await page.getByLabel('任务名称').fill('强化传染病监测预警能力建设');
    await page.getByRole('button', { name: '保存任务' }).click();
    await page.getByRole('row', { name: /强化传染病监测预警能力建设/ }).waitFor();
    await app.screenshot('03-plan-view');
  });

  it('keeps everything after a reload, and the history shows both edits', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '计划与任务' }).click();
    await page.getByRole('button', { name: '2025年全区卫生健康工作要点' }).click();
    const row = page.getByRole('row', { name: /强化传染病监测预警能力建设/ });
    await row.waitFor();
    await expect(row.getByText('疾病预防控制科').isVisible()).resolves.toBe(true);

    await row.getByRole('button', { name: '修改记录' }).click();
    const history = page.getByRole('dialog', { name: /修改记录/ });
    await history.waitFor();
    await history.getByText('强化疫情防控能力建设').first().waitFor();
    const text = await history.innerText();
    expect(text).toContain('强化传染病监测预警能力建设');
    expect(text).toContain('王小明');
    expect(text).toContain('任务名称');
    await app.screenshot('04-history');
    await page.keyboard.press('Escape');

    // The department's creation is in its own history too.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '设置' }).click();
    await page.getByRole('table', { name: '科室列表' }).getByRole('row', { name: /疾病预防控制科/ }).getByRole('button', { name: '修改记录' }).click();
    const deptHistory = page.getByRole('dialog', { name: /修改记录/ });
    await deptHistory.getByText('疾控科').first().waitFor();
    expect(await deptHistory.innerText()).toContain('王小明');
  });

  it('the edit made in the UI is in the canonical dump', async () => {
    const dump = await app.client.invoke('system.dump', {});
    expect(dump.ok).toBe(true);
    if (!dump.ok) return;
    const parsed = JSON.parse(dump.value) as { tables: { tasks: { title: string; lead_department_ids: string[] }[]; departments: { id: string; name: string }[] }; changes: { col: string; value: unknown; actor: string }[] };
    const department = parsed.tables.departments.find((d) => d.name === '疾病预防控制科')!;
    expect(parsed.tables.tasks).toEqual([expect.objectContaining({ title: '强化传染病监测预警能力建设', lead_department_ids: [department.id] })]);
    expect(parsed.changes).toContainEqual(expect.objectContaining({ col: 'title', value: '强化传染病监测预警能力建设', actor: '王小明' }));
  });

  it('logged no errors in the page', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
