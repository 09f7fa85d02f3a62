import { useState } from 'react';
import type { PlanDetail, Section, Task } from '../../../shared/api/plans';
import { useLedger } from '../store/context';
import { DeleteButton } from '../ui/ConfirmDialog';
import { SectionFormDialog } from './SectionFormDialog';
import { TaskFormDialog } from './TaskFormDialog';
import { TaskTable } from './TaskTable';
import { sectionLabel } from './tree';

interface SectionBlockProps {
  readonly section: Section;
  readonly depth: number;
  readonly tasks: readonly Task[];
  readonly detail: PlanDetail;
}

/** One section heading with its own actions and its tasks. */
export function SectionBlock({ section, depth, tasks, detail }: SectionBlockProps) {
  const deleteSection = useLedger((s) => s.deleteSection);
  const openHistory = useLedger((s) => s.openHistory);
  const [dialog, setDialog] = useState<'edit' | 'task' | null>(null);
  const name = sectionLabel(section) || '（未命名章节）';
  const Heading = depth === 0 ? 'h3' : 'h4';
  return (
    <section className={`section-block section-depth-${Math.min(depth, 3)}`} aria-label={name}>
      <div className="section-head">
        <Heading className="section-title">{name}</Heading>
        <div className="row-actions">
          <button type="button" className="button button-small" onClick={() => setDialog('task')}>
            添加本章任务
          </button>
          <button type="button" className="button button-small" onClick={() => setDialog('edit')}>
            编辑
          </button>
          <button type="button" className="button button-small" onClick={() => void openHistory({ table: 'sections', id: section.id, title: `章节“${name}”` })}>
            修改记录
          </button>
          <DeleteButton what={`章节“${name}”`} detail="其中的任务不会删除，将移到计划顶层。" onDelete={async () => (await deleteSection(section.id)).ok} />
        </div>
      </div>
      {tasks.length > 0 ? <TaskTable tasks={tasks} detail={detail} caption={`${name}的任务`} /> : <p className="section-empty">本章节暂无任务，点“添加本章任务”录入。</p>}
      {dialog === 'edit' ? <SectionFormDialog planId={detail.plan.id} sections={detail.sections} section={section} onClose={() => setDialog(null)} /> : null}
      {dialog === 'task' ? <TaskFormDialog detail={detail} sectionId={section.id} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
