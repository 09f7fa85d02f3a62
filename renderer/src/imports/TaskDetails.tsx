import { useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useLedger } from '../store/context';
import { moveTask, sentences, splitTask, updateTask } from './draft-ops';
import type { DraftSectionNode } from './sections';
import { draftSectionLabel } from './sections';
import { TargetEditor } from './TargetEditor';
import type { DraftTarget, DraftTask } from './types';

interface TaskDetailsProps {
  readonly task: DraftTask;
  readonly targets: readonly DraftTarget[];
  readonly sections: readonly DraftSectionNode[];
  readonly taskLabel: string;
}

const short = (text: string) => (text.length > 28 ? `${text.slice(0, 28)}…` : text);

/** Split controls: at the cursor in the text, or from a chosen sentence on. */
function SplitControls({ task, textArea }: { task: DraftTask; textArea: RefObject<HTMLTextAreaElement | null> }) {
  const edit = useLedger((s) => s.editImportDraft);
  const select = useLedger((s) => s.selectImportTask);
  const [hint, setHint] = useState<string | null>(null);
  const [sentence, setSentence] = useState('');
  const parts = useMemo(() => sentences(task.text), [task.text]);

  const split = (offset: number) => {
    let created: string | null = null;
    edit((d) => {
      const result = splitTask(d, task.key, offset);
      created = result.key;
      return result.draft;
    });
    if (created) {
      setHint(null);
      setSentence('');
      select(created);
    } else {
      setHint('拆分位置前后都要有文字：请在任务内容中点击要拆开的位置（例如某一句的开头）。');
    }
  };

  return (
    <div className="split-controls">
      <button type="button" className="button button-small" onClick={() => split(textArea.current?.selectionStart ?? 0)}>
        在光标处拆分
      </button>
      {parts.length > 1 ? (
        <>
          <select className="input input-small split-select" aria-label="从这一句起拆为新任务" value={sentence} onChange={(event) => setSentence(event.target.value)}>
            <option value="">从第几句起拆为新任务…</option>
            {parts.slice(1).map((p, i) => (
              <option key={p.start} value={p.start}>
                第{i + 2}句：{short(p.text)}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" disabled={sentence === ''} onClick={() => split(Number(sentence))}>
            按句拆分
          </button>
        </>
      ) : null}
      {hint ? (
        <p className="field-error split-hint" role="alert">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The expanded part of a task: section, deadline, group, full text with split, and targets. */
export function TaskDetails({ task, targets, sections, taskLabel }: TaskDetailsProps) {
  const edit = useLedger((s) => s.editImportDraft);
  const id = useId();
  const textArea = useRef<HTMLTextAreaElement>(null);
  const patch = (values: Partial<DraftTask>) => edit((d) => updateTask(d, task.key, values));
  return (
    <div className="task-details">
      <div className="task-detail-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-section`}>
            所属章节
          </label>
          <select id={`${id}-section`} className="input input-small" value={task.sectionKey ?? ''} onChange={(event) => edit((d) => moveTask(d, task.key, event.target.value || null))}>
            <option value="">（不属于任何章节）</option>
            {sections.map(({ section, depth }) => (
              <option key={section.key} value={section.key}>
                {'\u3000'.repeat(depth)}
                {short(draftSectionLabel(section))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-deadline`}>
            完成时限
          </label>
          <input id={`${id}-deadline`} className="input input-small" value={task.deadline ?? ''} placeholder="例如：2025年12月底前" onChange={(event) => patch({ deadline: event.target.value || null })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-group`}>
            分组
          </label>
          <input id={`${id}-group`} className="input input-small" value={task.group ?? ''} placeholder="例如：重点工程" onChange={(event) => patch({ group: event.target.value || null })} />
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-text`}>
          任务内容
        </label>
        <textarea id={`${id}-text`} ref={textArea} className="input textarea task-text-input" rows={5} value={task.text} onChange={(event) => patch({ text: event.target.value })} />
        <SplitControls task={task} textArea={textArea} />
      </div>
      <TargetEditor taskKey={task.key} targets={targets} title={`${taskLabel}的指标`} />
    </div>
  );
}
