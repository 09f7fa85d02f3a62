import { scaleLinear } from 'd3-scale';
import { arc, pie, type PieArcDatum } from 'd3-shape';
import type { ReportIndicator, ReportModel } from '../api/reports';
import { lightColors, type LightColor } from '../domain/progress-status';
import { quarterStates } from '../domain/quarter-state';
import { chartInk, inkOnLight, lightFill, lightLegendLabels, statusFill } from './chart-colors';

/*
 * Report charts as plain SVG strings: no browser, no React (recharts 3 renders an empty wrapper
 * on the server), so the CLI and the core can draw them and rasterise them for Word. One SVG user
 * unit is one CSS pixel (1/96 inch), so a chart 580 wide fits the 156 mm text block of a 公文.
 * Text sizes are estimated (no font metrics here): a CJK character is 1 em, anything else 0.58 em.
 */

/** CJK fonts first: Linux (Noto), Windows (微软雅黑, 黑体), then whatever sans-serif is there. */
export const CHART_FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'SimHei', sans-serif";
export const CHART_WIDTH = 580;
const FONT_SIZE = 13;

export interface SvgChart {
  readonly svg: string;
  /** CSS pixels (the image's size in the document at 96 dpi). */
  readonly width: number;
  readonly height: number;
}

export interface LightBarRow {
  readonly name: string;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
  readonly grey: number;
}

export interface StatusSlice {
  readonly status: string;
  readonly count: number;
}

export interface IndicatorBar {
  readonly name: string;
  /** Share of the way to the target (1 = reached); null without a value or a target. */
  readonly ratio: number | null;
  readonly color: LightColor;
  /** 本期值 as written beside the bar: 30%. */
  readonly valueText: string;
  readonly targetText: string;
}

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates): dropped. */
// eslint-disable-next-line no-control-regex
export const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const isWide = (char: string) => (char.codePointAt(0) ?? 0) >= 0x2e80;

export function estimateTextWidth(text: string, fontSize = FONT_SIZE): number {
  let em = 0;
  for (const char of text) em += isWide(char) ? 1 : 0.58;
  return em * fontSize;
}

/** The text cut to fit `width` pixels, with an ellipsis when cut. */
export function fitText(text: string, width: number, fontSize = FONT_SIZE): string {
  if (estimateTextWidth(text, fontSize) <= width) return text;
  let shown = '';
  for (const char of text) {
    if (estimateTextWidth(`${shown}${char}…`, fontSize) > width) break;
    shown += char;
  }
  return `${shown}…`;
}

const round = (value: number) => Math.round(value * 100) / 100;

function svgDocument(width: number, height: number, label: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="${CHART_FONT_FAMILY}" font-size="${FONT_SIZE}">` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`
  );
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${round(x)}" y="${round(y)}" ${attributes}>${escapeXml(content)}</text>`;
}

/** The key: a box and a word per entry, in one row from the left. */
function legendRow(entries: readonly { label: string; color: string }[], x: number, y: number): string {
  let cursor = x;
  let out = '';
  for (const entry of entries) {
    out += `<rect x="${round(cursor)}" y="${round(y - 10)}" width="12" height="12" fill="${entry.color}"/>`;
    out += text(cursor + 17, y, entry.label, `fill="${chartInk.text}"`);
    cursor += 17 + estimateTextWidth(entry.label) + 18;
  }
  return out;
}

function emptyChart(width: number, label: string, message: string): SvgChart {
  const height = 60;
  return { width, height, svg: svgDocument(width, height, label, text(width / 2, 35, message, `text-anchor="middle" fill="${chartInk.axis}"`)) };
}

/**
 * Tasks per department stacked by light (green, yellow, red, grey from the left), the row's total
 * after the bar. Segment lengths are proportional to counts on one linear scale for all rows.
 */
export function lightBarsChart(rows: readonly LightBarRow[], options: { width?: number; label?: string } = {}): SvgChart {
  const width = options.width ?? CHART_WIDTH;
  const label = options.label ?? '各科室重点工作进度灯分布';
  if (rows.length === 0) return emptyChart(width, label, '暂无任务');
  const rowHeight = 28;
  const barHeight = 18;
  const legendHeight = 30;
  const axisHeight = 24;
  const nameWidth = Math.min(150, Math.max(...rows.map((r) => estimateTextWidth(r.name))) + 8);
  const x0 = nameWidth + 10;
  const x1 = width - 44;
  const totals = rows.map((r) => lightColors.reduce((sum, color) => sum + r[color], 0));
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice()
    .range([x0, x1]);
  const ticks = x.ticks(Math.min(6, x.domain()[1]!)).filter(Number.isInteger);
  const plotTop = legendHeight;
  const plotBottom = plotTop + rows.length * rowHeight;
  const height = plotBottom + axisHeight;
  let body = legendRow(
    lightColors.map((color) => ({ label: lightLegendLabels[color], color: lightFill[color] })),
    x0,
    18,
  );
  for (const tick of ticks) {
    body += `<line x1="${round(x(tick))}" y1="${plotTop}" x2="${round(x(tick))}" y2="${plotBottom}" stroke="${chartInk.grid}" stroke-width="1"/>`;
    body += text(x(tick), plotBottom + 17, String(tick), `text-anchor="middle" fill="${chartInk.axis}" font-size="12"`);
  }
  body += `<line x1="${x0}" y1="${plotTop}" x2="${x0}" y2="${plotBottom}" stroke="${chartInk.axis}" stroke-width="1"/>`;
  rows.forEach((row, index) => {
    const top = plotTop + index * rowHeight + (rowHeight - barHeight) / 2;
    const middle = top + barHeight / 2 + 4.5;
    body += text(nameWidth, middle, fitText(row.name, nameWidth), `text-anchor="end" fill="${chartInk.text}"`);
    let start = 0;
    for (const color of lightColors) {
      const count = row[color];
      if (count <= 0) continue;
      const left = x(start);
      const segment = x(start + count) - left;
      body += `<rect class="segment" data-row="${escapeXml(row.name)}" data-color="${color}" data-count="${count}" x="${round(left)}" y="${round(top)}" width="${round(segment)}" height="${barHeight}" fill="${lightFill[color]}"/>`;
      if (segment >= estimateTextWidth(String(count), 12) + 6) {
        body += text(left + segment / 2, middle, String(count), `text-anchor="middle" fill="${inkOnLight[color]}" font-size="12"`);
      }
      start += count;
    }
    body += text(x(start) + 6, middle, `${totals[index]}项`, `fill="${chartInk.text}"`);
  });
  return { width, height, svg: svgDocument(width, height, label, body) };
}

/** Tasks by status as a ring with the total in the middle and a key with counts and shares. */
export function statusDonutChart(slices: readonly StatusSlice[], options: { width?: number; label?: string } = {}): SvgChart {
  const width = options.width ?? CHART_WIDTH;
  const label = options.label ?? '重点工作状态分布';
  const shown = slices.filter((s) => s.count > 0);
  const total = shown.reduce((sum, s) => sum + s.count, 0);
  if (total === 0) return emptyChart(width, label, '暂无任务');
  const legendRowHeight = 26;
  const height = Math.max(230, shown.length * legendRowHeight + 30);
  const radius = 95;
  // Ring and key centred together: the key takes about 185 pixels right of the ring.
  const cx = Math.max(radius + 10, (width - (2 * radius + 50 + 185)) / 2 + radius);
  const legendX = cx + radius + 50;
  const cy = height / 2;
  const arcs = pie<StatusSlice>()
    .value((s) => s.count)
    .sort(null)(shown);
  const shape = arc<PieArcDatum<StatusSlice>>()
    .innerRadius(radius * 0.62)
    .outerRadius(radius);
  let body = `<g transform="translate(${round(cx)},${round(cy)})">`;
  for (const slice of arcs) {
    const fill = statusFill[slice.data.status] ?? chartInk.expected;
    body += `<path class="slice" data-status="${escapeXml(slice.data.status)}" data-count="${slice.data.count}" data-angle="${round(slice.endAngle - slice.startAngle)}" d="${shape(slice) ?? ''}" fill="${fill}" stroke="#ffffff" stroke-width="1.5"/>`;
  }
  body += text(0, -6, String(total), `text-anchor="middle" fill="${chartInk.text}" font-size="26" font-weight="bold"`);
  body += text(0, 18, '项任务', `text-anchor="middle" fill="${chartInk.axis}"`);
  body += '</g>';
  const legendTop = cy - (shown.length * legendRowHeight) / 2 + 17;
  shown.forEach((slice, index) => {
    const y = legendTop + index * legendRowHeight;
    const share = Math.round((slice.count / total) * 1000) / 10;
    body += `<rect x="${round(legendX)}" y="${round(y - 11)}" width="14" height="14" fill="${statusFill[slice.status] ?? chartInk.expected}"/>`;
    body += text(legendX + 22, y, slice.status, `fill="${chartInk.text}"`);
    body += text(legendX + 128, y, `${slice.count}项`, `fill="${chartInk.text}" text-anchor="end" class="legend-count"`);
    body += text(legendX + 140, y, `${share}%`, `fill="${chartInk.axis}"`);
  });
  return { width, height, svg: svgDocument(width, height, label, body) };
}

/**
 * Indicators as bars of the way to their target (the line marked 目标 is 100%), coloured by light;
 * an indicator without data shows 暂无数据 instead of a bar. Bars past the target stop at 120%.
 */
export function indicatorBarsChart(items: readonly IndicatorBar[], options: { width?: number; label?: string } = {}): SvgChart {
  const width = options.width ?? CHART_WIDTH;
  const label = options.label ?? '主要指标完成情况';
  if (items.length === 0) return emptyChart(width, label, '暂无指标');
  const rowHeight = 28;
  const barHeight = 16;
  const top = 26;
  const nameWidth = Math.min(190, Math.max(...items.map((i) => estimateTextWidth(i.name))) + 8);
  const valueWidth = Math.max(...items.map((i) => estimateTextWidth(`${i.valueText}／${i.targetText}`, 12))) + 10;
  const x0 = nameWidth + 10;
  // A little slack on the right: the width estimate runs short for symbols such as ≤ and ／.
  const x1 = width - Math.min(190, valueWidth + 14);
  const x = scaleLinear().domain([0, 1.2]).range([x0, x1]).clamp(true);
  const bottom = top + items.length * rowHeight;
  const height = bottom + 8;
  let body = text(x(1), 16, '目标', `text-anchor="middle" fill="${chartInk.target}" font-size="12"`);
  items.forEach((item, index) => {
    const y = top + index * rowHeight + (rowHeight - barHeight) / 2;
    const middle = y + barHeight / 2 + 4.5;
    body += text(nameWidth, middle, fitText(item.name, nameWidth - 10), `text-anchor="end" fill="${chartInk.text}"`);
    body += `<rect x="${x0}" y="${round(y)}" width="${round(x1 - x0)}" height="${barHeight}" fill="${chartInk.grid}" opacity="0.5"/>`;
    if (item.ratio === null) {
      body += text(x0 + 6, middle, '暂无数据', `fill="${chartInk.axis}" font-size="12"`);
    } else {
      const length = x(Math.max(0, item.ratio)) - x0;
      body += `<rect class="indicator" data-name="${escapeXml(item.name)}" data-ratio="${round(item.ratio)}" x="${x0}" y="${round(y)}" width="${round(length)}" height="${barHeight}" fill="${lightFill[item.color]}"/>`;
    }
    body += text(x1 + 8, middle, `${item.valueText}／${item.targetText}`, `fill="${chartInk.text}" font-size="12"`);
  });
  body += `<line x1="${round(x(1))}" y1="${top - 4}" x2="${round(x(1))}" y2="${bottom}" stroke="${chartInk.target}" stroke-width="1.5" stroke-dasharray="4 3"/>`;
  return { width, height, svg: svgDocument(width, height, label, body) };
}

/**
 * Lights per lead department (a task with two leads counts under each), most tasks first; past
 * `maxRows` the smallest departments share one row, so the chart still fits on a page.
 */
export function departmentLightRows(model: Pick<ReportModel, 'tasks'>, maxRows = 24): LightBarRow[] {
  const rows = new Map<string, Record<LightColor, number>>();
  const add = (name: string, color: LightColor) => {
    const row = rows.get(name) ?? { green: 0, yellow: 0, red: 0, grey: 0 };
    row[color]++;
    rows.set(name, row);
  };
  // Each lead on its own entry, as 总览's department chart counts: a shared task once per lead.
  for (const task of model.tasks) {
    if (task.entries.length === 0) add('未指定科室', task.light.color);
    for (const entry of task.entries) add(entry.departmentName, entry.light.color);
  }
  const total = (r: Record<LightColor, number>) => r.green + r.yellow + r.red + r.grey;
  const sorted = [...rows].map(([name, counts]) => ({ name, ...counts })).sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name, 'zh-CN'));
  if (sorted.length <= maxRows) return sorted;
  const rest = sorted.slice(maxRows - 1);
  const sum = (color: LightColor) => rest.reduce((n, row) => n + row[color], 0);
  return [...sorted.slice(0, maxRows - 1), { name: `其他${rest.length}个科室`, green: sum('green'), yellow: sum('yellow'), red: sum('red'), grey: sum('grey') }];
}

/** Tasks per status in the order of statusFill (the order a clerk reads them in). */
export function statusSlices(model: Pick<ReportModel, 'tasks'>): StatusSlice[] {
  const counts = new Map<string, number>();
  for (const task of model.tasks) counts.set(task.status, (counts.get(task.status) ?? 0) + 1);
  const order = Object.keys(statusFill);
  return [...counts]
    .map(([status, count]) => ({ status, count }))
    .sort((a, b) => (order.indexOf(a.status) + 1 || 99) - (order.indexOf(b.status) + 1 || 99));
}

/** Tasks by quarter state, as the report's opening counts them (已完成, 按序时推进, 滞后, 未填报). */
export function stateSlices(model: Pick<ReportModel, 'tasks'>): StatusSlice[] {
  return quarterStates.map((state) => ({ status: state, count: model.tasks.filter((task) => task.state === state).length })).filter((slice) => slice.count > 0);
}

/** How far an indicator's value has come towards its target, by the target's direction. */
export function targetRatio(indicator: Pick<ReportIndicator, 'value' | 'targetValue' | 'targetValueMax' | 'comparator'>): number | null {
  const { value, targetValue: target } = indicator;
  if (value === null || target === null) return null;
  switch (indicator.comparator) {
    case '>=':
    case '>':
      return target === 0 ? 1 : value / target;
    case '<=':
    case '<':
      return value <= target ? 1 : value === 0 ? 1 : target / value;
    case 'between': {
      const max = indicator.targetValueMax ?? target;
      if (value >= target && value <= max) return 1;
      return value < target ? (target === 0 ? 0 : value / target) : value === 0 ? 1 : max / value;
    }
    default:
      return target === 0 ? (value === 0 ? 1 : 0) : Math.max(0, 1 - Math.abs(value - target) / Math.abs(target));
  }
}

const formatValue = (value: number) => String(Math.round(value * 100) / 100);

export function indicatorBars(model: Pick<ReportModel, 'indicators'>): IndicatorBar[] {
  return model.indicators.map((indicator) => ({
    name: indicator.name,
    ratio: targetRatio(indicator),
    color: indicator.light.color,
    valueText: indicator.value === null ? '—' : `${formatValue(indicator.value)}${indicator.unit}`,
    targetText: indicator.targetText || '—',
  }));
}

/** The chart a draft's paragraph asks for (the Word report and the print view draw the same). */
export function draftChart(kind: 'lights' | 'status' | 'indicators', model: ReportModel): SvgChart {
  if (kind === 'lights') return lightBarsChart(departmentLightRows(model));
  // The report's ring counts quarter states, so it shows the numbers of the opening paragraph.
  if (kind === 'status') return statusDonutChart(stateSlices(model), { label: '重点工作推进状态分布' });
  return indicatorBarsChart(indicatorBars(model));
}
