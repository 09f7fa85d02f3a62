import { describe, expect, it } from 'vitest';
import { expectedTaskShare, milestoneLabel, taskLight, type TaskSpec } from '../../shared/domain/lights';

const task = (milestones: TaskSpec['milestones']): TaskSpec => ({ title: '建设区域医疗中心', due: { date: '2025-12-31', fromYear: 2025, toYear: 2025 }, milestones, planYearFrom: 2025, planYearTo: 2025 });
const q = (quarter: 1 | 2 | 3 | 4) => ({ year: 2025, quarter });
const ends = { 1: '2025-03-31', 2: '2025-06-30', 3: '2025-09-30', 4: '2025-12-31' } as const;

describe('milestones with expected percents (节点目标)', () => {
  const withPercents = task([
    { period: '2025-Q4', text: '建成投用', percent: 100 },
    { period: '2025-Q2', text: '完成方案', percent: 40 },
    { period: '2025-Q3', text: '主体完工', percent: 70 },
  ]);

  it('expects the percent of the last milestone due, and nothing before the first', () => {
    expect(expectedTaskShare(withPercents, q(1), ends[1])).toEqual({ share: 0, milestone: null });
    expect(expectedTaskShare(withPercents, q(2), ends[2]).share).toBeCloseTo(0.4, 10);
    expect(expectedTaskShare(withPercents, q(2), '2025-08-15').share).toBeCloseTo(0.4, 10);
    expect(expectedTaskShare(withPercents, q(3), ends[3]).share).toBeCloseTo(0.7, 10);
    expect(expectedTaskShare(withPercents, q(4), ends[4]).share).toBe(1);
  });

  it('keeps equal weight for milestones without a percent, also beside ones that have one', () => {
    const mixed = task([{ period: '2025-Q1', text: '摸底' }, { period: '2025-Q2', text: '完成方案', percent: 10 }, { period: '2025-Q3', text: '试点', percent: null }, { period: '2025-Q4', text: '推开' }]);
    expect(expectedTaskShare(mixed, q(1), ends[1]).share).toBe(0.25);
    expect(expectedTaskShare(mixed, q(2), ends[2]).share).toBeCloseTo(0.1, 10);
    expect(expectedTaskShare(mixed, q(3), ends[3]).share).toBe(0.75);
  });

  it('judges progress against the milestone percent and names the milestone in the reason', () => {
    // Q2 完成40%: 35% is a little behind, 25% far behind, 40% on pace; elapsed time alone would expect ~50%.
    expect(taskLight(withPercents, { status: '推进中', percent: 40 }, q(2), ends[2])).toEqual({ color: 'green', reason: '“建设区域医疗中心”完成40%，符合序时进度40%（节点目标（2025年第二季度）：完成方案，应完成40%）' });
    expect(taskLight(withPercents, { status: '推进中', percent: 35 }, q(2), ends[2]).color).toBe('yellow');
    expect(taskLight(withPercents, { status: '推进中', percent: 25 }, q(2), ends[2])).toEqual({ color: 'red', reason: '“建设区域医疗中心”完成25%，落后于序时进度40%（节点目标（2025年第二季度）：完成方案，应完成40%）' });
    expect(taskLight(withPercents, { status: '推进中', percent: 60 }, q(3), ends[3]).color).toBe('yellow');
    expect(taskLight(withPercents, null, q(1), ends[1]).color).toBe('grey');
  });

  it('labels a milestone with its quarter, text and percent', () => {
    expect(milestoneLabel({ period: '2025-Q2', text: '完成方案', percent: 40 })).toBe('节点目标（2025年第二季度）：完成方案，应完成40%');
    expect(milestoneLabel({ period: '2026-Q4', text: '建成投用' })).toBe('节点目标（2026年第四季度）：建成投用');
    expect(milestoneLabel({ period: '2025-Q1', text: '', percent: 12.5 })).toBe('节点目标（2025年第一季度）：应完成12.5%');
  });
});
