import { describe, expect, it } from 'vitest';
import { nextYearTitle } from '../../electron/services/carry-over';
import { fields, quarterFixture } from './progress-fixture';

describe('year-end carry-over', () => {
  it('copies the chosen tasks into next year’s plan, linked to the old ones, which keep their history', async () => {
    const f = await quarterFixture({ today: '2025-12-20' });
    const q4 = await f.t.call('progress.save', { taskId: f.chronic.id, departmentId: f.cdc.id, period: '2025-Q4', fields: fields({ status: '滞后', percent: 60 }), submit: true });
    await f.t.call('tasks.update', { id: f.chronic.id, text: '推进高血压、糖尿病患者规范管理。', responsibleUnits: ['各镇街'] });

    const result = await f.t.call('plans.carryOver', { fromPlanId: f.plan.id, toPlanId: null, taskIds: [f.chronic.id, f.maternal.id] });
    expect(result.carried).toBe(2);
    const next = await f.t.call('plans.get', { id: result.planId });
    expect(next.plan).toMatchObject({ kind: 'work-points', title: '渝北区卫生健康委2026年工作要点', yearFrom: 2026, yearTo: 2026, taskCount: 2 });
    expect(next.sections.map((s) => [s.label, s.title])).toEqual([['一、', '推进健康渝北建设']]);
    expect(next.tasks.map((t) => [t.number, t.title, t.text, t.deadline, t.leadDepartmentIds, t.responsibleUnits, t.sectionId])).toEqual([
      ['2', '推进慢病防控', '推进高血压、糖尿病患者规范管理。', '2025年12月底', [f.cdc.id, f.med.id], ['各镇街'], next.sections[0]!.id],
      ['3', '保障母婴安全', '', '2025年12月底', [f.mch.id], [], next.sections[0]!.id],
    ]);
    const links = f.t.core.db.prepare('SELECT carried_from_task_id FROM tasks WHERE plan_id = ? ORDER BY sort_order').pluck().all(result.planId);
    expect(links).toEqual([f.chronic.id, f.maternal.id]);

    // The old plan and its entries stay as they were.
    expect((await f.t.call('plans.get', { id: f.plan.id })).tasks.map((t) => t.id)).toEqual([f.literacy.id, f.chronic.id, f.maternal.id]);
    expect((await f.t.call('progress.taskDetail', { taskId: f.chronic.id })).entries.map((e) => e.id)).toEqual([q4.id]);

    // In 2026 the carried task is due with its new plan, not red for the old deadline.
    f.setToday('2026-01-20');
    const sheet = await f.t.call('progress.sheet', { period: '2026-Q1', departmentId: f.mch.id });
    expect(sheet.tasks.map((t) => t.title)).toEqual(['保障母婴安全']);
    expect(sheet.tasks[0]!.light).toEqual({ color: 'yellow', reason: '“保障母婴安全”尚未启动，序时进度应达5%' });

    // Carrying again into the same plan adds nothing twice; more tasks join the same plan.
    const again = await f.t.call('plans.carryOver', { fromPlanId: f.plan.id, toPlanId: null, taskIds: [f.chronic.id, f.literacy.id] });
    expect(again).toEqual({ planId: result.planId, carried: 1 });
    f.t.close();
  });

  it('carries into a chosen plan and refuses tasks of another plan', async () => {
    const f = await quarterFixture();
    const target = await f.t.call('plans.create', { kind: 'work-points', title: '2026年工作要点', yearFrom: 2026, yearTo: 2026 });
    const other = await f.t.call('plans.create', { kind: 'other', title: '其他计划', yearFrom: 2025, yearTo: 2025 });
    const stray = await f.t.call('tasks.create', { planId: other.id, title: '别的任务' });
    expect(await f.t.call('plans.carryOver', { fromPlanId: f.plan.id, toPlanId: target.id, taskIds: [f.literacy.id] })).toEqual({ planId: target.id, carried: 1 });
    const wrong = await f.t.raw('plans.carryOver', { fromPlanId: f.plan.id, toPlanId: target.id, taskIds: [stray.id] });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '任务“别的任务”不属于该计划' } });
    expect(await f.t.raw('plans.carryOver', { fromPlanId: f.plan.id, toPlanId: target.id, taskIds: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await f.t.raw('plans.carryOver', { fromPlanId: f.plan.id, toPlanId: f.plan.id, taskIds: [f.literacy.id] })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((await f.t.call('plans.get', { id: target.id })).tasks).toHaveLength(1);
    f.t.close();
  });

  it('names next year’s plan after this one', () => {
    expect(nextYearTitle('渝北区卫生健康委2025年工作要点', 2025, 2026)).toBe('渝北区卫生健康委2026年工作要点');
    expect(nextYearTitle('重点工作任务清单', 2025, 2026)).toBe('2026年重点工作任务清单');
  });
});
