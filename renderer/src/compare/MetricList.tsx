import { useState } from 'react';
import type { Metric } from '../../../shared/api/catalog';
import { useLedger } from '../store/context';
import { ConfirmDialog, DeleteButton } from '../ui/ConfirmDialog';
import { shortOffice } from './model';

type Link = Metric['links'][number];

const howLabels: Record<Link['how'], string | null> = { exact: null, alias: '别名', confirmed: '已确认' };
const comparatorLabels: Record<string, string> = { '>=': '越高越好', '>': '越高越好', '<=': '越低越好', '<': '越低越好', '=': '等于目标', between: '在区间内' };

function LinkChip({ metric, link, onRemove }: { metric: Metric; link: Link; onRemove: (link: Link) => void }) {
  const how = howLabels[link.how];
  const sameName = link.name === metric.name;
  return (
    <li className="link-chip" title={`${link.officeName} · ${link.planTitle}\n${link.name}${link.unit ? `（${link.unit}）` : ''}`}>
      <span className="catalog-office">{shortOffice(link.officeName)}</span>
      {sameName ? null : <span className="link-name">{link.name}</span>}
      {how ? <span className={`link-how link-how-${link.how}`}>{how}</span> : null}
      <button type="button" className="link-remove" aria-label={`移除对应：${link.officeName}的“${link.name}”`} onClick={() => onRemove(link)}>
        ×
      </button>
    </li>
  );
}

/** The catalog: each metric with the indicator every office linked to it. */
export function MetricList({ metrics }: { metrics: readonly Metric[] }) {
  const deleteMetric = useLedger((s) => s.deleteMetric);
  const decide = useLedger((s) => s.decideMatch);
  const [removing, setRemoving] = useState<{ metric: Metric; link: Link } | null>(null);

  return (
    <section className="catalog-section" aria-labelledby="catalog-metrics">
      <h2 id="catalog-metrics" className="catalog-heading">
        标准指标 <span className="catalog-count">{metrics.length}</span>
      </h2>
      <table className="table catalog-table metric-table">
        <thead>
          <tr>
            <th scope="col" className="metric-col-name">
              标准指标
            </th>
            <th scope="col">各单位对应的指标</th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((metric) => {
            const offices = new Set(metric.links.map((l) => l.officeId)).size;
            return (
              <tr key={metric.id} aria-label={metric.name}>
                <td className="metric-col-name">
                  <span className="catalog-name">{metric.name}</span>
                  <span className="metric-meta">
                    {[metric.unit || '无单位', metric.comparator ? comparatorLabels[metric.comparator] : null, `${offices}个单位`].filter(Boolean).join(' · ')}
                  </span>
                  {metric.aliases.length > 0 ? <span className="metric-aliases">别名：{metric.aliases.join('、')}</span> : null}
                </td>
                <td>
                  {metric.links.length === 0 ? (
                    <span className="catalog-hint">尚无单位的指标对应到它</span>
                  ) : (
                    <ul className="link-chips">
                      {metric.links.map((link) => (
                        <LinkChip key={link.indicatorId} metric={metric} link={link} onRemove={(l) => setRemoving({ metric, link: l })} />
                      ))}
                    </ul>
                  )}
                </td>
                <td className="col-actions">
                  <DeleteButton what={`标准指标“${metric.name}”`} detail="各单位的指标和数值不受影响。" onDelete={async () => (await deleteMetric(metric.id)).ok} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {removing ? (
        <ConfirmDialog
          title="移除对应"
          message={`确定“${removing.link.name}”（${removing.link.officeName}）不是标准指标“${removing.metric.name}”吗？移除后对比中不再显示，也不会再提示这一对应。`}
          confirmLabel="移除"
          onConfirm={async () => (await decide(removing.link.indicatorId, removing.metric.id, false)).ok}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </section>
  );
}
