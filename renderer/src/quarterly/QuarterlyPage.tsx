import { useEffect, useRef, useState } from 'react';
import { periodLabel, parsePeriod } from '../../../shared/domain/period';
import { isOfficePc, reviews } from '../app/pc-role';
import { useLedger, useLedgerStore } from '../store/context';
import type { QuarterTab } from '../store/quarterly';
import '../styles/progress.css';
import '../styles/quarterly.css';
import { EntrySheet } from './EntrySheet';
import { IndicatorEntryList } from './IndicatorEntryList';
import { defaultDepartmentId } from './period';
import { QuarterPicker } from './QuarterPicker';
import { PANEL_ID, QuarterTabs, tabId, type TabInfo } from './QuarterTabs';
import { ReviewPanel } from './ReviewPanel';
import { useDraftFlush } from './useDraftFlush';

/** 季度填报: a department's tasks and indicators for a quarter, and the office's review. */
export default function QuarterlyPage() {
  const store = useLedgerStore();
  const tab = useLedger((s) => s.quarterTab);
  const setTab = useLedger((s) => s.setQuarterTab);
  const period = useLedger((s) => s.quarterPeriod);
  const reviewer = useLedger(reviews);
  const officePc = useLedger(isOfficePc);
  const departments = useLedger((s) => s.departments);
  const status = useLedger((s) => s.status);
  const taskCount = useLedger((s) => s.sheet?.tasks.length);
  const indicatorCount = useLedger((s) => s.sheet?.indicators.length);
  const [now] = useState(() => new Date());
  const reviewerShown = useRef(false);
  useDraftFlush();

  useEffect(() => {
    const state = store.getState();
    if (!state.plans) void state.loadPlans();
    if (!state.departments) void state.loadDirectory('departments');
  }, [store]);

  useEffect(() => {
    if (departments === null) return;
    void store.getState().openQuarterly(defaultDepartmentId(status, departments));
  }, [store, departments, status]);

  // A reviewer comes to this page to review: start there, once. The office's PC has its own
  // 办公室审核 entry in the navigation, so 季度填报 there opens the entries.
  useEffect(() => {
    if (reviewer && !officePc && !reviewerShown.current) {
      reviewerShown.current = true;
      setTab('review');
    }
    if (!reviewer && tab === 'review') setTab('entries');
  }, [reviewer, officePc, tab, setTab]);

  const tabs: TabInfo[] = [
    { id: 'entries', label: '任务进展', count: taskCount },
    { id: 'indicators', label: '指标数值', count: indicatorCount },
    ...(reviewer ? [{ id: 'review' as QuarterTab, label: '办公室审核' }] : []),
  ];

  return (
    <section className="page quarterly-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          季度填报<span className="page-subtitle">{periodLabel(parsePeriod(period))}</span>
        </h1>
        <QuarterPicker showDepartment={tab !== 'review'} now={now} />
      </div>
      <QuarterTabs tabs={tabs} current={tab} onSelect={setTab} />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(tab)} className="quarter-panel">
        {tab === 'entries' ? <EntrySheet /> : tab === 'indicators' ? <IndicatorEntryList /> : <ReviewPanel />}
      </div>
    </section>
  );
}
