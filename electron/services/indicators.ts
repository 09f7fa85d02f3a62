import type { CallArgs } from '../../shared/api';
import type { IndicatorRow } from '../../shared/api/progress';
import { checkValue, indicatorLight, outlierWarning, type Comparator, type IndicatorSpec, type StatusSettings, type ValueKind } from '../../shared/domain/lights';
import { formatPeriod, isPeriod, parsePeriod, previousPeriod } from '../../shared/domain/period';
import type { Light } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { AppError } from '../core/app-error';
import { indicatorValueId } from '../core/ids';
import { officeStatusSettings } from './status-settings';

export interface IndicatorDbRow {
  id: string;
  plan_id: string | null;
  task_id: string | null;
  department_id: string | null;
  name: string | null;
  unit: string | null;
  comparator: string | null;
  target_value: number | null;
  target_value_max: number | null;
  target_year: number | null;
  baseline_value: number | null;
  baseline_year: number | null;
  value_kind: string | null;
  accumulation: string | null;
  pace: string | null;
  tolerance: number | null;
}

const comparators = ['>=', '<=', '=', '>', '<', 'between'] as const;
const valueKinds = ['proportion', 'rate', 'count', 'amount', 'growth', 'other'] as const;

export const comparatorOf = (row: IndicatorDbRow): Comparator => ((comparators as readonly string[]).includes(row.comparator ?? '') ? (row.comparator as Comparator) : '>=');
export const kindOf = (row: IndicatorDbRow): ValueKind => ((valueKinds as readonly string[]).includes(row.value_kind ?? '') ? (row.value_kind as ValueKind) : 'other');

function paceOf(row: IndicatorDbRow): number[] | null {
  if (!row.pace) return null;
  const parsed = JSON.parse(row.pace) as unknown;
  return Array.isArray(parsed) && parsed.length === 4 && parsed.every((x) => typeof x === 'number') ? (parsed as number[]) : null;
}

/** What indicatorLight needs; null when the indicator has no target to judge against. */
export function indicatorSpec(row: IndicatorDbRow): IndicatorSpec | null {
  if (row.target_value === null) return null;
  return {
    name: row.name ?? '',
    unit: row.unit ?? '',
    comparator: comparatorOf(row),
    value: row.target_value,
    valueMax: row.target_value_max,
    baseline: row.baseline_value,
    tolerance: row.tolerance,
    accumulation: row.accumulation === 'cumulative' ? 'cumulative' : 'point',
    pace: paceOf(row),
  };
}

/** The light of one value; `period` is `2025-Q1` or a year (`2025`), judged without pace. */
export function valueLight(row: IndicatorDbRow, value: number | null, period: string, settings: StatusSettings): Light {
  const spec = indicatorSpec(row);
  if (!spec) return { color: 'grey', reason: `${row.name ?? '该指标'}未设定目标值，无法判断` };
  return indicatorLight(spec, value, isPeriod(period) ? parsePeriod(period) : null, settings);
}

export function indicatorDbRow(core: Core, id: string): IndicatorDbRow {
  const row = core.db.prepare('SELECT * FROM indicators WHERE id = ? AND deleted = 0').get(id) as IndicatorDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该指标，可能已被删除');
  return row;
}

/** This office's value of an indicator in one period, or null. */
export function valueOf(core: Core, indicatorId: string, period: string): { value: number; note: string | null } | null {
  const { officeId } = core.requireIdentity();
  const row = core.db.prepare('SELECT value, note FROM indicator_values WHERE id = ? AND deleted = 0').get(indicatorValueId(indicatorId, officeId, period)) as
    | { value: number | null; note: string | null }
    | undefined;
  return row && row.value !== null ? { value: row.value, note: row.note } : null;
}

function toIndicatorRow(core: Core, row: IndicatorDbRow, settings: StatusSettings): IndicatorRow {
  const { officeId } = core.requireIdentity();
  const values: IndicatorRow['values'] = {};
  const stored = core.db
    .prepare('SELECT period, value, note FROM indicator_values WHERE indicator_id = ? AND office_id = ? AND deleted = 0 AND value IS NOT NULL ORDER BY period')
    .all(row.id, officeId) as { period: string; value: number; note: string | null }[];
  for (const v of stored) values[v.period] = { value: v.value, note: v.note, light: valueLight(row, v.value, v.period, settings) };
  return {
    id: row.id,
    planId: row.plan_id ?? '',
    taskId: row.task_id,
    departmentId: row.department_id,
    name: row.name ?? '',
    unit: row.unit ?? '',
    comparator: comparatorOf(row),
    targetValue: row.target_value,
    targetValueMax: row.target_value_max,
    targetYear: row.target_year,
    baselineValue: row.baseline_value,
    baselineYear: row.baseline_year,
    valueKind: kindOf(row),
    accumulation: row.accumulation === 'cumulative' ? 'cumulative' : 'point',
    pace: paceOf(row),
    values,
  };
}

export interface IndicatorFilter {
  readonly planId?: string | null;
  /** The department's own indicators: assigned to it, or (unassigned) under a task it leads. */
  readonly departmentId?: string | null;
  /** Only indicators of plans covering this year. */
  readonly year?: number | null;
}

export function indicatorDbRows(core: Core, filter: IndicatorFilter): IndicatorDbRow[] {
  const where = ['i.deleted = 0'];
  const params: unknown[] = [];
  if (filter.planId) {
    where.push('i.plan_id = ?');
    params.push(filter.planId);
  }
  if (filter.departmentId) {
    where.push(`(i.department_id = ? OR (i.department_id IS NULL AND EXISTS (
      SELECT 1 FROM tasks t, json_each(t.lead_department_ids) j WHERE t.id = i.task_id AND t.deleted = 0 AND j.value = ?)))`);
    params.push(filter.departmentId, filter.departmentId);
  }
  if (filter.year != null) {
    where.push('(p.year_from IS NULL OR p.year_from <= ?) AND (COALESCE(p.year_to, p.year_from) IS NULL OR COALESCE(p.year_to, p.year_from) >= ?)');
    params.push(filter.year, filter.year);
  }
  return core.db
    .prepare(
      `SELECT i.* FROM indicators i JOIN plans p ON p.id = i.plan_id AND p.deleted = 0
       WHERE ${where.join(' AND ')} ORDER BY p.year_from DESC, p.title, p.id, i.sort_order, i.id`,
    )
    .all(...params) as IndicatorDbRow[];
}

export function indicatorRows(core: Core, filter: IndicatorFilter): IndicatorRow[] {
  const settings = officeStatusSettings(core);
  return indicatorDbRows(core, filter).map((row) => toIndicatorRow(core, row, settings));
}

type UpdateArgs = CallArgs<'indicators.update'>;

/** Refuse an edit that would leave the target unusable, naming the field (中文). */
function fail(field: string, message: string): never {
  throw new AppError('INVALID_ARGUMENT', message, { [field]: message });
}

/** The target as it will be after the edit, checked as a whole: range order, values fitting the kind, years in order. */
function targetAfterEdit(row: IndicatorDbRow, args: UpdateArgs) {
  const pick = <T>(given: T | undefined, stored: T): T => (given === undefined ? stored : given);
  const after = {
    comparator: pick(args.comparator, comparatorOf(row)),
    value: pick(args.targetValue, row.target_value),
    valueMax: pick(args.targetValueMax, row.target_value_max),
    unit: pick(args.unit, row.unit ?? ''),
    kind: pick(args.valueKind, kindOf(row)),
    baselineValue: pick(args.baselineValue, row.baseline_value),
    baselineYear: pick(args.baselineYear, row.baseline_year),
    targetYear: pick(args.targetYear, row.target_year),
  };
  if (after.comparator === 'between') {
    if (after.value === null) fail('targetValue', '区间目标需要填写下限');
    if (after.valueMax === null) fail('targetValueMax', '区间目标需要填写上限');
    if (after.valueMax < after.value) fail('targetValueMax', '目标上限不能小于下限');
  }
  const checks: [string, string, number | null][] = [
    ['targetValue', '目标值', after.value],
    ['targetValueMax', '目标上限', after.comparator === 'between' ? after.valueMax : null],
    ['baselineValue', '基数', after.baselineValue],
  ];
  for (const [field, label, value] of checks) {
    const problem = value === null ? null : checkValue(after.kind, after.unit, value);
    if (problem) fail(field, `${label}：${problem}`);
  }
  if (args.baselineYear != null && after.baselineValue === null) fail('baselineValue', '填写了基数年份，请同时填写基数');
  if (after.baselineYear !== null && after.targetYear !== null && after.baselineYear > after.targetYear) fail('baselineYear', '基数年份不能晚于目标年份');
  return after;
}

/** The period before: the previous quarter, or the previous year for yearly values. */
function periodBefore(period: string): string {
  return isPeriod(period) ? formatPeriod(previousPeriod(parsePeriod(period))) : String(Number(period) - 1);
}

export const indicatorHandlers: HandlerMap<'indicators.list' | 'indicators.update' | 'indicators.setValue'> = {
  'indicators.list': ({ core }, args) => indicatorRows(core, { planId: args.planId, departmentId: args.departmentId }),

  'indicators.update': ({ core }, args) => {
    const current = indicatorDbRow(core, args.id);
    if (args.departmentId) {
      const department = core.db.prepare('SELECT 1 FROM departments WHERE id = ? AND deleted = 0').get(args.departmentId);
      if (!department) throw new AppError('INVALID_ARGUMENT', '所选科室不存在，请先在“设置”中添加', { departmentId: '所选科室不存在' });
    }
    if (args.pace) {
      const rising = args.pace.every((share, index) => index === 0 || share >= args.pace![index - 1]!);
      if (!rising) throw new AppError('INVALID_ARGUMENT', '序时进度应逐季度不减少（累计比例）', { pace: '序时进度应逐季度不减少（累计比例）' });
    }
    const target = targetAfterEdit(current, args);
    core.mutations.run((writer) =>
      writer.update('indicators', args.id, {
        name: args.name,
        unit: args.unit,
        comparator: args.comparator,
        target_value: args.targetValue,
        // Only a range has an upper end: another comparator clears it.
        target_value_max: target.comparator === 'between' ? args.targetValueMax : current.target_value_max === null ? undefined : null,
        baseline_value: args.baselineValue,
        baseline_year: target.baselineValue === null && current.baseline_year !== null ? null : args.baselineYear,
        target_year: args.targetYear,
        value_kind: args.valueKind,
        accumulation: args.accumulation,
        pace: args.pace,
        department_id: args.departmentId,
      }),
    );
    return toIndicatorRow(core, indicatorDbRow(core, args.id), officeStatusSettings(core));
  },

  'indicators.setValue': ({ core }, args) => {
    const { officeId } = core.requireIdentity();
    const row = indicatorDbRow(core, args.indicatorId);
    const problem = checkValue(kindOf(row), row.unit ?? '', args.value);
    if (problem) throw new AppError('INVALID_ARGUMENT', problem, { value: problem });
    const previous = valueOf(core, args.indicatorId, periodBefore(args.period));
    core.mutations.run((writer) =>
      writer.insert('indicator_values', indicatorValueId(args.indicatorId, officeId, args.period), {
        indicator_id: args.indicatorId,
        office_id: officeId,
        period: args.period,
        value: args.value,
        note: args.note.trim() || null,
      }),
    );
    return { indicator: toIndicatorRow(core, row, officeStatusSettings(core)), warning: outlierWarning(previous?.value ?? null, args.value) };
  },
};
