import { describe, expect, it } from 'vitest';
import { indicatorValueId } from '../../electron/core/ids';
import { addIndicator, changeCount, quarterFixture, type QuarterFixture } from './progress-fixture';

async function withIndicators() {
  const f = await quarterFixture({ today: '2025-07-10' });
  const base = { plan_id: f.plan.id, comparator: '>=', accumulation: 'point' } as const;
  const ids = {
    literacy: addIndicator(f.t, { ...base, name: '居民健康素养水平', unit: '%', target_value: 30, value_kind: 'proportion', task_id: f.literacy.id }),
    infant: addIndicator(f.t, { ...base, name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3, value_kind: 'proportion', department_id: f.mch.id, sort_order: 2 }),
    training: addIndicator(f.t, { ...base, name: '救护培训人次', unit: '人次', target_value: 30000, value_kind: 'count', accumulation: 'cumulative', task_id: f.literacy.id, sort_order: 3 }),
    growth: addIndicator(f.t, { ...base, name: '门诊量增长率', unit: '%', target_value: 5, value_kind: 'growth', sort_order: 4 }),
  };
  return { f, ids };
}

async function refusal(f: QuarterFixture, indicatorId: string, value: number) {
  const result = await f.t.raw('indicators.setValue', { indicatorId, period: '2025-Q2', value });
  if (result.ok) throw new Error(`value ${value} was accepted`);
  return result.error;
}

describe('indicator values', () => {
  it('records a value under its derived id, with its light', async () => {
    const { f, ids } = await withIndicators();
    const result = await f.t.call('indicators.setValue', { indicatorId: ids.literacy, period: '2025-Q2', value: 31.2, note: '监测数据' });
    expect(result.warning).toBeNull();
    expect(result.indicator).toMatchObject({ id: ids.literacy, name: '居民健康素养水平', valueKind: 'proportion', accumulation: 'point', taskId: f.literacy.id });
    expect(result.indicator.values['2025-Q2']).toEqual({ value: 31.2, note: '监测数据', light: { color: 'green', reason: '居民健康素养水平 31.2%，已达到目标30%（越高越好）' } });
    const officeId = f.t.core.requireIdentity().officeId;
    const row = f.t.core.db.prepare('SELECT value, period FROM indicator_values WHERE id = ?').get(indicatorValueId(ids.literacy, officeId, '2025-Q2'));
    expect(row).toEqual({ value: 31.2, period: '2025-Q2' });
    // Correcting the value updates the same row.
    await f.t.call('indicators.setValue', { indicatorId: ids.literacy, period: '2025-Q2', value: 29.5 });
    expect(f.t.core.db.prepare('SELECT COUNT(*) AS n FROM indicator_values').get()).toEqual({ n: 1 });
    f.t.close();
  });

  it('checks values by kind: proportions in % and ‰, whole counts, negative growth allowed', async () => {
    const { f, ids } = await withIndicators();
    const before = changeCount(f.t);
    const percent = await refusal(f, ids.literacy, 100.5);
    expect(percent).toMatchObject({ code: 'INVALID_ARGUMENT', message: '该指标是比例（单位%），数值应在0到100之间。如该指标类型不对，可在“指标”页修改指标类型。' });
    expect(percent.fields).toEqual({ value: percent.message });
    expect((await refusal(f, ids.literacy, -1)).code).toBe('INVALID_ARGUMENT');
    const perMille = await refusal(f, ids.infant, 1000.5);
    expect(perMille.message).toContain('数值应在0到1000之间');
    const count = await refusal(f, ids.training, 1200.5);
    expect(count.message).toBe('该指标是数量，应为整数。如该指标类型不对，可在“指标”页修改指标类型。');
    expect(changeCount(f.t)).toBe(before);

    // 200‰ is a valid per-mille proportion though it would be out of range in %.
    await f.t.call('indicators.setValue', { indicatorId: ids.infant, period: '2025-Q2', value: 200 });
    const growth = await f.t.call('indicators.setValue', { indicatorId: ids.growth, period: '2025-Q2', value: -3.2 });
    expect(growth.indicator.values['2025-Q2']?.value).toBe(-3.2);
    f.t.close();
  });

  it('warns (without refusing) when a value jumps more than threefold from the previous period', async () => {
    const { f, ids } = await withIndicators();
    expect((await f.t.call('indicators.setValue', { indicatorId: ids.training, period: '2025-Q1', value: 5000 })).warning).toBeNull();
    const jump = await f.t.call('indicators.setValue', { indicatorId: ids.training, period: '2025-Q2', value: 50000 });
    expect(jump.warning).toBe('本期数值50000与上期5000相差超过3倍，请核对是否填写有误');
    expect(jump.indicator.values['2025-Q2']?.value).toBe(50000);
    expect((await f.t.call('indicators.setValue', { indicatorId: ids.training, period: '2025-Q3', value: 60000 })).warning).toBeNull();
    // Yearly values compare with the year before.
    await f.t.call('indicators.setValue', { indicatorId: ids.literacy, period: '2024', value: 8 });
    expect((await f.t.call('indicators.setValue', { indicatorId: ids.literacy, period: '2025', value: 28 })).warning).toContain('相差超过3倍');
    f.t.close();
  });

  it('judges a cumulative count against the pace set for the indicator', async () => {
    const { f, ids } = await withIndicators();
    const even = await f.t.call('indicators.setValue', { indicatorId: ids.training, period: '2025-Q2', value: 12000 });
    // Even pace: half the year → 15000 expected; 12000 is 10 points behind → yellow.
    expect(even.indicator.values['2025-Q2']?.light.color).toBe('yellow');
    const updated = await f.t.call('indicators.update', { id: ids.training, pace: [0.1, 0.4, 0.7, 1] });
    expect(updated.pace).toEqual([0.1, 0.4, 0.7, 1]);
    expect(updated.values['2025-Q2']?.light).toEqual({ color: 'green', reason: '救护培训人次累计12000人次，完成全年目标的40%，达到2025-Q2序时进度40%' });
    f.t.close();
  });

  it('updates kind, accumulation and owner, and refuses an unknown department or a falling pace', async () => {
    const { f, ids } = await withIndicators();
    const updated = await f.t.call('indicators.update', { id: ids.growth, valueKind: 'rate', accumulation: 'cumulative', departmentId: f.med.id });
    expect(updated).toMatchObject({ valueKind: 'rate', accumulation: 'cumulative', departmentId: f.med.id });
    const history = await f.t.call('history.record', { table: 'indicators', id: ids.growth });
    expect(history.filter((h) => h.batch === history.at(-1)!.batch).map((h) => h.column).sort()).toEqual(['accumulation', 'department_id', 'value_kind']);
    const unknown = await f.t.raw('indicators.update', { id: ids.growth, departmentId: '0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { departmentId: '所选科室不存在' } } });
    const falling = await f.t.raw('indicators.update', { id: ids.growth, pace: [0.5, 0.4, 0.7, 1] });
    expect(falling).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const missing = await f.t.raw('indicators.setValue', { indicatorId: '0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b', period: '2025-Q2', value: 1 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到该指标，可能已被删除' } });
    f.t.close();
  });

  it('lists a department’s indicators: assigned to it, or unassigned under a task it leads', async () => {
    const { f, ids } = await withIndicators();
    const names = async (departmentId: string) => (await f.t.call('indicators.list', { departmentId })).map((i) => i.name);
    expect(await names(f.cdc.id)).toEqual(['居民健康素养水平', '救护培训人次']);
    expect(await names(f.mch.id)).toEqual(['婴儿死亡率']);
    await f.t.call('indicators.update', { id: ids.training, departmentId: f.med.id });
    expect(await names(f.cdc.id)).toEqual(['居民健康素养水平']);
    expect((await f.t.call('indicators.list', { planId: f.plan.id })).length).toBe(4);
    const sheet = await f.t.call('progress.sheet', { period: '2025-Q2', departmentId: f.med.id });
    expect(sheet.indicators.map((i) => i.id)).toEqual([ids.training]);
    f.t.close();
  });
});
