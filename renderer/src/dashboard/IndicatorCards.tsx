import type { IndicatorSeries } from '../../../shared/api/ledger';
import { ChartCard } from '../charts/ChartCard';
import { chartInk, lightFill } from '../charts/colors';
import type { LegendItem } from '../charts/png';
import { LightDot } from '../progress/LightDot';
import { formatNumber, directionText, targetText } from './model';
import IndicatorChart from './IndicatorChart';

const legend: readonly LegendItem[] = [
  { label: '实际值（点为灯色）', color: lightFill.green, shape: 'line' },
  { label: '序时', color: chartInk.expected, shape: 'line' },
  { label: '目标', color: chartInk.target, shape: 'line' },
  { label: '基数', color: chartInk.baseline, shape: 'dash' },
];

function note(series: IndicatorSeries) {
  const parts = [`目标${targetText(series)}`];
  if (series.baselineValue != null) parts.push(`基数${formatNumber(series.baselineValue)}${series.unit}${series.baselineYear ? `（${series.baselineYear}年）` : ''}`);
  if (series.departmentName) parts.push(series.departmentName);
  return (
    <>
      <strong className={`direction direction-${series.direction}`}>{directionText(series.direction)}</strong>
      {' · '}
      {parts.join(' · ')}
    </>
  );
}

/** Small multiples: one chart per indicator, in the order the core lists them. */
export function IndicatorCards({ series }: { series: readonly IndicatorSeries[] }) {
  return (
    <section className="dashboard-block" aria-labelledby="indicator-charts-title">
      <h2 id="indicator-charts-title" className="block-title">
        指标走势 <span className="card-count">{series.length}个指标</span>
      </h2>
      <div className="indicator-multiples">
        {series.map((s) => (
          <ChartCard
            key={s.indicatorId}
            title={s.unit ? `${s.name}（${s.unit}）` : s.name}
            badge={<LightDot light={s.light} />}
            note={note(s)}
            legend={legend}
            className="indicator-card"
          >
            <IndicatorChart series={s} />
            <p className={`indicator-reason indicator-reason-${s.light.color}`}>{s.light.reason}</p>
          </ChartCard>
        ))}
      </div>
    </section>
  );
}
