import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

async function seed() {
  const fake = new FakeLedger();
  const cdc = await fake.act('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
  const medical = await fake.act('departments.create', { name: '医政科', aliases: [] });
  await fake.act('units.create', { name: '区疾病预防控制中心', aliases: [] });
  return { fake, cdc, medical };
}

async function seedPlan() {
  const seeded = await seed();
  const plan = await seeded.fake.act('plans.create', { kind: 'work-points', title: '2025年全区卫生健康工作要点', yearFrom: 2025, yearTo: 2025 });
  const section = await seeded.fake.act('sections.create', { planId: plan.id, label: '一、', title: '加强公共卫生体系建设' });
  const task = await seeded.fake.act('tasks.create', {
    planId: plan.id,
    sectionId: section.id,
    number: '1',
    title: '做好传染病防控',
    leadDepartmentIds: [seeded.cdc.id],
    responsibleUnits: ['区疾病预防控制中心'],
    deadline: '2025年12月底前',
  });
  return { ...seeded, plan, section, task };
}

function taskRow(title: string): HTMLElement {
  return screen.getByText(title, { selector: '.task-title' }).closest('tr')!;
}

describe('计划与任务', () => {
  it('says what to do when there is no plan, creates one and opens it', async () => {
    const { fake } = await seed();
    renderApp(fake);
    await openPage('计划与任务');
    expect(await screen.findByText('还没有计划')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '新建计划' }));
    const dialog = await screen.findByRole('dialog', { name: '新建计划' });
    fireEvent.change(within(dialog).getByLabelText('计划标题'), { target: { value: '2025年全区卫生健康工作要点' } });
    fireEvent.change(within(dialog).getByLabelText('起始年份'), { target: { value: '2025' } });
    fireEvent.change(within(dialog).getByLabelText('结束年份'), { target: { value: '2025' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '创建计划' }));

    expect(await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 })).toBeTruthy();
    expect(screen.getByText('工作要点')).toBeTruthy();
    expect(screen.getByText('这个计划还没有内容')).toBeTruthy();
    expect(fake.callsNamed('plans.create')).toEqual([
      { title: '2025年全区卫生健康工作要点', kind: 'work-points', yearFrom: 2025, yearTo: 2025, docNumber: null, issuer: null, issuedOn: null },
    ]);
  });

  it('refuses a year that is not a number before calling the core', async () => {
    const { fake } = await seed();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: '新建计划' }));
    const dialog = await screen.findByRole('dialog', { name: '新建计划' });
    fireEvent.change(within(dialog).getByLabelText('计划标题'), { target: { value: '十四五卫生健康规划' } });
    fireEvent.change(within(dialog).getByLabelText('起始年份'), { target: { value: '二〇二一' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '创建计划' }));
    expect(await within(dialog).findByText('年份应为四位数字，例如 2025')).toBeTruthy();
    expect(fake.callsNamed('plans.create')).toHaveLength(0);
  });

  it('creates a task with a lead department picked by alias and shows it in the plan view', async () => {
    const { fake, plan } = await seedPlan();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    await screen.findByRole('heading', { name: plan.title, level: 1 });

    fireEvent.click(screen.getByRole('button', { name: '新增任务' }));
    const dialog = await screen.findByRole('dialog', { name: '新增任务' });
    expect((within(dialog).getByLabelText('序号') as HTMLInputElement).value).toBe('2');
    fireEvent.change(within(dialog).getByLabelText('任务名称'), { target: { value: '推进家庭医生签约服务' } });
    fireEvent.change(within(dialog).getByLabelText('任务内容'), { target: { value: '重点人群签约率达到75%以上。' } });
    fireEvent.change(within(dialog).getByLabelText('所属章节'), { target: { value: (await fake.act('plans.get', { id: plan.id })).sections[0]!.id } });

    // Search by alias: only the matching department stays in the picker.
    const picker = within(dialog).getByRole('group', { name: '牵头科室' });
    fireEvent.change(within(picker).getByLabelText('搜索科室'), { target: { value: '疾控' } });
    expect(within(picker).queryByLabelText('医政科')).toBeNull();
    fireEvent.click(within(picker).getByLabelText('疾病预防控制科'));
    expect(within(picker).getByRole('button', { name: '移除牵头科室 疾病预防控制科' })).toBeTruthy();

    const units = within(dialog).getByLabelText('责任单位');
    fireEvent.change(units, { target: { value: '区疾病预防控制中心、各镇街' } });
    fireEvent.change(units, { target: { value: '各镇街' } });
    fireEvent.change(within(dialog).getByLabelText('完成时限'), { target: { value: '2025年12月底前' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存任务' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = taskRow('推进家庭医生签约服务');
    expect(within(row).getByText('2')).toBeTruthy();
    expect(within(row).getByText('疾病预防控制科')).toBeTruthy();
    expect(within(row).getByText('区疾病预防控制中心、各镇街')).toBeTruthy();
    expect(within(row).getByText('2025年12月底前')).toBeTruthy();
    // The new task sits in its section, after the first one.
    const section = screen.getByRole('region', { name: '一、 加强公共卫生体系建设' });
    const titles = within(section)
      .getAllByText(/./, { selector: '.task-title' })
      .map((el) => el.textContent);
    expect(titles).toEqual(['做好传染病防控', '推进家庭医生签约服务']);
  });

  it('shows the lead department error from the core next to the picker', async () => {
    const { fake, plan, cdc } = await seedPlan();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    await screen.findByRole('heading', { name: plan.title, level: 1 });
    fireEvent.click(screen.getByRole('button', { name: '新增任务' }));
    const dialog = await screen.findByRole('dialog', { name: '新增任务' });
    fireEvent.change(within(dialog).getByLabelText('任务名称'), { target: { value: '新任务' } });
    fireEvent.click(within(dialog).getByLabelText('疾病预防控制科'));
    // Someone deletes the department while the form is open.
    await fake.act('departments.delete', { id: cdc.id });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存任务' }));
    const picker = within(dialog).getByRole('group', { name: '牵头科室' });
    expect(await within(picker).findByText('所选牵头科室不存在')).toBeTruthy();
  });

  it('asks before deleting a task: 取消 keeps it, 删除 removes it', async () => {
    const { fake, plan } = await seedPlan();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    await screen.findByRole('heading', { name: plan.title, level: 1 });

    fireEvent.click(within(taskRow('做好传染病防控')).getByRole('button', { name: '删除' }));
    let dialog = await screen.findByRole('alertdialog', { name: '确认删除' });
    expect(within(dialog).getByText(/任务“做好传染病防控”/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(taskRow('做好传染病防控')).toBeTruthy();
    expect(fake.callsNamed('tasks.delete')).toHaveLength(0);

    // Esc also cancels.
    fireEvent.click(within(taskRow('做好传染病防控')).getByRole('button', { name: '删除' }));
    await screen.findByRole('alertdialog', { name: '确认删除' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(fake.callsNamed('tasks.delete')).toHaveLength(0);

    fireEvent.click(within(taskRow('做好传染病防控')).getByRole('button', { name: '删除' }));
    dialog = await screen.findByRole('alertdialog', { name: '确认删除' });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.queryByText('做好传染病防控', { selector: '.task-title' })).toBeNull());
    expect(fake.callsNamed('tasks.delete')).toHaveLength(1);
    expect(screen.getByText('本章节暂无任务，点“添加本章任务”录入。')).toBeTruthy();
  });

  it('shows sections as a tree and adds a subsection', async () => {
    const { fake, plan } = await seedPlan();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    await screen.findByRole('heading', { name: plan.title, level: 1 });

    fireEvent.click(screen.getByRole('button', { name: '新增章节' }));
    const dialog = await screen.findByRole('dialog', { name: '新增章节' });
    fireEvent.change(within(dialog).getByLabelText('章节序号'), { target: { value: '（一）' } });
    fireEvent.change(within(dialog).getByLabelText('章节标题'), { target: { value: '完善疾病预防控制体系' } });
    const parent = within(dialog).getByLabelText('上级章节') as HTMLSelectElement;
    const option = [...parent.options].find((o) => o.textContent?.includes('加强公共卫生体系建设'))!;
    fireEvent.change(parent, { target: { value: option.value } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    const sub = await screen.findByRole('region', { name: '（一） 完善疾病预防控制体系' });
    expect(sub.className).toContain('section-depth-1');
    expect(within(sub).getByRole('heading', { level: 4 })).toBeTruthy();
  });

  it('refreshes the open plan when another window changes it', async () => {
    const { fake, plan, section } = await seedPlan();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    await screen.findByRole('heading', { name: plan.title, level: 1 });
    await fake.act('tasks.create', { planId: plan.id, sectionId: section.id, title: '另一台电脑录入的任务' });
    expect(await screen.findByText('另一台电脑录入的任务')).toBeTruthy();
  });
});
