import { useMemo, useState } from 'react';
import type { CatalogResult } from '../../../shared/api/catalog';
import { useLedger } from '../store/context';
import type { MetricDraft } from './MetricFormDialog';
import { shortOffice, unmatchedGroups } from './model';

/** Indicators no metric resembles, grouped by normalised name and unit: one future metric each. */
export function UnmatchedList({ unmatched, onCreate }: { unmatched: CatalogResult['unmatched']; onCreate: (draft: MetricDraft) => void }) {
  const fromIndicators = useLedger((s) => s.metricsFromIndicators);
  const [busy, setBusy] = useState(false);
  const groups = useMemo(() => unmatchedGroups(unmatched), [unmatched]);
  const createAll = async () => {
    setBusy(true);
    await fromIndicators();
    setBusy(false);
  };
  return (
    <section className="catalog-section" aria-labelledby="catalog-unmatched">
      <div className="catalog-section-head">
        <h2 id="catalog-unmatched" className="catalog-heading">
          未对应的指标 <span className="catalog-count">{unmatched.length}</span>
        </h2>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void createAll()}>
          {busy ? '正在新建…' : '全部建为标准指标'}
        </button>
      </div>
      <p className="catalog-hint">名称和单位相同（忽略“全区”“城乡”等前缀和括号中的单位）的指标归为一组，每组可建为一项标准指标。</p>
      <table className="table catalog-table">
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">单位</th>
            <th scope="col">来自</th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const offices = [...new Set(group.indicators.map((i) => i.officeName))];
            return (
              <tr key={group.key}>
                <td className="catalog-name">
                  {group.name}
                  {group.indicators.some((i) => i.name !== group.name) ? (
                    <span className="catalog-variants" title={[...new Set(group.indicators.map((i) => i.name))].join('、')}>
                      {' '}
                      原名：{[...new Set(group.indicators.map((i) => i.name))].slice(0, 3).join('、')}
                    </span>
                  ) : null}
                </td>
                <td>{group.unit || '—'}</td>
                <td className="catalog-from" title={offices.join('、')}>
                  {offices.length}个单位：{offices.slice(0, 6).map(shortOffice).join('、')}
                  {offices.length > 6 ? '等' : ''}
                </td>
                <td className="col-actions">
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`新建标准指标：${group.name}`}
                    onClick={() => onCreate({ name: group.name, unit: group.unit, comparator: null, indicatorIds: group.indicators.map((i) => i.indicatorId), offices })}
                  >
                    新建标准指标
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
