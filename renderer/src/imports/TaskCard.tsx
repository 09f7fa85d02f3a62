import { memo, useEffect, useRef, useState } from 'react';
import { useLedger } from '../store/context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { mergeIntoPrevious, removeTask, updateTask } from './draft-ops';
import { OwnerChips, type OwnerState } from './OwnerChips';
import type { DraftSectionNode } from './sections';
import { TaskDetails } from './TaskDetails';
import type { DraftTarget, DraftTask } from './types';
import { UnitChips } from './UnitChips';

interface TaskCardProps {
  readonly task: DraftTask;
  readonly targets: readonly DraftTarget[];
  readonly sections: readonly DraftSectionNode[];
  readonly ownerStatus: ReadonlyMap<string, OwnerState>;
  /** The task “并入上一项” would merge into. */
  readonly previous: DraftTask | null;
  readonly selected: boolean;
}

export function taskLabelOf(task: DraftTask): string {
  return task.number ? `第${task.number}项任务` : `任务“${task.title || '未命名'}”`;
}

/** One task: number, name and owners always visible; details when expanded. */
export const TaskCard = memo(function TaskCard({ task, targets, sections, ownerStatus, previous, selected }: TaskCardProps) {
  const edit = useLedger((s) => s.editImportDraft);
  const select = useLedger((s) => s.selectImportTask);
  const mergeKeys = useLedger((s) => s.mergeImportKeys);
  const selectSeq = useLedger((s) => (s.importSelectedTask === task.key ? s.importSelectSeq : 0));
  const picked = useLedger((s) => s.importPicked[task.key] === true);
  const pick = useLedger((s) => s.pickImportTask);
  const kept = useLedger((s) => s.importPreview?.localEdits.find((e) => e.kind === 'task' && e.draftKey === task.key) ?? null);
  const [open, setOpen] = useState(task.title === '');
  const [confirming, setConfirming] = useState<'delete' | 'merge' | null>(null);
  const card = useRef<HTMLElement>(null);
  const label = taskLabelOf(task);
  const patch = (values: Partial<DraftTask>) => edit((d) => updateTask(d, task.key, values));

  useEffect(() => {
    if (selectSeq > 0) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selectSeq]);

  const previousLabel = previous ? taskLabelOf(previous) : '';
  return (
    <article ref={card} className={`task-card${selected ? ' task-card-selected' : ''}`} aria-label={label} data-key={task.key} onFocusCapture={() => !selected && select(task.key)}>
      <div className="task-card-head">
        <input
          type="checkbox"
          className="task-pick"
          aria-label={`选择${label}`}
          title="勾选多项任务后可一次设置牵头科室（按住 Shift 可连续选择）"
          checked={picked}
          onChange={() => {}}
          onClick={(event) => pick(task.key, event.shiftKey)}
        />
        <input className="input input-small task-number-input" aria-label="序号" value={task.number} maxLength={20} onChange={(event) => patch({ number: event.target.value })} />
        <input
          className={`input input-small task-name-input${task.title.trim() ? '' : ' input-invalid'}`}
          aria-label="任务名称"
          placeholder="请填写任务名称"
          value={task.title}
          onChange={(event) => patch({ title: event.target.value })}
        />
        {targets.length > 0 ? <span className="task-badge">{targets.length} 个指标</span> : null}
        {kept ? (
          <span className="task-badge kept-badge" title={`台账中这项任务的${kept.fields.join('、')}在本机修改过，保存时保留本机的内容`}>
            本机已修改，保留
          </span>
        ) : null}
        <button type="button" className="button button-small" aria-expanded={open} aria-label={`${open ? '收起' : '展开'}${label}`} onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开'}
        </button>
      </div>
      <div className="task-card-owners">
        <OwnerChips names={task.leadDepartments} status={ownerStatus} taskLabel={label} onChange={(names) => patch({ leadDepartments: names })} />
        <UnitChips units={task.responsibleUnits} taskLabel={label} onChange={(units) => patch({ responsibleUnits: units })} />
        {!open && task.deadline ? <p className="task-deadline">完成时限：{task.deadline}</p> : null}
      </div>
      {open ? (
        <>
          <TaskDetails task={task} targets={targets} sections={sections} taskLabel={label} />
          <div className="task-card-actions">
            <button type="button" className="button button-small" disabled={!previous} title={previous ? `把本项并入${previousLabel}` : '这是第一项任务'} onClick={() => setConfirming('merge')}>
              并入上一项
            </button>
            <button type="button" className="button button-small button-danger-text" onClick={() => setConfirming('delete')}>
              删除任务
            </button>
          </div>
        </>
      ) : null}
      {confirming === 'delete' ? (
        <ConfirmDialog
          title="确认删除"
          message={`确定要从本次导入中删除${label}吗？${targets.length > 0 ? `其中的 ${targets.length} 个指标也将删除。` : ''}原文不受影响。`}
          confirmLabel="删除"
          onConfirm={async () => {
            edit((d) => removeTask(d, task.key));
            return true;
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      {confirming === 'merge' && previous ? (
        <ConfirmDialog
          title="并入上一项"
          message={`把${label}并入${previousLabel}（“${previous.title}”）？任务内容接在后面，牵头科室和责任单位合并，指标一并移过去。`}
          confirmLabel="合并"
          danger={false}
          onConfirm={async () => {
            edit((d) => mergeIntoPrevious(d, task.key));
            mergeKeys(task.key, previous.key);
            select(previous.key);
            return true;
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
    </article>
  );
});
