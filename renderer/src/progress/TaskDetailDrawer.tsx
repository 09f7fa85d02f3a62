import { useMemo } from 'react';
import { parsePeriod, periodLabel } from '../../../shared/domain/period';
import { AttachmentList } from '../quarterly/AttachmentList';
import { fieldLabels } from '../quarterly/entry-form';
import { formatDateTime } from '../ui/format';
import { useLedger } from '../store/context';
import type { TaskDetail } from '../store/task-detail';
import { EmptyState } from '../ui/EmptyState';
import { Modal } from '../ui/Modal';
import { LightDot } from './LightDot';
import { WorkflowBadge } from './WorkflowBadge';

type DetailEntry = TaskDetail['entries'][number];

/** Entries grouped by quarter, newest first; within a quarter by department name. */
export function byPeriod(entries: readonly DetailEntry[]): [string, DetailEntry[]][] {
  const groups = new Map<string, DetailEntry[]>();
  for (const entry of entries) groups.set(entry.period, [...(groups.get(entry.period) ?? []), entry]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([period, list]) => [period, [...list].sort((x, y) => x.departmentName.localeCompare(y.departmentName, 'zh-CN'))]);
}

const when = (at: string | null) => (at ? `（${formatDateTime(at)}）` : '');

/** The author of the report and, apart, who approved or returned it: the approval is not authorship. */
function Credits({ entry }: { entry: DetailEntry }) {
  if (!entry.writtenBy && !entry.reviewedBy) return null;
  return (
    <span className="detail-credits">
      {entry.writtenBy ? (
        <span>
          填报人：{entry.writtenBy}
          {when(entry.writtenAt)}
        </span>
      ) : null}
      {entry.reviewedBy ? (
        <span>
          {entry.workflowState === 'approved' ? '审核人' : '退回人'}：{entry.reviewedBy}
          {when(entry.reviewedAt)}
        </span>
      ) : null}
    </span>
  );
}

function EntryBlock({ entry, label }: { entry: DetailEntry; label: string }) {
  const openHistory = useLedger((s) => s.openHistory);
  return (
    <li className="detail-entry">
      <div className="detail-entry-head">
        <span className="detail-department">{entry.departmentName}</span>
        <WorkflowBadge state={entry.workflowState} />
        <span className="detail-status">
          {entry.status}
          {entry.percent !== null ? ` · 完成${entry.percent}%` : ''}
        </span>
        <Credits entry={entry} />
        <button
          type="button"
          className="button button-small detail-history"
          onClick={() => void openHistory({ table: 'progress_reports', id: entry.id, title: `${entry.departmentName}${label}进展` })}
        >
          修改记录
        </button>
      </div>
      <dl className="detail-texts">
        {(['progressText', 'problemsText', 'nextStepsText'] as const).map((field) => (
          <div key={field} className="detail-text-row">
            <dt>{fieldLabels[field]}</dt>
            <dd>{entry[field] || <span className="muted">（未填写）</span>}</dd>
          </div>
        ))}
      </dl>
      {entry.reviewComment ? (
        <p className={`detail-comment${entry.workflowState === 'returned' ? ' detail-comment-open' : ''}`}>
          {entry.workflowState === 'returned' ? '退回意见' : entry.workflowState === 'approved' ? '审核意见' : '上次退回意见'}：{entry.reviewComment}
        </p>
      ) : null}
      <span className="detail-light">
        <LightDot light={entry.light} withReason />
      </span>
      {entry.attachments.length > 0 ? <AttachmentList attachments={entry.attachments} taskLabel={label} /> : null}
    </li>
  );
}

/** 各季度记录: what every department reported on one task, quarter by quarter, and where to see each change. */
export default function TaskDetailDrawer() {
  const taskId = useLedger((s) => s.detailTaskId);
  const detail = useLedger((s) => s.taskDetail);
  const close = useLedger((s) => s.closeTaskDetail);
  const openHistory = useLedger((s) => s.openHistory);
  const groups = useMemo(() => (detail ? byPeriod(detail.entries) : []), [detail]);
  if (!taskId) return null;
  const task = detail?.task;
  const title = task ? `${task.number ? `第${task.number}项：` : ''}${task.title}` : '任务进展';
  return (
    <Modal title={title} onClose={close} variant="drawer" size="wide">
      <div className="modal-body history-body">
        {!detail || !task ? (
          <p className="loading" role="status">
            正在读取各季度进展…
          </p>
        ) : (
          <>
            <p className="detail-task-text">
              {task.planTitle}
              {task.sectionTitle ? ` · ${task.sectionTitle}` : ''}
              {task.deadline ? ` · 完成时限：${task.deadline}` : ''}
            </p>
            {task.text ? <p className="detail-task-text">{task.text}</p> : null}
            <div className="toolbar detail-toolbar">
              <button type="button" className="button button-small" onClick={() => void openHistory({ table: 'tasks', id: task.id, title: `任务“${task.title}”` })}>
                任务修改记录
              </button>
            </div>
            {groups.length === 0 ? (
              <EmptyState title="还没有填报记录">各科室填报季度进展后，会按季度显示在这里。</EmptyState>
            ) : (
              groups.map(([period, entries]) => {
                const label = periodLabel(parsePeriod(period));
                return (
                  <section key={period} className="detail-period" aria-label={label}>
                    <h3 className="detail-period-title">{label}</h3>
                    <ul className="detail-entries">
                      {entries.map((entry) => (
                        <EntryBlock key={entry.id} entry={entry} label={label} />
                      ))}
                    </ul>
                  </section>
                );
              })
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
