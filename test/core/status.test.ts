import { describe, expect, it } from 'vitest';
import { addIndicator, approved, fields, quarterFixture } from './progress-fixture';

describe('office overview', () => {
  it('counts each department’s entries by state and marks late departments 10 days after the quarter', async () => {
    const f = await quarterFixture({ today: '2025-04-08' });
    await f.t.call('settings.update', { role: 'reviewer' });
    const q1 = { period: '2025-Q1' };
    // 疾控科: one approved, one returned. 妇幼科: submitted. 医政科: nothing.
    const literacy = await f.t.call('progress.save', { ...q1, taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields(), submit: true });
    await f.t.call('progress.review', { id: literacy.id, decision: 'approve' });
    const chronic = await f.t.call('progress.save', { ...q1, taskId: f.chronic.id, departmentId: f.cdc.id, fields: fields(), submit: true });
    await f.t.call('progress.review', { id: chronic.id, decision: 'return', comment: '请补充数据' });
    await f.t.call('progress.save', { ...q1, taskId: f.maternal.id, departmentId: f.mch.id, fields: fields(), submit: true });

    const early = await f.t.call('progress.overview', q1);
    expect(early.map((d) => [d.departmentName, d.tasks, d.missing, d.draft, d.submitted, d.returned, d.approved, d.late])).toEqual([
      ['疾控科', 2, 0, 0, 0, 1, 1, false],
      ['妇幼科', 1, 0, 0, 1, 0, 0, false],
      ['医政科', 1, 1, 0, 0, 0, 0, false],
    ]);

    // 10 April is ten days after 31 March: not yet late. 11 April is more than ten days.
    f.setToday('2025-04-10');
    expect((await f.t.call('progress.overview', q1)).some((d) => d.late)).toBe(false);
    f.setToday('2025-04-11');
    const late = await f.t.call('progress.overview', q1);
    expect(late.map((d) => [d.departmentName, d.late])).toEqual([
      ['疾控科', true],
      ['妇幼科', false],
      ['医政科', true],
    ]);
    // A department with a draft is late too; the current quarter never is.
    await f.t.call('progress.save', { ...q1, taskId: f.chronic.id, departmentId: f.med.id, fields: fields(), submit: false });
    expect((await f.t.call('progress.overview', q1)).find((d) => d.departmentName === '医政科')).toMatchObject({ missing: 0, draft: 1, late: true });
    expect((await f.t.call('progress.overview', { period: '2025-Q2' })).some((d) => d.late)).toBe(false);
    f.t.close();
  });
});

describe('status lights', () => {
  it('judges a ≤ indicator by direction: 婴儿死亡率 3.4‰ against ≤ 3‰ is red', async () => {
    const f = await quarterFixture({ today: '2025-04-15' });
    const infant = addIndicator(f.t, { plan_id: f.plan.id, name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3, value_kind: 'rate', accumulation: 'point' });
    const maternal = addIndicator(f.t, { plan_id: f.plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 12, value_kind: 'rate', accumulation: 'point', sort_order: 2 });
    const literacy = addIndicator(f.t, { plan_id: f.plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 30, value_kind: 'proportion', accumulation: 'point', sort_order: 3 });
    addIndicator(f.t, { plan_id: f.plan.id, name: '家庭医生签约率', unit: '%', comparator: '>=', target_value: 75, value_kind: 'proportion', sort_order: 4 });
    await f.t.call('indicators.setValue', { indicatorId: infant, period: '2025-Q1', value: 3.4 });
    await f.t.call('indicators.setValue', { indicatorId: maternal, period: '2025-Q1', value: 8.5 });
    await f.t.call('indicators.setValue', { indicatorId: literacy, period: '2025-Q1', value: 29 });

    const status = await f.t.call('progress.status', { period: '2025-Q1' });
    expect(status.asOf).toBe('2025-03-31');
    expect(status.indicators.map((i) => [i.name, i.value, i.light.color])).toEqual([
      ['婴儿死亡率', 3.4, 'red'],
      ['孕产妇死亡率', 8.5, 'green'],
      ['居民健康素养水平', 29, 'yellow'],
      ['家庭医生签约率', null, 'grey'],
    ]);
    expect(status.indicators[0]!.light.reason).toBe('婴儿死亡率 3.4‰，高于目标3‰（越低越好）');
    expect(status.indicators[1]!.light.reason).toBe('孕产妇死亡率 8.5/10万，控制在目标12/10万以内（越低越好）');
    expect(status.indicators[3]!.light.reason).toBe('家庭医生签约率本期尚未填报');
    f.t.close();
  });

  it('gives each task the worst light over the lead departments that reported, and counts like 总览', async () => {
    const f = await quarterFixture({ today: '2025-07-20' });
    const q2 = { period: '2025-Q2' };
    await approved(f.t, { ...q2, taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields({ status: '已完成', percent: 100 }) });
    await approved(f.t, { ...q2, taskId: f.chronic.id, departmentId: f.cdc.id, fields: fields({ percent: 50 }) });
    await approved(f.t, { ...q2, taskId: f.chronic.id, departmentId: f.med.id, fields: fields({ percent: 45 }) });
    const status = await f.t.call('progress.status', q2);
    expect(status.asOf).toBe('2025-06-30');
    const byTitle = new Map(status.tasks.map((task) => [task.title, task]));
    expect(byTitle.get('提升居民健康素养')).toMatchObject({ number: '1', departments: ['疾控科'], state: '已完成', light: { color: 'green', reason: '“提升居民健康素养”已完成' } });
    // 医政科 is a little behind the 50% pace (yellow), 疾控科 on pace (green): the task shows yellow, naming 医政科.
    expect(byTitle.get('推进慢病防控')).toMatchObject({ departments: ['疾控科', '医政科'], state: '滞后', partial: false, light: { color: 'yellow' } });
    expect(byTitle.get('推进慢病防控')!.light.reason).toBe('医政科：“推进慢病防控”完成45%，略低于序时进度50%');
    // Nobody reported half way through the year: grey 未填报 (no data), not red; after 2025-07-10 逾期未报.
    expect(byTitle.get('保障母婴安全')).toMatchObject({ state: '未填报', missing: ['妇幼科'], late: ['妇幼科'], light: { color: 'grey', reason: '妇幼科逾期未报（报送截止2025-07-10）' } });
    expect(status.counts).toEqual({ total: 3, done: 1, onPace: 0, behind: 1, notReported: 1, partial: 0, late: 1, awaitingReview: 0, returned: 0 });
    const summary = await f.t.call('dashboard.summary', q2);
    expect([summary.cards.tasks, summary.cards.done, summary.cards.onPace, summary.cards.behind, summary.cards.notReported, summary.cards.late]).toEqual([3, 1, 0, 1, 1, 1]);

    // The current quarter is judged at today.
    const current = await f.t.call('progress.status', { period: '2025-Q3' });
    expect(current.asOf).toBe('2025-07-20');
    f.t.close();
  });

  it('counts a submitted entry only with 含待审核, and a returned one never', async () => {
    const f = await quarterFixture({ today: '2025-07-05' });
    const q2 = { period: '2025-Q2' };
    await f.t.call('progress.save', { ...q2, taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields({ percent: 60 }), submit: true });
    const returned = await f.t.call('progress.save', { ...q2, taskId: f.maternal.id, departmentId: f.mch.id, fields: fields({ percent: 60 }), submit: true });
    await f.t.call('settings.update', { role: 'reviewer' });
    await f.t.call('progress.review', { id: returned.id, decision: 'return', comment: '进展太简略' });
    const strict = await f.t.call('progress.status', q2);
    expect(strict.counts).toMatchObject({ onPace: 0, notReported: 3, awaitingReview: 1, returned: 1, late: 0 });
    const loose = await f.t.call('progress.status', { ...q2, includeSubmitted: true });
    expect(loose.counts).toMatchObject({ onPace: 1, notReported: 2, awaitingReview: 1, returned: 1 });
    expect(loose.tasks.find((t) => t.title === '保障母婴安全')).toMatchObject({ state: '未填报', returned: ['妇幼科'] });
    f.t.close();
  });

  it('uses the office’s tolerances from settings', async () => {
    const f = await quarterFixture({ today: '2025-04-15' });
    const literacy = addIndicator(f.t, { plan_id: f.plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 30, value_kind: 'proportion' });
    await f.t.call('indicators.setValue', { indicatorId: literacy, period: '2025-Q1', value: 29 });
    expect((await f.t.call('progress.status', { period: '2025-Q1' })).indicators[0]!.light.color).toBe('yellow');
    await f.t.call('settings.update', { statusSettings: { closeTolerance: 0.01 } });
    expect((await f.t.call('progress.status', { period: '2025-Q1' })).indicators[0]!.light.color).toBe('red');
    f.t.close();
  });
});
