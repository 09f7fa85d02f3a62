import { useMemo, type ReactNode } from 'react';
import { useLedger } from '../store/context';
import type { ImportTab } from '../store/imports';
import { ChangesPanel } from './ChangesPanel';
import type { OwnerState } from './OwnerChips';
import type { OwnerRow } from './owners';
import { OwnersPanel } from './OwnersPanel';
import { PlanMetaForm } from './PlanMetaForm';
import { TaskOutline } from './TaskOutline';
import type { ParsePreview, ReviewDraft } from './types';
import { WarningList } from './WarningList';

function ownerState(row: OwnerRow): OwnerState {
  if (row.choice) return row.choice.action === 'create' ? 'create' : 'known';
  return row.match ? 'known' : 'unknown';
}

/** One map per distinct set of owner states, so task cards re-render only when a state changes. */
function useOwnerStatus(rows: readonly OwnerRow[]): ReadonlyMap<string, OwnerState> {
  const signature = rows.map((row) => `${row.name}\u0000${ownerState(row)}`).join('\u0001');
  return useMemo(() => new Map(rows.map((row) => [row.name, ownerState(row)])), [signature]);
}

function Tab({ id, current, children, onSelect }: { id: ImportTab; current: ImportTab; children: ReactNode; onSelect: (tab: ImportTab) => void }) {
  return (
    <button type="button" role="tab" id={`review-tab-${id}`} aria-selected={current === id} aria-controls="review-tabpanel" className="tab" onClick={() => onSelect(id)}>
      {children}
    </button>
  );
}

/** Right side: the plan as it will be saved, in tabs: tasks, owner names, and (for a revision) the changes. */
export function PlanPane({ preview, draft, rows }: { preview: ParsePreview; draft: ReviewDraft; rows: readonly OwnerRow[] }) {
  const tab = useLedger((s) => s.importTab);
  const setTab = useLedger((s) => s.setImportTab);
  const mode = useLedger((s) => s.importMode);
  const ownerStatus = useOwnerStatus(rows);
  const open = rows.filter((row) => ownerState(row) === 'unknown').length;
  const showChanges = mode === 'revision' && preview.existing !== null;
  const current: ImportTab = tab === 'changes' && !showChanges ? 'tasks' : tab;

  return (
    <section className="review-pane plan-pane" aria-label="导入后的计划">
      <div className="pane-head pane-head-tabs">
        <div className="tabs" role="tablist" aria-label="核对内容">
          <Tab id="tasks" current={current} onSelect={setTab}>
            任务（{draft.tasks.length}）
          </Tab>
          <Tab id="owners" current={current} onSelect={setTab}>
            科室对应
            {open > 0 ? <span className="tab-alert">待处理 {open}</span> : <span className="tab-count">（{rows.length}）</span>}
          </Tab>
          {showChanges ? (
            <Tab id="changes" current={current} onSelect={setTab}>
              修订比较
            </Tab>
          ) : null}
        </div>
      </div>
      <div id="review-tabpanel" role="tabpanel" aria-labelledby={`review-tab-${current}`} className="pane-scroll plan-scroll">
        {current === 'tasks' ? (
          <>
            <WarningList warnings={preview.parse.warnings} />
            <PlanMetaForm meta={draft} />
            <TaskOutline draft={draft} ownerStatus={ownerStatus} />
          </>
        ) : current === 'owners' ? (
          <OwnersPanel rows={rows} />
        ) : (
          <ChangesPanel planTitle={preview.existing?.title ?? ''} />
        )}
      </div>
    </section>
  );
}
