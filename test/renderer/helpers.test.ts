import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../shared/api/history';
import type { Section } from '../../shared/api/plans';
import { groupHistory } from '../../renderer/src/history/group';
import { formatValue } from '../../renderer/src/history/labels';
import { splitList, yearsLabel } from '../../renderer/src/ui/format';
import { nextTaskNumber, orderedSections } from '../../renderer/src/plans/tree';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const section = (n: number, parent: number | null, order: number): Section => ({
  id: id(n),
  planId: id(99),
  parentId: parent === null ? null : id(parent),
  label: `${n}`,
  title: `章节${n}`,
  sortOrder: order,
});

const entry = (hlc: string, batch: string, at: string, column: string, oldValue: unknown, newValue: unknown, actor = ''): HistoryEntry => ({
  hlc,
  batch,
  at,
  actor,
  officeName: null,
  via: null,
  column,
  oldValue,
  newValue,
});

describe('renderer helpers', () => {
  it('orders sections depth first by sortOrder, and survives orphans and cycles', () => {
    const nodes = orderedSections([section(3, 1, 2), section(1, null, 2), section(2, null, 1), section(4, 1, 1), section(5, 42, 0), section(6, 7, 0), section(7, 6, 0)]);
    expect(nodes.map((n) => [n.section.title, n.depth])).toEqual([
      ['章节5', 0],
      ['章节2', 0],
      ['章节1', 0],
      ['章节4', 1],
      ['章节3', 1],
      ['章节6', 0],
      ['章节7', 0],
    ]);
  });

  it('groups one save into one edit by its batch and marks only the first, all-empty edit as created', () => {
    const groups = groupHistory([
      entry('a', 'a', '2025-03-03T01:00:00.000Z', 'title', null, '甲'),
      entry('b', 'a', '2025-03-03T01:00:00.002Z', 'number', null, '1'),
      // A second save in the same millisecond range is still its own edit.
      entry('c', 'c', '2025-03-03T01:00:00.003Z', 'deadline', null, '年底前', '张三'),
      entry('d', 'c', '2025-03-03T01:00:00.004Z', 'title', '甲', '乙', '张三'),
      entry('e', 'e', '2025-03-03T03:00:00.000Z', 'deleted', false, true, '张三'),
    ]);
    expect(groups.map((g) => [g.entries.map((e) => e.hlc).join(''), g.created])).toEqual([
      ['e', false],
      ['cd', false],
      ['ab', true],
    ]);
  });

  it('formats logged values in words', () => {
    const context = { departments: [{ id: id(1), name: '医政科', aliases: [], sortOrder: 1 }], sections: [section(2, null, 1)] };
    expect(formatValue('tasks', 'lead_department_ids', [id(1), id(3)], context)).toBe('医政科、已删除的科室');
    expect(formatValue('tasks', 'section_id', id(2), context)).toBe('2 章节2');
    expect(formatValue('tasks', 'deleted', true, context)).toBe('已删除');
    expect(formatValue('plans', 'kind', 'five-year-plan', context)).toBe('五年规划');
    expect(formatValue('tasks', 'responsible_units', [], context)).toBe('（空）');
  });

  it('splits lists typed with 、 or commas and suggests the next task number', () => {
    expect(splitList('疾控科、 防控科,疾控科，医政科;; ')).toEqual(['疾控科', '防控科', '医政科']);
    expect(yearsLabel(2021, 2025)).toBe('2021—2025年');
    expect(yearsLabel(null, null)).toBe('未填写');
    expect(nextTaskNumber([{ number: '3' }, { number: '（二）' }, { number: '12' }] as never)).toBe('13');
  });
});
