import { useEffect } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { EntryToolbar } from './EntryToolbar';
import { TaskEntryCard } from './TaskEntryCard';

/** The department's tasks for the quarter, in plan order, each with its own form. */
export function EntrySheet() {
  const store = useLedgerStore();
  const sheet = useLedger((s) => s.sheet);
  const error = useLedger((s) => s.sheetError);
  const departments = useLedger((s) => s.departments);
  const goTo = useLedger((s) => s.goTo);

  // Ctrl+S outside any task saves everything typed (and never the browser's 'save page').
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      void store.getState().saveAllEntries(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

  if (departments && departments.length === 0) {
    return (
      <div className="card">
        <EmptyState
          title="还没有科室"
          action={
            <button type="button" className="button button-primary" onClick={() => goTo('settings')}>
              去设置添加科室
            </button>
          }
        >
          季度填报按科室进行。请先在“设置”中添加本单位的科室。
        </EmptyState>
      </div>
    );
  }
  if (error) {
    return (
      <div className="card" role="alert">
        <p className="field-error">{error}</p>
      </div>
    );
  }
  if (!sheet) {
    return (
      <p className="loading" role="status">
        正在读取本季度的任务…
      </p>
    );
  }
  if (sheet.tasks.length === 0) {
    return (
      <div className="card">
        <EmptyState
          title={`${sheet.departmentName}本季度没有牵头任务`}
          action={
            <button type="button" className="button" onClick={() => goTo('tasks')}>
              前往计划与任务
            </button>
          }
        >
          在“计划与任务”中把任务的牵头科室设为{sheet.departmentName}后，任务会出现在这里。
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="entry-sheet">
      <EntryToolbar />
      {sheet.tasks.map((task) => (
        <TaskEntryCard key={task.id} task={task} />
      ))}
    </div>
  );
}
