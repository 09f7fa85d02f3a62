import type { IndicatorSeries, LedgerFilter } from '../../shared/api/ledger';
import { parseHlc } from '../../shared/domain/hlc';
import { directionOf, expectedShare, type Comparator, type StatusSettings } from '../../shared/domain/lights';
import { formatPeriod, parsePeriod, type Quarter } from '../../shared/domain/period';
import type { Light } from '../../shared/domain/progress-status';
import { normalizeWidth } from '../../shared/parse/width';
import type { Core } from '../core/core';
import { indicatorValueId } from '../core/ids';
import { queryTerms } from '../search/bigrams';
import { comparatorOf, valueLight, type IndicatorDbRow } from './indicators';
import { loadScope, type LedgerScope } from './ledger-scope';

/*
 * The scope's indicators for 总览: one light each for the cards and the lagging list, and the
 * series behind each indicator's chart. Values are the scope office's own.
 */

export interface ScopedIndicator {
  readonly id: string;
  readonly row: IndicatorDbRow;
  readonly name: string;
  readonly owner: string | null;
  readonly value: number | null;
  readonly light: Light;
  readonly updatedAt: string | null;
  readonly updatedHlc: string | null;
}

const INDICATORS_OF_PLAN = 'SELECT * FROM indicators WHERE plan_id = ? AND deleted = 0 ORDER BY sort_order, id';

export function direction(comparator: Comparator): IndicatorSeries['direction'] {
  const d = directionOf(comparator);
  return d === 'exact' ? 'band' : d;
}

/** The office's indicators for the chips that apply to indicators (plan, department, light, words in the name). */
export function scopeIndicators(core: Core, scope: LedgerScope, filter: LedgerFilter): ScopedIndicator[] {
  const plans = new Set(filter.planIds);
  const departments = new Set(filter.departmentIds);
  const lights = new Set<string>(filter.lights);
  const terms = queryTerms(filter.search);
  const leadsOf = new Map(scope.tasks.map((t) => [t.row.id, t.leads]));
  const byPlan = core.db.prepare(INDICATORS_OF_PLAN);
  const valueById = core.db.prepare('SELECT value FROM indicator_values WHERE id = ? AND deleted = 0').pluck();
  const newest = core.db.prepare("SELECT MAX(hlc) FROM change_log WHERE tbl = 'indicator_values' AND row_id = ?").pluck();
  const result: ScopedIndicator[] = [];
  for (const plan of scope.plans) {
    if (plans.size > 0 && !plans.has(plan.id)) continue;
    for (const row of byPlan.all(plan.id) as IndicatorDbRow[]) {
      const owners = row.department_id ? [row.department_id] : row.task_id ? (leadsOf.get(row.task_id) ?? []) : [];
      if (departments.size > 0 && !owners.some((id) => departments.has(id))) continue;
      const name = row.name ?? '';
      if (terms.length > 0 && !terms.every((term) => normalizeWidth(name).toLowerCase().includes(term))) continue;
      const valueId = indicatorValueId(row.id, scope.officeId, scope.period);
      const value = (valueById.get(valueId) as number | null | undefined) ?? null;
      const light = valueLight(row, value, scope.period, scope.context.settings);
      if (lights.size > 0 && !lights.has(light.color)) continue;
      const hlc = newest.get(valueId) as string | null;
      result.push({
        id: row.id,
        row,
        name,
        owner: owners[0] ? (scope.departmentNames.get(owners[0]) ?? null) : null,
        value,
        light,
        updatedAt: hlc ? new Date(parseHlc(hlc).wall).toISOString() : null,
        updatedHlc: hlc,
      });
    }
  }
  return result;
}

/** Quarters from the plan's first year (or the period's year) up to the period. */
function periodsUpTo(row: { yearFrom: number | null }, period: string): string[] {
  const end = parsePeriod(period);
  const first = Math.min(row.yearFrom ?? end.year, end.year);
  const periods: string[] = [];
  for (let year = first; year <= end.year; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (year === end.year && quarter > end.quarter) break;
      periods.push(formatPeriod({ year, quarter: quarter as Quarter }));
    }
  }
  return periods;
}

/**
 * Where the indicator should stand at a quarter: a cumulative ≥ target by its pace within the
 * year; a point value on the straight line from baseline to target over their years.
 */
export function expectedAt(row: IndicatorDbRow, period: string, settings: StatusSettings): number | null {
  if (row.target_value === null) return null;
  const { year, quarter } = parsePeriod(period);
  if (row.accumulation === 'cumulative' && directionOf(comparatorOf(row)) === 'up') {
    const pace = row.pace ? (JSON.parse(row.pace) as number[]) : null;
    return Math.round(row.target_value * expectedShare({ pace }, quarter, settings) * 100) / 100;
  }
  if (row.baseline_value === null || row.baseline_year === null || row.target_year === null || row.target_year <= row.baseline_year) return null;
  const t = year + quarter / 4 - (row.baseline_year + 1);
  const span = row.target_year - row.baseline_year;
  const share = Math.min(1, Math.max(0, t / span));
  return Math.round((row.baseline_value + (row.target_value - row.baseline_value) * share) * 100) / 100;
}

export function dashboardIndicators(core: Core, filter: LedgerFilter): IndicatorSeries[] {
  const scope = loadScope(core, filter);
  const plans = new Map(scope.plans.map((p) => [p.id, p]));
  const valueById = core.db.prepare('SELECT value FROM indicator_values WHERE id = ? AND deleted = 0').pluck();
  return scopeIndicators(core, scope, filter).map((indicator) => {
    const row = indicator.row;
    const comparator = comparatorOf(row);
    const points = periodsUpTo(plans.get(row.plan_id ?? '') ?? { yearFrom: null }, scope.period).map((period) => {
      const value = (valueById.get(indicatorValueId(row.id, scope.officeId, period)) as number | null | undefined) ?? null;
      return { period, value, expected: expectedAt(row, period, scope.context.settings), light: valueLight(row, value, period, scope.context.settings) };
    });
    return {
      indicatorId: row.id,
      planId: row.plan_id ?? '',
      name: indicator.name,
      unit: row.unit ?? '',
      comparator,
      direction: direction(comparator),
      targetValue: row.target_value,
      targetValueMax: row.target_value_max,
      baselineValue: row.baseline_value,
      baselineYear: row.baseline_year,
      departmentName: indicator.owner,
      points,
      light: indicator.light,
    };
  });
}
