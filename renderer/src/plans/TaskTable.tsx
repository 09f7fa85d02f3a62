import { useState } from 'react';
import type { PlanDetail, Task } from '../../../shared/api/plans';
import { useLedger } from '../store/context';
import { DeleteButton } from '../ui/ConfirmDialog';
import { joinList } from '../ui/format';
import { TaskFormDialog } from './TaskFormDialog';
import { departmentNames } from './tree';

function TaskRow({ task, detail }: { task: Task; detail: PlanDetail }) {
  const departments = useLedger((s) => s.departments);
  const deleteTask = useLedger((s) => s.deleteTask);
  const openHistory = useLedger((s) => s.openHistory);
  const openDetail = useLedger((s) => s.openTaskDetail);
  const [editing, setEditing] = useState(false);
  const leads = departmentNames(task.leadDepartmentIds, departments);
  const name = task.title || '（未命名任务）';
  return (
    <tr>
      <td className="col-number">{task.number}</td>
      <td className="col-task">
        <div className="task-title">{name}</div>
        {task.text ? <div className="task-text">{task.text}</div> : null}
      </td>
      <td className="col-owners">{leads.length > 0 ? joinList(leads) : <span className="muted">未指定</span>}</td>
      <td className="col-owners">{task.responsibleUnits.length > 0 ? joinList(task.responsibleUnits) : <span className="muted">—</span>}</td>
      <td className="col-deadline">{task.deadline || <span className="muted">—</span>}</td>
      <td className="col-actions">
        <div className="row-actions">
          <button type="button" className="button button-small" onClick={() => void openDetail(task.id)} aria-label={`查看“${name}”的季度进展`}>
            季度进展
          </button>
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            编辑
          </button>
          <button type="button" className="button button-small" onClick={() => void openHistory({ table: 'tasks', id: task.id, title: `任务“${name}”` })}>
            修改记录
          </button>
          <DeleteButton what={`任务“${name}”`} onDelete={async () => (await deleteTask(task.id)).ok} />
        </div>
        {editing ? <TaskFormDialog detail={detail} task={task} onClose={() => setEditing(false)} /> : null}
      </td>
    </tr>
  );
}

/** The tasks of one section (or of the plan's top level), in order. */
export function TaskTable({ tasks, detail, caption }: { tasks: readonly Task[]; detail: PlanDetail; caption: string }) {
  return (
    <table className="table task-table" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col" className="col-number">
            序号
          </th>
          <th scope="col" className="col-task">
            任务名称
          </th>
          <th scope="col" className="col-owners">
            牵头科室
          </th>
          <th scope="col" className="col-owners">
            责任单位
          </th>
          <th scope="col" className="col-deadline">
            完成时限
          </th>
          <th scope="col" className="col-actions">
            操作
          </th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <TaskRow key={task.id} task={task} detail={detail} />
        ))}
      </tbody>
    </table>
  );
}
