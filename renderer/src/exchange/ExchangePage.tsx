import { useEffect } from 'react';
import { TabBar, tabElementId } from '../ui/TabBar';
import { useLedger, useLedgerStore } from '../store/context';
import type { ExchangeTab } from '../store/exchange';
import '../styles/exchange.css';
import { ConflictsPanel } from './ConflictsPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { RecordsPanel } from './RecordsPanel';
import { SheetPanel } from './SheetPanel';

const tabs: readonly { id: ExchangeTab; label: string }[] = [
  { id: 'export', label: '导出数据包' },
  { id: 'import', label: '导入数据包' },
  { id: 'sheet', label: 'Excel填报表' },
  { id: 'conflicts', label: '冲突' },
  { id: 'records', label: '收发记录' },
];
const PANEL_ID = 'exchange-panel';

function CurrentPanel({ tab }: { tab: ExchangeTab }) {
  if (tab === 'export') return <ExportPanel />;
  if (tab === 'import') return <ImportPanel />;
  if (tab === 'sheet') return <SheetPanel />;
  if (tab === 'conflicts') return <ConflictsPanel />;
  return <RecordsPanel />;
}

/** 数据交换: packages to and from departments and offices, the Excel sheet, conflicts and records. */
export default function ExchangePage() {
  const store = useLedgerStore();
  const tab = useLedger((s) => s.exchangeTab);
  const setTab = useLedger((s) => s.setExchangeTab);
  const conflictCount = useLedger((s) => s.conflicts?.length ?? 0);

  useEffect(() => {
    const state = store.getState();
    void state.loadConflicts();
    if (!state.plans) void state.loadPlans();
  }, [store]);


  return (
    <section className="page exchange-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          数据交换
        </h1>
        <p className="muted exchange-intro">通过U盘、共享文件夹或政务邮箱传递数据包，无需联网</p>
      </div>
      <TabBar
        name="exchange"
        label="数据交换内容"
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        panelId={PANEL_ID}
        badge={(id) => (id === 'conflicts' && conflictCount > 0 ? <span className="exchange-tab-count">{conflictCount}</span> : null)}
      />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabElementId('exchange', tab)} className="exchange-panel">
        <CurrentPanel tab={tab} />
      </div>
    </section>
  );
}
