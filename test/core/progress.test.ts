import { describe, expect, it } from 'vitest';
import { progressReportId } from '../../electron/core/ids';
import { changeCount, fields, localNoon, quarterFixture } from './progress-fixture';

describe('quarterly entry sheet', () => {
  it('lists the department’s own tasks in plan order with entry, previous quarter, draft and light', async () => {
    const f = await quarterFixture({ today: '2025-05-10' });
    // Plans by starting year, newest first (the 2024–2026 plan after the 2025 one, whatever its title); a plan of
    // another year is not part of this quarter.
    const special = await f.t.call('plans.create', { kind: 'implementation-plan', title: '2024年慢病专项行动方案', yearFrom: 2024, yearTo: 2026 });
    const older = await f.t.call('plans.create', { kind: 'work-points', title: '2024年工作要点', yearFrom: 2024, yearTo: 2024 });
    const action = await f.t.call('tasks.create', { planId: special.id, number: '1', title: '建设慢病管理中心', leadDepartmentIds: [f.cdc.id] });
    await f.t.call('tasks.create', { planId: older.id, number: '1', title: '去年的任务', leadDepartmentIds: [f.cdc.id] });
    await f.t.call('progress.save', { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q1', fields: fields({ percent: 20 }), submit: true });
    await f.t.call('progress.saveDraft', { taskId: f.chronic.id, departmentId: f.cdc.id, period: '2025-Q2', fields: { progressText: '正在写' } });

    const sheet = await f.t.call('progress.sheet', { period: '2025-Q2', departmentId: f.cdc.id });
    expect(sheet.departmentName).toBe('疾控科');
    expect(sheet.tasks.map((task) => task.title)).toEqual(['提升居民健康素养', '推进慢病防控', '建设慢病管理中心']);
    expect(sheet.tasks.map((task) => task.id)).toEqual([f.literacy.id, f.chronic.id, action.id]);
    const [literacy, chronic] = sheet.tasks;
    expect(literacy).toMatchObject({ planTitle: f.plan.title, sectionTitle: '推进健康渝北建设', number: '1', deadline: '2025年12月底', entry: null, draft: null });
    expect(literacy!.previous).toMatchObject({ id: progressReportId(f.literacy.id, f.cdc.id, '2025-Q1'), period: '2025-Q1', percent: 20, workflowState: 'submitted' });
    expect(chronic!.draft).toMatchObject({ progressText: '正在写' });
    // No entry for Q2 yet, and by 10 May about 36% of the year has passed: not started is red.
    expect(literacy!.light.color).toBe('red');
    expect(literacy!.light.reason).toContain('尚未启动');

    const other = await f.t.call('progress.sheet', { period: '2025-Q2', departmentId: f.mch.id });
    expect(other.tasks.map((task) => task.title)).toEqual(['保障母婴安全']);
    f.t.close();
  });

  it('the light follows the saved entry: on pace is green, far behind is red', async () => {
    const f = await quarterFixture({ today: '2025-07-05' });
    await f.t.call('progress.save', { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2', fields: fields({ percent: 50 }), submit: false });
    await f.t.call('progress.save', { taskId: f.chronic.id, departmentId: f.cdc.id, period: '2025-Q2', fields: fields({ percent: 10 }), submit: false });
    const sheet = await f.t.call('progress.sheet', { period: '2025-Q2', departmentId: f.cdc.id });
    const byId = new Map(sheet.tasks.map((task) => [task.id, task.light]));
    expect(byId.get(f.literacy.id)).toEqual({ color: 'green', reason: '“提升居民健康素养”完成50%，符合序时进度50%' });
    expect(byId.get(f.chronic.id)?.color).toBe('red');
    expect(byId.get(f.chronic.id)?.reason).toContain('落后于序时进度50%');
    f.t.close();
  });

  it('refuses an unknown department', async () => {
    const f = await quarterFixture();
    const result = await f.t.raw('progress.sheet', { period: '2025-Q1', departmentId: '0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该科室，可能已被删除' } });
    f.t.close();
  });
});

describe('drafts', () => {
  it('are local: merged field by field, never in the change log or the dump', async () => {
    const f = await quarterFixture();
    const before = changeCount(f.t);
    const key = { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2' };
    const first = await f.t.call('progress.saveDraft', { ...key, fields: { progressText: '第一段进展', status: '推进中' } });
    expect(first).toEqual({ progressText: '第一段进展', status: '推进中', savedAt: new Date(localNoon('2025-04-20')).toISOString() });
    f.setToday('2025-04-21');
    const second = await f.t.call('progress.saveDraft', { ...key, fields: { problemsText: '经费不足' } });
    expect(second).toEqual({ progressText: '第一段进展', status: '推进中', problemsText: '经费不足', savedAt: new Date(localNoon('2025-04-21')).toISOString() });
    expect(changeCount(f.t)).toBe(before);
    expect(await f.t.call('system.dump', {})).not.toContain('第一段进展');
    const sheet = await f.t.call('progress.sheet', { period: '2025-Q2', departmentId: f.cdc.id });
    expect(sheet.tasks[0]!.draft).toEqual(second);
    f.t.close();
  });

  it('refuse a task the department does not lead', async () => {
    const f = await quarterFixture();
    const result = await f.t.raw('progress.saveDraft', { taskId: f.maternal.id, departmentId: f.cdc.id, period: '2025-Q2', fields: { progressText: 'x' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    f.t.close();
  });
});

describe('saving an entry', () => {
  it('writes through the change log with a derived id, stamps who and when, and clears the draft', async () => {
    const f = await quarterFixture();
    const key = { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2' };
    await f.t.call('progress.saveDraft', { ...key, fields: { progressText: '草稿' } });
    const before = changeCount(f.t);
    const entry = await f.t.call('progress.save', { ...key, fields: fields(), submit: false });
    expect(entry).toMatchObject({ id: progressReportId(f.literacy.id, f.cdc.id, '2025-Q2'), workflowState: 'draft', status: '推进中', percent: 30, updatedBy: '张三', attachments: [] });
    expect(entry.updatedAt).toBe(new Date(localNoon('2025-04-20')).toISOString());
    expect(changeCount(f.t)).toBeGreaterThan(before);
    const history = await f.t.call('history.record', { table: 'progress_reports', id: entry.id });
    expect(history.find((h) => h.column === 'progress_text')?.newValue).toBe(fields().progressText);
    const sheet = await f.t.call('progress.sheet', { period: '2025-Q2', departmentId: f.cdc.id });
    expect(sheet.tasks[0]!.draft).toBeNull();
    expect(sheet.tasks[0]!.entry?.id).toBe(entry.id);

    const submitted = await f.t.call('progress.save', { ...key, fields: fields({ percent: 40 }), submit: true });
    expect(submitted).toMatchObject({ workflowState: 'submitted', percent: 40 });
    f.t.close();
  });

  it('refuses a missing task, a department that does not lead it, and writes nothing', async () => {
    const f = await quarterFixture();
    const before = changeCount(f.t);
    const missing = await f.t.raw('progress.save', { taskId: '0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b', departmentId: f.cdc.id, period: '2025-Q2', fields: fields() });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该任务，可能已被删除' } });
    const wrong = await f.t.raw('progress.save', { taskId: f.maternal.id, departmentId: f.cdc.id, period: '2025-Q2', fields: fields() });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '任务“保障母婴安全”不由疾控科牵头，不能由该科室填报' } });
    const badPercent = await f.t.raw('progress.save', { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2', fields: fields({ percent: 120 }) });
    expect(badPercent).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '完成百分比不能超过100' } });
    expect(changeCount(f.t)).toBe(before);
    f.t.close();
  });
});

describe('review', () => {
  async function submitted() {
    const f = await quarterFixture();
    const key = { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2' };
    const draft = await f.t.call('progress.save', { ...key, fields: fields(), submit: false });
    return { f, key, id: draft.id };
  }

  it('needs the reviewer role, set in 设置', async () => {
    const { f, key, id } = await submitted();
    await f.t.call('progress.save', { ...key, fields: fields(), submit: true });
    const refused = await f.t.raw('progress.review', { id, decision: 'approve' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/设置.*审核员/);
    await f.t.call('settings.update', { role: 'reviewer' });
    expect((await f.t.call('progress.review', { id, decision: 'approve' })).workflowState).toBe('approved');
    f.t.close();
  });

  it('refuses to approve a draft and to return without a reason', async () => {
    const { f, key, id } = await submitted();
    await f.t.call('settings.update', { role: 'reviewer' });
    const draft = await f.t.raw('progress.review', { id, decision: 'approve' });
    expect(draft).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该进展还是草稿，尚未提交，不能审核通过' } });
    await f.t.call('progress.save', { ...key, fields: fields(), submit: true });
    const noReason = await f.t.raw('progress.review', { id, decision: 'return', comment: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { comment: '退回时请写明原因' } } });
    f.t.close();
  });

  it('return → edit stays returned → resubmit → approve locks → unlock is recorded in history', async () => {
    const { f, key, id } = await submitted();
    await f.t.call('settings.update', { role: 'reviewer' });
    await f.t.call('progress.save', { ...key, fields: fields(), submit: true });
    const returned = await f.t.call('progress.review', { id, decision: 'return', comment: '进展过于简单，请补充具体数据' });
    expect(returned).toMatchObject({ workflowState: 'returned', reviewComment: '进展过于简单，请补充具体数据' });
    const twice = await f.t.raw('progress.review', { id, decision: 'return', comment: '再退' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const edited = await f.t.call('progress.save', { ...key, fields: fields({ progressText: '已监测2400户，素养水平28.1%' }), submit: false });
    expect(edited.workflowState).toBe('returned');
    const resent = await f.t.call('progress.save', { ...key, fields: fields({ progressText: '已监测2400户，素养水平28.1%' }), submit: true });
    expect(resent.workflowState).toBe('submitted');
    const approved = await f.t.call('progress.review', { id, decision: 'approve' });
    expect(approved.workflowState).toBe('approved');

    const locked = await f.t.raw('progress.save', { ...key, fields: fields(), submit: true });
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED', message: '该进展已审核锁定，如需修改请由办公室解锁' } });

    await f.t.call('settings.update', { clerkName: '办公室王五' });
    const unlocked = await f.t.call('progress.unlock', { id, reason: '数据口径调整' });
    expect(unlocked).toMatchObject({ workflowState: 'returned', reviewComment: '解锁：数据口径调整', updatedBy: '办公室王五' });
    const history = await f.t.call('history.record', { table: 'progress_reports', id });
    const states = history.filter((h) => h.column === 'workflow_state').map((h) => [h.oldValue, h.newValue]);
    expect(states).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
      ['submitted', 'returned'],
      ['returned', 'submitted'],
      ['submitted', 'approved'],
      ['approved', 'returned'],
    ]);
    expect(history.at(-1)).toMatchObject({ actor: '办公室王五' });
    expect(history.some((h) => h.column === 'review_comment' && h.newValue === '解锁：数据口径调整')).toBe(true);
    // Editable again.
    expect((await f.t.call('progress.save', { ...key, fields: fields({ percent: 60 }), submit: true })).percent).toBe(60);
    const notLocked = await f.t.raw('progress.unlock', { id, reason: '再解锁' });
    expect(notLocked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    f.t.close();
  });
});

describe('carry forward', () => {
  it('copies last quarter into drafts, skipping what is already saved or typed, and touches no saved entry', async () => {
    const f = await quarterFixture({ today: '2025-07-03' });
    const q2 = { departmentId: f.cdc.id, period: '2025-Q2' };
    await f.t.call('progress.save', { ...q2, taskId: f.literacy.id, fields: fields({ progressText: '二季度素养进展', percent: 45 }), submit: true });
    await f.t.call('progress.save', { ...q2, taskId: f.chronic.id, fields: fields({ progressText: '二季度慢病进展' }), submit: true });
    // Q3: the chronic task already has a saved entry.
    const saved = await f.t.call('progress.save', { departmentId: f.cdc.id, period: '2025-Q3', taskId: f.chronic.id, fields: fields({ progressText: '三季度已写' }), submit: false });
    const before = changeCount(f.t);

    const drafts = await f.t.call('progress.carryForward', { departmentId: f.cdc.id, period: '2025-Q3' });
    expect(drafts.map((d) => d.taskId)).toEqual([f.literacy.id]);
    expect(drafts[0]!.draft).toMatchObject({ progressText: '二季度素养进展', percent: 45, status: '推进中' });
    expect(changeCount(f.t)).toBe(before);
    const sheet = await f.t.call('progress.sheet', { period: '2025-Q3', departmentId: f.cdc.id });
    expect(sheet.tasks.find((task) => task.id === f.chronic.id)?.entry).toMatchObject({ id: saved.id, progressText: '三季度已写' });
    expect(sheet.tasks.find((task) => task.id === f.chronic.id)?.draft).toBeNull();

    // One task on request: its draft is filled even though an entry exists; the entry stays as saved.
    const one = await f.t.call('progress.carryForward', { departmentId: f.cdc.id, period: '2025-Q3', taskId: f.chronic.id });
    expect(one).toEqual([{ taskId: f.chronic.id, draft: expect.objectContaining({ progressText: '二季度慢病进展' }) }]);
    const after = await f.t.call('progress.sheet', { period: '2025-Q3', departmentId: f.cdc.id });
    expect(after.tasks.find((task) => task.id === f.chronic.id)?.entry?.progressText).toBe('三季度已写');
    f.t.close();
  });
});

describe('task detail', () => {
  it('shows every entry of a task across departments and quarters, with names and lights', async () => {
    const f = await quarterFixture({ today: '2025-07-03' });
    await f.t.call('progress.save', { taskId: f.chronic.id, departmentId: f.med.id, period: '2025-Q2', fields: fields({ status: '已完成', percent: 100 }), submit: true });
    await f.t.call('progress.save', { taskId: f.chronic.id, departmentId: f.cdc.id, period: '2025-Q2', fields: fields({ status: '滞后', percent: 10 }), submit: true });
    await f.t.call('progress.save', { taskId: f.chronic.id, departmentId: f.cdc.id, period: '2025-Q1', fields: fields({ percent: 25 }), submit: true });
    const detail = await f.t.call('progress.taskDetail', { taskId: f.chronic.id });
    expect(detail.task).toMatchObject({ id: f.chronic.id, title: '推进慢病防控', planTitle: f.plan.title, sectionTitle: '推进健康渝北建设' });
    expect(detail.entries.map((e) => [e.period, e.departmentName, e.light.color])).toEqual([
      ['2025-Q1', '疾控科', 'green'],
      ['2025-Q2', '疾控科', 'red'],
      ['2025-Q2', '医政科', 'green'],
    ]);
    expect(detail.entries[1]!.light.reason).toBe('“推进慢病防控”报告为滞后');
    expect(await f.t.raw('progress.taskDetail', { taskId: '0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    f.t.close();
  });
});
