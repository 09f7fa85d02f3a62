import { useState } from 'react';
import type { IndicatorSeries } from '../../../shared/api/ledger';
import { ChartCard } from '../charts/ChartCard';
import { chartInk, lightFill } from '../charts/colors';
import type { LegendItem } from '../charts/png';
import { LightDot } from '../progress/LightDot';
import { directionText, formatNumber, indicatorsByConcern, targetText } from './model';
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

/** How many charts show before 显示全部: a screenful, the ones that need attention first. */
export const FIRST_INDICATORS = 12;

/** Small multiples: one chart per indicator, red and yellow first. */
export function IndicatorCards({ series }: { series: readonly IndicatorSeries[] }) {
  const [showAll, setShowAll] = useState(false);
  const ordered = indicatorsByConcern(series);
  const shown = showAll ? ordered : ordered.slice(0, FIRST_INDICATORS);
  return (
    <section className="dashboard-block" aria-labelledby="indicator-charts-title">
      <h2 id="indicator-charts-title" className="block-title">
        指标走势 <span className="card-count">{series.length}个指标，未达标和接近目标的在前</span>
      </h2>
      <div className="indicator-multiples">
        {shown.map((s) => (
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
      {ordered.length > FIRST_INDICATORS ? (
        <button type="button" className="button indicator-more" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? `只看前${FIRST_INDICATORS}个` : `显示全部${ordered.length}个指标`}
        </button>
      ) : null}
    </section>
  );
}
