import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

async function seedPlan() {
  const fake = new FakeLedger();
  const plan = await fake.act('plans.create', { kind: 'work-points', title: '2025年全区卫生健康工作要点', yearFrom: 2025, yearTo: 2025 });
  await fake.act('tasks.create', { planId: plan.id, number: '1', title: '建设区域医疗中心', deadline: '2025年12月底前' });
  return { fake, plan };
}

async function openEditor(planTitle: string): Promise<HTMLElement> {
  const row = screen.getByText('建设区域医疗中心', { selector: '.task-title' }).closest('tr')!;
  fireEvent.click(within(row).getByRole('button', { name: '编辑' }));
  const dialog = await screen.findByRole('dialog', { name: '编辑任务' });
  expect(screen.getByRole('heading', { name: planTitle, level: 1 })).toBeTruthy();
  return dialog;
}

describe('任务的节点目标', () => {
  it('sets a text and a percent per quarter of the task’s year in the task editor, and shows them again', async () => {
    const { fake, plan } = await seedPlan();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: plan.title }));
    await screen.findByRole('heading', { name: plan.title, level: 1 });

    let dialog = await openEditor(plan.title);
    fireEvent.click(within(dialog).getByText('节点目标（可选）'));
    // One row per quarter of 2025, the task's year.
    expect(within(dialog).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['2025年第一季度', '2025年第二季度', '2025年第三季度', '2025年第四季度']);
    fireEvent.change(within(dialog).getByLabelText('2025年第二季度节点目标'), { target: { value: '完成方案' } });
    fireEvent.change(within(dialog).getByLabelText('2025年第二季度完成比例'), { target: { value: '40' } });
    fireEvent.change(within(dialog).getByLabelText('2025年第四季度节点目标'), { target: { value: '建成投用' } });
    fireEvent.change(within(dialog).getByLabelText('2025年第四季度完成比例'), { target: { value: '100' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存任务' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '编辑任务' })).toBeNull());
    expect(fake.planTasks(plan.id)[0]!.milestones).toEqual([
      { period: '2025-Q2', text: '完成方案', percent: 40 },
      { period: '2025-Q4', text: '建成投用', percent: 100 },
    ]);

    // Reopened, the rows show what was saved; a percent out of range is refused next to its row.
    dialog = await openEditor(plan.title);
    expect((within(dialog).getByLabelText('2025年第二季度节点目标') as HTMLInputElement).value).toBe('完成方案');
    expect((within(dialog).getByLabelText('2025年第四季度完成比例') as HTMLInputElement).value).toBe('100');
    fireEvent.change(within(dialog).getByLabelText('2025年第三季度节点目标'), { target: { value: '主体完工' } });
    fireEvent.change(within(dialog).getByLabelText('2025年第三季度完成比例'), { target: { value: '140' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存任务' }));
    const row = (await within(dialog).findByText('节点目标的完成比例应是0到100之间的数字')).closest('tr')!;
    expect(within(row).getByRole('rowheader').textContent).toBe('2025年第三季度');
    expect(within(dialog).getByRole('alert').textContent).toBe('节点目标有误，请按提示修改后再保存');
    expect(fake.planTasks(plan.id)[0]!.milestones).toHaveLength(2);

    // A refusal from the core (the percent falls after Q2's 40%) shows above the rows, and nothing is saved.
    fireEvent.change(within(dialog).getByLabelText('2025年第三季度完成比例'), { target: { value: '30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存任务' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toBe('节点目标的完成比例不能低于之前季度的比例'));
    expect(within(dialog).queryByText('节点目标的完成比例应是0到100之间的数字')).toBeNull();
    expect(fake.planTasks(plan.id)[0]!.milestones).toHaveLength(2);

    // Emptying a quarter's row removes its milestone.
    fireEvent.change(within(dialog).getByLabelText('2025年第三季度节点目标'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('2025年第三季度完成比例'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('2025年第二季度节点目标'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByLabelText('2025年第二季度完成比例'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存任务' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '编辑任务' })).toBeNull());
    expect(fake.planTasks(plan.id)[0]!.milestones).toEqual([{ period: '2025-Q4', text: '建成投用', percent: 100 }]);
  });
});
