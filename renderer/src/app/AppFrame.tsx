import { lazy, Suspense, useEffect } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { ProgressBar } from '../ui/ProgressBar';
import { Header } from './Header';
import { NavBar } from './NavBar';
import { pages, placeholders } from './pages';
import { Placeholder } from './Placeholder';

const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const TaskLedgerPage = lazy(() => import('../plans/TaskLedgerPage'));
const HistoryPanel = lazy(() => import('../history/HistoryPanel'));
const ImportPage = lazy(() => import('../imports/ImportPage'));
const QuarterlyPage = lazy(() => import('../quarterly/QuarterlyPage'));
const IndicatorsPage = lazy(() => import('../indicators/IndicatorsPage'));
const LedgerPage = lazy(() => import('../ledger/LedgerPage'));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
const ComparePage = lazy(() => import('../compare/ComparePage'));
const ExchangePage = lazy(() => import('../exchange/ExchangePage'));
const ReportsPage = lazy(() => import('../reports/ReportsPage'));
const TaskDetailDrawer = lazy(() => import('../progress/TaskDetailDrawer'));

function CurrentPage() {
  const page = useLedger((s) => s.page);
  if (page === 'settings') return <SettingsPage />;
  if (page === 'tasks') return <TaskLedgerPage />;
  if (page === 'ledger') return <LedgerPage />;
  if (page === 'overview') return <DashboardPage />;
  if (page === 'compare') return <ComparePage />;
  if (page === 'exchange') return <ExchangePage />;
  if (page === 'reports') return <ReportsPage />;
  if (page === 'import') return <ImportPage />;
  if (page === 'quarterly') return <QuarterlyPage />;
  if (page === 'indicators') return <IndicatorsPage />;
  const text = placeholders[page];
  const title = pages.find((p) => p.id === page)?.label ?? '';
  return text ? <Placeholder title={title} text={text} /> : null;
}

function PageLoading() {
  return (
    <p className="loading" role="status">
      正在打开…
    </p>
  );
}

/** Header, left navigation, the current page, and the history panel when open. */
export function AppFrame() {
  const store = useLedgerStore();
  const historyOpen = useLedger((s) => s.historyTarget !== null);
  const detailOpen = useLedger((s) => s.detailTaskId !== null);
  // Pages that show a long job's bar themselves, next to the button that started it.
  const ownBar = useLedger((s) => (s.page === 'import' ? 'imports.parse' : s.page === 'reports' ? 'report.build' : null));

  useEffect(() => {
    const state = store.getState();
    void state.loadSettings();
    void state.loadDirectory('departments');
    void state.loadDirectory('units');
  }, [store]);

  return (
    <div className="frame">
      {/* First in the Tab order: past the header and the ten nav buttons in one keystroke. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        跳到主要内容
      </button>
      <Header />
      <div className="frame-body">
        <NavBar />
        <main id="main" className="main" tabIndex={-1}>
          <ProgressBar except={ownBar} />
          <Suspense fallback={<PageLoading />}>
            <CurrentPage />
          </Suspense>
        </main>
      </div>
      {detailOpen ? (
        <Suspense fallback={null}>
          <TaskDetailDrawer />
        </Suspense>
      ) : null}
      {historyOpen ? (
        <Suspense fallback={null}>
          <HistoryPanel />
        </Suspense>
      ) : null}
    </div>
  );
}
