import { useState } from 'react';
import { useLedger } from '../store/context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { AutosaveStatus } from './AutosaveStatus';

/** Department-wide actions, kept in view while the clerk scrolls through the tasks. */
export function EntryToolbar() {
  const saveAll = useLedger((s) => s.saveAllEntries);
  const carryAll = useLedger((s) => s.carryForwardAll);
  const canCarry = useLedger((s) => s.sheet?.tasks.some((t) => t.previous !== null && t.entry?.workflowState !== 'approved') ?? false);
  const [busy, setBusy] = useState(false);
  const [confirmSubmit, setConfirmSubmit] = useState(false);

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
        <button type="button" className="button button-primary" disabled={busy} onClick={() => setConfirmSubmit(true)}>
          提交全部
        </button>
      </div>
      {confirmSubmit ? (
        <ConfirmDialog
          title="提交全部"
          message="将本科室本季度已填写的全部任务提交给办公室审核。提交后仍可修改，修改后需重新提交。"
          confirmLabel="提交"
          danger={false}
          onConfirm={async () => {
            await run(() => saveAll(true));
            return true;
          }}
          onCancel={() => setConfirmSubmit(false)}
        />
      ) : null}
    </div>
  );
}
