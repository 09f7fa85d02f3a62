import { useEffect, useMemo } from 'react';
import { TabBar, tabElementId } from '../ui/TabBar';
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

/** 总览: the quarter at a glance, and the mid-term review of five-year plans. */
export default function DashboardPage() {
  const store = useLedgerStore();
  const tab = useLedger((s) => s.dashboardTab);
  const setTab = useLedger((s) => s.setDashboardTab);
  const now = useMemo(() => new Date(), []);

  useEffect(() => {
    void store.getState().loadPlans();
  }, [store]);


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
      <TabBar
        name="dashboard"
        label="总览内容"
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        panelId={PANEL_ID}
      />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabElementId('dashboard', tab)} className="dashboard-panel">
        {tab === 'overview' ? <OverviewView now={now} /> : <MidtermView />}
      </div>
    </section>
  );
}
