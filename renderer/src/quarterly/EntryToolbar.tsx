import { useState } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { currentForm } from '../store/quarterly';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { AutosaveStatus } from './AutosaveStatus';
import { submitMessage, submitPlan, taskList } from './submit-plan';

/** Department-wide actions, kept in view while the clerk scrolls through the tasks. */
export function EntryToolbar() {
  const saveAll = useLedger((s) => s.saveAllEntries);
  const carryAll = useLedger((s) => s.carryForwardAll);
  const canCarry = useLedger((s) => s.sheet?.tasks.some((t) => t.previous !== null && t.entry?.workflowState !== 'approved') ?? false);
  const [busy, setBusy] = useState(false);
  const store = useLedgerStore();
  const pushToast = useLedger((s) => s.pushToast);
  /** The confirm dialog's sentence, set when 提交全部 has something to submit. */
  const [confirmSubmit, setConfirmSubmit] = useState<string | null>(null);

  // Counted when asked, from what is typed now: how many go, and which wait for 进展情况.
  const askSubmit = () => {
    const state = store.getState();
    const plan = submitPlan(state.sheet?.tasks ?? [], (task) => currentForm(state, task));
    if (plan.due.length === 0) pushToast('success', '没有需要提交的内容：各项任务都已提交或已审核');
    else if (plan.ready.length === 0) pushToast('error', `没有可提交的任务：${plan.blank.length} 项未填写进展（${taskList(plan.blank)}），请先填写进展情况`);
    else setConfirmSubmit(submitMessage(plan));
  };

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="entry-toolbar">
      <AutosaveStatus />
      <p className="entry-keys">
        <span className="entry-key">
          <kbd>Tab</kbd> 下一项
        </span>
        <span className="entry-key">
          <kbd>Ctrl</kbd>+<kbd>S</kbd> 保存当前任务
        </span>
        <span className="entry-key">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 提交当前任务
        </span>
      </p>
      <div className="row-actions">
        <button type="button" className="button" disabled={busy || !canCarry} onClick={() => void run(carryAll)} title="把上季度的填报内容复制为本季度草稿；本季度已填写的任务不会被覆盖">
          全部沿用上季度
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void run(() => saveAll(false))}>
          保存全部
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={askSubmit}>
          提交全部
        </button>
      </div>
      {confirmSubmit ? (
        <ConfirmDialog
          title="提交全部"
          message={confirmSubmit}
          confirmLabel="提交"
          danger={false}
          onConfirm={async () => {
            await run(() => saveAll(true));
            return true;
          }}
          onCancel={() => setConfirmSubmit(null)}
        />
      ) : null}
    </div>
  );
}
