import { useEffect, useRef } from 'react';
import type { Entry, SheetTask } from '../../../shared/api/progress';
import type { WorkflowState } from '../../../shared/domain/progress-status';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { ReviewEntryCard } from './ReviewEntryCard';

const groups: readonly { state: WorkflowState; title: string }[] = [
  { state: 'submitted', title: '待审核' },
  { state: 'returned', title: '已退回，等待科室修改' },
  { state: 'approved', title: '已审核' },
];

/** One department's reports for the quarter, waiting ones first. */
export function ReviewDepartment() {
  const sheet = useLedger((s) => s.reviewSheet);
  const close = useLedger((s) => s.openReviewDepartment);
  const section = useRef<HTMLElement>(null);
  const departmentId = sheet?.departmentId ?? null;
  // The list opens below the overview table: bring it into view when another department is picked.
  useEffect(() => {
    if (departmentId) section.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [departmentId]);
  if (!sheet) {
    return (
      <p className="loading" role="status">
        正在读取科室的填报内容…
      </p>
    );
  }
  const withEntry = sheet.tasks.filter((t): t is SheetTask & { entry: Entry } => t.entry !== null);
  const missing = sheet.tasks.filter((t) => t.entry === null || t.entry.workflowState === 'draft').length;
  return (
    <section ref={section} className="review-department" aria-label={`${sheet.departmentName}的填报内容`}>
      <div className="review-department-head">
        <h2 className="card-title">
          {sheet.departmentName}
          <span className="card-count">
            共 {sheet.tasks.length} 项{missing > 0 ? `，${missing} 项尚未提交` : ''}
          </span>
        </h2>
        <button type="button" className="button button-small" onClick={() => void close(null)}>
          收起
        </button>
      </div>
      {groups.map(({ state, title }) => {
        const list = withEntry.filter((t) => t.entry.workflowState === state);
        if (list.length === 0) return null;
        return (
          <div key={state} className="review-group">
            <h3 className="review-group-title">
              {title}（{list.length}）
            </h3>
            {list.map((task) => (
              <ReviewEntryCard key={task.id} task={task} entry={task.entry} departmentName={sheet.departmentName} />
            ))}
          </div>
        );
      })}
      {withEntry.every((t) => t.entry.workflowState === 'draft') ? (
        <div className="card">
          <EmptyState title="还没有提交的进展">该科室本季度还没有提交任何任务的进展。</EmptyState>
        </div>
      ) : null}
    </section>
  );
}
