import { useState } from 'react';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { MetricFormDialog, type MetricDraft } from './MetricFormDialog';
import { MetricList } from './MetricList';
import { PendingList } from './PendingList';
import { UnmatchedList } from './UnmatchedList';

const blank: MetricDraft = { name: '', unit: '', comparator: null, indicatorIds: [] };

/** 标准指标库: metrics with each office's indicator, the matches to confirm, and what is left. */
export function CatalogView() {
  const catalog = useLedger((s) => s.catalog);
  const [draft, setDraft] = useState<MetricDraft | null>(null);

  if (!catalog) {
    return (
      <p className="loading" role="status">
        正在读取标准指标库…
      </p>
    );
  }
  const offices = new Set([...catalog.metrics.flatMap((m) => m.links), ...catalog.pending, ...catalog.unmatched].map((i) => i.officeId)).size;
  const empty = catalog.metrics.length === 0 && catalog.pending.length === 0 && catalog.unmatched.length === 0;

  return (
    <div className="catalog-view">
      <div className="catalog-toolbar">
        <p className="compare-summary">
          {catalog.metrics.length}项标准指标 · 来自{offices}个单位的计划 · 待确认{catalog.pending.length}项 · 未对应{catalog.unmatched.length}项
        </p>
        <button type="button" className="button" onClick={() => setDraft(blank)}>
          新建标准指标
        </button>
      </div>
      {empty ? (
        <EmptyState title="还没有任何计划中的指标">
          <p>导入本单位的计划，或通过“数据交换”收到各区县的计划后，这里会列出各单位的指标，并把名称相同的指标归为同一标准指标。</p>
        </EmptyState>
      ) : null}
      {offices === 1 && !empty ? (
        <div className="compare-notice" role="note">
          目前只有一个单位的指标。各区县的计划通过“数据交换”导入后，名称相同或相近的指标会自动对应到标准指标。
        </div>
      ) : null}
      {catalog.pending.length > 0 ? <PendingList pending={catalog.pending} /> : null}
      {catalog.unmatched.length > 0 ? <UnmatchedList unmatched={catalog.unmatched} onCreate={setDraft} /> : null}
      {catalog.metrics.length > 0 ? <MetricList metrics={catalog.metrics} /> : null}
      {draft ? <MetricFormDialog draft={draft} onClose={() => setDraft(null)} /> : null}
    </div>
  );
}
