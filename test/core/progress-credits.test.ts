import { describe, expect, it } from 'vitest';
import { fields, quarterFixture } from './progress-fixture';

describe('各季度记录 credits', () => {
  it('names who wrote an entry and, apart, who approved or returned it (the approval is the newest change)', async () => {
    const f = await quarterFixture();
    const key = { departmentId: f.cdc.id, period: '2025-Q1' };
    await f.t.call('progress.save', { ...key, taskId: f.literacy.id, fields: fields(), submit: true });
    await f.t.call('progress.save', { ...key, taskId: f.chronic.id, fields: fields(), submit: true });
    const sheet = await f.t.call('progress.sheet', key);
    const idOf = (taskId: string) => sheet.tasks.find((t) => t.id === taskId)!.entry!.id;

    await f.t.call('settings.update', { clerkName: '王主任', role: 'reviewer' });
    f.setToday('2025-04-22');
    await f.t.call('progress.review', { id: idOf(f.literacy.id), decision: 'approve', comment: '' });
    await f.t.call('progress.review', { id: idOf(f.chronic.id), decision: 'return', comment: '请补充数据' });

    const byTask = async () => {
      const detail = await f.t.call('progress.taskDetail', { taskId: f.literacy.id });
      const other = await f.t.call('progress.taskDetail', { taskId: f.chronic.id });
      return { approved: detail.entries[0]!, returned: other.entries.find((e) => e.departmentId === f.cdc.id)! };
    };
    let { approved, returned } = await byTask();
    // The bug this guards against: the newest change is the approval, by the office.
    expect(approved.updatedBy).toBe('王主任');
    expect(approved).toMatchObject({ writtenBy: '张三', reviewedBy: '王主任', workflowState: 'approved' });
    expect(approved.writtenAt!.slice(0, 10)).toBe('2025-04-20');
    expect(approved.reviewedAt!.slice(0, 10)).toBe('2025-04-22');
    expect(returned).toMatchObject({ writtenBy: '张三', reviewedBy: '王主任', workflowState: 'returned' });

    // Corrected and sent again by another clerk: a new author, and the old return no longer stands.
    await f.t.call('settings.update', { clerkName: '李四', role: 'clerk' });
    await f.t.call('progress.save', { ...key, taskId: f.chronic.id, fields: fields({ progressText: '补充了数据' }), submit: true });
    ({ approved, returned } = await byTask());
    expect(returned).toMatchObject({ writtenBy: '李四', reviewedBy: null, reviewedAt: null, workflowState: 'submitted' });
    expect(approved.writtenBy).toBe('张三');
    f.t.close();
  });
});
