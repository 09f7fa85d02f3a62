import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { MidtermIndicator } from '../../../shared/api/ledger';
import { chartInk } from '../charts/colors';
import { useWidth } from '../charts/useWidth';
import { LightPoint } from './IndicatorChart';
import { formatNumber } from './model';

const HEIGHT = 240;

/** A five-year indicator: the planned path from baseline to target, yearly targets and actual values. */
export default function MidtermChart({ indicator }: { indicator: MidtermIndicator }) {
  const [ref, width] = useWidth<HTMLDivElement>(520);
  const rows = indicator.path.map((p) => ({
    label: `${p.year}年`,
    period: String(p.year),
    expected: p.expected,
    value: p.actual,
    yearlyTarget: p.yearlyTarget,
    color: p.light.color,
    reason: p.light.reason,
  }));
  return (
    <div ref={ref} className="chart-box">
      <LineChart width={width} height={HEIGHT} data={rows} margin={{ top: 14, right: 40, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartInk.grid} />
        <XAxis dataKey="label" tick={{ fill: chartInk.axis, fontSize: 12 }} stroke={chartInk.grid} />
        <YAxis width={50} domain={['auto', 'auto']} tick={{ fill: chartInk.axis, fontSize: 12 }} stroke={chartInk.grid} tickFormatter={(v: number) => formatNumber(v)} />
        {indicator.targetValue != null ? (
          <ReferenceLine ifOverflow="extendDomain" y={indicator.targetValue} stroke={chartInk.target} strokeWidth={1.5} label={{ value: '目标', position: 'right', fill: chartInk.target, fontSize: 12 }} />
        ) : null}
        {indicator.baselineValue != null ? (
          <ReferenceLine ifOverflow="extendDomain" y={indicator.baselineValue} stroke={chartInk.baseline} strokeDasharray="5 4" label={{ value: '基数', position: 'right', fill: chartInk.baseline, fontSize: 12 }} />
        ) : null}
        <Line dataKey="expected" name="规划路径" stroke={chartInk.expected} strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls />
        <Line
          dataKey="yearlyTarget"
          name="年度目标"
          stroke="none"
          dot={{ r: 4, fill: '#ffffff', stroke: chartInk.target, strokeWidth: 2 }}
          activeDot={false}
          isAnimationActive={false}
        />
        <Line dataKey="value" name="实际值" stroke={chartInk.accent} strokeWidth={2} dot={LightPoint} activeDot={false} isAnimationActive={false} connectNulls />
      </LineChart>
    </div>
  );
}
