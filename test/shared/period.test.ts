import { describe, expect, it } from 'vitest';
import { formatPeriod, isPeriod, nextPeriod, parsePeriod, periodEndDate, periodLabel, periodOfDate, previousPeriod } from '../../shared/domain/period';

describe('quarters', () => {
  it('parses and formats 2025-Q1', () => {
    expect(parsePeriod('2025-Q1')).toEqual({ year: 2025, quarter: 1 });
    expect(formatPeriod({ year: 2025, quarter: 4 })).toBe('2025-Q4');
    expect(isPeriod('2025-Q5')).toBe(false);
    expect(isPeriod('2025Q1')).toBe(false);
    expect(() => parsePeriod('2025-Q0')).toThrow();
  });

  it('finds the quarter of a month and its last day', () => {
    expect(periodOfDate(2025, 3)).toEqual({ year: 2025, quarter: 1 });
    expect(periodOfDate(2025, 4)).toEqual({ year: 2025, quarter: 2 });
    expect(periodOfDate(2025, 12)).toEqual({ year: 2025, quarter: 4 });
    expect(periodEndDate({ year: 2025, quarter: 1 })).toBe('2025-03-31');
    expect(periodEndDate({ year: 2025, quarter: 2 })).toBe('2025-06-30');
    expect(periodEndDate({ year: 2025, quarter: 3 })).toBe('2025-09-30');
    expect(periodEndDate({ year: 2025, quarter: 4 })).toBe('2025-12-31');
  });

  it('steps across year boundaries', () => {
    expect(nextPeriod({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 });
    expect(previousPeriod({ year: 2025, quarter: 1 })).toEqual({ year: 2024, quarter: 4 });
    expect(periodLabel({ year: 2025, quarter: 2 })).toBe('2025年第二季度');
  });
});
