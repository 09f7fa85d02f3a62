import type { CatalogResult, CompareResult } from '../../../shared/api/catalog';
import { displayName, formKey, normalForm } from '../../../shared/domain/metric-match';
import type { LightColor } from '../../../shared/domain/progress-status';

/*
 * What the comparison and the catalog show, computed from the core's answer: labels, chart
 * rows and groups. Pure, so the component tests and the screen agree on every figure.
 */

export type CompareMetric = CompareResult['metrics'][number];
export type CompareOffice = CompareResult['offices'][number];
export type CompareCell = CompareMetric['cells'][number];

const round = (value: number) => String(Math.round(value * 100) / 100);

export function valueText(value: number | null, unit: string): string {
  return value === null ? '—' : `${round(value)}${unit}`;
}

export const directionLabel: Record<CompareMetric['direction'], string> = { up: '越高越好', down: '越低越好', band: '越接近目标越好' };
const directionSign: Record<CompareMetric['direction'], string> = { up: '≥', down: '≤', band: '' };

export function targetText(metric: Pick<CompareMetric, 'direction' | 'unit'>, target: number | null): string {
  return target === null ? '未设定目标' : `目标${directionSign[metric.direction]}${round(target)}${metric.unit}`;
}

/** The hover text of a cell: the office's target and the light's sentence. */
export function cellTitle(metric: CompareMetric, cell: CompareCell): string {
  if (cell.indicatorId === null) return cell.light.reason;
  return `${targetText(metric, cell.target)}\n${cell.light.reason}`;
}

export function shareText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** The colour a task share earns: on track at 80% or more, red below 60%. */
export function shareColor(share: number | null): LightColor {
  if (share === null) return 'grey';
  if (share >= 0.8) return 'green';
  return share >= 0.6 ? 'yellow' : 'red';
}

/** A short office name for chart axes: 江北区 for 江北区卫生健康委. */
export function shortOffice(name: string): string {
  const short = name.replace(/(卫生健康委员会|卫生健康委|卫健委)(（\d+）)?$/, '$2');
  return short.length >= 2 ? short : name;
}

export interface MetricBar {
  readonly officeId: string;
  readonly name: string;
  /** 0 for no value, so the office keeps its place on the axis. */
  readonly value: number;
  readonly hasValue: boolean;
  /** The value with its unit, or why there is none. */
  readonly label: string;
  /** Printed at the bar's end; empty without a value (the axis says why). */
  readonly valueLabel: string;
  readonly color: LightColor;
}

/** One bar per office, worst first as the core ranked them. */
export function metricBars(metric: CompareMetric, offices: readonly CompareOffice[]): MetricBar[] {
  const names = new Map(offices.map((o) => [o.officeId, o.name]));
  return metric.cells.map((cell) => ({
    officeId: cell.officeId,
    name: shortOffice(names.get(cell.officeId) ?? ''),
    value: cell.value ?? 0,
    hasValue: cell.value !== null,
    label: cell.indicatorId === null ? '无此指标' : cell.value === null ? '未填报' : valueText(cell.value, metric.unit),
    valueLabel: cell.value === null ? '' : valueText(cell.value, metric.unit),
    color: cell.light.color,
  }));
}

/** The target most offices share, for the reference line; `varies` when they differ. */
export function commonTarget(metric: CompareMetric): { value: number | null; varies: boolean } {
  const targets = metric.cells.map((c) => c.target).filter((t): t is number => t !== null);
  if (targets.length === 0) return { value: null, varies: false };
  const counts = new Map<number, number>();
  for (const t of targets) counts.set(t, (counts.get(t) ?? 0) + 1);
  const [value] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!;
  return { value, varies: counts.size > 1 };
}

export const shareParts = ['done', 'green', 'yellow', 'red', 'grey'] as const;
export type SharePart = (typeof shareParts)[number];
/** The quarter states of the offices' tasks; 滞后 in the light it earns, 未填报 grey (never counted as behind). */
export const sharePartLabels: Record<SharePart, string> = { done: '已完成', green: '按序时推进', yellow: '滞后（黄灯）', red: '滞后（红灯）', grey: '未填报' };

/** The share cell's tooltip: every state's count, then the marks. */
export function shareTitle(office: Pick<CompareOffice, 'tasks' | 'done' | 'green' | 'yellow' | 'red' | 'grey' | 'partial' | 'late'>): string {
  const marks = [office.partial > 0 ? `部分科室未报${office.partial}项` : '', office.late > 0 ? `有科室逾期未报${office.late}项` : ''].filter(Boolean);
  const behind = office.yellow + office.red;
  return (
    `共${office.tasks}项任务：已完成${office.done}项，按序时推进${office.green}项，滞后${behind}项${office.red > 0 ? `（其中红灯${office.red}项）` : ''}，未填报${office.grey}项` +
    (marks.length > 0 ? `；${marks.join('，')}` : '')
  );
}

export type ShareRow = { readonly officeId: string; readonly name: string; readonly share: number | null; readonly tasks: number } & Record<SharePart, number>;

/** Each office's tasks as percentages by light, ranked as the core ranked the offices. */
export function shareRows(offices: readonly CompareOffice[]): ShareRow[] {
  return offices.map((office) => {
    const percent = (count: number) => (office.tasks ? (count / office.tasks) * 100 : 0);
    return {
      officeId: office.officeId,
      name: shortOffice(office.name),
      share: office.onTrackShare,
      tasks: office.tasks,
      done: percent(office.done),
      green: percent(office.green),
      yellow: percent(office.yellow),
      red: percent(office.red),
      grey: percent(office.grey),
    };
  });
}

export type CatalogIndicator = CatalogResult['unmatched'][number];

export interface UnmatchedGroup {
  readonly key: string;
  /** The clean name most offices used. */
  readonly name: string;
  readonly unit: string;
  readonly indicators: readonly CatalogIndicator[];
}

/** Unmatched indicators with the same normalised name and unit, as one future metric. */
export function unmatchedGroups(unmatched: readonly CatalogIndicator[]): UnmatchedGroup[] {
  const groups = new Map<string, CatalogIndicator[]>();
  for (const indicator of unmatched) {
    const key = formKey(normalForm(indicator));
    groups.set(key, [...(groups.get(key) ?? []), indicator]);
  }
  return [...groups].map(([key, indicators]) => {
    const names = new Map<string, number>();
    for (const i of indicators) names.set(displayName(i.name), (names.get(displayName(i.name)) ?? 0) + 1);
    const [name] = [...names].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]!;
    return { key, name, unit: normalForm(indicators[0]!).unit, indicators };
  });
}

/** Offices that have sent anything to compare: more than one means there is something to compare. */
export function officesWithData(result: CompareResult | null): number {
  return result?.offices.length ?? 0;
}
