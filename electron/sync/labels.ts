import type { ReplicatedTable } from '../../shared/schema/tables';
import type { Core } from '../core/core';

/*
 * What a package preview names a record by, read after the merge (so a task that arrives in the
 * same package as its entries is found): an entry names its task and department, not only
 * "2025-Q1 推进中", which three entries of three tasks would all read.
 */

type Row = Record<string, unknown>;

/** A field as a clerk calls it. */
export const columnLabels: Record<string, string> = {
  title: '标题',
  text: '内容',
  number: '序号',
  name: '名称',
  deadline: '时限',
  status: '状态',
  percent: '完成百分比',
  progress_text: '进展情况',
  problems_text: '存在问题',
  next_steps_text: '下步打算',
  workflow_state: '审核状态',
  deleted: '删除',
  value: '数值',
  lead_department_ids: '牵头科室',
  office_id: '所属单位',
  department_id: '科室',
  review_comment: '审核意见',
  public_key: '公钥',
  label: '名称',
  period: '季度',
  task_id: '所属任务',
  plan_id: '所属计划',
  owner_id: '所属记录',
};

/** A table as a clerk calls it. */
export const tableLabels: Record<ReplicatedTable, string> = {
  offices: '单位',
  installations: '电脑',
  departments: '科室',
  units: '责任单位',
  plans: '计划',
  sections: '章节',
  tasks: '任务',
  indicators: '指标',
  progress_reports: '季度进展',
  indicator_values: '指标数值',
  attachments: '佐证材料',
  settings: '单位设置',
  metrics: '标准指标',
  metric_links: '指标对应',
};


const LABEL_COLUMNS: Partial<Record<ReplicatedTable, string[]>> = {
  offices: ['name'],
  departments: ['name'],
  units: ['name'],
  plans: ['title'],
  sections: ['title'],
  indicators: ['name'],
  metrics: ['name'],
};

const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

function read(core: Core, table: string, id: unknown): Row | undefined {
  return typeof id === 'string' ? (core.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined) : undefined;
}

/** `3. 推进慢病防控`; a number that carries its own mark (（三）, 3、) keeps it. */
export function taskText(number: unknown, title: unknown): string {
  const n = str(number).trim();
  const t = str(title).trim();
  if (!n) return t;
  return /^\d+$/.test(n) ? `${n}. ${t}` : `${n} ${t}`;
}

function taskOf(core: Core, id: unknown): string {
  const task = read(core, 'tasks', id);
  return task ? taskText(task.number, task.title) || '（未命名任务）' : '（任务尚未收到）';
}

const nameOf = (core: Core, table: string, id: unknown) => str(read(core, table, id)?.name);

export function recordLabel(core: Core, table: ReplicatedTable, id: string): string {
  const row = read(core, table, id);
  if (!row) return id.slice(0, 8);
  switch (table) {
    case 'tasks':
      return taskOf(core, id);
    case 'progress_reports': {
      const detail = [nameOf(core, 'departments', row.department_id), str(row.period), str(row.status)].filter(Boolean).join(' ');
      return `${taskOf(core, row.task_id)}${detail ? `（${detail}）` : ''}`;
    }
    case 'indicator_values': {
      const indicator = read(core, 'indicators', row.indicator_id);
      const unit = str(indicator?.unit);
      return `${str(indicator?.name) || '（指标尚未收到）'} ${str(row.period)}：${str(row.value)}${unit}`;
    }
    case 'attachments': {
      const owner = row.owner_table === 'progress_reports' ? read(core, 'progress_reports', row.owner_id) : undefined;
      return `${str(row.file_name)}${owner ? `（${taskOf(core, owner.task_id)}）` : ''}`;
    }
    default: {
      const columns = LABEL_COLUMNS[table];
      const text = columns?.map((c) => str(row[c])).filter(Boolean).join(' ');
      return text || id.slice(0, 8);
    }
  }
}
