import { describe, expect, it } from 'vitest';
import { createTestCore } from '../helpers/core';
import { parseMilestones } from '../../electron/services/progress-data';
import { milestonesOf } from '../../electron/services/task-milestones';
import { approved, fields, quarterFixture } from './progress-fixture';

describe('stored milestones', () => {
  it('keeps old rows without a percent valid and reads the percent of new ones', () => {
    expect(parseMilestones(JSON.stringify([{ period: '2025-Q2', text: '完成方案' }]))).toEqual([{ period: '2025-Q2', text: '完成方案', percent: null }]);
    expect(parseMilestones(JSON.stringify([{ period: '2025-Q2', text: '完成方案', percent: 40 }, { period: '2025-Q5', text: '无效' }, { period: '2025-Q3', text: 'x', percent: 140 }]))).toEqual([
      { period: '2025-Q2', text: '完成方案', percent: 40 },
      { period: '2025-Q3', text: 'x', percent: null },
    ]);
    expect(parseMilestones(null)).toBeNull();
  });
});

describe('tasks.update and tasks.create with milestones (节点目标)', () => {
  const setup = async () => {
    const t = await createTestCore();
    const plan = await t.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    const task = await t.call('tasks.create', { planId: plan.id, title: '建设区域医疗中心' });
    return { t, plan, task };
  };

  it('stores milestones sorted by quarter through the change log, reads them back, and clears them', async () => {
    const { t, task } = await setup();
    expect(task.milestones).toEqual([]);
    const saved = await t.call('tasks.update', { id: task.id, milestones: [{ period: '2025-Q4', text: '建成投用', percent: 100 }, { period: '2025-Q2', text: '完成方案', percent: 40 }, { period: '2025-Q3', text: '主体完工' }] });
    expect(saved.milestones).toEqual([
      { period: '2025-Q2', text: '完成方案', percent: 40 },
      { period: '2025-Q3', text: '主体完工', percent: null },
      { period: '2025-Q4', text: '建成投用', percent: 100 },
    ]);
    const history = (await t.call('history.record', { table: 'tasks', id: task.id })).filter((h) => h.column === 'milestones');
    // Written by the MutationLayer: the creation (none) then this edit, with who and when.
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([[null, null], [null, saved.milestones]]);
    // Other fields left alone keep the milestones.
    expect((await t.call('tasks.update', { id: task.id, title: '建设区域医疗中心（一期）' })).milestones).toHaveLength(3);
    expect((await t.call('tasks.update', { id: task.id, milestones: null })).milestones).toEqual([]);
    t.close();
  });

  it('accepts milestones on create', async () => {
    const { t, plan } = await setup();
    const created = await t.call('tasks.create', { planId: plan.id, title: '新任务', milestones: [{ period: '2025-Q2', text: '', percent: 30 }] });
    expect(created.milestones).toEqual([{ period: '2025-Q2', text: '', percent: 30 }]);
    t.close();
  });

  it('refuses bad milestones in Chinese and changes nothing', async () => {
    const { t, task } = await setup();
    const refusal = async (milestones: unknown) => {
      const result = await t.raw('tasks.update', { id: task.id, milestones });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      return JSON.stringify(result);
    };
    expect(await refusal([{ period: '2025年二季度', text: '完成方案' }])).toContain('节点目标的季度格式应为“2025-Q2”');
    expect(await refusal([{ period: '2025-Q2', text: '字'.repeat(101) }])).toContain('节点目标内容不能超过100个字');
    expect(await refusal([{ period: '2025-Q2', text: '完成方案', percent: 120 }])).toContain('节点目标的完成比例应是0到100之间的数字');
    expect(await refusal([{ period: '2025-Q2', text: '甲' }, { period: '2025-Q2', text: '乙' }])).toContain('同一季度只能有一个节点目标');
    expect(await refusal([{ period: '2025-Q2', text: '甲', percent: 60 }, { period: '2025-Q3', text: '乙', percent: 40 }])).toContain('节点目标的完成比例不能低于之前季度的比例');
    expect(await refusal([{ period: '2025-Q2', text: ' ' }])).toContain('节点目标需填写内容或完成比例');
    expect(await refusal([{ period: '2027-Q1', text: '验收' }])).toContain('节点目标的季度2027-Q1不在任务的年份（2025年）之内');
    // A deadline in the same edit widens the task's years.
    const wider = await t.call('tasks.update', { id: task.id, deadline: '2025—2027年', milestones: [{ period: '2027-Q1', text: '验收' }] });
    expect(wider.milestones).toEqual([{ period: '2027-Q1', text: '验收', percent: null }]);
    // Only the creation and the accepted edit are in the history: no refused edit wrote anything.
    const history = (await t.call('history.record', { table: 'tasks', id: task.id })).filter((h) => h.column === 'milestones');
    expect(history.map((h) => h.newValue)).toEqual([null, wider.milestones]);
    t.close();
  });
});

describe('the ledger follows milestone percents', () => {
  it('judges a task against the percent of the quarter’s milestone instead of elapsed time, naming it', async () => {
    const f = await quarterFixture({ today: '2025-05-10' });
    await approved(f.t, { period: '2025-Q1', taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields({ percent: 30 }) });
    const light = async () => (await f.t.call('ledger.query', { period: '2025-Q1' })).rows.find((r) => r.taskId === f.literacy.id)!.light;
    // Elapsed time expects ~25% by 03-31: 30% is on pace.
    expect((await light()).color).toBe('green');
    await f.t.call('tasks.update', { id: f.literacy.id, milestones: [{ period: '2025-Q1', text: '完成监测点布设', percent: 50 }, { period: '2025-Q4', text: '全面完成', percent: 100 }] });
    expect(await light()).toEqual({ color: 'red', reason: '“提升居民健康素养”完成30%，落后于序时进度50%（节点目标（2025年第一季度）：完成监测点布设，应完成50%）' });
    f.t.close();
  });
});

describe('a damaged milestones value', () => {
  it('does not hide the task from plans.get: it reads as no milestones', () => {
    expect(milestonesOf('{')).toEqual([]);
    expect(milestonesOf('[{"period":"2025-Q3","text":7,"percent":"40"},{"period":"2025-Q1","text":"摸底","percent":10}]')).toEqual([
      { period: '2025-Q1', text: '摸底', percent: 10 },
      { period: '2025-Q3', text: '', percent: null },
    ]);
  });
});
