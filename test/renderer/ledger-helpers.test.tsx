import { describe, expect, it } from 'vitest';
import type { LedgerFilter, LedgerRow } from '../../shared/api/ledger';
import { activeChips, hasActiveFilter, rememberLabels } from '../../renderer/src/ledger/filters';
import { focusExcerpt, highlightParts, searchWords } from '../../renderer/src/ledger/highlight';
import { leadPartText, leadsToShow, singleLeadMark, stateTooltip } from '../../renderer/src/ledger/lead-parts';
import { buildItems, sortRows } from '../../renderer/src/ledger/rows';
import { layoutLines, scrollToShow, visibleRange } from '../../renderer/src/ledger/window';
import { noChips } from '../../renderer/src/store/view';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function row(n: number, overrides: Partial<LedgerRow> = {}): LedgerRow {
  return {
    taskId: uuid(n),
    planId: uuid(900),
    planTitle: '工作要点',
    sectionId: null,
    sectionTitle: null,
    number: String(n),
    title: `任务${n}`,
    departments: [],
    units: [],
    deadline: null,
    light: { color: 'grey', reason: '' },
    state: '未填报',
    leads: [],
    partial: false,
    status: '未填报',
    percent: null,
    workflowState: null,
    updatedAt: null,
    overdue: false,
    match: null,
    ...overrides,
  };
}

describe('ledger windowing', () => {
  const layout = layoutLines([40, 34, 58, 58, 58, 34, 58]);

  it('places lines end to end', () => {
    expect(layout.offsets).toEqual([0, 40, 74, 132, 190, 248, 282, 340]);
    expect(layout.total).toBe(340);
  });

  it('renders the lines the viewport touches plus the overscan, clamped to the list', () => {
    expect(visibleRange(layout, 0, 100, 0)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(layout, 140, 60, 0)).toEqual({ start: 3, end: 5 });
    expect(visibleRange(layout, 140, 60, 1)).toEqual({ start: 2, end: 6 });
    expect(visibleRange(layout, 10_000, 60, 2)).toEqual({ start: 4, end: 7 });
    expect(visibleRange(layoutLines([]), 0, 600, 5)).toEqual({ start: 0, end: 0 });
  });

  it('scrolls as little as needed to show a line under the sticky header', () => {
    // Viewport 140 with a 40 header: body lines between scrollTop and scrollTop + 100 are visible.
    expect(scrollToShow(layout, 2, 0, 140, 40)).toBe(32);
    expect(scrollToShow(layout, 1, 0, 140, 40)).toBe(0);
    expect(scrollToShow(layout, 0, 200, 140, 40)).toBe(0);
  });
});

describe('ledger sorting and grouping', () => {
  it('sorts stably with empty values last in both directions', () => {
    const rows = [row(1, { percent: 50 }), row(2), row(3, { percent: 10 }), row(4, { percent: 50 }), row(5)];
    const order = (direction: 'asc' | 'desc') => sortRows(rows, { column: 'percent', direction }).map((r) => r.number);
    expect(order('asc')).toEqual(['3', '1', '4', '2', '5']);
    expect(order('desc')).toEqual(['1', '4', '3', '2', '5']);
    expect(sortRows(rows, null).map((r) => r.number)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('sorts numbers as numbers, lights worst first, quarter states in the clerk order (partly reported after fully)', () => {
    const rows = [row(10), row(9), row(2)];
    expect(sortRows(rows, { column: 'number', direction: 'asc' }).map((r) => r.number)).toEqual(['2', '9', '10']);
    const lit = [row(1, { light: { color: 'green', reason: '' } }), row(2, { light: { color: 'red', reason: '' } }), row(3, { light: { color: 'yellow', reason: '' } })];
    expect(sortRows(lit, { column: 'light', direction: 'asc' }).map((r) => r.light.color)).toEqual(['red', 'yellow', 'green']);
    const states = [row(1, { state: '未填报' }), row(2, { state: '滞后' }), row(3, { state: '按序时推进', partial: true }), row(4, { state: '按序时推进' }), row(5, { state: '已完成' })];
    expect(sortRows(states, { column: 'status', direction: 'asc' }).map((r) => r.number)).toEqual(['5', '4', '3', '2', '1']);
  });

  it('groups by plan and section in document order, and a sorted list has no headings', () => {
    const a = { sectionId: uuid(801), sectionTitle: '一、公共卫生' };
    const b = { sectionId: uuid(802), sectionTitle: '二、医疗服务' };
    const other = { planId: uuid(901), planTitle: '实施方案' };
    const rows = [row(1), row(2, a), row(3, a), row(4, b), row(5), row(6, other), row(7, { ...other, ...a })];
    const items = buildItems(rows, null);
    expect(items.map((i) => (i.kind === 'task' ? i.row.number : `${i.kind}:${i.title}:${i.count}`))).toEqual([
      'plan:工作要点:5',
      '1',
      'section:一、公共卫生:2',
      '2',
      '3',
      'section:二、医疗服务:1',
      '4',
      // A task without a section after sectioned ones gets a heading, or it would look part of 二、.
      'section:未分章节:2',
      '5',
      'plan:实施方案:2',
      '6',
      'section:一、公共卫生:1',
      '7',
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(buildItems(rows, { column: 'title', direction: 'desc' }).every((i) => i.kind === 'task')).toBe(true);
  });
});

describe('ledger search marks and chips', () => {
  it('splits the words the clerk typed and marks each occurrence', () => {
    expect(searchWords(' 疾控　医保  疾控 ')).toEqual(['疾控', '医保']);
    expect(highlightParts('疾控中心和医保局配合疾控科', ['疾控', '医保'])).toEqual([
      { text: '疾控', hit: true },
      { text: '中心和', hit: false },
      { text: '医保', hit: true },
      { text: '局配合', hit: false },
      { text: '疾控', hit: true },
      { text: '科', hit: false },
    ]);
    expect(highlightParts('CT检查', ['ct'])).toEqual([
      { text: 'CT', hit: true },
      { text: '检查', hit: false },
    ]);
    expect(highlightParts('无关内容', [])).toEqual([{ text: '无关内容', hit: false }]);
  });

  it('brings the first hit of an excerpt near its start, keeping the label', () => {
    const text = '本季度进展：完成区疾控中心实验室改造，组织流调队伍拉练两次。';
    expect(focusExcerpt(text, ['流调队伍拉练'])).toBe('本季度进展：…室改造，组织流调队伍拉练两次。');
    expect(focusExcerpt(text, ['完成'])).toBe(text);
    expect(focusExcerpt(text, ['核酸'])).toBe(text);
  });

  it('lists the active filters as chips, each removable on its own', () => {
    const filter: LedgerFilter = { period: '2025-Q2', officeId: null, includeSubmitted: false, ...noChips, departmentIds: [uuid(1), uuid(2)], lights: ['red'], overdue: true, search: '托育' };
    const known = new Map<string, string>();
    rememberLabels(known, { plans: [], departments: [{ id: uuid(1), label: '疾控科', count: 6 }], sections: [] });
    // Another quarter's facets lack 疾控科: its chip keeps the name it had.
    rememberLabels(known, { plans: [], departments: [], sections: [] });
    const chips = activeChips(filter, known);
    expect(chips.map((c) => c.label)).toEqual(['牵头科室：疾控科', '牵头科室：（本季度没有）', '红灯', '已逾期', '搜索：托育']);
    expect(chips[0]!.without).toEqual({ departmentIds: [uuid(2)] });
    expect(chips[3]!.without).toEqual({ overdue: false });
    expect(hasActiveFilter(filter)).toBe(true);
    expect(hasActiveFilter({ ...filter, ...noChips })).toBe(false);
  });

  it('a quarter-state chip is listed and removable, and counts as a filter', () => {
    const filter: LedgerFilter = { period: '2025-Q2', officeId: null, includeSubmitted: true, ...noChips, states: ['滞后', '部分科室未报'] };
    const chips = activeChips(filter, new Map());
    expect(chips.map((c) => c.label)).toEqual(['本季度：滞后', '本季度：部分科室未报']);
    expect(chips[1]!.without).toEqual({ states: ['滞后'] });
    expect(hasActiveFilter(filter)).toBe(true);
    // 含待审核 is a basis, not a chip.
    expect(hasActiveFilter({ ...filter, states: [] })).toBe(false);
  });

  it('words each lead’s part: its state (待审核 when only submitted), 已退回修改, 待审核, 逾期未报 or 未填报', () => {
    const lead = (over: Partial<LedgerRow['leads'][number]>): LedgerRow['leads'][number] => ({
      departmentId: uuid(1),
      name: '疾控科',
      kind: 'missing',
      counted: false,
      awaitingReview: false,
      late: false,
      state: '未填报',
      light: { color: 'grey', reason: '疾控科尚未填报本季度进展' },
      ...over,
    });
    const reported = lead({ kind: 'reported', counted: true, state: '按序时推进', light: { color: 'green', reason: '进度正常' } });
    expect(leadPartText(reported)).toBe('按序时推进');
    expect(leadPartText(lead({ kind: 'pending-review', counted: true, awaitingReview: true, state: '滞后' }))).toBe('滞后（待审核）');
    expect(leadPartText(lead({ kind: 'pending-review' }))).toBe('待审核');
    expect(leadPartText(lead({ kind: 'returned', late: true }))).toBe('已退回修改');
    expect(leadPartText(lead({ late: true }))).toBe('逾期未报');
    expect(leadPartText(lead({ kind: 'draft' }))).toBe('未填报');
    expect(singleLeadMark(reported)).toBeNull();
    expect(singleLeadMark(lead({}))).toBeNull();
    expect(singleLeadMark(lead({ late: true }))).toBe('逾期未报');
    const missing = lead({ departmentId: uuid(2), name: '医政科', late: true });
    const tip = stateTooltip({ state: '按序时推进', partial: true, leads: [reported, missing], light: { color: 'green', reason: '疾控科：进度正常' } });
    // The cell lists who still owes a report first; the tooltip keeps the lead order.
    expect(leadsToShow([reported, missing]).map((l) => l.name)).toEqual(['医政科', '疾控科']);
    expect(tip.split('\n')).toEqual(['本季度情况：按序时推进', '部分科室未报：医政科', '疾控科：按序时推进', '医政科：逾期未报', '疾控科：进度正常']);
  });
});
