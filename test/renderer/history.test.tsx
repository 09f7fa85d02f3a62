import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../renderer/src/ui/format';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

describe('修改记录', () => {
  it('lists who, when, which field in Chinese, and old → new, with department names for ids', async () => {
    const fake = new FakeLedger();
    const cdc = await fake.act('departments.create', { name: '疾病预防控制科', aliases: [] });
    const medical = await fake.act('departments.create', { name: '医政科', aliases: [] });
    const plan = await fake.act('plans.create', { kind: 'work-points', title: '2025年工作要点' });
    const task = await fake.act('tasks.create', { planId: plan.id, title: '做好传染病防控', leadDepartmentIds: [cdc.id] });
    fake.setClerk('张三');
    await fake.act('tasks.update', { id: task.id, title: '全力做好传染病防控', leadDepartmentIds: [cdc.id, medical.id] });

    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: '2025年工作要点' }));
    const row = (await screen.findByText('全力做好传染病防控', { selector: '.task-title' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '修改记录' }));

    const panel = await screen.findByRole('dialog', { name: '修改记录：任务“全力做好传染病防控”' });
    const items = await within(panel).findAllByRole('listitem');
    const texts = items.map((item) => item.textContent ?? '');

    const renamed = items.find((item) => within(item).queryByText('任务名称'))!;
    expect(within(renamed).getByText('张三')).toBeTruthy();
    expect(within(renamed).getByText('做好传染病防控')).toBeTruthy();
    expect(within(renamed).getByText('全力做好传染病防控')).toBeTruthy();
    expect(renamed.textContent).toMatch(/做好传染病防控\s*→\s*全力做好传染病防控/);

    const leads = items.find((item) => item.textContent?.includes('牵头科室') && item.textContent.includes('张三'))!;
    expect(leads.textContent).toMatch(/疾病预防控制科\s*→\s*疾病预防控制科、医政科/);

    // One entry per save, newest first; the task was created before a clerk name was set.
    const groups = within(panel).getByRole('list', { name: '修改记录' }).children;
    expect(groups).toHaveLength(2);
    expect(groups[0]!.textContent).toContain('张三');
    expect(groups[0]!.textContent).toContain('修改');
    expect(groups[1]!.textContent).toContain('未署名');
    expect(groups[1]!.textContent).toContain('新建');
    expect(groups[1]!.textContent).toMatch(/任务名称：?做好传染病防控/);
    expect(texts.some((text) => text.includes('未署名'))).toBe(true);
    // No raw column names, no bookkeeping columns.
    expect(texts.join('\n')).not.toMatch(/lead_department_ids|plan_id|sort_order|title/);

    const entries = await fake.act('history.record', { table: 'tasks', id: task.id });
    const last = entries[entries.length - 1]!;
    expect(within(items[0]!).getByText(formatDateTime(last.at))).toBeTruthy();
    expect(formatDateTime(last.at)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a department alias change, an empty old value as （空）', async () => {
    const fake = new FakeLedger();
    await fake.act('departments.create', { name: '基层卫生科', aliases: [] });
    const old = await fake.act('departments.create', { name: '老科室', aliases: [] });
    fake.setClerk('李四');
    await fake.act('departments.update', { id: old.id, aliases: ['旧科室'] });
    renderApp(fake);
    await openPage('设置');
    const table = await screen.findByRole('table', { name: '科室列表' });
    fireEvent.click(within(within(table).getByText('老科室').closest('tr')!).getByRole('button', { name: '修改记录' }));
    const panel = await screen.findByRole('dialog', { name: '修改记录：科室“老科室”' });
    const items = await within(panel).findAllByRole('listitem');
    expect(items[0]!.textContent).toMatch(/李四.*别名.*（空）\s*→\s*旧科室/);
    expect(items.some((item) => /科室名称.*老科室/.test(item.textContent ?? ''))).toBe(true);
  });
});

describe('修改记录 opened outside 计划与任务', () => {
  it('names the task’s section from its own plan, not “已删除的章节”', async () => {
    const fake = new FakeLedger();
    const cdc = await fake.act('departments.create', { name: '疾病预防控制科', aliases: [] });
    const plan = await fake.act('plans.create', { kind: 'work-points', title: '2025年工作要点' });
    const section = await fake.act('sections.create', { planId: plan.id, label: '一、', title: '推进健康渝北建设' });
    const task = await fake.act('tasks.create', { planId: plan.id, sectionId: section.id, title: '做好传染病防控', leadDepartmentIds: [cdc.id] });
    const { store } = renderApp(fake);
    await openPage('总览');
    // As the task drawer of 任务台账 opens it: no plan page was visited.
    await act(() => store.getState().openHistory({ table: 'tasks', id: task.id, title: '任务“做好传染病防控”' }));
    const panel = await screen.findByRole('dialog', { name: '修改记录：任务“做好传染病防控”' });
    expect(await within(panel).findByText(/一、 推进健康渝北建设/)).toBeTruthy();
    expect(panel.textContent).not.toContain('已删除的章节');
  });
});
