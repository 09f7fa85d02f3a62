import { describe, expect, it } from 'vitest';
import { createTestCore } from '../helpers/core';

describe('plans, sections and tasks', () => {
  it('builds a plan with sections and tasks in order, with lead departments', async () => {
    const t = await createTestCore();
    const cdc = await t.call('departments.create', { name: '疾控科', aliases: ['疾病预防控制科'] });
    const plan = await t.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', docNumber: '渝北卫健〔2025〕54号', yearFrom: 2025, yearTo: 2025 });
    const section = await t.call('sections.create', { planId: plan.id, label: '一、', title: '推进健康渝北建设' });
    await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '1', title: '提升居民健康素养', leadDepartmentIds: [cdc.id], responsibleUnits: ['委属各单位'] });
    await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '2', title: '推进慢病防控', deadline: '2025年12月底' });
    const detail = await t.call('plans.get', { id: plan.id });
    expect(detail.plan).toMatchObject({ title: plan.title, docNumber: '渝北卫健〔2025〕54号', taskCount: 2 });
    expect(detail.sections.map((s) => s.title)).toEqual(['推进健康渝北建设']);
    expect(detail.tasks.map((task) => [task.number, task.title, task.leadDepartmentIds, task.responsibleUnits, task.deadline])).toEqual([
      ['1', '提升居民健康素养', [cdc.id], ['委属各单位'], null],
      ['2', '推进慢病防控', [], [], '2025年12月底'],
    ]);
    t.close();
  });

  it('refuses a task that points at a missing department or at another plan’s section, and writes nothing', async () => {
    const t = await createTestCore();
    const a = await t.call('plans.create', { kind: 'other', title: '甲' });
    const b = await t.call('plans.create', { kind: 'other', title: '乙' });
    const sectionOfB = await t.call('sections.create', { planId: b.id, title: '乙的章节' });
    const missingDept = await t.raw('tasks.create', { planId: a.id, title: '任务', leadDepartmentIds: ['0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b'] });
    expect(missingDept).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { leadDepartmentIds: '所选牵头科室不存在' } } });
    const wrongSection = await t.raw('tasks.create', { planId: a.id, sectionId: sectionOfB.id, title: '任务' });
    expect(wrongSection).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '所选章节不属于该计划' } });
    expect((await t.call('plans.get', { id: a.id })).tasks).toEqual([]);
    t.close();
  });

  it('deleting a section keeps its tasks, moved up a level', async () => {
    const t = await createTestCore();
    const plan = await t.call('plans.create', { kind: 'other', title: '计划' });
    const parent = await t.call('sections.create', { planId: plan.id, title: '一、总体' });
    const child = await t.call('sections.create', { planId: plan.id, parentId: parent.id, title: '（一）分项' });
    const task = await t.call('tasks.create', { planId: plan.id, sectionId: child.id, title: '任务' });
    await t.call('sections.delete', { id: child.id });
    const detail = await t.call('plans.get', { id: plan.id });
    expect(detail.sections.map((s) => s.id)).toEqual([parent.id]);
    expect(detail.tasks.find((x) => x.id === task.id)?.sectionId).toBe(parent.id);
    t.close();
  });

  it('a missing record gives NOT_FOUND in Chinese', async () => {
    const t = await createTestCore();
    const result = await t.raw('tasks.update', { id: '0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b', title: '新标题' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该任务，可能已被删除' } });
    t.close();
  });

  it('history shows who changed which field when, from what to what', async () => {
    const t = await createTestCore();
    const plan = await t.call('plans.create', { kind: 'other', title: '计划' });
    const task = await t.call('tasks.create', { planId: plan.id, title: '初稿标题' });
    await t.call('settings.update', { clerkName: '李四' });
    await t.call('tasks.update', { id: task.id, title: '修改后的标题' });
    await t.call('tasks.delete', { id: task.id });
    const history = await t.call('history.record', { table: 'tasks', id: task.id });
    const titleChanges = history.filter((h) => h.column === 'title');
    expect(titleChanges.map((h) => [h.actor, h.oldValue, h.newValue])).toEqual([
      ['张三', null, '初稿标题'],
      ['李四', '初稿标题', '修改后的标题'],
    ]);
    expect(history.at(-1)).toMatchObject({ column: 'deleted', oldValue: null, newValue: true, actor: '李四', officeName: '渝北区卫生健康委' });
    expect(Date.parse(history[0]!.at)).toBeGreaterThan(Date.parse('2020-01-01'));
    t.close();
  });

  it('emits a changed event naming the tables a write touched', async () => {
    const t = await createTestCore();
    t.events.length = 0;
    await t.call('plans.create', { kind: 'other', title: '计划' });
    expect(t.events).toContainEqual({ type: 'changed', tables: ['plans'] });
    t.close();
  });
});

describe('settings and directory', () => {
  it('keeps office name replicated and clerk name local', async () => {
    const t = await createTestCore();
    await t.call('settings.update', { officeName: '渝北区卫生健康委员会', clerkName: '王五', role: 'reviewer' });
    expect(await t.call('settings.get', {})).toEqual({
      officeName: '渝北区卫生健康委员会',
      officeCode: null,
      clerkName: '王五',
      role: 'reviewer',
      statusSettings: { closeTolerance: 0.05, paceTolerance: 0.1, dueSoonDays: 30, reportGraceDays: 10 },
    });
    const dump = await t.call('system.dump', {});
    expect(dump).toContain('渝北区卫生健康委员会');
    expect(dump).not.toContain('reviewer');
    t.close();
  });

  it('keeps light tolerances per office, replicated, over the documented defaults', async () => {
    const t = await createTestCore();
    const updated = await t.call('settings.update', { statusSettings: { closeTolerance: 0.1 } });
    expect(updated.statusSettings).toEqual({ closeTolerance: 0.1, paceTolerance: 0.1, dueSoonDays: 30, reportGraceDays: 10 });
    expect(JSON.parse(await t.call('system.dump', {})).tables.settings).toEqual([expect.objectContaining({ key: 'status', value: { closeTolerance: 0.1, paceTolerance: 0.1, dueSoonDays: 30, reportGraceDays: 10 } })]);
    const bad = await t.raw('settings.update', { statusSettings: { paceTolerance: 2 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '容差不能超过50%' } });
    t.close();
  });

  it('rejects a department whose name is already an alias', async () => {
    const t = await createTestCore();
    await t.call('departments.create', { name: '疾控科', aliases: ['疾病预防控制科'] });
    const clash = await t.raw('departments.create', { name: '疾病预防控制科' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '“疾病预防控制科”已是科室“疾控科”的别名' } });
    const unit = await t.call('units.create', { name: '区疾控中心', aliases: [] });
    expect((await t.call('units.list', {})).map((u) => u.id)).toEqual([unit.id]);
    t.close();
  });
});
