import { describe, expect, it } from 'vitest';
import { parseMilestones } from '../../electron/services/progress-data';

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
