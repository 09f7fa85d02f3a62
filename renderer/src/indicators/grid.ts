import type { PlanSummary } from '../../../shared/api/plans';
import type { IndicatorRow } from '../../../shared/api/progress';
import { directionOf, type Comparator } from '../../../shared/domain/lights';
import type { Light } from '../../../shared/domain/progress-status';

export interface GridColumn {
  /** `2025-Q1`, or `2025` for a five-year plan. */
  readonly period: string;
  readonly label: string;
  /** The header in two parts, so it breaks between year and quarter: `2025年` / `一季度`. */
  readonly year: string;
  readonly name: string;
}

const quarterNames = ['一季度', '二季度', '三季度', '四季度'] as const;

/** A plan reported year by year: a five-year plan, or any plan spanning three years or more. */
export function isYearlyPlan(plan: PlanSummary | null): boolean {
  if (!plan) return false;
  if (plan.kind === 'five-year-plan') return true;
  return plan.yearFrom != null && plan.yearTo != null && plan.yearTo - plan.yearFrom >= 2;
}

/** One column per quarter of `year`, or per year of a yearly plan. */
export function gridColumns(plan: PlanSummary | null, year: number): GridColumn[] {
  if (plan && isYearlyPlan(plan) && plan.yearFrom != null && plan.yearTo != null) {
    const columns: GridColumn[] = [];
    for (let y = plan.yearFrom; y <= plan.yearTo; y++) columns.push({ period: String(y), label: `${y}年`, year: '', name: `${y}年` });
    return columns;
  }
  return quarterNames.map((name, i) => ({ period: `${year}-Q${i + 1}`, label: `${year}年${name}`, year: `${year}年`, name }));
}

export function directionText(comparator: Comparator): string {
  const direction = directionOf(comparator);
  if (direction === 'up') return '↑越高越好';
  if (direction === 'down') return '↓越低越好';
  return comparator === 'between' ? '区间' : '等于目标';
}

const fmt = (value: number) => (Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000));

const comparatorSigns: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', between: '' };

/** `≥95%`, `≤5‰`, `90—95%`; empty when the target has no value. */
export function targetText(row: Pick<IndicatorRow, 'comparator' | 'targetValue' | 'targetValueMax' | 'unit'>): string {
  if (row.targetValue === null) return '';
  if (row.comparator === 'between') return `${fmt(row.targetValue)}—${fmt(row.targetValueMax ?? row.targetValue)}${row.unit}`;
  return `${comparatorSigns[row.comparator]}${fmt(row.targetValue)}${row.unit}`;
}

export function valueText(value: number | null | undefined, unit = ''): string {
  return value == null ? '' : `${fmt(value)}${unit}`;
}

/** `95（2020年）`: a value with the year it belongs to. */
export function withYear(value: string, year: number | null): string {
  if (!value) return '';
  return year ? `${value}（${year}年）` : value;
}

/** A number as typed: commas and full-width digits allowed; empty is null, anything else undefined. */
export function parseNumberInput(text: string): number | null | undefined {
  const normal = text
    .replace(/[０-９．－]/g, (c) => (c === '．' ? '.' : c === '－' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，\s]/g, '');
  if (normal === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}

export interface GridCell {
  readonly period: string;
  readonly value: number | null;
  readonly note: string | null;
  readonly light: Light | null;
}

export interface GridRow {
  readonly indicator: IndicatorRow;
  readonly cells: readonly GridCell[];
}

/** Indicators by plan then name order as given, with their value and light per column. */
export function buildGrid(indicators: readonly IndicatorRow[], columns: readonly GridColumn[]): GridRow[] {
  return indicators.map((indicator) => ({
    indicator,
    cells: columns.map((column) => {
      const stored = indicator.values[column.period];
      return { period: column.period, value: stored?.value ?? null, note: stored?.note ?? null, light: stored?.light ?? null };
    }),
  }));
}

/** The latest value before `period` (same shape of period), for the outlier check. */
export function previousValue(indicator: IndicatorRow, period: string): number | null {
  const earlier = Object.keys(indicator.values)
    .filter((p) => p.length === period.length && p < period)
    .sort();
  const last = earlier.at(-1);
  return last === undefined ? null : indicator.values[last]!.value;
}
