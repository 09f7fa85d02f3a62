import { doneStatuses } from '../../../shared/domain/progress-status';
import type { DashboardSummary, IndicatorSeries, LedgerStatus, LightCounts } from '../../../shared/api/ledger';
import { NOT_REPORTED, ledgerStatuses } from '../../../shared/api/ledger';
import { isPeriod, parsePeriod } from '../../../shared/domain/period';
import { lightLabels, type LightColor } from '../../../shared/domain/progress-status';
import type { FilterChips } from '../store/view';

export const DONE_STATUSES: readonly LedgerStatus[] = doneStatuses;
const NOT_DONE_STATUSES: readonly LedgerStatus[] = ledgerStatuses.filter((s) => !DONE_STATUSES.includes(s));

type ArrayChip = 'planIds' | 'departmentIds' | 'sectionIds' | 'lights' | 'statuses';
const arrayChips: readonly ArrayChip[] = ['planIds', 'departmentIds', 'sectionIds', 'lights', 'statuses'];

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

export type CardTarget = { readonly kind: 'ledger'; readonly chips: FilterChips } | { readonly kind: 'indicators' };

export interface SummaryCard {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly tone: LightColor | 'accent' | 'plain';
  readonly hint: string;
  readonly target: CardTarget;
}

/** The task cards and the indicator cards, each with where a click takes the clerk. */
export function summaryCards(cards: DashboardSummary['cards']): { tasks: SummaryCard[]; indicators: SummaryCard[] } {
  const ledger = (chips: FilterChips): CardTarget => ({ kind: 'ledger', chips });
  const indicators: CardTarget = { kind: 'indicators' };
  return {
    tasks: [
      { id: 'tasks', label: '任务总数', value: cards.tasks, tone: 'accent', hint: '本季度计划内的全部任务', target: ledger({}) },
      { id: 'done', label: '已完成', value: cards.done, tone: 'green', hint: '状态为已完成或已办结', target: ledger({ statuses: [...DONE_STATUSES] }) },
      {
        id: 'onPace',
        label: '按序时推进',
        value: cards.onPace,
        tone: 'green',
        hint: '绿灯且尚未完成',
        target: ledger({ lights: ['green'], statuses: [...NOT_DONE_STATUSES] }),
      },
      { id: 'behind', label: '滞后', value: cards.behind, tone: 'yellow', hint: '黄灯和红灯', target: ledger({ lights: ['red', 'yellow'] }) },
      { id: 'overdue', label: '逾期', value: cards.overdue, tone: 'red', hint: '超过完成时限仍未完成', target: ledger({ overdue: true }) },
      { id: 'notReported', label: '未填报', value: cards.notReported, tone: 'grey', hint: '本季度还没有填报进展', target: ledger({ statuses: [NOT_REPORTED] }) },
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

/** Statuses with tasks, in the clerk's order, for the donut. */
export function statusSlices(summary: DashboardSummary): { status: LedgerStatus; count: number }[] {
  const counts = new Map(summary.byStatus.map((s) => [s.status, s.count]));
  return ledgerStatuses.filter((s) => (counts.get(s) ?? 0) > 0).map((status) => ({ status, count: counts.get(status) ?? 0 }));
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
