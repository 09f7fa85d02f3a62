import { useEffect, useMemo, useState } from 'react';
import type { PlanDetail } from '../../../shared/api/plans';
import { useLedger } from '../store/context';
import { InlineSelect } from '../ui/InlineSelect';
import { Modal } from '../ui/Modal';
import '../styles/progress.css';
import { nextYearPlans, type TaskProgress } from './carry-over';

const NEW_PLAN = '';

/** 结转未完成任务: tick the tasks to carry into next year's plan; unfinished ones are ticked already. */
export function CarryOverDialog({ detail, onClose }: { detail: PlanDetail; onClose: () => void }) {
  const readProgress = useLedger((s) => s.planTaskProgress);
  const carryOver = useLedger((s) => s.carryOverTasks);
  const plans = useLedger((s) => s.plans);
  const [progress, setProgress] = useState<Map<string, TaskProgress> | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState(NEW_PLAN);
  const [busy, setBusy] = useState(false);
  const targets = useMemo(() => nextYearPlans(plans ?? [], detail.plan), [plans, detail.plan]);
  const tasks = useMemo(() => [...detail.tasks].sort((a, b) => a.sortOrder - b.sortOrder), [detail.tasks]);

  useEffect(() => {
    let live = true;
    void readProgress(detail).then((map) => {
      if (!live) return;
      setProgress(map);
      setPicked(new Set(tasks.filter((t) => map.get(t.id)?.unfinished ?? true).map((t) => t.id)));
    });
    return () => {
      live = false;
    };
  }, [readProgress, detail, tasks]);

  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = async () => {
    setBusy(true);
    const outcome = await carryOver(
      detail.plan.id,
      target || null,
      tasks.filter((t) => picked.has(t.id)).map((t) => t.id),
    );
    setBusy(false);
    if (outcome.ok) onClose();
  };

  const nextYear = (detail.plan.yearTo ?? detail.plan.yearFrom ?? new Date().getFullYear()) + 1;
  return (
    <Modal title="结转未完成任务" onClose={onClose} busy={busy} size="wide">
      <div className="modal-body">
        <p className="card-note">
          年终把尚未完成的任务带入下一年度的计划，保留与原任务的关联和历次进展。已勾选的是年末仍未报告“已完成”或“已办结”的任务，可按实际调整。
        </p>
        <div className="carry-target">
          <InlineSelect label="结转到" value={target} onChange={setTarget}>
            <option value={NEW_PLAN}>新建{nextYear}年度计划</option>
            {targets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </InlineSelect>
        </div>
        {progress === null ? (
          <p className="loading" role="status">
            正在查看各任务的完成情况…
          </p>
        ) : (
          <ul className="carry-list" aria-label="要结转的任务">
            {tasks.map((task) => {
              const statuses = progress.get(task.id)?.statuses ?? [];
              const shown = statuses.length === 0 ? '未填报' : [...new Set(statuses.map((s) => s ?? '未填报'))].join('、');
              return (
                <li key={task.id}>
                  <label className="carry-item">
                    <input type="checkbox" checked={picked.has(task.id)} onChange={() => toggle(task.id)} />
                    <span className="carry-number">{task.number}</span>
                    <span className="carry-title">{task.title}</span>
                    <span className="carry-status">{shown}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="modal-footer">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          取消
        </button>
        <button type="button" className="button button-primary" disabled={busy || progress === null || picked.size === 0} onClick={() => void submit()}>
          {busy ? '正在结转…' : `结转 ${picked.size} 项任务`}
        </button>
      </div>
    </Modal>
  );
}
