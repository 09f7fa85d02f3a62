import type { KeyboardEvent } from 'react';
import type { QuarterTab } from '../store/quarterly';

export interface TabInfo {
  readonly id: QuarterTab;
  readonly label: string;
  readonly count?: number | undefined;
}

export const tabId = (id: QuarterTab) => `quarter-tab-${id}`;
export const PANEL_ID = 'quarter-panel';

/** 任务进展 / 指标数值 / 办公室审核; ← and → move between them. */
export function QuarterTabs({ tabs, current, onSelect }: { tabs: readonly TabInfo[]; current: QuarterTab; onSelect: (tab: QuarterTab) => void }) {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.id === current);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <div className="page-tabs" role="tablist" aria-label="季度填报内容" onKeyDown={onKey}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={tab.id === current}
          aria-controls={PANEL_ID}
          tabIndex={tab.id === current ? 0 : -1}
          className="page-tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
          {tab.count !== undefined ? <span className="page-tab-count">（{tab.count}）</span> : null}
        </button>
      ))}
    </div>
  );
}
