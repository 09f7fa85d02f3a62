import { useMemo, useState } from 'react';
import type { PlanDetail } from '../../../shared/api/plans';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { CarryOverDialog } from './CarryOverDialog';
import { PlanHeader } from './PlanHeader';
import { SectionBlock } from './SectionBlock';
import { SectionFormDialog } from './SectionFormDialog';
import { TaskFormDialog } from './TaskFormDialog';
import { TaskTable } from './TaskTable';
import { orderedSections, tasksBySection } from './tree';

/** One plan: its sections as a tree, each with its tasks in order. */
export function PlanView({ detail }: { detail: PlanDetail }) {
  const openPlan = useLedger((s) => s.openPlan);
  const departmentCount = useLedger((s) => s.departments?.length ?? 0);
  const goTo = useLedger((s) => s.goTo);
  const [dialog, setDialog] = useState<'section' | 'task' | 'carry' | null>(null);
  const sections = useMemo(() => orderedSections(detail.sections), [detail.sections]);
  const groups = useMemo(() => tasksBySection(detail.tasks, detail.sections), [detail.tasks, detail.sections]);
  const looseTasks = groups.get(null) ?? [];
  const empty = sections.length === 0 && detail.tasks.length === 0;

  return (
    <section className="page" aria-labelledby="page-title">
      <button type="button" className="link-button back-link" onClick={() => void openPlan(null)}>
        ← 返回计划列表
      </button>
      <PlanHeader plan={detail.plan} />
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => setDialog('task')}>
          新增任务
        </button>
        <button type="button" className="button" onClick={() => setDialog('section')}>
          新增章节
        </button>
        {detail.tasks.length > 0 ? (
          <button type="button" className="button" onClick={() => setDialog('carry')}>
            结转未完成任务
          </button>
        ) : null}
        {departmentCount === 0 ? (
          <p className="toolbar-note">
            还没有科室，任务无法指定牵头科室。
            <button type="button" className="link-button" onClick={() => goTo('settings')}>
              去“设置”添加科室
            </button>
          </p>
        ) : null}
      </div>
      {empty ? (
        <div className="card">
          <EmptyState title="这个计划还没有内容">
            可以先按文件的“一、二、三……”点“新增章节”，再在各章节下录入任务；任务较少时也可以直接点“新增任务”。
          </EmptyState>
        </div>
      ) : (
        <div className="card plan-body">
          {looseTasks.length > 0 ? (
            <section className="section-block" aria-label="未归入章节的任务">
              {sections.length > 0 ? <h3 className="section-title section-title-muted">未归入章节的任务</h3> : null}
              <TaskTable tasks={looseTasks} detail={detail} caption="未归入章节的任务" />
            </section>
          ) : null}
          {sections.map(({ section, depth }) => (
            <SectionBlock key={section.id} section={section} depth={depth} tasks={groups.get(section.id) ?? []} detail={detail} />
          ))}
        </div>
      )}
      {dialog === 'section' ? <SectionFormDialog planId={detail.plan.id} sections={detail.sections} onClose={() => setDialog(null)} /> : null}
      {dialog === 'task' ? <TaskFormDialog detail={detail} onClose={() => setDialog(null)} /> : null}
      {dialog === 'carry' ? <CarryOverDialog detail={detail} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
