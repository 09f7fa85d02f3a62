import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quarterFixture, fields, addIndicator, approved } from '../core/progress-fixture';

/*
 * The report model: what every report format lays out. Counts are checked against the entries
 * the test wrote, not against the code that counts them.
 */

async function seeded() {
  const f = await quarterFixture({ today: '2025-04-20' });
  const { t } = f;
  const Q2 = '2025-Q2';
  // literacy: 疾控科 done. chronic: 疾控科 60% (on pace), 医政科 10% (behind) → behind, named.
  // maternal: 妇幼科 no entry → not reported.
  await approved(t, { period: Q2, taskId: f.literacy.id, departmentId: f.cdc.id, fields: fields({ status: '已完成', percent: 100, progressText: '全区11个镇街监测点全部建成。' }) });
  await approved(t, { period: Q2, taskId: f.chronic.id, departmentId: f.cdc.id, fields: fields({ percent: 60, progressText: '建成慢病管理中心。' }) });
  await approved(t, { period: Q2, taskId: f.chronic.id, departmentId: f.med.id, fields: fields({ percent: 10, progressText: '医联体签约率偏低。', problemsText: '专科医生不足。' }) });
  const mortality = addIndicator(t, { plan_id: f.plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, baseline_value: 14, value_kind: 'rate', department_id: f.mch.id });
  const literacyRate = addIndicator(t, { plan_id: f.plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 34, value_kind: 'proportion', sort_order: 2 });
  await t.call('indicators.setValue', { indicatorId: mortality, period: '2025-Q1', value: 12 });
  await t.call('indicators.setValue', { indicatorId: mortality, period: Q2, value: 8.5 });
  await t.call('indicators.setValue', { indicatorId: literacyRate, period: Q2, value: 20 });
  return { ...f, mortality, literacyRate };
}

describe('report model', () => {
  it('lists the quarter in document order with each lead’s narrative, pace and disjoint counts', async () => {
    const f = await seeded();
    const model = await f.t.call('report.model', { kind: 'ledger', scope: { period: '2025-Q2' } });
    expect(model.periodLabel).toBe('2025年第二季度');
    expect(model.quarterLabel).toBe('第二季度');
    expect(model.scopeLabel).toBe('全区');
    expect(model.tasks.map((t) => t.number)).toEqual(['1', '2', '3']);
    const [literacy, chronic, maternal] = model.tasks;
    expect(literacy!.pace).toBe('已完成');
    expect(literacy!.sectionLabel).toBe('一、');
    expect(chronic!.departments).toEqual(['疾控科', '医政科']);
    expect(chronic!.entries.map((e) => [e.departmentName, e.percent])).toEqual([
      ['疾控科', 60],
      ['医政科', 10],
    ]);
    expect(chronic!.pace).toBe('否');
    expect(chronic!.light.reason).toContain('医政科');
    expect(maternal!.status).toBe('未填报');
    expect(maternal!.state).toBe('未填报');
    expect(maternal!.light.color).toBe('grey');
    expect(maternal!.entries.map((e) => [e.departmentName, e.report, e.progress])).toEqual([['妇幼科', 'missing', '']]);
    expect(model.counts).toMatchObject({ total: 3, done: 1, onPace: 0, behind: 1, notReported: 1, partial: 0 });
    const c = model.counts;
    expect(c.done + c.onPace + c.behind + c.notReported).toBe(c.total);
  });

  it('judges 是否达标 by direction and lists each behind lead under 催办', async () => {
    const f = await seeded();
    const model = await f.t.call('report.model', { kind: 'indicators', scope: { period: '2025-Q2' } });
    const byName = new Map(model.indicators.map((i) => [i.name, i]));
    const mortality = byName.get('孕产妇死亡率')!;
    expect(mortality.met).toBe('是'); // 8.5 ≤ 10: falling is good
    expect(mortality.directionLabel).toBe('越低越好');
    expect(mortality.targetText).toBe('≤10/10万');
    expect(mortality.points).toEqual([
      { period: '2025-Q1', value: 12 },
      { period: '2025-Q2', value: 8.5 },
    ]);
    expect(byName.get('居民健康素养水平')!.met).toBe('否'); // 20 < 34
    expect(model.indicatorCounts).toEqual({ total: 2, met: 1, close: 0, notMet: 1, noData: 0 });
    // 疾控科 is on pace on task 2 and done on task 1: nothing to chase. 妇幼科 has not reported,
    // but the reporting deadline has not passed: not yet 逾期未报, so not on the list.
    expect(model.reminders.map((g) => g.departmentName)).toEqual(['医政科']);
    const med = model.reminders.find((g) => g.departmentName === '医政科')!;
    expect(med.items.map((i) => [i.number, i.kind])).toEqual([['2', 'behind']]);
    f.setToday('2025-07-11');
    const late = await f.t.call('report.model', { kind: 'reminders', scope: { period: '2025-Q2' } });
    expect(late.reminders.find((g) => g.departmentName === '妇幼科')!.items.map((i) => [i.number, i.kind, i.color])).toEqual([['3', 'late', 'grey']]);
  });

  it('carries approved entries by default; 待审核 only when asked and marked; a returned entry never as progress; 无 is not text', async () => {
    const f = await seeded();
    const Q2 = '2025-Q2';
    const entry = await f.t.call('progress.save', { period: Q2, taskId: f.maternal.id, departmentId: f.mch.id, fields: fields({ percent: 50, progressText: '完成孕产妇风险筛查。', problemsText: '无' }), submit: true });
    const strict = await f.t.call('report.model', { kind: 'ledger', scope: { period: Q2 } });
    const maternal = strict.tasks[2]!;
    expect([maternal.state, maternal.entries[0]!.report, maternal.entries[0]!.progress]).toEqual(['未填报', 'pending-review', '']);
    expect(strict.counts.awaitingReview).toBe(1);
    const loose = await f.t.call('report.model', { kind: 'ledger', scope: { period: Q2, includeSubmitted: true } });
    const shown = loose.tasks[2]!;
    expect([shown.state, shown.entries[0]!.awaitingReview, shown.entries[0]!.progress, shown.entries[0]!.problems]).toEqual(['按序时推进', true, '完成孕产妇风险筛查。', '']);
    expect(loose.counts).toMatchObject({ onPace: 1, notReported: 0 });
    await f.t.call('progress.review', { id: entry.id, decision: 'return', comment: '请补充数据' });
    const afterReturn = await f.t.call('report.model', { kind: 'ledger', scope: { period: Q2, includeSubmitted: true } });
    const back = afterReturn.tasks[2]!;
    expect([back.state, back.returned, back.entries[0]!.report, back.entries[0]!.progress]).toEqual(['未填报', ['妇幼科'], 'returned', '']);
  });

  it('narrows to one department like the ledger chips, and names the file after it', async () => {
    const f = await seeded();
    const model = await f.t.call('report.model', { kind: 'ledger', scope: { period: '2025-Q2', departmentIds: [f.med.id] } });
    expect(model.tasks.map((t) => t.number)).toEqual(['2']);
    expect(model.departmentName).toBe('医政科');
    const file = await f.t.call('report.build', { kind: 'ledger', format: 'csv', scope: { period: '2025-Q2', departmentIds: [f.med.id] }, save: false });
    expect(file.fileName).toBe('渝北区卫生健康委医政科_2025年第二季度重点工作台账.csv');
    expect(file.savedPath).toBeNull();
  });

  it('saves into the reports folder without overwriting, and reveals only its own files', async () => {
    const f = await seeded();
    const args = { kind: 'ledger', format: 'csv', scope: { period: '2025-Q2' } } as const;
    const first = await f.t.call('report.build', args);
    const second = await f.t.call('report.build', args);
    expect(path.basename(first.savedPath!)).toBe('渝北区卫生健康委_2025年第二季度重点工作台账.csv');
    expect(path.basename(second.savedPath!)).toBe('渝北区卫生健康委_2025年第二季度重点工作台账(2).csv');
    expect(fs.readFileSync(first.savedPath!)).toEqual(Buffer.from(first.contentBase64, 'base64'));
    expect(fs.readdirSync(path.dirname(first.savedPath!)).some((n) => n.endsWith('.part'))).toBe(false);
    const revealed = await f.t.call('report.reveal', { path: first.savedPath! });
    expect(revealed).toEqual({ revealed: false, folder: path.dirname(first.savedPath!) });
    const outside = await f.t.raw('report.reveal', { path: f.t.core.file });
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    fs.rmSync(first.savedPath!);
    expect(await f.t.raw('report.reveal', { path: first.savedPath! })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a format the report does not come in, in Chinese, and reports progress', async () => {
    const f = await seeded();
    const refused = await f.t.raw('report.build', { kind: 'summary', format: 'csv', scope: { period: '2025-Q2' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(refused.ok ? '' : refused.error.message).toContain('情况报告为 Word');
    f.t.events.length = 0;
    await f.t.call('report.build', { kind: 'indicators', format: 'csv', scope: { period: '2025-Q2' }, save: false });
    const progress = f.t.events.filter((e) => e.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ done: 100, total: 100 });
    expect(progress.every((e) => e.type === 'progress' && Number.isInteger(e.done))).toBe(true);
  });
});
