import { useState } from 'react';
import type { CatalogResult } from '../../../shared/api/catalog';
import { useLedger } from '../store/context';
import { shortOffice } from './model';

type Pending = CatalogResult['pending'][number];

function PendingRow({ item }: { item: Pending }) {
  const decide = useLedger((s) => s.decideMatch);
  const [busy, setBusy] = useState(false);
  const run = async (metricId: string, same: boolean) => {
    setBusy(true);
    await decide(item.indicatorId, metricId, same);
    setBusy(false);
  };
  return (
    <li className="pending-item" aria-label={`${item.officeName}：${item.name}`}>
      <div className="pending-source">
        <span className="catalog-office">{shortOffice(item.officeName)}</span>
        <span className="pending-name">
          {item.name}
          {item.unit ? <span className="catalog-unit">（{item.unit}）</span> : null}
        </span>
        <span className="catalog-plan" title={item.planTitle}>
          {item.planTitle}
        </span>
      </div>
      <ul className="pending-candidates">
        {item.candidates.map((candidate) => (
          <li key={candidate.metricId} className="pending-candidate">
            <span className="pending-arrow" aria-hidden="true">
              →
            </span>
            <span className="pending-metric">
              {candidate.name}
              {candidate.unit ? <span className="catalog-unit">（{candidate.unit}）</span> : null}
            </span>
            <span className="pending-score" title="名称相似程度">
              相似度 {Math.round(candidate.score * 100)}%
            </span>
            <span className="row-actions">
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void run(candidate.metricId, true)} aria-label={`是同一指标：${item.name} 与 ${candidate.name}`}>
                是同一指标
              </button>
              <button type="button" className="button button-small" disabled={busy} onClick={() => void run(candidate.metricId, false)} aria-label={`不是：${item.name} 与 ${candidate.name}`}>
                不是
              </button>
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** Indicators that resemble a metric but not certainly: the clerk says yes or no, once. */
export function PendingList({ pending }: { pending: readonly Pending[] }) {
  return (
    <section className="catalog-section" aria-labelledby="catalog-pending">
      <h2 id="catalog-pending" className="catalog-heading">
        待确认的对应 <span className="catalog-count">{pending.length}</span>
      </h2>
      <p className="catalog-hint">名称相近但不完全相同。确认后该名称记为标准指标的别名，下发后其他单位会自动对应；选“不是”后不再提示。</p>
      <ul className="pending-list">
        {pending.map((item) => (
          <PendingRow key={item.indicatorId} item={item} />
        ))}
      </ul>
    </section>
  );
}
