import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import type { SheetTask } from '../../../shared/api/progress';
import { LightDot } from '../progress/LightDot';
import { WorkflowBadge } from '../progress/WorkflowBadge';
import { useLedger } from '../store/context';
import { currentForm, taskName } from '../store/quarterly';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { AttachmentList } from './AttachmentList';
import { CARD_DRAFT_HINT, cardSaveLabel, cardSaveState, type CardSaveState } from './card-state';
import { changedFromPrevious, formFromFields, hasContent, isLocked, type EntryFieldName } from './entry-form';
import { EntryText } from './EntryText';
import { StatusPercent } from './StatusPercent';

const placeholders = {
  progressText: '本季度做了什么、完成到什么程度（可引用数据、文件、会议）',
  problemsText: '遇到的困难和原因；没有可填“无”',
  nextStepsText: '下季度的具体安排和时间节点',
} as const;

function EntryHeader({ task, saveState }: { task: SheetTask; saveState: CardSaveState | null }) {
  const openDetail = useLedger((s) => s.openTaskDetail);
  const where = [task.planTitle, task.sectionTitle, task.deadline ? `完成时限：${task.deadline}` : null].filter(Boolean).join(' · ');
  return (
    <header className="entry-head">
      {task.number ? <span className="entry-number">{task.number}</span> : null}
      <div className="entry-heading">
        <h3 className="entry-title">
          <button type="button" className="link-button" tabIndex={-1} title="查看各季度填报情况" onClick={() => void openDetail(task.id)}>
            {task.title}
          </button>
        </h3>
        <div className="entry-where">{where}</div>
        <LightDot light={task.light} withReason />
      </div>
      <div className="entry-state">
        {saveState ? (
          <span className={`entry-draft entry-draft-${saveState.kind}`} title={CARD_DRAFT_HINT}>
            {cardSaveLabel(saveState, new Date())}
          </span>
        ) : null}
        <WorkflowBadge state={task.entry?.workflowState ?? null} />
      </div>
    </header>
  );
}

/** One task's report for the quarter: status, percent, the three texts, evidence, save and submit. */
export const TaskEntryCard = memo(function TaskEntryCard({ task }: { task: SheetTask }) {
  const edit = useLedger((s) => s.entryEdits[task.id]);
  const errors = useLedger((s) => s.entryErrors[task.id]);
  const saving = useLedger((s) => s.entrySaving[task.id] ?? null);
  const editEntry = useLedger((s) => s.editEntry);
  const saveEntry = useLedger((s) => s.saveEntry);
  const carryForward = useLedger((s) => s.carryForward);
  const openDetail = useLedger((s) => s.openTaskDetail);
  const [confirmCarry, setConfirmCarry] = useState(false);
  const form = edit ?? currentForm({ entryEdits: {} }, task);
  const locked = isLocked(task);
  const state = task.entry?.workflowState ?? null;
  const pending = useLedger((s) => s.draftPending[task.id] === true);
  const autosaveFailed = useLedger((s) => s.autosaveError !== null);
  const saveState = cardSaveState(task, edit, pending, autosaveFailed);
  const changed = useMemo(() => (task.previous && hasContent(form) ? changedFromPrevious(form, task.previous) : new Set<EntryFieldName>()), [form, task.previous]);
  const previous = task.previous ? formFromFields(task.previous) : null;
  const label = taskName(task);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key !== 's' && key !== 'enter') return;
    event.preventDefault();
    event.stopPropagation();
    if (!locked) void saveEntry(task.id, key === 'enter');
  };

  const onCarry = () => {
    if (hasContent(form) || task.entry) setConfirmCarry(true);
    else void carryForward(task.id);
  };

  return (
    <article className={`card entry-card${locked ? ' entry-card-locked' : ''}${state === 'returned' ? ' entry-card-returned' : ''}`} aria-label={`${label}任务`} onKeyDown={onKeyDown}>
      <EntryHeader task={task} saveState={saveState} />
      {state === 'returned' && task.entry?.reviewComment ? (
        <p className="entry-returned" role="note">
          <strong>办公室退回意见：</strong>
          {task.entry.reviewComment}
        </p>
      ) : null}
      {locked ? (
        <p className="entry-locked" role="note">
          已审核锁定，如需修改请联系办公室解锁
        </p>
      ) : null}
      <div className="entry-grid">
        <StatusPercent form={form} errors={errors} readOnly={locked} changed={changed} onChange={(field, value) => editEntry(task.id, field, value)} />
        {(['progressText', 'problemsText', 'nextStepsText'] as const).map((field) => (
          <EntryText
            key={field}
            field={field}
            value={form[field]}
            readOnly={locked}
            error={errors?.[field]}
            changedFrom={changed.has(field) ? previous![field] : undefined}
            placeholder={placeholders[field]}
            onChange={(value) => editEntry(task.id, field, value)}
          />
        ))}
      </div>
      <div className="entry-foot">
        <AttachmentList attachments={task.entry?.attachments ?? []} taskLabel={label} {...(locked ? {} : { taskId: task.id })} />
        <div className="row-actions entry-actions">
          {task.previous && !locked ? (
            <button type="button" className="button button-small" onClick={onCarry}>
              沿用上季度
            </button>
          ) : null}
          <button type="button" className="button button-small" onClick={() => void openDetail(task.id)}>
            各季度记录
          </button>
          {locked ? null : (
            <>
              <button type="button" className="button button-small" disabled={saving !== null} onClick={() => void saveEntry(task.id, false)} title="Ctrl+S">
                {saving === 'save' ? '正在保存…' : '保存'}
              </button>
              <button type="button" className="button button-small button-primary" disabled={saving !== null} onClick={() => void saveEntry(task.id, true)} title="Ctrl+Enter">
                {saving === 'submit' ? '正在提交…' : state === 'submitted' ? '重新提交' : '提交'}
              </button>
            </>
          )}
        </div>
      </div>
      {confirmCarry ? (
        <ConfirmDialog
          title="沿用上季度"
          message={`${label}本季度已填写的内容将被上季度的内容替换（保存为草稿，可再修改）。确定沿用吗？`}
          confirmLabel="沿用"
          onConfirm={() => carryForward(task.id)}
          onCancel={() => setConfirmCarry(false)}
        />
      ) : null}
    </article>
  );
});
