import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { IndicatorSeries } from '../../../shared/api/ledger';
import { chartInk, lightFill } from '../charts/colors';
import { useWidth } from '../charts/useWidth';
import { formatNumber, indicatorRows, latestColor, type IndicatorChartRow } from './model';

const HEIGHT = 170;

interface DotProps {
  readonly cx?: number;
  readonly cy?: number;
  readonly payload?: IndicatorChartRow;
  readonly index?: number;
}

/** A point coloured by its own light: for a ≤ target a falling value turns green. */
export function LightPoint({ cx, cy, payload, index }: DotProps) {
  if (cx == null || cy == null || !payload || payload.value == null) return <g key={`empty-${index}`} />;
  return (
    <circle key={`point-${index}`} cx={cx} cy={cy} r={4.5} fill={lightFill[payload.color]} stroke="#ffffff" strokeWidth={1.5} className={`chart-point chart-point-${payload.color}`}>
      <title>{`${payload.label}：${formatNumber(payload.value)}（${payload.reason}）`}</title>
    </circle>
  );
}

/** One indicator's values by quarter, with its target, baseline and expected (序时) values. */
export default function IndicatorChart({ series }: { series: IndicatorSeries }) {
  const [ref, width] = useWidth<HTMLDivElement>(300);
  const rows = indicatorRows(series);
  const band = series.comparator === 'between' && series.targetValue != null && series.targetValueMax != null;
  const hasExpected = rows.some((r) => r.expected != null);
  return (
    <div ref={ref} className="chart-box">
      <LineChart width={width} height={HEIGHT} data={rows} margin={{ top: 12, right: 34, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartInk.grid} />
        <XAxis dataKey="label" tick={{ fill: chartInk.axis, fontSize: 11 }} stroke={chartInk.grid} interval="preserveStartEnd" />
        <YAxis width={44} domain={['auto', 'auto']} tick={{ fill: chartInk.axis, fontSize: 11 }} stroke={chartInk.grid} tickFormatter={(v: number) => formatNumber(v)} />
        {band ? (
          <ReferenceArea ifOverflow="extendDomain" y1={series.targetValue!} y2={series.targetValueMax!} fill={lightFill.green} fillOpacity={0.1} label={{ value: '目标', position: 'insideTopRight', fill: chartInk.target, fontSize: 11 }} />
        ) : series.targetValue != null ? (
          <ReferenceLine ifOverflow="extendDomain" y={series.targetValue} stroke={chartInk.target} strokeWidth={1.5} label={{ value: '目标', position: 'right', fill: chartInk.target, fontSize: 11 }} />
        ) : null}
        {series.baselineValue != null ? (
          <ReferenceLine ifOverflow="extendDomain" y={series.baselineValue} stroke={chartInk.baseline} strokeDasharray="5 4" label={{ value: '基数', position: 'right', fill: chartInk.baseline, fontSize: 11 }} />
        ) : null}
        {hasExpected ? <Line dataKey="expected" name="序时" stroke={chartInk.expected} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls /> : null}
        <Line dataKey="value" name="实际值" stroke={lightFill[latestColor(rows)]} strokeWidth={2} dot={LightPoint} activeDot={false} isAnimationActive={false} connectNulls />
      </LineChart>
    </div>
  );
}
