import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  asOfDate,
  checkValue,
  defaultStatusSettings,
  directionOf,
  evaluateTarget,
  expectedShare,
  expectedTaskShare,
  indicatorLight,
  outlierWarning,
  taskLight,
  type IndicatorSpec,
  type TargetSpec,
  type TaskSpec,
} from '../../shared/domain/lights';

const target = (over: Partial<TargetSpec>): TargetSpec => ({ name: '指标', unit: '%', comparator: '>=', value: 38, valueMax: null, baseline: null, ...over });

describe('target evaluation, higher is better (≥)', () => {
  const literacy = target({ name: '居民健康素养水平', value: 38, baseline: 30 });
  it('is met exactly on the target and above it', () => {
    expect(evaluateTarget(literacy, 38).state).toBe('met');
    expect(evaluateTarget(literacy, 40).state).toBe('met');
  });
  it('is close within the tolerance and not met beyond it', () => {
    // margin = 5% × max(38, gap 8) = 1.9
    expect(evaluateTarget(literacy, 36.1).state).toBe('close');
    expect(evaluateTarget(literacy, 36.09).state).toBe('not-met');
  });
  it('measures progress from the baseline', () => {
    expect(evaluateTarget(literacy, 34).progress).toBeCloseTo(0.5);
    expect(evaluateTarget(literacy, 30).progress).toBe(0);
    expect(evaluateTarget(literacy, 38).progress).toBe(1);
  });
  it('explains itself', () => {
    expect(evaluateTarget(literacy, 35).light).toEqual({ color: 'red', reason: '居民健康素养水平 35%，低于目标38%（越高越好）' });
    expect(evaluateTarget(literacy, 39).light).toEqual({ color: 'green', reason: '居民健康素养水平 39%，已达到目标38%（越高越好）' });
  });
  it('treats > strictly', () => {
    const coverage = target({ comparator: '>', value: 95 });
    expect(evaluateTarget(coverage, 95).state).not.toBe('met');
    expect(evaluateTarget(coverage, 95.1).state).toBe('met');
  });
});

describe('target evaluation, lower is better (≤)', () => {
  const infant = target({ name: '婴儿死亡率', unit: '‰', comparator: '<=', value: 3, baseline: 3.6 });
  it('is green when the rate falls below the target, red when above it', () => {
    expect(evaluateTarget(infant, 2.8).light.color).toBe('green');
    expect(evaluateTarget(infant, 3).light.color).toBe('green');
    expect(evaluateTarget(infant, 3.4).light).toEqual({ color: 'red', reason: '婴儿死亡率 3.4‰，高于目标3‰（越低越好）' });
  });
  it('is close just above the target', () => {
    // margin = 5% × max(3, gap 0.6) = 0.15
    expect(evaluateTarget(infant, 3.15).state).toBe('close');
    expect(evaluateTarget(infant, 3.16).state).toBe('not-met');
  });
  it('counts a fall as progress', () => {
    expect(evaluateTarget(infant, 3.3).progress).toBeCloseTo(0.5);
    expect(evaluateTarget(infant, 3.9).progress).toBeLessThan(0);
  });
  it('handles /10万 incidence the same way', () => {
    const tb = target({ name: '结核病报告发病率', unit: '/10万', comparator: '<=', value: 40 });
    expect(evaluateTarget(tb, 41).light.reason).toBe('结核病报告发病率 41/10万，高于目标40/10万（越低越好）');
    expect(evaluateTarget(tb, 41).state).toBe('close');
    expect(evaluateTarget(tb, 45).state).toBe('not-met');
  });
  it('colours and progress follow the direction for any values (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), (goal, actual) => {
        const down = evaluateTarget(target({ comparator: '<=', value: goal }), actual);
        const up = evaluateTarget(target({ comparator: '>=', value: goal }), actual);
        if (actual < goal) {
          expect(down.state).toBe('met');
          expect(up.state).not.toBe('met');
        }
        if (actual > goal) {
          expect(up.state).toBe('met');
          expect(down.state).not.toBe('met');
        }
      }),
    );
  });
});

describe('target evaluation, = and between', () => {
  it('zero deaths is met only at zero', () => {
    const deaths = target({ name: '重大食物中毒死亡人数', unit: '人', comparator: '=', value: 0 });
    expect(evaluateTarget(deaths, 0).state).toBe('met');
    expect(evaluateTarget(deaths, 1).state).toBe('not-met');
  });
  it('a range is met inside, including its ends', () => {
    const range = target({ name: '新增学校红十字会', unit: '个', comparator: 'between', value: 3, valueMax: 5 });
    expect(evaluateTarget(range, 3).state).toBe('met');
    expect(evaluateTarget(range, 5).state).toBe('met');
    expect(evaluateTarget(range, 6).light.reason).toBe('新增学校红十字会 6个，不在目标区间3—5个之内');
    expect(evaluateTarget(range, 6).progress).toBeNull();
  });
  it('knows the direction of each comparator', () => {
    expect([directionOf('>='), directionOf('>'), directionOf('<='), directionOf('<'), directionOf('='), directionOf('between')]).toEqual(['up', 'up', 'down', 'down', 'exact', 'exact']);
  });
  it('a zero baseline and a per-indicator tolerance work', () => {
    const beds = target({ name: '托位', unit: '个', value: 100, baseline: 0, tolerance: 0.2 });
    expect(evaluateTarget(beds, 80).state).toBe('close');
    expect(evaluateTarget(beds, 79).state).toBe('not-met');
    expect(evaluateTarget(beds, 50).progress).toBe(0.5);
  });
});

describe('indicator lights with pace', () => {
  const training: IndicatorSpec = { name: '救护培训', unit: '人次', comparator: '>=', value: 30000, valueMax: null, baseline: 0, accumulation: 'cumulative', pace: null };
  it('uses 25/50/75/100% by default', () => {
    expect([1, 2, 3, 4].map((q) => expectedShare(training, q))).toEqual([0.25, 0.5, 0.75, 1]);
  });
  it('is green exactly on pace, yellow a little behind, red far behind', () => {
    const q2 = { year: 2025, quarter: 2 as const };
    expect(indicatorLight(training, 15000, q2).color).toBe('green');
    expect(indicatorLight(training, 12500, q2).color).toBe('yellow');
    expect(indicatorLight(training, 10000, q2)).toEqual({ color: 'red', reason: '救护培训累计10000人次，完成全年目标的33%，落后于2025-Q2序时进度50%（应达15000人次）' });
  });
  it('follows a custom pace', () => {
    const backLoaded = { ...training, pace: [0, 0.2, 0.5, 1] };
    expect(indicatorLight(backLoaded, 6000, { year: 2025, quarter: 2 }).color).toBe('green');
  });
  it('judges a point-in-time value against the target directly, whatever the quarter', () => {
    const infant: IndicatorSpec = { name: '婴儿死亡率', unit: '‰', comparator: '<=', value: 3, valueMax: null, baseline: null, accumulation: 'point', pace: null };
    expect(indicatorLight(infant, 3.4, { year: 2025, quarter: 1 }).reason).toBe('婴儿死亡率 3.4‰，高于目标3‰（越低越好）');
    expect(indicatorLight(infant, null, { year: 2025, quarter: 1 })).toEqual({ color: 'grey', reason: '婴儿死亡率本期尚未填报' });
  });
});

describe('task lights', () => {
  const task = (over: Partial<TaskSpec> = {}): TaskSpec => ({ title: '提升健康素养水平', due: { date: '2025-12-31', fromYear: null, toYear: 2025 }, milestones: null, planYearFrom: 2025, planYearTo: 2025, ...over });
  const q2 = { year: 2025, quarter: 2 as const };
  const endQ2 = '2025-06-30';

  it('judges a past quarter at its end and the current one at today', () => {
    expect(asOfDate({ year: 2025, quarter: 1 }, '2025-11-22')).toBe('2025-03-31');
    expect(asOfDate({ year: 2025, quarter: 4 }, '2025-11-22')).toBe('2025-11-22');
  });
  it('is green when done, whatever the date', () => {
    expect(taskLight(task(), { status: '已完成', percent: 100 }, q2, endQ2).color).toBe('green');
    expect(taskLight(task(), { status: '已办结', percent: null }, { year: 2026, quarter: 1 }, '2026-03-31').color).toBe('green');
  });
  it('is red when reported 滞后 or overdue', () => {
    expect(taskLight(task(), { status: '滞后', percent: 30 }, q2, endQ2)).toEqual({ color: 'red', reason: '“提升健康素养水平”报告为滞后' });
    expect(taskLight(task({ due: { date: '2025-06-15', fromYear: null, toYear: 2025 } }), { status: '推进中', percent: 90 }, q2, endQ2).reason).toBe('“提升健康素养水平”已超过完成时限（2025-06-15）仍未完成');
  });
  it('follows elapsed time: on pace green, a little behind yellow, far behind red', () => {
    const share = expectedTaskShare(task(), q2, endQ2).share;
    expect(share).toBeCloseTo(181 / 365, 3);
    expect(taskLight(task(), { status: '推进中', percent: 50 }, q2, endQ2).color).toBe('green');
    expect(taskLight(task(), { status: '推进中', percent: 45 }, q2, endQ2).color).toBe('yellow');
    // Judged in whole percents: 30% on 2025-04-20 (序时 30.1%, shown as 30%) is on pace, not "略低于序时进度30%".
    expect(taskLight(task(), { status: '推进中', percent: 30 }, { year: 2025, quarter: 2 }, '2025-04-20')).toEqual({ color: 'green', reason: '“提升健康素养水平”完成30%，符合序时进度30%' });
    expect(taskLight(task(), { status: '推进中', percent: 30 }, q2, endQ2).reason).toBe('“提升健康素养水平”完成30%，落后于序时进度50%');
  });
  it('is yellow when due within 30 days and not done', () => {
    const soon = task({ due: { date: '2025-07-20', fromYear: null, toYear: 2025 } });
    expect(taskLight(soon, { status: '推进中', percent: null }, q2, endQ2)).toEqual({ color: 'yellow', reason: '“提升健康素养水平”距完成时限还有20天，尚未完成' });
  });
  it('is grey when not started and not yet due, red when it should have started long ago', () => {
    const later = task({ due: null, milestones: [{ period: '2025-Q3', text: '完成方案' }, { period: '2025-Q4', text: '建成投用' }] });
    expect(taskLight(later, null, q2, endQ2).color).toBe('grey');
    expect(taskLight(task(), { status: '未启动', percent: null }, q2, endQ2).color).toBe('red');
  });
  it('follows milestones when it has them', () => {
    const withMilestones = task({ milestones: [{ period: '2025-Q2', text: '完成方案' }, { period: '2025-Q4', text: '建成投用' }] });
    expect(expectedTaskShare(withMilestones, q2, endQ2)).toEqual({ share: 0.5, milestone: { period: '2025-Q2', text: '完成方案' } });
    expect(taskLight(withMilestones, { status: '推进中', percent: 20 }, q2, endQ2).reason).toBe('“提升健康素养水平”完成20%，落后于序时进度50%（节点：完成方案）');
  });
  it('uses planned years for five-year tasks', () => {
    const fiveYear = task({ due: { date: null, fromYear: 2021, toYear: 2025 } });
    expect(expectedTaskShare(fiveYear, { year: 2023, quarter: 4 }, '2023-12-31').share).toBeCloseTo(3 / 5, 2);
  });
  it('uses the office settings', () => {
    const strict = { ...defaultStatusSettings, paceTolerance: 0.01 };
    expect(taskLight(task(), { status: '推进中', percent: 45 }, q2, endQ2, strict).color).toBe('red');
  });
});

describe('value checks by kind', () => {
  it('keeps proportions within 0–100 (%) and 0–1000 (‰)', () => {
    expect(checkValue('proportion', '%', 100)).toBeNull();
    expect(checkValue('proportion', '%', 101)).toBe('该指标是比例（单位%），数值应在0到100之间。如该指标类型不对，可在“指标”页修改指标类型。');
    expect(checkValue('proportion', '‰', 999)).toBeNull();
    expect(checkValue('proportion', '‰', -1)).toContain('0到1000');
  });
  it('wants counts as non-negative integers', () => {
    expect(checkValue('count', '个', 3)).toBeNull();
    expect(checkValue('count', '个', 2.5)).toContain('应为整数');
    expect(checkValue('count', '个', -1)).toContain('不能为负数');
  });
  it('lets growth rates and other numbers be negative', () => {
    expect(checkValue('growth', '%', -3.5)).toBeNull();
    expect(checkValue('other', '', -7)).toBeNull();
  });
  it('warns about jumps but does not block them', () => {
    expect(outlierWarning(100, 350)).toBe('本期数值350与上期100相差超过3倍，请核对是否填写有误');
    expect(outlierWarning(100, 250)).toBeNull();
    expect(outlierWarning(null, 5)).toBeNull();
  });
});
