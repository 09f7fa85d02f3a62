import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { CompareResult } from '../../../shared/api/catalog';
import { lightColors, lightLabels } from '../../../shared/domain/progress-status';
import { ChartCard } from '../charts/ChartCard';
import { chartInk, lightFill } from '../charts/colors';
import type { LegendItem } from '../charts/png';
import { useWidth } from '../charts/useWidth';
import { useLedger } from '../store/context';
import { InlineSelect } from '../ui/InlineSelect';
import { commonTarget, directionLabel, metricBars, targetText, type MetricBar } from './model';

const ROW_HEIGHT = 30;
const NAME_WIDTH = 96;

interface TickProps {
  readonly x?: number;
  readonly y?: number;
  readonly index?: number;
  readonly payload?: { value: string };
  readonly bars: readonly MetricBar[];
}

/** The office's name; an office without a value has no bar, so the tick says why beside the axis. */
function NameTick({ x = 0, y = 0, index = 0, payload, bars }: TickProps) {
  const bar = bars[index];
  return (
    <g>
      <text x={x} y={y} dy={4} textAnchor="end" fill={chartInk.text} fontSize={12}>
        {payload?.value ?? ''}
      </text>
      {bar && !bar.hasValue ? (
        <text x={x + 10} y={y} dy={4} textAnchor="start" fill={chartInk.axis} fontSize={12}>
          {bar.label}
        </text>
      ) : null}
    </g>
  );
}

/** One metric's value in every office, worst at the top, coloured by light, with the target line. */
export function MetricRankChart({ result, quarter }: { result: CompareResult; quarter: string }) {
  const chosen = useLedger((s) => s.compareMetricId);
  const choose = useLedger((s) => s.chooseCompareMetric);
  const [ref, width] = useWidth<HTMLDivElement>(520);
  const metric = result.metrics.find((m) => m.metricId === chosen) ?? result.metrics[0]!;
  const bars = metricBars(metric, result.offices);
  const target = commonTarget(metric);
  const title = `${metric.name}${metric.unit ? `（${metric.unit}）` : ''}各单位对比 ${quarter}`;
  const legend: LegendItem[] = [
    ...lightColors.filter((c) => bars.some((b) => b.color === c)).map((c) => ({ label: lightLabels[c], color: lightFill[c] })),
    ...(target.value !== null ? [{ label: target.varies ? '多数单位的目标' : '目标', color: chartInk.target, shape: 'dash' as const }] : []),
  ];
  const note = `${directionLabel[metric.direction]}${target.value !== null ? `，${targetText(metric, target.value)}${target.varies ? '（各单位目标不同，悬停查看）' : ''}` : ''}；排在上面的最需关注`;
  const max = Math.max(...bars.map((b) => b.value), target.value ?? 0);

  return (
    <ChartCard title={title} note={note} legend={legend} className="compare-chart">
      <div className="compare-chart-picker">
        <InlineSelect label="指标" value={metric.metricId} onChange={choose}>
          {result.metrics.map((m) => (
            <option key={m.metricId} value={m.metricId}>
              {m.name}
            </option>
          ))}
        </InlineSelect>
      </div>
      <div ref={ref} className="chart-box">
        <BarChart width={width} height={bars.length * ROW_HEIGHT + 44} data={bars} layout="vertical" margin={{ top: 18, right: 72, bottom: 4, left: 4 }} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke={chartInk.grid} />
          <XAxis type="number" domain={[0, max > 0 ? 'auto' : 1]} tick={{ fill: chartInk.axis, fontSize: 12 }} stroke={chartInk.grid} />
          <YAxis type="category" dataKey="name" width={NAME_WIDTH} interval={0} tick={<NameTick bars={bars} />} stroke={chartInk.grid} />
          <Bar dataKey="value" isAnimationActive={false} name={metric.name}>
            {bars.map((bar) => (
              <Cell key={bar.officeId} fill={lightFill[bar.color]} />
            ))}
            <LabelList dataKey="valueLabel" position="right" fontSize={12} fill={chartInk.text} />
          </Bar>
          {target.value !== null ? (
            <ReferenceLine x={target.value} stroke={chartInk.target} strokeWidth={1.5} strokeDasharray="5 3" label={{ value: `目标 ${target.value}`, position: 'top', fill: chartInk.target, fontSize: 11 }} />
          ) : null}
        </BarChart>
      </div>
    </ChartCard>
  );
}
