import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import type { DashboardTab } from '../store/dashboard';
import '../styles/progress.css';
import '../styles/dashboard.css';
import { MidtermView } from './MidtermView';
import { OverviewView } from './OverviewView';

const tabs: readonly { id: DashboardTab; label: string }[] = [
  { id: 'overview', label: '季度总览' },
  { id: 'midterm', label: '中期评估' },
];
const PANEL_ID = 'dashboard-panel';
const tabId = (id: DashboardTab) => `dashboard-tab-${id}`;

/** 总览: the quarter at a glance, and the mid-term review of five-year plans. */
export default function DashboardPage() {
  const store = useLedgerStore();
  const tab = useLedger((s) => s.dashboardTab);
  const setTab = useLedger((s) => s.setDashboardTab);
  const now = useMemo(() => new Date(), []);

  useEffect(() => {
    void store.getState().loadPlans();
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
    <section className="page dashboard-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          总览
        </h1>
        <button type="button" className="button dashboard-print" onClick={() => window.print()}>
          打印
        </button>
      </div>
      <div className="dashboard-tabs" role="tablist" aria-label="总览内容" onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-selected={t.id === tab}
            aria-controls={PANEL_ID}
            tabIndex={t.id === tab ? 0 : -1}
            className="dashboard-tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(tab)} className="dashboard-panel">
        {tab === 'overview' ? <OverviewView now={now} /> : <MidtermView />}
      </div>
    </section>
  );
}
