import { describe, expect, it } from 'vitest';
import { flagText } from '../../renderer/src/dashboard/MidtermView';
import { indicatorsByConcern, latestColor, narrowChips, shortPeriod, stateSlices, summaryCards, targetText } from '../../renderer/src/dashboard/model';

describe('dashboard model', () => {
  it('a card narrows the chips already applied, and replaces them when they share nothing', () => {
    expect(narrowChips({}, { lights: ['red', 'yellow'] })).toEqual({ lights: ['red', 'yellow'] });
    expect(narrowChips({ lights: ['red'], planIds: ['p'] }, { lights: ['red', 'yellow'] })).toEqual({ lights: ['red'], planIds: ['p'] });
    expect(narrowChips({ lights: ['red'] }, { lights: ['green'] })).toEqual({ lights: ['green'] });
    expect(narrowChips({ departmentIds: ['a', 'b'] }, { departmentIds: ['b'], lights: ['grey'] })).toEqual({ departmentIds: ['b'], lights: ['grey'] });
    expect(narrowChips({ search: '慢病' }, { overdue: true })).toEqual({ search: '慢病', overdue: true });
  });

  it('each state card opens its quarter-state chip; the marks open theirs, 待审核 and 已退回 go to review', () => {
    const zero = { tasks: 0, done: 0, onPace: 0, behind: 0, overdue: 0, notReported: 0, partial: 0, late: 0, awaitingReview: 0, returned: 0 };
    const cards = summaryCards({ ...zero, indicatorsMet: 0, indicatorsClose: 0, indicatorsNotMet: 0, indicatorsNoData: 0 });
    const target = (id: string) => [...cards.tasks, ...cards.marks].find((c) => c.id === id)!.target;
    const chips = (id: string) => {
      const t = target(id);
      return t.kind === 'ledger' ? t.chips : null;
    };
    expect(chips('done')).toEqual({ states: ['已完成'] });
    expect(chips('onPace')).toEqual({ states: ['按序时推进'] });
    expect(chips('behind')).toEqual({ states: ['滞后'] });
    expect(chips('notReported')).toEqual({ states: ['未填报'] });
    expect(chips('overdue')).toEqual({ overdue: true });
    expect(chips('partial')).toEqual({ states: ['部分科室未报'] });
    expect(chips('late')).toEqual({ states: ['逾期未报'] });
    expect(target('awaitingReview')).toEqual({ kind: 'review' });
    expect(target('returned')).toEqual({ kind: 'review' });
    expect(cards.indicators.every((c) => c.target.kind === 'indicators')).toBe(true);
    // The hint says what counts: approved entries, or also submitted ones.
    expect(cards.tasks.find((c) => c.id === 'notReported')!.hint).toBe('没有已审核的本季度填报');
    expect(summaryCards({ ...zero, indicatorsMet: 0, indicatorsClose: 0, indicatorsNotMet: 0, indicatorsNoData: 0 }, true).tasks.find((c) => c.id === 'notReported')!.hint).toBe('没有已审核或已提交的本季度填报');
    // A state chip narrows like the others.
    expect(narrowChips({ states: ['滞后', '未填报'] }, { states: ['未填报'] })).toEqual({ states: ['未填报'] });
  });

  it('slices the donut by quarter state in the cards’ order, leaving out empty states', () => {
    const cards = { tasks: 9, done: 2, onPace: 0, behind: 3, overdue: 0, notReported: 4, partial: 1, late: 0, awaitingReview: 0, returned: 0, indicatorsMet: 0, indicatorsClose: 0, indicatorsNotMet: 0, indicatorsNoData: 0 };
    expect(stateSlices(cards)).toEqual([
      { state: '已完成', count: 2 },
      { state: '滞后', count: 3 },
      { state: '未填报', count: 4 },
    ]);
  });

  it('writes targets and axis periods the way clerks do', () => {
    expect(targetText({ comparator: '<=', targetValue: 3, targetValueMax: null, unit: '‰' })).toBe('≤3‰');
    expect(targetText({ comparator: 'between', targetValue: 90, targetValueMax: 95, unit: '%' })).toBe('90–95%');
    expect(targetText({ comparator: '>=', targetValue: null, targetValueMax: null, unit: '%' })).toBe('未设目标');
    expect(shortPeriod('2025-Q3')).toBe('25年Q3');
    expect(shortPeriod('2025')).toBe('2025');
  });

  it('orders indicators red, yellow, green, grey, keeping the core’s order within a colour', () => {
    const item = (name: string, color: 'red' | 'yellow' | 'green' | 'grey') => ({ name, light: { color } });
    const ordered = indicatorsByConcern([item('a', 'green'), item('b', 'grey'), item('c', 'red'), item('d', 'yellow'), item('e', 'red')]);
    expect(ordered.map((i) => i.name)).toEqual(['c', 'e', 'd', 'a', 'b']);
  });

  it('the line takes the colour of the newest point with a value', () => {
    expect(latestColor([{ value: 12, color: 'red' }, { value: 8.5, color: 'green' }, { value: null, color: 'grey' }])).toBe('green');
    expect(latestColor([{ value: null, color: 'grey' }])).toBe('grey');
  });

  it('names the indicator before a flag only when the sentence does not already start with it', () => {
    expect(flagText('婴儿死亡率', '2023年度目标3.5‰高于规划路径应降到的3.4‰')).toBe('婴儿死亡率：2023年度目标3.5‰高于规划路径应降到的3.4‰');
    expect(flagText('药品销售总额', '药品销售总额缺少基数，无法画出从基数到目标的路径')).toBe('药品销售总额缺少基数，无法画出从基数到目标的路径');
  });
});
