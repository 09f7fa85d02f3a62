import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPage, renderApp } from './render-app';
import { fields, seedQuarter, TODAY } from './quarterly-fixtures';

describe('各季度记录', () => {
  it('credits the clerk who wrote the entry, and the office separately for approving it', async () => {
    const { fake, cdc, tasks } = await seedQuarter();
    const entry = await fake.act('progress.save', { taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2025-Q1', fields: fields('完成第一轮接种摸底'), submit: true });
    // The office approves under its own name: the newest change to the entry is now the approval.
    await fake.act('settings.update', { clerkName: '王主任', role: 'reviewer' });
    await fake.act('progress.review', { id: entry.id, decision: 'approve', comment: '' });
    await fake.act('settings.update', { clerkName: '李娟', role: 'clerk' });

    renderApp(fake, { now: () => TODAY });
    await openPage('季度填报');
    const card = await screen.findByRole('article', { name: '第1项任务' });
    fireEvent.click(within(card).getByRole('button', { name: '各季度记录' }));
    const drawer = await screen.findByRole('dialog', { name: '第1项：做好免疫规划工作' });
    const block = within(drawer).getByText('完成第一轮接种摸底').closest('li')!;
    expect(within(block).getByText(/^填报人：李娟/)).toBeTruthy();
    expect(within(block).getByText(/^审核人：王主任/)).toBeTruthy();
    expect(within(block).queryByText(/填报人：王主任/)).toBeNull();
  });
});
