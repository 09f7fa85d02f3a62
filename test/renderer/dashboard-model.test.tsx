import { describe, expect, it } from 'vitest';
import { flagText } from '../../renderer/src/dashboard/MidtermView';
import { indicatorsByConcern, latestColor, narrowChips, shortPeriod, summaryCards, targetText } from '../../renderer/src/dashboard/model';

describe('dashboard model', () => {
  it('a card narrows the chips already applied, and replaces them when they share nothing', () => {
    expect(narrowChips({}, { lights: ['red', 'yellow'] })).toEqual({ lights: ['red', 'yellow'] });
    expect(narrowChips({ lights: ['red'], planIds: ['p'] }, { lights: ['red', 'yellow'] })).toEqual({ lights: ['red'], planIds: ['p'] });
    expect(narrowChips({ lights: ['red'] }, { lights: ['green'] })).toEqual({ lights: ['green'] });
    expect(narrowChips({ departmentIds: ['a', 'b'] }, { departmentIds: ['b'], lights: ['grey'] })).toEqual({ departmentIds: ['b'], lights: ['grey'] });
    expect(narrowChips({ search: '慢病' }, { overdue: true })).toEqual({ search: '慢病', overdue: true });
  });

  it('按序时推进 lists green tasks that are not done; 已完成 both done statuses', () => {
    const cards = summaryCards({ tasks: 0, done: 0, onPace: 0, behind: 0, overdue: 0, notReported: 0, indicatorsMet: 0, indicatorsClose: 0, indicatorsNotMet: 0, indicatorsNoData: 0 });
    const chips = (id: string) => {
      const target = cards.tasks.find((c) => c.id === id)!.target;
      return target.kind === 'ledger' ? target.chips : null;
    };
    expect(chips('onPace')).toEqual({ lights: ['green'], statuses: ['未启动', '推进中', '滞后', '暂缓', '长期坚持', '未填报'] });
    expect(chips('done')).toEqual({ statuses: ['已完成', '已办结'] });
    expect(chips('overdue')).toEqual({ overdue: true });
    expect(cards.indicators.every((c) => c.target.kind === 'indicators')).toBe(true);
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
