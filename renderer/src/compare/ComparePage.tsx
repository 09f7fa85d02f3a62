import { useEffect } from 'react';
import { TabBar, tabElementId } from '../ui/TabBar';
import { useLedger, useLedgerStore } from '../store/context';
import type { CompareTab } from '../store/compare';
import '../styles/progress.css';
import '../styles/compare.css';
import { CatalogView } from './CatalogView';
import { CompareView } from './CompareView';

const tabs: readonly { id: CompareTab; label: string }[] = [
  { id: 'compare', label: '对比' },
  { id: 'catalog', label: '标准指标库' },
];
const PANEL_ID = 'compare-panel';

/** 各单位对比: districts side by side on tasks and standard metrics, and the catalog behind it. */
export default function ComparePage() {
  const store = useLedgerStore();
  const tab = useLedger((s) => s.compareTab);
  const setTab = useLedger((s) => s.setCompareTab);
  const pending = useLedger((s) => s.catalog?.pending.length ?? 0);

  useEffect(() => {
    const state = store.getState();
    void state.loadCatalog();
    if (!state.plans) void state.loadPlans();
  }, [store]);


  return (
    <section className="page compare-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          各单位对比
        </h1>
      </div>
      <TabBar
        name="compare"
        label="各单位对比内容"
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        panelId={PANEL_ID}
        badge={(id) => (id === 'catalog' && pending > 0 ? <span className="compare-tab-count">待确认 {pending}</span> : null)}
      />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabElementId('compare', tab)} className="compare-panel">
        {tab === 'compare' ? <CompareView /> : <CatalogView />}
      </div>
    </section>
  );
}
