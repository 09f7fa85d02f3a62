import { useEffect, type KeyboardEvent } from 'react';
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
const tabId = (id: CompareTab) => `compare-tab-${id}`;

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

  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = tabs.find((t) => t.id !== tab);
    if (!next) return;
    event.preventDefault();
    setTab(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };

  return (
    <section className="page compare-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          各单位对比
        </h1>
      </div>
      <div className="compare-tabs" role="tablist" aria-label="各单位对比内容" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-selected={t.id === tab}
            aria-controls={PANEL_ID}
            tabIndex={t.id === tab ? 0 : -1}
            className="compare-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.id === 'catalog' && pending > 0 ? <span className="compare-tab-count">待确认 {pending}</span> : null}
          </button>
        ))}
      </div>
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(tab)} className="compare-panel">
        {tab === 'compare' ? <CompareView /> : <CatalogView />}
      </div>
    </section>
  );
}
