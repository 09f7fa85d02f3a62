import type { CallArgs, CallResult } from '../../shared/api';
import type { Metric } from '../../shared/api/catalog';
import { displayName, formKey, normalForm, normaliseName, similarity, UNCERTAIN_THRESHOLD, type NormalForm } from '../../shared/domain/metric-match';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import type { Writer } from '../core/mutation';
import { AppError } from '../core/app-error';
import { newId, uuidV5 } from '../core/ids';
import {
  aliasesOf,
  catalogIndicator,
  catalogState,
  decisions,
  indicatorSummary,
  liveMetrics,
  measureOf,
  metricFields,
  metricLinkId,
  metricRow,
  toMetric,
  type CatalogIndicatorRow,
  type MetricRow,
} from './catalog-data';
import { compareOffices } from './compare';

type CatalogList = CallResult<'catalog.list'>;

export function catalogList(core: Core): CatalogList {
  const state = catalogState(core);
  const byMetric = new Map<string, Metric['links']>(state.metrics.map((m) => [m.id, []]));
  const pending: CatalogList['pending'] = [];
  const unmatched: (CatalogList['unmatched'][number] & { key: string })[] = [];
  const metricsById = new Map(state.metrics.map((m, order) => [m.id, { row: m, order }]));
  const pendingOrder = new Map<string, number>();
  for (const indicator of state.indicators) {
    const outcome = state.outcomes.get(indicator.id)!;
    const summary = indicatorSummary(indicator);
    if (outcome.kind === 'linked') byMetric.get(outcome.metricId)!.push({ ...summary, how: outcome.how });
    else if (outcome.kind === 'pending') {
      const candidates = outcome.candidates.map((c) => {
        const metric = metricsById.get(c.metricId)!.row;
        return { metricId: c.metricId, name: metric.name ?? '', unit: metric.unit ?? '', score: c.score };
      });
      pendingOrder.set(indicator.id, metricsById.get(outcome.candidates[0]!.metricId)!.order);
      pending.push({ ...summary, candidates });
    } else unmatched.push({ ...summary, key: formKey(normalForm(measureOf(indicator))) });
  }
  // Pending by the metric they resemble, so the clerk decides alike names together.
  pending.sort((a, b) => pendingOrder.get(a.indicatorId)! - pendingOrder.get(b.indicatorId)!);
  unmatched.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    metrics: state.metrics.map((row) => ({ ...metricFields(row), links: byMetric.get(row.id)! })),
    pending,
    unmatched: unmatched.map(({ key: _key, ...rest }) => rest),
  };
}

function metricResult(core: Core, id: string): Metric {
  return toMetric(metricRow(core, id), catalogState(core));
}

/** Refuse a second metric with the same normalised name and unit. */
function requireUnique(core: Core, name: string, unit: string, exceptId: string | null): void {
  const key = formKey(normalForm({ name, unit }));
  const twin = liveMetrics(core).find((m) => m.id !== exceptId && formKey(normalForm(measureOf(m))) === key);
  if (twin) {
    const message = `标准指标“${twin.name ?? ''}”${twin.unit ? `（${twin.unit}）` : ''}已存在，请直接使用它`;
    throw new AppError('CONFLICT', message, { name: message });
  }
}

/** The id follows from the normalised name and unit, so two offices creating one metric converge. */
function newMetricId(core: Core, name: string, unit: string): string {
  const derived = uuidV5(`metric:${formKey(normalForm({ name, unit }))}`);
  const taken = core.db.prepare('SELECT 1 FROM metrics WHERE id = ? AND deleted = 0').get(derived);
  return taken ? newId() : derived;
}

function nextSortOrder(core: Core): number {
  const row = core.db.prepare('SELECT MAX(sort_order) AS top FROM metrics WHERE deleted = 0').get() as { top: number | null };
  return (row.top ?? 0) + 1;
}

/** Remember the indicator's name as an alias unless the metric already answers to it. */
function withAlias(metric: MetricRow, aliases: string[], indicatorName: string): string[] {
  const name = normaliseName(indicatorName);
  if (!name || name === normaliseName(metric.name ?? '')) return aliases;
  if (aliases.some((alias) => normaliseName(alias) === name)) return aliases;
  return [...aliases, indicatorName.trim()];
}

/** The indicator is this metric: one confirmed link, and no other metric claims it any more. */
function confirm(core: Core, writer: Writer, indicator: CatalogIndicatorRow, metricId: string, officeId: string): void {
  for (const [otherId, same] of decisions(core).get(indicator.id) ?? []) {
    if (same && otherId !== metricId) writer.remove('metric_links', metricLinkId(indicator.id, otherId));
  }
  writer.insert('metric_links', metricLinkId(indicator.id, metricId), { indicator_id: indicator.id, metric_id: metricId, same: true, office_id: officeId });
}

function createMetric(core: Core, args: CallArgs<'catalog.createMetric'> & { aliases?: string[] }): string {
  const { officeId } = core.requireIdentity();
  requireUnique(core, args.name, args.unit, null);
  const indicators = [...new Set(args.indicatorIds ?? [])].map((id) => catalogIndicator(core, id));
  const id = newMetricId(core, args.name, args.unit);
  const shell: MetricRow = { id, office_id: officeId, name: args.name, unit: args.unit, comparator: null, aliases: null, sort_order: null };
  let aliases = args.aliases ?? [];
  for (const indicator of indicators) aliases = withAlias(shell, aliases, indicator.name ?? '');
  core.mutations.run((writer) => {
    writer.insert('metrics', id, { office_id: officeId, name: args.name, unit: args.unit, comparator: args.comparator ?? null, aliases, sort_order: nextSortOrder(core) });
    for (const indicator of indicators) confirm(core, writer, indicator, id, officeId);
  });
  return id;
}

function mostCommon<T>(values: readonly T[], tieBreak: (a: T, b: T) => number): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || tieBreak(a[0], b[0]))[0]![0];
}

/**
 * One metric per group of unmatched indicators with the same normalised name and unit. A group
 * whose name resembles a metric made in the same run is left for the clerk to confirm,
 * so 居民健康素养 does not become a second metric beside 居民健康素养水平.
 */
function fromIndicators(core: Core): number {
  const state = catalogState(core);
  const groups = new Map<string, CatalogIndicatorRow[]>();
  for (const indicator of state.indicators) {
    if (state.outcomes.get(indicator.id)?.kind !== 'unmatched') continue;
    const form = normalForm(measureOf(indicator));
    if (!form.name) continue;
    const key = formKey(form);
    groups.set(key, [...(groups.get(key) ?? []), indicator]);
  }
  const { officeId } = core.requireIdentity();
  let order = nextSortOrder(core);
  // Metrics most offices share first, then by name.
  const ordered = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0], 'zh-CN'));
  // Only against this run's metrics: an unmatched indicator resembling an older one was rejected for it.
  const made: NormalForm[] = [];
  let created = 0;
  core.mutations.run((writer) => {
    for (const [key, members] of ordered) {
      const form = normalForm(measureOf(members[0]!));
      if (made.some((other) => similarity(form, other) >= UNCERTAIN_THRESHOLD)) continue;
      made.push(form);
      created++;
      // The clean name most offices used (居民健康素养水平, not 全区居民健康素养水平（%）), the shortest on a tie.
      const names = members.map((m) => displayName(m.name ?? ''));
      const name = mostCommon(names, (a, b) => a.length - b.length || (a < b ? -1 : 1));
      const comparator = mostCommon(members.map((m) => m.comparator ?? ''), (a, b) => (a < b ? -1 : 1)) || null;
      const derived = uuidV5(`metric:${key}`);
      const taken = core.db.prepare('SELECT 1 FROM metrics WHERE id = ? AND deleted = 0').get(derived);
      writer.insert('metrics', taken ? newId() : derived, { office_id: officeId, name, unit: form.unit, comparator, aliases: [], sort_order: order++ });
    }
  });
  return created;
}

export const catalogHandlers: HandlerMap<'catalog.list' | 'catalog.createMetric' | 'catalog.fromIndicators' | 'catalog.updateMetric' | 'catalog.deleteMetric' | 'catalog.decide' | 'dashboard.compare'> = {
  'catalog.list': ({ core }) => catalogList(core),

  'catalog.createMetric': ({ core }, args) => metricResult(core, createMetric(core, args)),

  'catalog.fromIndicators': ({ core }) => ({ created: fromIndicators(core) }),

  'catalog.updateMetric': ({ core }, args) => {
    const row = metricRow(core, args.id);
    const name = args.name ?? row.name ?? '';
    const unit = args.unit ?? row.unit ?? '';
    if (args.name !== undefined || args.unit !== undefined) requireUnique(core, name, unit, row.id);
    const aliases = args.aliases === undefined ? undefined : [...new Map(args.aliases.map((a) => [normaliseName(a), a.trim()])).values()];
    core.mutations.run((writer) =>
      writer.update('metrics', row.id, {
        name,
        unit,
        ...(args.comparator !== undefined ? { comparator: args.comparator } : {}),
        ...(aliases !== undefined ? { aliases } : {}),
      }),
    );
    return metricResult(core, row.id);
  },

  'catalog.deleteMetric': ({ core }, args) => {
    metricRow(core, args.id);
    core.mutations.run((writer) => writer.remove('metrics', args.id));
    return null;
  },

  'catalog.decide': ({ core }, args) => {
    const { officeId } = core.requireIdentity();
    const indicator = catalogIndicator(core, args.indicatorId);
    const metric = metricRow(core, args.metricId);
    core.mutations.run((writer) => {
      if (args.same) {
        confirm(core, writer, indicator, metric.id, officeId);
        // Offices that receive the catalog map the same wording of their own plans automatically.
        const aliases = withAlias(metric, aliasesOf(metric), indicator.name ?? '');
        if (aliases.length !== aliasesOf(metric).length) writer.update('metrics', metric.id, { aliases });
      } else {
        writer.insert('metric_links', metricLinkId(indicator.id, metric.id), { indicator_id: indicator.id, metric_id: metric.id, same: false, office_id: officeId });
      }
    });
    return null;
  },

  'dashboard.compare': ({ core }, args) => compareOffices(core, args.period, args.metricIds, args.includeSubmitted),
};
