import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPage, renderApp } from './render-app';
import { fields, seedQuarter, TODAY } from './quarterly-fixtures';

async function seedGrid() {
  const seeded = await seedQuarter();
  const { fake, plan, cdc } = seeded;
  const mortality = fake.addIndicator({ planId: plan.id, departmentId: cdc.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', targetValue: 10, targetYear: 2025, baselineValue: 12, baselineYear: 2020, valueKind: 'rate' });
  const signing = fake.addIndicator({ planId: plan.id, departmentId: cdc.id, name: '家庭医生签约率', unit: '%', comparator: '>=', targetValue: 75, targetYear: 2025, valueKind: 'proportion' });
  await fake.act('indicators.setValue', { indicatorId: mortality, period: '2025-Q1', value: 9 });
  return { ...seeded, mortality, signing };
}

function row(name: string): HTMLElement {
  return screen.getByText(name, { selector: '.grid-name' }).closest('tr')!;
}

describe('指标', () => {
  it('lists indicators with unit, direction, baseline and target, and one column per quarter', async () => {
    const { fake } = await seedGrid();
    renderApp(fake, { now: () => TODAY });
    await openPage('指标');
    const table = await screen.findByRole('table', { name: '指标数值' });
    const headers = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['指标', '单位', '方向', '基数', '目标', '2025年一季度', '2025年二季度', '2025年三季度', '2025年四季度', '类型']);
    const cells = [...row('孕产妇死亡率').querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 5)).toEqual(['/10万', '↓越低越好', '12（2020年）', '≤10（2025年）', '9']);
    const q1 = within(row('孕产妇死亡率')).getByRole('button', { name: /孕产妇死亡率 2025年一季度：9/ });
    expect(q1.closest('td')!.className).toContain('grid-cell-green');
    expect(q1.getAttribute('title')).toBe('绿灯：孕产妇死亡率 9/10万，控制在目标10/10万以内（越低越好）');
  });

  it('edits a value in place: Enter saves, Esc cancels, and the rule is checked', async () => {
    const { fake, signing } = await seedGrid();
    renderApp(fake, { now: () => TODAY });
    await openPage('指标');
    await screen.findByRole('table', { name: '指标数值' });
    const line = () => row('家庭医生签约率');
    fireEvent.click(within(line()).getByRole('button', { name: /家庭医生签约率 2025年二季度/ }));
    let input = within(line()).getByRole('textbox', { name: /家庭医生签约率 2025年二季度/ });
    fireEvent.change(input, { target: { value: '105' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await within(line()).findByRole('alert')).textContent).toContain('该指标是比例（单位%），数值应在0到100之间');
    expect(fake.callsNamed('indicators.setValue')).toHaveLength(1);

    fireEvent.change(input, { target: { value: '60' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(fake.callsNamed('indicators.setValue')).toHaveLength(2));
    expect(fake.callsNamed('indicators.setValue')[1]).toEqual({ indicatorId: signing, period: '2025-Q2', value: 60, note: '' });
    const cell = await within(line()).findByRole('button', { name: /家庭医生签约率 2025年二季度：60/ });
    expect(cell.closest('td')!.className).toContain('grid-cell-red');
    await waitFor(() => expect(document.activeElement).toBe(cell));

    // Esc leaves the value as it was.
    fireEvent.keyDown(cell, { key: '7' });
    input = within(line()).getByRole('textbox', { name: /家庭医生签约率 2025年二季度/ });
    expect((input as HTMLInputElement).value).toBe('7');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(within(line()).getByRole('button', { name: /家庭医生签约率 2025年二季度：60/ })).toBeTruthy();
    expect(fake.callsNamed('indicators.setValue')).toHaveLength(2);
  });

  it('changes the kind of an indicator, explaining what each kind checks', async () => {
    const { fake, signing } = await seedGrid();
    renderApp(fake, { now: () => TODAY });
    await openPage('指标');
    await screen.findByRole('table', { name: '指标数值' });
    fireEvent.click(screen.getByRole('button', { name: '修改家庭医生签约率的指标类型' }));
    const dialog = await screen.findByRole('dialog', { name: '指标类型：家庭医生签约率' });
    expect(within(dialog).getByText(/数值应在0到100之间/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('指标类型'), { target: { value: 'growth' } });
    expect(within(dialog).getByText(/数值可以为负数/)).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText(/累计值/));
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fake.callsNamed('indicators.update')).toEqual([{ id: signing, valueKind: 'growth', accumulation: 'cumulative' }]));
    expect(await within(row('家庭医生签约率')).findByText('累计值')).toBeTruthy();
  });

  it('a five-year plan has a column per year', async () => {
    const { fake, cdc } = await seedQuarter();
    const plan = await fake.act('plans.create', { kind: 'five-year-plan', title: '卫生健康事业发展“十四五”规划', yearFrom: 2021, yearTo: 2025 });
    fake.addIndicator({ planId: plan.id, departmentId: cdc.id, name: '人均预期寿命', unit: '岁', comparator: '>=', targetValue: 80, valueKind: 'other' });
    renderApp(fake, { now: () => TODAY });
    await openPage('指标');
    await screen.findByRole('table', { name: '指标数值' });
    fireEvent.change(screen.getByLabelText('计划'), { target: { value: plan.id } });
    await waitFor(() => expect(screen.getAllByRole('columnheader').map((th) => th.textContent)).toContain('2021年'));
    expect(screen.queryByLabelText('年度')).toBeNull();
    expect(screen.getAllByRole('columnheader').filter((th) => /年$/.test(th.textContent ?? ''))).toHaveLength(5);
  });
});

describe('任务进展抽屉 and year end', () => {
  it('任务台账 opens a drawer with every quarter of a task per department, and its change records', async () => {
    const { fake, cdc, tasks, plan } = await seedQuarter();
    await fake.act('progress.save', { taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2024-Q4', fields: fields('去年的进展'), submit: true });
    await fake.act('progress.save', { taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2025-Q1', fields: fields('今年的进展', { status: '已完成', percent: 100 }), submit: true });
    renderApp(fake, { now: () => TODAY });
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    fireEvent.click(await screen.findByRole('button', { name: '查看“做好免疫规划工作”的季度进展' }));
    const drawer = await screen.findByRole('dialog', { name: '第1项：做好免疫规划工作' });
    const quarters = await within(drawer).findAllByRole('region');
    expect(quarters.map((q) => q.getAttribute('aria-label'))).toEqual(['2025年第一季度', '2024年第四季度']);
    expect(within(quarters[0]!).getByText('今年的进展')).toBeTruthy();
    expect(within(quarters[0]!).getByText(/已完成 · 完成100%/)).toBeTruthy();
    expect(within(quarters[0]!).getByText('已提交')).toBeTruthy();
    expect(within(quarters[0]!).getByText('“做好免疫规划工作”已完成')).toBeTruthy();

    fireEvent.click(within(quarters[0]!).getByRole('button', { name: '修改记录' }));
    const history = await screen.findByRole('dialog', { name: '修改记录：疾病预防控制科2025年第一季度进展' });
    expect(await within(history).findByText('进展情况')).toBeTruthy();
    expect(within(history).getByText('已提交')).toBeTruthy();
  });

  it('结转未完成任务 preselects what is not done and carries it over', async () => {
    const { fake, cdc, tasks, plan } = await seedQuarter();
    fake.setToday('2026-01-10T02:00:00Z');
    await fake.act('progress.save', { taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2025-Q4', fields: fields('全部完成', { status: '已完成' }), submit: true });
    await fake.act('progress.save', { taskId: tasks.outbreaks.id, departmentId: cdc.id, period: '2025-Q4', fields: fields('继续推进') }, );
    renderApp(fake, { now: () => new Date(2026, 0, 10) });
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    fireEvent.click(await screen.findByRole('button', { name: '结转未完成任务' }));
    const dialog = await screen.findByRole('dialog', { name: '结转未完成任务' });
    const list = await within(dialog).findByRole('list', { name: '要结转的任务' });
    const ticked = within(list)
      .getAllByRole('checkbox')
      .map((box) => [(box.closest('label')!.querySelector('.carry-title')!.textContent), (box as HTMLInputElement).checked]);
    expect(ticked).toEqual([
      ['做好免疫规划工作', false],
      ['做好传染病防控', true],
      ['开展慢性病筛查', true],
      ['改善医疗服务', true],
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: '结转 3 项任务' }));
    expect(await screen.findByText('已结转 3 项未完成任务')).toBeTruthy();
    expect(fake.callsNamed('plans.carryOver')).toEqual([{ fromPlanId: plan.id, toPlanId: null, taskIds: [tasks.outbreaks.id, tasks.screening.id, tasks.hospitals.id] }]);
    expect((await fake.act('plans.list', {})).map((p) => p.title)).toContain('2026年全区卫生健康工作要点');
  });
});
