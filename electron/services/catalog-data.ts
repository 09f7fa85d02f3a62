import type { Metric } from '../../shared/api/catalog';
import type { Comparator } from '../../shared/domain/lights';
import { indexMetrics, matchIndicator, type MatchOutcome, type MetricIndex } from '../../shared/domain/metric-match';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { uuidV5 } from '../core/ids';
import type { IndicatorDbRow } from './indicators';

/*
 * Reading the 标准指标库: metrics, the clerks' decisions, every office's indicators, and where
 * each indicator belongs. The catalog and the comparison both start here.
 */

export interface MetricRow {
  id: string;
  office_id: string | null;
  name: string | null;
  unit: string | null;
  comparator: string | null;
  aliases: string | null;
  sort_order: number | null;
}

/** An indicator with its plan and the plan's office: whose indicator it is. */
export interface CatalogIndicatorRow extends IndicatorDbRow {
  plan_title: string | null;
  plan_office_id: string | null;
  office_name: string | null;
  year_from: number | null;
  year_to: number | null;
}

const comparators = ['>=', '<=', '=', '>', '<', 'between'] as const;

export function comparatorText(text: string | null): Comparator | null {
  return (comparators as readonly string[]).includes(text ?? '') ? (text as Comparator) : null;
}

export function aliasesOf(row: Pick<MetricRow, 'aliases'>): string[] {
  if (!row.aliases) return [];
  const parsed = JSON.parse(row.aliases) as unknown;
  return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
}

/** Two offices deciding the same pair write the same row, so their decisions converge. */
export function metricLinkId(indicatorId: string, metricId: string): string {
  return uuidV5(`metric-link:${indicatorId}:${metricId}`);
}

export function liveMetrics(core: Core): MetricRow[] {
  return core.db.prepare('SELECT id, office_id, name, unit, comparator, aliases, sort_order FROM metrics WHERE deleted = 0 ORDER BY sort_order, name, id').all() as MetricRow[];
}

export function metricRow(core: Core, id: string): MetricRow {
  const row = core.db.prepare('SELECT id, office_id, name, unit, comparator, aliases, sort_order FROM metrics WHERE id = ? AND deleted = 0').get(id) as MetricRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该标准指标，可能已被删除');
  return row;
}

const INDICATOR_SELECT = `SELECT i.*, p.title AS plan_title, p.office_id AS plan_office_id, o.name AS office_name,
  p.year_from AS year_from, p.year_to AS year_to
  FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.deleted = 0
  LEFT JOIN offices o ON o.id = p.office_id AND o.deleted = 0
  WHERE i.deleted = 0`;

/** Every office's indicators, by office (in pinyin order, as clerks list districts), plan (newest first) and document order. */
export function catalogIndicators(core: Core): CatalogIndicatorRow[] {
  const rows = core.db.prepare(`${INDICATOR_SELECT} ORDER BY p.office_id, p.year_from DESC, p.title, p.id, i.sort_order, i.id`).all() as CatalogIndicatorRow[];
  const collator = new Intl.Collator('zh-CN');
  return rows.sort((a, b) => collator.compare(a.office_name ?? '', b.office_name ?? ''));
}

export function catalogIndicator(core: Core, id: string): CatalogIndicatorRow {
  const row = core.db.prepare(`${INDICATOR_SELECT} AND i.id = ?`).get(id) as CatalogIndicatorRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该指标，可能已被删除');
  return row;
}

/** The clerks' decisions: indicator → metric → same. */
export function decisions(core: Core): Map<string, Map<string, boolean>> {
  const rows = core.db.prepare('SELECT indicator_id, metric_id, same FROM metric_links WHERE deleted = 0').all() as {
    indicator_id: string | null;
    metric_id: string | null;
    same: number | null;
  }[];
  const byIndicator = new Map<string, Map<string, boolean>>();
  for (const row of rows) {
    if (!row.indicator_id || !row.metric_id || row.same === null) continue;
    let byMetric = byIndicator.get(row.indicator_id);
    if (!byMetric) byIndicator.set(row.indicator_id, (byMetric = new Map()));
    byMetric.set(row.metric_id, row.same === 1);
  }
  return byIndicator;
}

export interface CatalogState {
  readonly metrics: MetricRow[];
  readonly index: MetricIndex;
  readonly indicators: CatalogIndicatorRow[];
  readonly outcomes: Map<string, MatchOutcome>;
}

export const measureOf = (row: { name: string | null; unit: string | null }) => ({ name: row.name ?? '', unit: row.unit ?? '' });

/** Where every indicator belongs now: linked (exact, alias, confirmed), pending or unmatched. */
export function catalogState(core: Core): CatalogState {
  const metrics = liveMetrics(core);
  const index = indexMetrics(metrics.map((m) => ({ id: m.id, name: m.name ?? '', unit: m.unit ?? '', aliases: aliasesOf(m) })));
  const decided = decisions(core);
  const indicators = catalogIndicators(core);
  const outcomes = new Map<string, MatchOutcome>();
  for (const row of indicators) outcomes.set(row.id, matchIndicator(measureOf(row), index, decided.get(row.id)));
  return { metrics, index, indicators, outcomes };
}

export function indicatorSummary(row: CatalogIndicatorRow) {
  return {
    indicatorId: row.id,
    officeId: row.plan_office_id,
    officeName: row.office_name ?? '未知单位',
    planTitle: row.plan_title ?? '',
    name: row.name ?? '',
    unit: row.unit ?? '',
  };
}

export function metricFields(row: MetricRow): Omit<Metric, 'links'> {
  return { id: row.id, name: row.name ?? '', unit: row.unit ?? '', comparator: comparatorText(row.comparator), aliases: aliasesOf(row) };
}

/** The metric as the contract shows it, with the indicators linked to it. */
export function toMetric(row: MetricRow, state: CatalogState): Metric {
  const links: Metric['links'] = [];
  for (const indicator of state.indicators) {
    const outcome = state.outcomes.get(indicator.id);
    if (outcome?.kind === 'linked' && outcome.metricId === row.id) links.push({ ...indicatorSummary(indicator), how: outcome.how });
  }
  return { ...metricFields(row), links };
}
