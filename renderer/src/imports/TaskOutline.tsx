import { useMemo, useRef } from 'react';
import { useLedger } from '../store/context';
import { BulkLeads } from './BulkLeads';
import { addTask, targetsByTask } from './draft-ops';
import type { OwnerState } from './OwnerChips';
import { SectionHeading } from './SectionHeading';
import { draftSectionLabel, sectionTree, tasksBySection } from './sections';
import { TargetEditor } from './TargetEditor';
import { TaskCard } from './TaskCard';
import type { DraftTarget, DraftTask, ReviewDraft } from './types';

const NO_TARGETS: readonly DraftTarget[] = [];

interface TaskGroupProps {
  readonly tasks: readonly DraftTask[];
  readonly previous: ReadonlyMap<string, DraftTask>;
  readonly targets: Map<string | null, DraftTarget[]>;
  readonly sections: ReturnType<typeof sectionTree>;
  readonly ownerStatus: ReadonlyMap<string, OwnerState>;
  readonly selected: string | null;
}

function TaskGroup({ tasks, previous, targets, sections, ownerStatus, selected }: TaskGroupProps) {
  return (
    <div className="outline-tasks">
      {tasks.map((task) => (
        <TaskCard
          key={task.key}
          task={task}
          targets={targets.get(task.key) ?? NO_TARGETS}
          sections={sections}
          ownerStatus={ownerStatus}
          previous={previous.get(task.key) ?? null}
          selected={selected === task.key}
        />
      ))}
    </div>
  );
}

/** The plan's sections as a tree, each with its tasks; then the targets that belong to no task. */
export function TaskOutline({ draft, ownerStatus }: { draft: ReviewDraft; ownerStatus: ReadonlyMap<string, OwnerState> }) {
  const selected = useLedger((s) => s.importSelectedTask);
  const edit = useLedger((s) => s.editImportDraft);
  const select = useLedger((s) => s.selectImportTask);
  const sections = useMemo(() => sectionTree(draft.sections), [draft.sections]);
  const groups = useMemo(() => tasksBySection(draft.tasks, draft.sections), [draft.tasks, draft.sections]);
  // Reuse a task's target list while its targets are unchanged, so untouched cards skip rendering.
  const cache = useRef(new Map<string | null, DraftTarget[]>());
  const targets = useMemo(() => {
    const next = new Map<string | null, DraftTarget[]>();
    for (const [key, list] of targetsByTask(draft)) {
      const old = cache.current.get(key);
      next.set(key, old && old.length === list.length && old.every((t, i) => t === list[i]) ? old : list);
    }
    cache.current = next;
    return next;
  }, [draft]);
  const previous = useMemo(() => new Map(draft.tasks.slice(1).map((t, i) => [t.key, draft.tasks[i]!])), [draft.tasks]);
  const loose = groups.get(null) ?? [];
  const freeTargets = targets.get(null) ?? NO_TARGETS;
  const shared = { previous, targets, sections, ownerStatus, selected };

  const addLoose = () => {
    let key = '';
    edit((d) => {
      const result = addTask(d, null);
      key = result.key;
      return result.draft;
    });
    select(key);
  };

  return (
    <div className="outline">
      {draft.tasks.length > 1 ? <BulkLeads draft={draft} /> : null}
      {loose.length > 0 ? (
        <section className="outline-section" aria-label="未归入章节的任务">
          {sections.length > 0 ? <h3 className="outline-title outline-title-muted">未归入章节的任务</h3> : null}
          <TaskGroup tasks={loose} {...shared} />
        </section>
      ) : null}
      {sections.map(({ section, depth }) => {
        const tasks = groups.get(section.key) ?? [];
        return (
          <section key={section.key} className={`outline-section outline-depth-${Math.min(depth, 3)}`} aria-label={draftSectionLabel(section)}>
            <SectionHeading section={section} depth={depth} />
            {tasks.length > 0 ? <TaskGroup tasks={tasks} {...shared} /> : null}
          </section>
        );
      })}
      <div className="outline-add">
        <button type="button" className="button button-small" onClick={addLoose}>
          + 添加任务（不属于任何章节）
        </button>
      </div>
      <section className="outline-section outline-targets" aria-label="指标">
        <h3 className="outline-title">指标</h3>
        <p className="field-hint">指标表、发展目标等段落中的量化指标，不挂在某项任务下。</p>
        <TargetEditor taskKey={null} targets={freeTargets} title="不属于任务的指标" />
      </section>
    </div>
  );
}
