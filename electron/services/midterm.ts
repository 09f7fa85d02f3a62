import type { CallResult } from '../../shared/api';
import { directionOf, evaluateTarget, type StatusSettings } from '../../shared/domain/lights';
import type { Light } from '../../shared/domain/progress-status';
import { normalizeWidth } from '../../shared/parse/width';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { direction } from './dashboard-indicators';
import { comparatorOf, type IndicatorDbRow } from './indicators';
import { officeStatusSettings } from './status-settings';

/*
 * 中期评估 of a multi-year plan: for each indicator the straight path from its baseline to its
 * target, one point a year; the actual value each year; the target that year's annual plan set
 * for the same indicator; and a sentence wherever those do not add up to the plan.
 */

type Midterm = CallResult<'dashboard.midterm'>;

interface PlanRow {
  id: string;
  office_id: string | null;
  title: string | null;
  kind: string | null;
  year_from: number | null;
  year_to: number | null;
}

const round = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number, unit: string) => `${round(x)}${unit}`;

/** Names compared the way clerks mean them: width, spaces and punctuation do not matter. */
function nameKey(name: string | null, unit: string | null): string {
  const clean = (s: string | null) => normalizeWidth(s ?? '').replace(/[^\p{L}\p{N}%‰/]/gu, '').toLowerCase();
  return `${clean(name)}|${clean(unit)}`;
}

/** The year's value: the yearly figure, else the last quarter reported that year. */
function actualOf(core: Core, indicatorId: string, officeId: string, year: number): number | null {
  const rows = core.db
    .prepare("SELECT period, value FROM indicator_values WHERE indicator_id = ? AND office_id = ? AND deleted = 0 AND value IS NOT NULL AND (period = ? OR period LIKE ?)")
    .all(indicatorId, officeId, String(year), `${year}-Q%`) as { period: string; value: number }[];
  const yearly = rows.find((r) => r.period === String(year));
  if (yearly) return yearly.value;
  return rows.sort((a, b) => b.period.localeCompare(a.period))[0]?.value ?? null;
}

interface AnnualTarget {
  year: number;
  value: number;
  pace: number[] | null;
  name: string;
}

/** Targets that the office's one-year plans set for the same indicator, by year. */
function annualTargets(core: Core, plan: PlanRow): Map<string, AnnualTarget[]> {
  const rows = core.db
    .prepare(
      `SELECT i.name, i.unit, i.target_value, i.pace, p.year_from AS year FROM plans p JOIN indicators i ON i.plan_id = p.id AND i.deleted = 0
       WHERE p.office_id = ? AND p.deleted = 0 AND p.id <> ? AND p.year_from = COALESCE(p.year_to, p.year_from)
         AND p.year_from BETWEEN ? AND ? AND i.target_value IS NOT NULL`,
    )
    .all(plan.office_id, plan.id, plan.year_from, plan.year_to) as { name: string | null; unit: string | null; target_value: number; pace: string | null; year: number }[];
  const byKey = new Map<string, AnnualTarget[]>();
  for (const row of rows) {
    const key = nameKey(row.name, row.unit);
    const list = byKey.get(key) ?? [];
    list.push({ year: row.year, value: row.target_value, pace: row.pace ? (JSON.parse(row.pace) as number[]) : null, name: row.name ?? '' });
    byKey.set(key, list);
  }
  return byKey;
}

function yearLight(name: string, unit: string, comparator: ReturnType<typeof comparatorOf>, expected: number | null, actual: number | null, year: number, settings: StatusSettings): Light {
  if (actual === null) return { color: 'grey', reason: `${name}${year}年尚无数据` };
  if (expected === null) return { color: 'grey', reason: `${name}缺少基数或目标，无法判断${year}年是否在路径上` };
  const evaluation = evaluateTarget({ name, unit, comparator: comparator === 'between' ? '>=' : comparator, value: expected, valueMax: null, baseline: null, tolerance: null }, actual, settings);
  const verdict = evaluation.state === 'met' ? '达到' : evaluation.state === 'close' ? '接近' : '未达到';
  return { color: evaluation.light.color, reason: `${name}${year}年为${fmt(actual, unit)}，${verdict}规划路径应达的${fmt(expected, unit)}` };
}

function indicatorMidterm(core: Core, plan: PlanRow, row: IndicatorDbRow, annual: Map<string, AnnualTarget[]>, settings: StatusSettings): Midterm['indicators'][number] {
  const name = row.name ?? '';
  const unit = row.unit ?? '';
  const comparator = comparatorOf(row);
  const dir = directionOf(comparator);
  const baselineYear = row.baseline_year ?? (plan.year_from !== null ? plan.year_from - 1 : null);
  const targetYear = row.target_year ?? plan.year_to;
  const baseline = row.baseline_value ?? (row.accumulation === 'cumulative' ? 0 : null);
  const flags: string[] = [];
  const canDraw = baselineYear !== null && targetYear !== null && targetYear > baselineYear && baseline !== null && row.target_value !== null;
  if (!canDraw) flags.push(`${name}缺少${row.target_value === null ? '目标值' : baseline === null ? '基数' : '目标年份'}，无法画出从基数到目标的路径`);
  const expectedAt = (year: number) => (canDraw ? round(baseline! + ((row.target_value! - baseline!) * (year - baselineYear!)) / (targetYear! - baselineYear!)) : null);

  const yearly = annual.get(nameKey(row.name, row.unit)) ?? [];
  const firstYear = baselineYear ?? plan.year_from ?? targetYear ?? 0;
  const lastYear = targetYear ?? plan.year_to ?? firstYear;
  const path: Midterm['indicators'][number]['path'] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const expected = expectedAt(year);
    const actual = year === baselineYear && row.baseline_value !== null ? row.baseline_value : plan.office_id ? actualOf(core, row.id, plan.office_id, year) : null;
    const yearlyTarget = yearly.find((t) => t.year === year)?.value ?? null;
    path.push({ year, expected, actual, yearlyTarget, light: yearLight(name, unit, comparator, expected, actual, year, settings) });
    if (yearlyTarget !== null && expected !== null && row.accumulation !== 'cumulative') {
      if (dir === 'up' && yearlyTarget < expected) flags.push(`${year}年度目标${fmt(yearlyTarget, unit)}低于规划路径应达的${fmt(expected, unit)}，按此节奏${lastYear}年达不到规划目标${fmt(row.target_value!, unit)}`);
      if (dir === 'down' && yearlyTarget > expected) flags.push(`${year}年度目标${fmt(yearlyTarget, unit)}高于规划路径应降到的${fmt(expected, unit)}，按此节奏${lastYear}年达不到规划目标${fmt(row.target_value!, unit)}`);
    }
  }
  if (row.accumulation === 'cumulative' && row.target_value !== null && plan.year_from !== null && plan.year_to !== null) {
    const years = plan.year_to - plan.year_from + 1;
    const set = yearly.filter((t) => t.year >= plan.year_from! && t.year <= plan.year_to!);
    const total = set.reduce((sum, t) => sum + t.value, 0);
    if (set.length === years && dir === 'up' && total < row.target_value) flags.push(`各年度目标合计${fmt(total, unit)}，少于规划目标${fmt(row.target_value, unit)}`);
    if (set.length > 0 && set.length < years && dir === 'up' && total >= row.target_value) flags.push(`已有${set.length}个年度的目标合计${fmt(total, unit)}，已达到规划目标${fmt(row.target_value, unit)}，请核对是否重复计算`);
  }
  for (const target of yearly) {
    if (!target.pace || target.pace.length !== 4) continue;
    const last = target.pace[3]!;
    const rising = target.pace.every((share, i) => i === 0 || share >= target.pace![i - 1]!);
    if (Math.abs(last - 1) > 1e-9) flags.push(`${target.year}年度“${target.name}”的季度序时进度四季度为${Math.round(last * 100)}%，各季度合计不等于全年目标`);
    else if (!rising) flags.push(`${target.year}年度“${target.name}”的季度序时进度不是逐季递增的`);
  }
  return {
    indicatorId: row.id,
    name,
    unit,
    comparator,
    direction: direction(comparator),
    baselineYear,
    baselineValue: row.baseline_value,
    targetYear,
    targetValue: row.target_value,
    path,
    flags,
  };
}

export function midterm(core: Core, planId: string): Midterm {
  const plan = core.db.prepare('SELECT id, office_id, title, kind, year_from, year_to FROM plans WHERE id = ? AND deleted = 0').get(planId) as PlanRow | undefined;
  if (!plan) throw new AppError('NOT_FOUND', '找不到该计划，可能已被删除');
  if (plan.year_from === null || plan.year_to === null || plan.year_to <= plan.year_from) {
    throw new AppError('INVALID_ARGUMENT', `“${plan.title ?? ''}”不是跨年度的规划，中期评估只适用于五年规划等多年计划`, { planId: '请选择五年规划' });
  }
  const settings = officeStatusSettings(core);
  const annual = annualTargets(core, plan);
  const rows = core.db.prepare('SELECT * FROM indicators WHERE plan_id = ? AND deleted = 0 ORDER BY sort_order, id').all(plan.id) as IndicatorDbRow[];
  return {
    planId: plan.id,
    title: plan.title ?? '',
    yearFrom: plan.year_from,
    yearTo: plan.year_to,
    indicators: rows.map((row) => indicatorMidterm(core, plan, row, annual, settings)),
  };
}
