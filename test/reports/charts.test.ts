import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { rasterizeChart, rasterizeCharts } from '../../electron/reports/chart-raster';
import * as rendererColors from '../../renderer/src/charts/colors';
import { chartInk, lightFill, statusFill } from '../../shared/reports/chart-colors';
import { CHART_FONT_FAMILY, departmentLightRows, draftChart, indicatorBarsChart, lightBarsChart, stateSlices, statusDonutChart, statusSlices, targetRatio, type SvgChart } from '../../shared/reports/charts';
import type { ReportModel, ReportTask } from '../../shared/api/reports';
import { decodePng, PNG_SIGNATURE, pngSize } from './docx-xml';

/*
 * Report charts as SVG strings: well-formed (resvg's strict XML parser reads them), drawn to
 * scale, in the dashboard's colours, with CJK fonts named first; and rasterised at twice their size.
 */

/** Elements with their attributes, from the SVG text (attribute values are escaped, so `"` ends them). */
function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

function parses(chart: SvgChart): void {
  // Throws on malformed XML; the parsed size is the declared one.
  const resvg = new Resvg(chart.svg, { font: { loadSystemFonts: false } });
  expect([resvg.width, resvg.height]).toEqual([chart.width, chart.height]);
}

const rows = [
  { name: '疾控科', green: 6, yellow: 2, red: 1, grey: 0 },
  { name: '医政科 & <药政>', green: 8, yellow: 0, red: 2, grey: 1 },
  { name: '妇幼健康科（家庭发展科）', green: 0, yellow: 0, red: 0, grey: 3 },
];

describe('light bars', () => {
  const chart = lightBarsChart(rows);

  it('is well-formed SVG with escaped names and CJK fonts first', () => {
    parses(chart);
    expect(chart.svg).toContain('医政科 &amp; &lt;药政&gt;');
    expect(chart.svg).toContain(`font-family="${CHART_FONT_FAMILY}"`);
    expect(CHART_FONT_FAMILY.split(',').map((f) => f.trim())).toEqual(["'Noto Sans CJK SC'", "'Microsoft YaHei'", "'SimHei'", 'sans-serif']);
  });

  it('draws one segment per non-zero count, lengths proportional to counts on one scale', () => {
    const segments = elements(chart.svg, 'rect').filter((r) => r.class === 'segment');
    expect(segments.map((s) => [s['data-color'], Number(s['data-count'])])).toEqual([
      ['green', 6],
      ['yellow', 2],
      ['red', 1],
      ['green', 8],
      ['red', 2],
      ['grey', 1],
      ['grey', 3],
    ]);
    const perUnit = segments.map((s) => Number(s.width) / Number(s['data-count']));
    for (const value of perUnit) expect(value).toBeCloseTo(perUnit[0]!, 1);
    // Segments of a row sit end to end from the same axis.
    const firstRow = segments.slice(0, 3);
    expect(Number(firstRow[1]!.x)).toBeCloseTo(Number(firstRow[0]!.x) + Number(firstRow[0]!.width), 1);
    expect(Number(segments[3]!.x)).toBe(Number(segments[0]!.x));
  });

  it('uses the dashboard’s light colours, which the renderer re-exports unchanged', () => {
    for (const segment of elements(chart.svg, 'rect').filter((r) => r.class === 'segment')) expect(segment.fill).toBe(lightFill[segment['data-color'] as keyof typeof lightFill]);
    expect(rendererColors.lightFill).toBe(lightFill);
    expect(rendererColors.statusFill).toBe(statusFill);
    expect(rendererColors.chartInk).toBe(chartInk);
    expect(rendererColors.lightLegend.map((l) => l.color)).toEqual([lightFill.green, lightFill.yellow, lightFill.red, lightFill.grey]);
  });

  it('grows with the rows and counts shared tasks under each lead department', () => {
    expect(lightBarsChart([...rows, ...rows]).height).toBeGreaterThan(chart.height);
    // Each lead counts on its own entry's light.
    const task = (departments: string[], color: 'green' | 'red') =>
      ({ departments, light: { color, reason: '' }, status: '推进中', entries: departments.map((departmentName) => ({ departmentName, light: { color, reason: '' } })) }) as unknown as ReportTask;
    // Past 24 departments the smallest share one row: the chart still fits a page.
    const many = Array.from({ length: 30 }, (_, i) => Array.from({ length: 30 - i }, () => task([`科室${String(i).padStart(2, '0')}`], i % 2 ? 'red' : 'green'))).flat();
    const capped = departmentLightRows({ tasks: many });
    expect(capped).toHaveLength(24);
    expect(capped.at(-1)).toEqual({ name: '其他7个科室', green: 6 + 4 + 2, yellow: 0, red: 7 + 5 + 3 + 1, grey: 0 });
    expect(lightBarsChart(capped).height).toBeLessThan(780);
    expect(departmentLightRows({ tasks: [task(['疾控科', '医政科'], 'red'), task(['疾控科'], 'green')] })).toEqual([
      { name: '疾控科', green: 1, yellow: 0, red: 1, grey: 0 },
      { name: '医政科', green: 0, yellow: 0, red: 1, grey: 0 },
    ]);
    // A shared task where only 疾控科 is behind: 医政科's own entry is green.
    const mixed = { departments: ['疾控科', '医政科'], light: { color: 'red', reason: '' }, entries: [{ departmentName: '疾控科', light: { color: 'red', reason: '' } }, { departmentName: '医政科', light: { color: 'green', reason: '' } }] } as unknown as ReportTask;
    expect(departmentLightRows({ tasks: [mixed] })).toEqual([
      { name: '疾控科', green: 0, yellow: 0, red: 1, grey: 0 },
      { name: '医政科', green: 1, yellow: 0, red: 0, grey: 0 },
    ]);
  });
});

describe('status donut', () => {
  it('gives each status an arc proportional to its count, in the status colours, the total in the middle', () => {
    const chart = statusDonutChart([
      { status: '已完成', count: 3 },
      { status: '推进中', count: 9 },
      { status: '滞后', count: 0 },
      { status: '未填报', count: 6 },
    ]);
    parses(chart);
    const slices = elements(chart.svg, 'path').filter((p) => p.class === 'slice');
    expect(slices.map((s) => [s['data-status'], s.fill])).toEqual([
      ['已完成', statusFill['已完成']],
      ['推进中', statusFill['推进中']],
      ['未填报', statusFill['未填报']],
    ]);
    const angles = slices.map((s) => Number(s['data-angle']));
    expect(angles.reduce((a, b) => a + b, 0)).toBeCloseTo(2 * Math.PI, 1);
    expect(angles[1]! / angles[0]!).toBeCloseTo(3, 1);
    expect(angles[2]! / angles[0]!).toBeCloseTo(2, 1);
    expect(chart.svg).toContain('>18</text>');
    expect(chart.svg).toContain('>16.7%</text>');
  });

  it('orders statuses as the dashboard does', () => {
    const task = (status: string) => ({ status }) as unknown as ReportTask;
    expect(statusSlices({ tasks: ['未填报', '推进中', '已完成', '推进中'].map(task) })).toEqual([
      { status: '已完成', count: 1 },
      { status: '推进中', count: 2 },
      { status: '未填报', count: 1 },
    ]);
  });

  it('draws the report’s ring by quarter state, the numbers of its opening, not by the statuses clerks chose', () => {
    // A 推进中 entry behind pace is 滞后; the ring must say so, as the opening does.
    const tasks = (['滞后', '按序时推进', '未填报', '滞后', '已完成'] as const).map((state) => ({ state, status: '推进中' }) as unknown as ReportTask);
    expect(stateSlices({ tasks })).toEqual([
      { status: '已完成', count: 1 },
      { status: '按序时推进', count: 1 },
      { status: '滞后', count: 2 },
      { status: '未填报', count: 1 },
    ]);
    const chart = draftChart('status', { tasks } as unknown as ReportModel);
    parses(chart);
    const slices = elements(chart.svg, 'path').filter((p) => p['class'] === 'slice');
    expect(slices.map((p) => [p['data-status'], p['data-count'], p['fill']])).toEqual([
      ['已完成', '1', statusFill['已完成']],
      ['按序时推进', '1', statusFill['按序时推进']],
      ['滞后', '2', statusFill['滞后']],
      ['未填报', '1', statusFill['未填报']],
    ]);
    expect(chart.svg).toContain('aria-label="重点工作推进状态分布"');
  });
});

describe('indicator bars', () => {
  it('measures the way to the target by direction and marks indicators without data', () => {
    expect(targetRatio({ value: 30, targetValue: 40, targetValueMax: null, comparator: '>=' })).toBeCloseTo(0.75);
    expect(targetRatio({ value: 8, targetValue: 10, targetValueMax: null, comparator: '<=' })).toBe(1);
    expect(targetRatio({ value: 12.5, targetValue: 10, targetValueMax: null, comparator: '<=' })).toBeCloseTo(0.8);
    expect(targetRatio({ value: 97, targetValue: 95, targetValueMax: 100, comparator: 'between' })).toBe(1);
    expect(targetRatio({ value: null, targetValue: 10, targetValueMax: null, comparator: '<=' })).toBeNull();
    const chart = indicatorBarsChart([
      { name: '居民健康素养水平', ratio: 0.5, color: 'red', valueText: '19%', targetText: '≥38%' },
      { name: '孕产妇死亡率', ratio: 1, color: 'green', valueText: '8/10万', targetText: '≤10/10万' },
      { name: '救护培训人次', ratio: null, color: 'grey', valueText: '—', targetText: '≥30000人次' },
    ]);
    parses(chart);
    const bars = elements(chart.svg, 'rect').filter((r) => r.class === 'indicator');
    expect(bars.map((b) => b.fill)).toEqual([lightFill.red, lightFill.green]);
    expect(Number(bars[1]!.width) / Number(bars[0]!.width)).toBeCloseTo(2, 1);
    expect(chart.svg).toContain('暂无数据');
  });
});

describe('rasterising', () => {
  it('renders a PNG at twice the chart’s size, with ink where the bars are', () => {
    const chart = lightBarsChart(rows);
    const raster = rasterizeChart(chart);
    expect([...raster.png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(raster.png)).toEqual({ width: chart.width * 2, height: chart.height * 2 });
    expect([raster.width, raster.height]).toEqual([chart.width, chart.height]);
    // Read the PNG back: each segment's inside is its light's colour, the margin is white.
    const image = decodePng(raster.png);
    for (const segment of elements(chart.svg, 'rect').filter((r) => r.class === 'segment')) {
      const x = Math.round((Number(segment.x) + Number(segment.width) / 2) * 2);
      const y = Math.round((Number(segment.y) + 3) * 2);
      expect(image.rgb(x, y)).toBe(lightFill[segment['data-color'] as keyof typeof lightFill]);
    }
    expect(image.rgb(2, image.height - 2)).toBe('#ffffff');
  });

  it('draws a report’s charts in one go, each cut out as a PNG of its own size', () => {
    const bars = lightBarsChart(rows);
    const donut = statusDonutChart([
      { status: '已完成', count: 1 },
      { status: '滞后', count: 1 },
    ]);
    const [first, second] = rasterizeCharts([bars, donut]);
    expect(pngSize(first!.png)).toEqual({ width: bars.width * 2, height: bars.height * 2 });
    expect(pngSize(second!.png)).toEqual({ width: donut.width * 2, height: donut.height * 2 });
    // The donut's own pixels, not the bars': the right half of the ring (first slice) is 已完成, the left half 滞后.
    const [, cx, cy] = /translate\(([\d.]+),([\d.]+)\)/.exec(donut.svg)!.map(Number);
    const ring = 95 * 0.81;
    const image = decodePng(second!.png);
    expect(image.rgb(Math.round((cx! + ring) * 2), Math.round(cy! * 2))).toBe(statusFill['已完成']);
    expect(image.rgb(Math.round((cx! - ring) * 2), Math.round(cy! * 2))).toBe(statusFill['滞后']);
    expect(image.rgb(Math.round(cx! * 2), Math.round(cy! * 2) + 60)).toBe('#ffffff');
  });
});
