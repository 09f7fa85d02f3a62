import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../shared/api/catalog';
import { createTestCore } from '../helpers/core';
import { cityWithThreeDistricts, localNoon, seedOffice, WORK_POINTS } from './catalog-fixture';

const cellsOf = (result: CompareResult, metric: string, names: Map<string, string>) =>
  result.metrics.find((m) => m.name === metric)!.cells.map((c) => [names.get(c.officeId), c.value, c.target, c.light.color]);

describe('各单位对比', () => {
  it('counts each district’s tasks by quarter state for the quarter and puts the furthest behind first', async () => {
    const { t } = await cityWithThreeDistricts();
    const result = await t.call('dashboard.compare', { period: '2025-Q2', metricIds: [] });
    // 北碚's 加强职业病防治 nobody reported: 未填报 (grey), not 滞后.
    expect(result.offices.map((o) => [o.name, o.tasks, o.done, o.green, o.yellow, o.red, o.grey, o.partial, o.late, o.onTrackShare])).toEqual([
      ['北碚区卫生健康委', 3, 0, 1, 0, 1, 1, 0, 0, 1 / 3],
      ['江北区卫生健康委', 5, 1, 1, 1, 2, 0, 0, 0, 2 / 5],
      ['南岸区卫生健康委', 4, 2, 1, 0, 0, 1, 0, 0, 3 / 4],
    ]);
    t.close();
  });

  it('counts an office as its own 总览 does: a shared task on the lead that reported, marked 部分科室未报 and, after the deadline, 逾期未报', async () => {
    const t = await createTestCore({ officeName: '重庆市卫生健康委', now: () => localNoon('2025-07-20') });
    const office = seedOffice(t.core, '江北区卫生健康委', [
      {
        title: WORK_POINTS('江北区'),
        yearFrom: 2025,
        yearTo: 2025,
        tasks: [
          { title: '开展慢病综合防控', entries: [{ status: '推进中', percent: 60 }, null] },
          { title: '加强职业病防治', entries: [null] },
          { title: '建设智慧医院', entries: [{ status: '推进中', percent: 30 }] },
        ],
      },
    ]);
    const result = await t.call('dashboard.compare', { period: '2025-Q2', metricIds: [] });
    const row = result.offices.find((o) => o.officeId === office.id)!;
    expect([row.tasks, row.done, row.green, row.yellow, row.red, row.grey, row.partial, row.late]).toEqual([3, 0, 1, 0, 1, 1, 1, 2]);
    const summary = await t.call('dashboard.summary', { period: '2025-Q2', officeId: office.id });
    expect([summary.cards.done, summary.cards.onPace, summary.cards.behind, summary.cards.notReported, summary.cards.partial, summary.cards.late]).toEqual([
      row.done,
      row.green,
      row.yellow + row.red,
      row.grey,
      row.partial,
      row.late,
    ]);
    // An entry back to 已提交 (not yet approved): it counts only with 含待审核, here as on 总览.
    const entry = t.core.db.prepare("SELECT id FROM progress_reports WHERE percent = 30").pluck().get() as string;
    t.core.mutations.run((w) => w.update('progress_reports', entry, { workflow_state: 'submitted' }));
    for (const includeSubmitted of [false, true]) {
      const again = (await t.call('dashboard.compare', { period: '2025-Q2', metricIds: [], includeSubmitted })).offices.find((o) => o.officeId === office.id)!;
      const cards = (await t.call('dashboard.summary', { period: '2025-Q2', officeId: office.id, includeSubmitted })).cards;
      expect([again.green, again.yellow + again.red, again.grey], String(includeSubmitted)).toEqual([cards.onPace, cards.behind, cards.notReported]);
      expect(again.grey, String(includeSubmitted)).toBe(includeSubmitted ? 1 : 2);
    }
    t.close();
  });

  it('shows each metric in every district with the district’s value, target and light, worst first', async () => {
    const { t, jiangbei, nanan, beibei } = await cityWithThreeDistricts();
    const names = new Map([jiangbei, nanan, beibei].map((o) => [o.id, o.name]));
    const result = await t.call('dashboard.compare', { period: '2025-Q2', metricIds: [] });
    expect(result.metrics.map((m) => [m.name, m.unit, m.direction])).toEqual([
      ['居民健康素养水平', '%', 'up'],
      ['婴儿死亡率', '‰', 'down'],
      ['孕产妇死亡率', '/10万', 'down'],
    ]);
    // ≥ 30%: 25 red, 29 within 5% (1.5 points) yellow, 32 green; 江北's 十四五 indicator (target 35) is not used.
    expect(cellsOf(result, '居民健康素养水平', names)).toEqual([
      ['北碚区卫生健康委', 25, 30, 'red'],
      ['南岸区卫生健康委', 29, 30, 'yellow'],
      ['江北区卫生健康委', 32, 30, 'green'],
    ]);
    // ≤ 3‰, lower is better: both reds, the higher one first; 2.5 is green.
    expect(cellsOf(result, '婴儿死亡率', names)).toEqual([
      ['南岸区卫生健康委', 4, 3, 'red'],
      ['江北区卫生健康委', 3.5, 3, 'red'],
      ['北碚区卫生健康委', 2.5, 3, 'green'],
    ]);
    // ≤ 10/10万: 12 red, 8 green, 北碚 has the indicator but no value this quarter → grey.
    const maternal = result.metrics.find((m) => m.name === '孕产妇死亡率')!;
    expect(cellsOf(result, '孕产妇死亡率', names)).toEqual([
      ['江北区卫生健康委', 12, 10, 'red'],
      ['南岸区卫生健康委', 8, 10, 'green'],
      ['北碚区卫生健康委', null, 10, 'grey'],
    ]);
    expect(maternal.cells[0]!.light.reason).toContain('越低越好');
    expect(maternal.cells[0]!.indicatorId).toBe(jiangbei.indicator(WORK_POINTS('江北区'), '孕产妇死亡率（1/10万）'));
    t.close();
  });

  it('leaves a district without the indicator grey, and shows only the metrics asked for', async () => {
    const { t, beibei } = await cityWithThreeDistricts();
    const catalog = await t.call('catalog.list', {});
    const infant = catalog.metrics.find((m) => m.name === '婴儿死亡率')!;
    // The city decides 北碚's 婴儿死亡率 is not the metric: 北碚 then has no such indicator.
    await t.call('catalog.decide', { indicatorId: beibei.indicator(WORK_POINTS('北碚区'), '婴儿死亡率'), metricId: infant.id, same: false });
    const result = await t.call('dashboard.compare', { period: '2025-Q2', metricIds: [infant.id] });
    expect(result.metrics).toHaveLength(1);
    const last = result.metrics[0]!.cells.at(-1)!;
    expect(last).toMatchObject({ officeId: beibei.id, indicatorId: null, value: null, target: null, light: { color: 'grey' } });
    expect(last.light.reason).toBe('北碚区卫生健康委的计划中没有“婴儿死亡率”这项指标');
    // Q1: only 江北's literacy has a value.
    const q1 = await t.call('dashboard.compare', { period: '2025-Q1', metricIds: [] });
    expect(q1.metrics[0]!.cells.map((c) => c.value)).toEqual([20, null, null]);
    t.close();
  });

  it('compares every generated district with the same metrics', async () => {
    const t = await createTestCore({ officeName: '重庆市卫生健康委', now: () => localNoon('2025-12-20') });
    await t.call('system.generate', { offices: 6, years: 1, tasksPerPlan: 8, firstYear: 2025, seed: 3 });
    await t.call('catalog.fromIndicators', {});
    const result = await t.call('dashboard.compare', { period: '2025-Q3', metricIds: [] });
    expect(result.offices).toHaveLength(6);
    expect(result.metrics).toHaveLength(6);
    for (const office of result.offices) {
      expect(office.tasks).toBe(8);
      expect(office.done + office.green + office.yellow + office.red + office.grey).toBe(8);
    }
    const shares = result.offices.map((o) => o.onTrackShare!);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    for (const metric of result.metrics) {
      expect(metric.cells.map((c) => c.officeId).sort()).toEqual(result.offices.map((o) => o.officeId).sort());
      expect(metric.cells.every((c) => c.indicatorId !== null && c.value !== null)).toBe(true);
    }
    // The comparison agrees with each district's own quarter status for its literacy value.
    const literacy = result.metrics.find((m) => m.name === '居民健康素养水平')!;
    const values = t.core.db.prepare('SELECT v.value FROM indicator_values v WHERE v.indicator_id = ? AND v.period = ?').pluck();
    for (const cell of literacy.cells) expect(cell.value).toBe(values.get(cell.indicatorId, '2025-Q3'));
    t.close();
  });
});
