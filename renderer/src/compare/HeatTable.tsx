import { useMemo, useState } from 'react';
import type { CompareResult } from '../../../shared/api/catalog';
import { lightLabels } from '../../../shared/domain/progress-status';
import { useLedger } from '../store/context';
import { cellTitle, directionLabel, shareColor, shareText, shareTitle, valueText, type CompareCell, type CompareMetric } from './model';

function HeatCell({ metric, cell }: { metric: CompareMetric; cell: CompareCell | undefined }) {
  if (!cell) return <td className="heat-cell heat-grey" />;
  const text = cell.indicatorId === null ? '无此指标' : cell.value === null ? '未填报' : valueText(cell.value, metric.unit);
  return (
    <td className={`heat-cell heat-${cell.light.color}${cell.value === null ? ' heat-empty' : ''}`} title={cellTitle(metric, cell)}>
      <span className="visually-hidden">{lightLabels[cell.light.color]}：</span>
      {text}
    </td>
  );
}

/**
 * Offices × metrics, each cell coloured by its light. Rows start with the office furthest
 * behind; a metric's header re-ranks the rows by that metric. A row opens the office's 总览.
 */
export function HeatTable({ result }: { result: CompareResult }) {
  const openOffice = useLedger((s) => s.openOfficeOverview);
  const [sortBy, setSortBy] = useState<string | null>(null);
  const cells = useMemo(() => new Map(result.metrics.map((m) => [m.metricId, new Map(m.cells.map((c) => [c.officeId, c]))])), [result]);
  const offices = useMemo(() => {
    const metric = result.metrics.find((m) => m.metricId === sortBy);
    if (!metric) return result.offices;
    const rank = new Map(metric.cells.map((c, index) => [c.officeId, index]));
    return [...result.offices].sort((a, b) => (rank.get(a.officeId) ?? 0) - (rank.get(b.officeId) ?? 0));
  }, [result, sortBy]);

  return (
    <div className="heat-wrap">
      <table className="heat-table" aria-label="各单位任务和指标对比">
        <thead>
          <tr>
            <th scope="col" className="heat-office">
              单位
            </th>
            <th scope="col" className="heat-share">
              <button type="button" className="heat-sort" aria-pressed={sortBy === null} onClick={() => setSortBy(null)}>
                任务按序时推进
              </button>
            </th>
            {result.metrics.map((metric) => (
              <th key={metric.metricId} scope="col" className="heat-metric">
                <button type="button" className="heat-sort" aria-pressed={sortBy === metric.metricId} onClick={() => setSortBy(metric.metricId)} title={`按“${metric.name}”排序，最差的在前`}>
                  <span className="heat-metric-name">{metric.name}</span>
                  <span className="heat-metric-note">
                    {metric.unit ? `${metric.unit} · ` : ''}
                    {directionLabel[metric.direction]}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {offices.map((office) => (
            <tr key={office.officeId} className="heat-row" onClick={() => openOffice(office.officeId)}>
              <th scope="row" className="heat-office">
                <button
                  type="button"
                  className="heat-office-button"
                  onClick={(event) => {
                    event.stopPropagation();
                    openOffice(office.officeId);
                  }}
                  title={`查看${office.name}的总览`}
                >
                  {office.name}
                </button>
              </th>
              <td className="heat-share" title={shareTitle(office)}>
                <span className="share-line">
                  <span className={`share-value share-${shareColor(office.onTrackShare)}`}>{shareText(office.onTrackShare)}</span>
                  <span className="share-bar" aria-hidden="true">
                    <span className={`share-fill share-fill-${shareColor(office.onTrackShare)}`} style={{ width: shareText(office.onTrackShare === null ? 0 : office.onTrackShare) }} />
                  </span>
                </span>
                <span className="share-counts">
                  {office.done + office.green}/{office.tasks}项
                  {office.yellow + office.red > 0 ? <span className="share-red">滞后{office.yellow + office.red}</span> : null}
                  {office.grey > 0 ? <span className="share-grey">未填报{office.grey}</span> : null}
                </span>
              </td>
              {result.metrics.map((metric) => (
                <HeatCell key={metric.metricId} metric={metric} cell={cells.get(metric.metricId)?.get(office.officeId)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
