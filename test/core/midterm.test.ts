import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { quarterFixture } from './progress-fixture';
import type { TestCore } from '../helpers/core';

function indicator(t: TestCore, planId: string, values: Record<string, unknown>): string {
  const id = randomUUID();
  t.core.mutations.run((w) => w.insert('indicators', id, { plan_id: planId, value_kind: 'proportion', accumulation: 'point', comparator: '>=', sort_order: 1, ...values }));
  return id;
}

describe('dashboard.midterm', () => {
  it('draws the yearly path from baseline to target and flags yearly targets that do not add up', async () => {
    const f = await quarterFixture({ today: '2025-03-01' });
    const plan = await f.t.call('plans.create', { kind: 'five-year-plan', title: '渝北区“十四五”卫生健康发展规划', yearFrom: 2021, yearTo: 2025 });
    const literacy = indicator(f.t, plan.id, { name: '居民健康素养水平', unit: '%', target_value: 34, target_year: 2025, baseline_value: 24, baseline_year: 2020 });
    indicator(f.t, plan.id, { name: '新增托位', unit: '个', target_value: 1000, value_kind: 'count', accumulation: 'cumulative', sort_order: 2 });
    indicator(f.t, plan.id, { name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, target_year: 2025, baseline_value: 15, baseline_year: 2020, value_kind: 'rate', sort_order: 3 });
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      const annual = await f.t.call('plans.create', { kind: 'work-points', title: `${year}年工作要点`, yearFrom: year, yearTo: year });
      indicator(f.t, annual.id, { name: '新增托位', unit: '个', target_value: 150, value_kind: 'count', accumulation: 'cumulative', ...(year === 2024 ? { pace: [0.2, 0.4, 0.6, 0.9] } : {}) });
      if (year === 2023) indicator(f.t, annual.id, { name: '居民 健康素养水平', unit: '%', target_value: 29, sort_order: 2 });
      if (year === 2024) indicator(f.t, annual.id, { name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 11, value_kind: 'rate', sort_order: 3 });
    }
    await f.t.call('indicators.setValue', { indicatorId: literacy, period: '2023-Q4', value: 31 });
    await f.t.call('indicators.setValue', { indicatorId: literacy, period: '2024', value: 31 });

    const result = await f.t.call('dashboard.midterm', { planId: plan.id });
    const [lit, places, mortality] = result.indicators;
    expect(lit!.path.map((p) => [p.year, p.expected, p.actual, p.yearlyTarget, p.light.color])).toEqual([
      [2020, 24, 24, null, 'green'],
      [2021, 26, null, null, 'grey'],
      [2022, 28, null, null, 'grey'],
      [2023, 30, 31, 29, 'green'],
      [2024, 32, 31, null, 'yellow'],
      [2025, 34, null, null, 'grey'],
    ]);
    expect(lit!.flags).toEqual(['2023年度目标29%低于规划路径应达的30%，按此节奏2025年达不到规划目标34%']);
    expect(places!.flags).toEqual(['各年度目标合计750个，少于规划目标1000个', '2024年度“新增托位”的季度序时进度四季度为90%，各季度合计不等于全年目标']);
    // Lower is better: a yearly ceiling above the path (11 > 11) is not flagged; the path falls 15 → 10.
    expect(mortality!.direction).toBe('down');
    expect(mortality!.path.map((p) => p.expected)).toEqual([15, 14, 13, 12, 11, 10]);
    expect(mortality!.flags).toEqual([]);
    f.t.close();
  });

  it('refuses a one-year plan with a Chinese reason', async () => {
    const f = await quarterFixture();
    const result = await f.t.raw('dashboard.midterm', { planId: f.plan.id });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('中期评估只适用于五年规划等多年计划');
    f.t.close();
  });
});
