import { describe, expect, it } from 'vitest';
import { addIndicator, approved, fields, quarterFixture, type QuarterFixture } from './progress-fixture';

const Q2 = '2025-Q2';

/**
 * Today 2025-04-20: a task due at the end of 2025 should be 30% done (110 of 365 days).
 * Approved entries: 1 提升居民健康素养 (疾控科) 40% → green; 2 推进慢病防控 (疾控科 50% green,
 * 医政科 no entry → judged on 疾控科's report: green, 部分科室未报); 3 保障母婴安全 (妇幼科) 滞后 → red.
 */
async function reported(): Promise<QuarterFixture> {
  const f = await quarterFixture();
  const at = { period: Q2 };
  await approved(f.t, { ...at, taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields({ percent: 40, progressText: '完成健康素养监测点布设。' }) });
  await approved(f.t, { ...at, taskId: f.chronic.id, departmentId: f.cdc.id, fields: fields({ percent: 50, progressText: '建成慢病管理中心。' }) });
  await approved(f.t, {
    ...at,
    taskId: f.maternal.id,
    departmentId: f.mch.id,
    fields: fields({ status: '滞后', percent: 10, progressText: '开展孕产妇风险筛查，托育机构备案推进缓慢。', problemsText: '', nextStepsText: '' }),
  });
  return f;
}

describe('ledger.query', () => {
  it('lists the quarter’s tasks in document order with each task’s worst light, status and percent', async () => {
    const f = await reported();
    const result = await f.t.call('ledger.query', { period: Q2 });
    expect(result.total).toBe(3);
    expect(result.officeName).toBe('渝北区卫生健康委');
    expect(result.rows.map((r) => [r.number, r.light.color, r.state, r.status, r.percent, r.partial])).toEqual([
      ['1', 'green', '按序时推进', '推进中', 40, false],
      ['2', 'green', '按序时推进', '推进中', 50, true],
      ['3', 'red', '滞后', '滞后', 10, false],
    ]);
    const chronic = result.rows[1]!;
    expect(chronic.departments.map((d) => d.name)).toEqual(['疾控科', '医政科']);
    expect(chronic.light.reason).toBe('疾控科：“推进慢病防控”完成50%，符合序时进度30%');
    expect(chronic.leads.map((l) => [l.name, l.kind, l.state, l.light.color])).toEqual([
      ['疾控科', 'reported', '按序时推进', 'green'],
      ['医政科', 'missing', '未填报', 'grey'],
    ]);
    expect(result.rows[0]!.updatedAt).not.toBeNull();
    expect(result.facets.departments).toEqual([
      { id: f.cdc.id, label: '疾控科', count: 2 },
      { id: f.mch.id, label: '妇幼科', count: 1 },
      { id: f.med.id, label: '医政科', count: 1 },
    ]);
    expect(result.facets.plans).toEqual([{ id: f.plan.id, label: f.plan.title, count: 3 }]);
    f.t.close();
  });

  it('narrows by department, light, status and overdue', async () => {
    const f = await reported();
    const numbers = async (filter: object) => (await f.t.call('ledger.query', { period: Q2, ...filter })).rows.map((r) => r.number);
    expect(await numbers({ departmentIds: [f.cdc.id] })).toEqual(['1', '2']);
    expect(await numbers({ departmentIds: [f.med.id, f.mch.id] })).toEqual(['2', '3']);
    expect(await numbers({ lights: ['red'] })).toEqual(['3']);
    expect(await numbers({ statuses: ['未填报'] })).toEqual([]);
    expect(await numbers({ states: ['部分科室未报'] })).toEqual(['2']);
    // A department's view of a shared task is its own part: 医政科 has not reported task 2.
    expect(await numbers({ departmentIds: [f.med.id], states: ['未填报'] })).toEqual(['2']);
    expect(await numbers({ departmentIds: [f.cdc.id], states: ['未填报'] })).toEqual([]);
    expect(await numbers({ departmentIds: [f.cdc.id], lights: ['red'] })).toEqual([]);
    expect(await numbers({ overdue: true })).toEqual([]);
    // A task due at the end of June is overdue in Q3 unless reported done.
    await f.t.call('tasks.update', { id: f.literacy.id, deadline: '2025年6月底' });
    await f.t.call('tasks.update', { id: f.maternal.id, deadline: '2025年6月底' });
    await approved(f.t, { period: '2025-Q3', taskId: f.maternal.id, departmentId: f.mch.id, fields: fields({ status: '已完成', percent: 100 }) });
    f.setToday('2025-10-10');
    expect(await numbers({ period: '2025-Q3', overdue: true })).toEqual(['1']);
    // After the reporting deadline (10 days after the quarter) the missing reports are 逾期未报, not 滞后.
    f.setToday('2025-10-11');
    expect(await numbers({ period: '2025-Q3', states: ['逾期未报'] })).toEqual(['1', '2']);
    expect(await numbers({ period: '2025-Q3', states: ['滞后'] })).toEqual([]);
    expect(await numbers({ period: '2025-Q2', overdue: true })).toEqual([]);
    f.t.close();
  });

  it('finds two Chinese characters in titles, progress text and owners, and says where', async () => {
    const f = await reported();
    const search = async (words: string) => (await f.t.call('ledger.query', { period: Q2, search: words })).rows.map((r) => [r.number, r.match]);
    expect(await search('慢病')).toEqual([['2', null]]);
    expect(await search('筛查')).toEqual([['3', '本季度进展：开展孕产妇风险筛查，托育机构备案推进缓慢。']]);
    expect(await search('托育')).toEqual([['3', '本季度进展：开展孕产妇风险筛查，托育机构备案推进缓慢。']]);
    expect(await search('妇幼')).toEqual([['3', '牵头科室：妇幼科']]);
    // An alias of 疾控科 finds its tasks.
    expect((await search('疾病预防')).map(([n]) => n)).toEqual(['1', '2']);
    // Every word must be present; width and case do not matter.
    expect(await search('孕产妇 托育')).toHaveLength(1);
    expect(await search('孕产妇 慢病')).toEqual([]);
    expect((await search('ＭＢ')).length).toBe(0);
    // One character is a prefix search over the pairs.
    expect((await search('婴')).map(([n]) => n)).toEqual(['3']);
    f.t.close();
  });

  it('keeps the index in step with edits, moves and deletes', async () => {
    const f = await reported();
    const hits = async (words: string) => (await f.t.call('ledger.query', { period: Q2, search: words })).rows.map((r) => r.number);
    expect(await hits('心理')).toEqual([]);
    await f.t.call('progress.save', { period: Q2, taskId: f.chronic.id, departmentId: f.med.id, fields: fields({ percent: 40, progressText: '开通心理援助热线。' }) });
    expect(await hits('心理')).toEqual(['2']);
    await f.t.call('progress.save', { period: Q2, taskId: f.chronic.id, departmentId: f.med.id, fields: fields({ percent: 40, progressText: '建设心理服务站。' }) });
    expect(await hits('援助')).toEqual([]);
    await f.t.call('tasks.update', { id: f.maternal.id, title: '保障母婴安全和托育服务' });
    expect(await hits('托育服务')).toEqual(['3']);
    await f.t.call('tasks.delete', { id: f.maternal.id });
    expect(await hits('托育')).toEqual([]);
    f.t.close();
  });

  it('never shows another office’s tasks, even when they match the words', async () => {
    const f = await reported();
    const other = '0a7f3c4e-1b2d-4e5f-8a9b-0c1d2e3f4a5b';
    const otherPlan = '1b8e4d5f-2c3e-4f60-9b0c-1d2e3f4a5b6c';
    f.t.core.mutations.run((w) => {
      w.insert('offices', other, { name: '渝中区卫生健康委', code: null, level: 'district', parent_id: null });
      w.insert('plans', otherPlan, { office_id: other, kind: 'work-points', title: '渝中区2025年工作要点', year_from: 2025, year_to: 2025 });
      w.insert('tasks', '2c9f5e6a-3d4f-4a71-8c1d-2e3f4a5b6c7d', { plan_id: otherPlan, number: '1', title: '推进慢病防控示范区', sort_order: 1 });
    });
    const own = await f.t.call('ledger.query', { period: Q2, search: '慢病' });
    expect(own.rows.map((r) => r.title)).toEqual(['推进慢病防控']);
    const theirs = await f.t.call('ledger.query', { period: Q2, officeId: other, search: '慢病' });
    expect(theirs.officeName).toBe('渝中区卫生健康委');
    expect(theirs.rows.map((r) => r.title)).toEqual(['推进慢病防控示范区']);
    f.t.close();
  });
});

describe('ledger.query first screen', () => {
  it('reads only the first tasks in document order when asked for a limit, and still counts them all', async () => {
    const f = await reported();
    const first = await f.t.call('ledger.query', { period: Q2, limit: 2 });
    expect(first.complete).toBe(false);
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.number)).toEqual(['1', '2']);
    const all = await f.t.call('ledger.query', { period: Q2 });
    expect(all.complete).toBe(true);
    expect(all.rows.slice(0, 2)).toEqual(first.rows);
    // With chips the filter needs every task; the limit only trims the answer.
    const green = await f.t.call('ledger.query', { period: Q2, lights: ['green'], limit: 1 });
    expect([green.complete, green.rows.map((r) => r.number)]).toEqual([false, ['1']]);
    expect((await f.t.call('ledger.query', { period: Q2, limit: 3 })).complete).toBe(true);
    f.t.close();
  });

  it('shows when a task was last reported, following later edits', async () => {
    const f = await reported();
    const before = (await f.t.call('ledger.query', { period: Q2 })).rows[1]!.updatedAt!;
    f.setToday('2025-05-02');
    await f.t.call('progress.save', { period: Q2, taskId: f.chronic.id, departmentId: f.med.id, fields: fields({ percent: 45 }) });
    const after = (await f.t.call('ledger.query', { period: Q2 })).rows[1]!.updatedAt!;
    expect(after > before).toBe(true);
    expect(after.startsWith('2025-05-02')).toBe(true);
    f.t.close();
  });
});

describe('dashboard.summary', () => {
  it('counts cards, departments (each on its own entry), statuses and lists what lags, newest first', async () => {
    const f = await reported();
    addIndicator(f.t, { plan_id: f.plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, value_kind: 'rate', department_id: f.mch.id });
    const literacyRate = addIndicator(f.t, { plan_id: f.plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 34, value_kind: 'proportion', sort_order: 2 });
    const indicators = await f.t.call('indicators.list', { planId: f.plan.id });
    const mortality = indicators.find((i) => i.name === '孕产妇死亡率')!;
    await f.t.call('indicators.setValue', { indicatorId: mortality.id, period: Q2, value: 8.5 });
    await f.t.call('indicators.setValue', { indicatorId: literacyRate, period: Q2, value: 20 });
    const summary = await f.t.call('dashboard.summary', { period: Q2 });
    expect(summary.cards).toEqual({
      tasks: 3,
      done: 0,
      onPace: 2,
      behind: 1,
      overdue: 0,
      notReported: 0,
      partial: 1,
      late: 0,
      awaitingReview: 0,
      returned: 0,
      indicatorsMet: 1,
      indicatorsClose: 0,
      indicatorsNotMet: 1,
      indicatorsNoData: 0,
    });
    const departments = Object.fromEntries(summary.byDepartment.map((d) => [d.name, [d.green, d.yellow, d.red, d.grey]]));
    // 医政科 did not report task 2: grey (no data), not red.
    expect(departments).toEqual({ 疾控科: [2, 0, 0, 0], 医政科: [0, 0, 0, 1], 妇幼科: [0, 0, 1, 0] });
    expect(summary.byStatus).toEqual([
      { status: '推进中', count: 2 },
      { status: '滞后', count: 1 },
    ]);
    expect(summary.bySection).toHaveLength(1);
    expect(summary.bySection[0]).toMatchObject({ green: 2, red: 1 });
    // Newest first: the literacy value was entered last, the maternal entry before it.
    expect(summary.lagging.map((l) => [l.kind, l.title, l.color])).toEqual([
      ['indicator', '居民健康素养水平', 'red'],
      ['task', '3. 保障母婴安全', 'red'],
    ]);
    expect(summary.lagging[1]!.reason).toBe('“保障母婴安全”报告为滞后');
    // The same chips as the ledger: one department.
    const mch = await f.t.call('dashboard.summary', { period: Q2, departmentIds: [f.mch.id] });
    expect(mch.cards.tasks).toBe(1);
    expect(mch.cards.indicatorsMet).toBe(1);
    expect(mch.cards.indicatorsNotMet).toBe(0);
    f.t.close();
  });
});

describe('dashboard.indicators', () => {
  it('gives each quarter’s value, the expected value and a light that knows lower is better', async () => {
    const f = await reported();
    const id = addIndicator(f.t, { plan_id: f.plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, baseline_value: 12, value_kind: 'rate' });
    const trained = addIndicator(f.t, { plan_id: f.plan.id, name: '救护培训', unit: '人次', comparator: '>=', target_value: 30000, value_kind: 'count', accumulation: 'cumulative', sort_order: 2 });
    await f.t.call('indicators.setValue', { indicatorId: id, period: '2025-Q1', value: 11 });
    await f.t.call('indicators.setValue', { indicatorId: id, period: Q2, value: 9.5 });
    await f.t.call('indicators.setValue', { indicatorId: trained, period: Q2, value: 9000 });
    const series = await f.t.call('dashboard.indicators', { period: Q2 });
    const mortality = series.find((s) => s.indicatorId === id)!;
    expect(mortality.direction).toBe('down');
    expect(mortality.points.map((p) => [p.period, p.value, p.light.color])).toEqual([
      ['2025-Q1', 11, 'red'],
      ['2025-Q2', 9.5, 'green'],
    ]);
    const training = series.find((s) => s.indicatorId === trained)!;
    // Cumulative: half the year's 30,000 by the end of Q2 (default pace); 9,000 is 30%, 20 points behind.
    expect(training.points.map((p) => [p.expected, p.light.color])).toEqual([
      [7500, 'grey'],
      [15000, 'red'],
    ]);
    f.t.close();
  });
});
