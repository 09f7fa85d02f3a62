import { useState } from 'react';
import type { DashboardSummary } from '../../../shared/api/ledger';
import { LightDot } from '../progress/LightDot';
import { useLedger } from '../store/context';

/** Red and yellow tasks and indicators with the sentence that explains each, newest report first (the core's order). */
export const FIRST_LAGGING = 20;

export function LaggingList({ items }: { items: DashboardSummary['lagging'] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? items : items.slice(0, FIRST_LAGGING);
  const openTaskDetail = useLedger((s) => s.openTaskDetail);
  const goTo = useLedger((s) => s.goTo);
  return (
    <section className="card lagging" aria-labelledby="lagging-title">
      <h2 id="lagging-title" className="card-title">
        滞后事项{' '}
        <span className="card-count">
          {items.length}项{!showAll && items.length > FIRST_LAGGING ? `，列出最新${FIRST_LAGGING}项` : ''}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">本季度没有红灯或黄灯的任务和指标。</p>
      ) : (
        <ol className="lagging-list">
          {shown.map((item) => (
            <li key={`${item.kind}-${item.id}`} className={`lagging-item lagging-${item.color}`}>
              <LightDot light={{ color: item.color, reason: item.reason }} />
              <div className="lagging-body">
                <div className="lagging-head">
                  <span className="lagging-kind">{item.kind === 'task' ? '任务' : '指标'}</span>
                  {item.kind === 'task' ? (
                    <button type="button" className="link-button lagging-title" onClick={() => void openTaskDetail(item.id)}>
                      {item.title}
                    </button>
                  ) : (
                    <button type="button" className="link-button lagging-title" onClick={() => goTo('indicators')} title="打开指标页">
                      {item.title}
                    </button>
                  )}
                  {item.owners.length > 0 ? <span className="lagging-owners">{item.owners.join('、')}</span> : null}
                </div>
                <p className="lagging-reason">{item.reason}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {items.length > FIRST_LAGGING ? (
        <button type="button" className="button lagging-more" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? `只看最新${FIRST_LAGGING}项` : `显示全部${items.length}项`}
        </button>
      ) : null}
    </section>
  );
}
