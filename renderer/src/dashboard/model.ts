import { quarterStateFill } from '../../../shared/reports/chart-colors';
import type { DashboardSummary, IndicatorSeries, LightCounts } from '../../../shared/api/ledger';
import { LATE_MARK, PARTIAL_MARK } from '../../../shared/api/ledger';
import { isPeriod, parsePeriod } from '../../../shared/domain/period';
import { lightLabels, type LightColor } from '../../../shared/domain/progress-status';
import type { QuarterState } from '../../../shared/domain/quarter-state';
import type { FilterChips } from '../store/view';

type ArrayChip = 'planIds' | 'departmentIds' | 'sectionIds' | 'lights' | 'statuses' | 'states';
const arrayChips: readonly ArrayChip[] = ['planIds', 'departmentIds', 'sectionIds', 'lights', 'statuses', 'states'];

/**
 * The chips that list exactly what a card or chart segment counted: the dashboard's own chips
 * narrowed by the segment's (a chip already set keeps only the values both allow). When they
 * share none the card counted nothing; the segment's own values then show what the clerk asked for.
 */
export function narrowChips(current: FilterChips, extra: FilterChips): FilterChips {
  const result: FilterChips = { ...current };
  for (const key of arrayChips) {
    const wanted = extra[key] as readonly string[] | undefined;
    if (!wanted) continue;
    const have = (current[key] ?? []) as readonly string[];
    const both = wanted.filter((v) => have.includes(v));
    (result as Record<ArrayChip, string[]>)[key] = both.length > 0 ? both : [...wanted];
  }
  if (extra.overdue) result.overdue = true;
  return result;
}

export type CardTarget = { readonly kind: 'ledger'; readonly chips: FilterChips } | { readonly kind: 'indicators' } | { readonly kind: 'review' };

export interface SummaryCard {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly tone: LightColor | 'accent' | 'plain';
  readonly hint: string;
  readonly target: CardTarget;
}

/**
 * The task cards (done + on pace + behind + not reported = all tasks, each opening its state
 * chip), the marks over the same tasks, and the indicator cards, each with where a click takes
 * the clerk. `includeSubmitted`: the counts take submitted entries too (含待审核).
 */
export function summaryCards(cards: DashboardSummary['cards'], includeSubmitted = false): { tasks: SummaryCard[]; marks: SummaryCard[]; indicators: SummaryCard[] } {
  const ledger = (chips: FilterChips): CardTarget => ({ kind: 'ledger', chips });
  const state = (value: QuarterState): CardTarget => ledger({ states: [value] });
  const indicators: CardTarget = { kind: 'indicators' };
  const basis = includeSubmitted ? '已审核或已提交' : '已审核';
  return {
    tasks: [
      { id: 'tasks', label: '任务总数', value: cards.tasks, tone: 'accent', hint: '本季度计划内的全部任务', target: ledger({}) },
      { id: 'done', label: '已完成', value: cards.done, tone: 'green', hint: `${basis}的填报为已完成或已办结`, target: state('已完成') },
      { id: 'onPace', label: '按序时推进', value: cards.onPace, tone: 'green', hint: '已填报，进度达到序时要求', target: state('按序时推进') },
      { id: 'behind', label: '滞后', value: cards.behind, tone: 'red', hint: '已填报，进度落后于序时（黄灯、红灯）', target: state('滞后') },
      { id: 'notReported', label: '未填报', value: cards.notReported, tone: 'grey', hint: `没有${basis}的本季度填报`, target: state('未填报') },
      { id: 'overdue', label: '逾期未完成', value: cards.overdue, tone: 'red', hint: '超过完成时限仍未完成', target: ledger({ overdue: true }) },
    ],
    marks: [
      { id: 'partial', label: PARTIAL_MARK, value: cards.partial, tone: 'plain', hint: '多个牵头科室的任务，有的科室已报、有的未报', target: ledger({ states: [PARTIAL_MARK] }) },
      { id: 'late', label: LATE_MARK, value: cards.late, tone: 'plain', hint: '过了报送截止日仍有牵头科室未报', target: ledger({ states: [LATE_MARK] }) },
      {
        id: 'awaitingReview',
        label: '待审核',
        value: cards.awaitingReview,
        tone: 'plain',
        hint: includeSubmitted ? '已提交、尚未审核，已计入上面的统计' : '已提交、尚未审核，审核通过后计入统计；点击前往办公室审核',
        target: { kind: 'review' },
      },
      { id: 'returned', label: '已退回', value: cards.returned, tone: 'plain', hint: '办公室退回修改，科室尚未重新提交；点击前往办公室审核', target: { kind: 'review' } },
    ],
    indicators: [
      { id: 'met', label: '指标达标', value: cards.indicatorsMet, tone: 'green', hint: '已达到目标或序时目标', target: indicators },
      { id: 'close', label: '接近目标', value: cards.indicatorsClose, tone: 'yellow', hint: '与目标差距在容差以内', target: indicators },
      { id: 'notMet', label: '未达标', value: cards.indicatorsNotMet, tone: 'red', hint: '明显低于目标或序时目标', target: indicators },
      { id: 'noData', label: '无数据', value: cards.indicatorsNoData, tone: 'grey', hint: '本季度还没有填报数值', target: indicators },
    ],
  };
}

export const barColors: readonly LightColor[] = ['green', 'yellow', 'red', 'grey'];

export interface BarRow extends LightCounts {
  readonly id: string;
  readonly name: string;
  readonly total: number;
}

export function departmentBars(summary: DashboardSummary): BarRow[] {
  return summary.byDepartment
    .map((d) => ({ id: d.departmentId, name: d.name, green: d.green, yellow: d.yellow, red: d.red, grey: d.grey, total: d.green + d.yellow + d.red + d.grey }))
    .filter((row) => row.total > 0);
}

export function sectionBars(summary: DashboardSummary): BarRow[] {
  return summary.bySection
    .map((s) => ({ id: s.sectionId, name: s.title, green: s.green, yellow: s.yellow, red: s.red, grey: s.grey, total: s.green + s.yellow + s.red + s.grey }))
    .filter((row) => row.total > 0);
}

/** What a screen reader says for one bar segment, and the tooltip: “疾控科 红灯 2项”. */
export function segmentLabel(name: string, color: LightColor, count: number): string {
  return `${name} ${lightLabels[color]} ${count}项`;
}

/** Slice colours of the quarter states: the one palette the Word report's figure uses too. */
export const stateFill: Readonly<Record<QuarterState, string>> = quarterStateFill;

/** The four quarter states with tasks, in the cards' order, for the donut. */
export function stateSlices(cards: DashboardSummary['cards']): { state: QuarterState; count: number }[] {
  const slices: { state: QuarterState; count: number }[] = [
    { state: '已完成', count: cards.done },
    { state: '按序时推进', count: cards.onPace },
    { state: '滞后', count: cards.behind },
    { state: '未填报', count: cards.notReported },
  ];
  return slices.filter((slice) => slice.count > 0);
}

/** A short axis label: `2025-Q1` → `25年Q1`, a year stays `2025`. */
export function shortPeriod(period: string): string {
  if (!isPeriod(period)) return period;
  const { year, quarter } = parsePeriod(period);
  return `${String(year).slice(2)}年Q${quarter}`;
}

export function directionText(direction: IndicatorSeries['direction']): string {
  if (direction === 'down') return '越低越好';
  if (direction === 'up') return '越高越好';
  return '在目标范围内为达标';
}

/** `≤3‰`, `≥95%`, `90–95%`: the target as a clerk writes it. */
export function targetText(series: Pick<IndicatorSeries, 'comparator' | 'targetValue' | 'targetValueMax' | 'unit'>): string {
  const { comparator, targetValue, targetValueMax, unit } = series;
  if (targetValue == null) return '未设目标';
  if (comparator === 'between' && targetValueMax != null) return `${formatNumber(targetValue)}–${formatNumber(targetValueMax)}${unit}`;
  const sign = { '>=': '≥', '<=': '≤', '=': '', '>': '>', '<': '<', between: '' }[comparator];
  return `${sign}${formatNumber(targetValue)}${unit}`;
}

export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

export interface IndicatorChartRow {
  readonly label: string;
  readonly period: string;
  readonly value: number | null;
  readonly expected: number | null;
  readonly color: LightColor;
  readonly reason: string;
}

export function indicatorRows(series: IndicatorSeries): IndicatorChartRow[] {
  return series.points.map((p) => ({
    label: shortPeriod(p.period),
    period: p.period,
    value: p.value,
    expected: p.expected,
    color: p.light.color,
    reason: p.light.reason,
  }));
}

/** The newest point with a value decides the line colour; without one the line is grey. */
export function latestColor(rows: readonly { value: number | null; color: LightColor }[]): LightColor {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.value != null) return rows[i]!.color;
  return 'grey';
}

const severity: Record<LightColor, number> = { red: 0, yellow: 1, green: 2, grey: 3 };

/** Indicators that need attention first (red, yellow), then met, then without data; otherwise the core's order. */
export function indicatorsByConcern<T extends { light: { color: LightColor } }>(series: readonly T[]): T[] {
  return series
    .map((item, index) => ({ item, index }))
    .sort((a, b) => severity[a.item.light.color] - severity[b.item.light.color] || a.index - b.index)
    .map(({ item }) => item);
}
