import { useState } from 'react';
import type { Entry, SheetTask } from '../../../shared/api/progress';
import { LightDot } from '../progress/LightDot';
import { WorkflowBadge } from '../progress/WorkflowBadge';
import { useLedger } from '../store/context';
import { taskName } from '../store/quarterly';
import { AttachmentList } from './AttachmentList';
import { fieldLabels } from './entry-form';
import { ReasonDialog } from './ReasonDialog';

/** A submitted report as the office reads it, with 通过 / 退回, or 解锁 once approved. */
export function ReviewEntryCard({ task, entry, departmentName }: { task: SheetTask; entry: Entry; departmentName: string }) {
  const review = useLedger((s) => s.reviewEntry);
  const unlock = useLedger((s) => s.unlockEntry);
  const reasonDraft = useLedger((s) => s.reasonDraft);
  const draftOf = (kind: 'return' | 'unlock') => ({ load: () => reasonDraft(entry.id, kind), save: (text: string) => void reasonDraft(entry.id, kind, { text }) });
  const openDetail = useLedger((s) => s.openTaskDetail);
  const [dialog, setDialog] = useState<'return' | 'unlock' | null>(null);
  const [busy, setBusy] = useState(false);
  const label = taskName(task);
  const subject = `${departmentName} · ${label} ${task.title}`;

  const approve = async () => {
    setBusy(true);
    await review(entry, 'approve', '');
    setBusy(false);
  };

  return (
    <article className="card review-card" aria-label={`${label}任务的进展`}>
      <header className="entry-head">
        {task.number ? <span className="entry-number">{task.number}</span> : null}
        <div className="entry-heading">
          <h3 className="entry-title">
            <button type="button" className="link-button" onClick={() => void openDetail(task.id)} title="查看各季度填报情况">
              {task.title}
            </button>
          </h3>
          <LightDot light={task.light} withReason />
        </div>
        <div className="entry-state">
          <span className="review-status">
            {entry.status}
            {entry.percent !== null ? ` · ${entry.percent}%` : ''}
          </span>
          <WorkflowBadge state={entry.workflowState} />
        </div>
      </header>
      <dl className="review-texts">
        {(['progressText', 'problemsText', 'nextStepsText'] as const).map((field) => (
          <div key={field}>
            <dt>{fieldLabels[field]}</dt>
            <dd>{entry[field] || <span className="muted">（未填写）</span>}</dd>
          </div>
        ))}
      </dl>
      {entry.workflowState === 'returned' && entry.reviewComment ? (
        <p className="entry-returned">
          <strong>退回意见：</strong>
          {entry.reviewComment}
        </p>
      ) : null}
      {entry.workflowState === 'submitted' && entry.reviewComment ? (
        <p className="review-earlier">
          <strong>上次退回意见：</strong>
          {entry.reviewComment}
        </p>
      ) : null}
      <div className="entry-foot">
        <AttachmentList attachments={entry.attachments} taskLabel={label} />
        <div className="row-actions entry-actions">
          {entry.workflowState === 'submitted' ? (
            <>
              <button type="button" className="button button-small" disabled={busy} onClick={() => setDialog('return')}>
                退回
              </button>
              <button type="button" className="button button-small button-primary" disabled={busy} onClick={() => void approve()}>
                通过
              </button>
            </>
          ) : null}
          {entry.workflowState === 'approved' ? (
            <button type="button" className="button button-small" onClick={() => setDialog('unlock')}>
              解锁
            </button>
          ) : null}
        </div>
      </div>
      {dialog === 'return' ? (
        <ReasonDialog
          title="退回修改"
          subject={subject}
          label="退回意见"
          placeholder="写明需要补充或修改的内容，例如：请补充本季度完成的具体数据"
          confirmLabel="退回"
          requiredMessage="请写明退回原因，科室将按意见修改"
          field="comment"
          draft={draftOf('return')}
          onSubmit={(comment) => review(entry, 'return', comment)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'unlock' ? (
        <ReasonDialog
          title="解锁已审核的进展"
          subject={subject}
          label="解锁原因"
          placeholder="例如：区政府要求补充第一季度数据"
          confirmLabel="解锁"
          requiredMessage="请写明解锁原因，将记入修改记录"
          field="reason"
          draft={draftOf('unlock')}
          onSubmit={(reason) => unlock(entry, reason)}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </article>
  );
}
