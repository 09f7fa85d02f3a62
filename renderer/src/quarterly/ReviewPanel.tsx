import { useEffect } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { OverviewTable } from './OverviewTable';
import { ReviewDepartment } from './ReviewDepartment';

/** 办公室审核: every department's progress for the quarter; pick one to review its reports. */
export function ReviewPanel() {
  const store = useLedgerStore();
  const period = useLedger((s) => s.quarterPeriod);
  const rows = useLedger((s) => s.reviewOverview);
  const selected = useLedger((s) => s.reviewDepartmentId);
  const open = useLedger((s) => s.openReviewDepartment);

  useEffect(() => {
    const state = store.getState();
    void state.loadOverview();
    if (state.reviewDepartmentId) void state.reloadReviewSheet();
  }, [store, period]);

  const late = rows?.filter((r) => r.late).length ?? 0;
  return (
    <div className="review-panel">
      <p className="role-note">角色仅用于区分填报和审核环节，不是权限控制。</p>
      <div className="card">
        <h2 className="card-title">
          各科室填报情况
          {late > 0 ? <span className="card-count overview-late-count">{late} 个科室需催办</span> : null}
        </h2>
        {rows === null ? (
          <p className="loading" role="status">
            正在汇总…
          </p>
        ) : rows.length === 0 ? (
          <EmptyState title="本季度没有需要填报的任务">在“计划与任务”中为任务指定牵头科室后，这里会按科室汇总填报情况。</EmptyState>
        ) : (
          <OverviewTable rows={rows} selected={selected} onSelect={(id) => void open(id)} />
        )}
      </div>
      {selected ? <ReviewDepartment /> : null}
    </div>
  );
}
