import type { CompareResult } from '../../shared/api/catalog';
import { directionOf, type Comparator } from '../../shared/domain/lights';
import { parsePeriod } from '../../shared/domain/period';
import { countQuarter } from '../../shared/domain/quarter-state';
import type { LightColor } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import { indicatorValueId } from '../core/ids';
import { catalogState, comparatorText, type CatalogIndicatorRow, type CatalogState, type MetricRow } from './catalog-data';
import { valueLight } from './indicators';
import { loadScope } from './ledger-scope';
import { officeStatusSettings } from './status-settings';

/*
 * 各单位对比: every office with tasks this year, its tasks by quarter state (the same counts as
 * its own 总览), and each standard metric's value and light in every office.
 */

type Office = CompareResult['offices'][number];
type Cell = CompareResult['metrics'][number]['cells'][number];
type Direction = CompareResult['metrics'][number]['direction'];

/** Worst first: red, yellow, green, and grey (nothing to judge) last. */
const rank: Record<LightColor, number> = { red: 0, yellow: 1, green: 2, grey: 3 };

const covers = (row: Pick<CatalogIndicatorRow, 'year_from' | 'year_to'>, year: number) =>
  (row.year_from === null || row.year_from <= year) && (row.year_to ?? row.year_from ?? year) >= year;

/** Offices that have tasks in a plan covering the year and whose office record has arrived. */
function officesWithTasks(core: Core, year: number): { id: string; name: string }[] {
  return core.db
    .prepare(
      `SELECT DISTINCT o.id, o.name FROM plans p JOIN offices o ON o.id = p.office_id AND o.deleted = 0
       WHERE p.deleted = 0 AND (p.year_from IS NULL OR p.year_from <= ?)
         AND (COALESCE(p.year_to, p.year_from) IS NULL OR COALESCE(p.year_to, p.year_from) >= ?)
         AND EXISTS (SELECT 1 FROM tasks t WHERE t.plan_id = p.id AND t.deleted = 0)`,
    )
    .all(year, year)
    .map((row) => ({ id: (row as { id: string }).id, name: (row as { name: string | null }).name ?? '' }));
}

/**
 * The office's tasks by quarter state through the one aggregation (its own 总览 counts the same):
 * done, on pace (green), behind split by light (yellow, red), not reported (grey); on approved entries
 * unless 含待审核.
 */
function officeCounts(core: Core, office: { id: string; name: string }, period: string, includeSubmitted: boolean): Office {
  const scope = loadScope(core, { period, officeId: office.id, includeSubmitted });
  const counts = countQuarter(scope.tasks.map((task) => task.quarter));
  let red = 0;
  for (const task of scope.tasks) if (task.quarter.state === '滞后' && task.light.color === 'red') red++;
  return {
    officeId: office.id,
    name: office.name,
    tasks: counts.total,
    done: counts.done,
    green: counts.onPace,
    yellow: counts.behind - red,
    red,
    grey: counts.notReported,
    partial: counts.partial,
    late: counts.late,
    onTrackShare: counts.total ? (counts.done + counts.onPace) / counts.total : null,
  };
}

/** Worst share of on-track tasks first, then most red, then by name. */
function byOfficeStanding(a: Office, b: Office): number {
  const share = (o: Office) => o.onTrackShare ?? Number.POSITIVE_INFINITY;
  return share(a) - share(b) || b.red - a.red || a.name.localeCompare(b.name, 'zh-CN');
}

function directionOfMetric(metric: MetricRow, linked: CatalogIndicatorRow[]): Direction {
  let comparator: Comparator | null = comparatorText(metric.comparator);
  if (!comparator) {
    const counts = new Map<Comparator, number>();
    for (const row of linked) {
      const c = comparatorText(row.comparator);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    comparator = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '>=';
  }
  const direction = directionOf(comparator);
  return direction === 'exact' ? 'band' : direction;
}

function storedValue(core: Core, indicatorId: string, officeId: string, period: string): number | null {
  const row = core.db.prepare('SELECT value FROM indicator_values WHERE id = ? AND deleted = 0').get(indicatorValueId(indicatorId, officeId, period)) as { value: number | null } | undefined;
  return row?.value ?? null;
}

/** How far on the wrong side a value lies: larger is worse. */
function badness(value: number, target: number | null, direction: Direction): number {
  if (direction === 'up') return -value;
  if (direction === 'down') return value;
  return target === null ? 0 : Math.abs(value - target);
}

/** Within one light, the value further on the wrong side first; no value last. */
function worseFirst(a: Cell, b: Cell, direction: Direction): number {
  if (a.value === null || b.value === null) return Number(a.value === null) - Number(b.value === null);
  return badness(b.value, b.target, direction) - badness(a.value, a.target, direction);
}

/**
 * The office's indicator for the metric: among its linked indicators in plans covering the
 * year, one with a value for the quarter, from the plan with the shortest span (the year's work
 * points before the five-year plan), the newest first.
 */
function pickIndicator(core: Core, candidates: CatalogIndicatorRow[], officeId: string, period: string): { row: CatalogIndicatorRow; value: number | null } | null {
  const scored = candidates.map((row) => ({ row, value: storedValue(core, row.id, officeId, period) }));
  const span = (row: CatalogIndicatorRow) => (row.year_to ?? row.year_from ?? 9999) - (row.year_from ?? 0);
  scored.sort((a, b) => Number(a.value === null) - Number(b.value === null) || span(a.row) - span(b.row) || (b.row.year_from ?? 0) - (a.row.year_from ?? 0));
  return scored[0] ?? null;
}

function metricCells(core: Core, state: CatalogState, metric: MetricRow, offices: Office[], period: string): CompareResult['metrics'][number] {
  const { year } = parsePeriod(period);
  const settings = officeStatusSettings(core);
  const linked = state.indicators.filter((row) => {
    const outcome = state.outcomes.get(row.id);
    return outcome?.kind === 'linked' && outcome.metricId === metric.id;
  });
  const direction = directionOfMetric(metric, linked);
  const officeOrder = new Map(offices.map((o, index) => [o.officeId, index]));
  const cells: Cell[] = offices.map((office) => {
    const picked = pickIndicator(core, linked.filter((row) => row.plan_office_id === office.officeId && covers(row, year)), office.officeId, period);
    if (!picked) return { officeId: office.officeId, indicatorId: null, value: null, target: null, light: { color: 'grey', reason: `${office.name}的计划中没有“${metric.name ?? ''}”这项指标` } };
    return {
      officeId: office.officeId,
      indicatorId: picked.row.id,
      value: picked.value,
      target: picked.row.target_value,
      light: valueLight(picked.row, picked.value, period, settings),
    };
  });
  cells.sort((a, b) => rank[a.light.color] - rank[b.light.color] || worseFirst(a, b, direction) || officeOrder.get(a.officeId)! - officeOrder.get(b.officeId)!);
  return { metricId: metric.id, name: metric.name ?? '', unit: metric.unit ?? '', direction, cells };
}

export function compareOffices(core: Core, period: string, metricIds: readonly string[], includeSubmitted = false): CompareResult {
  const { year } = parsePeriod(period);
  const offices = officesWithTasks(core, year)
    .map((office) => officeCounts(core, office, period, includeSubmitted))
    .sort(byOfficeStanding);
  const state = catalogState(core);
  const wanted = new Set(metricIds);
  const metrics = state.metrics.filter((m) => wanted.size === 0 || wanted.has(m.id));
  return { period, offices, metrics: metrics.map((metric) => metricCells(core, state, metric, offices, period)) };
}
