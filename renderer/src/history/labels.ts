import type { DirectoryEntry } from '../../../shared/api/directory';
import type { Section } from '../../../shared/api/plans';
import { planKindLabels, type PlanKind } from '../../../shared/domain/plan-kinds';
import { valueKindLabels, type ValueKind } from '../../../shared/domain/lights';
import { isPeriod, parsePeriod, periodLabel } from '../../../shared/domain/period';
import { workflowLabels, type WorkflowState } from '../../../shared/domain/progress-status';
import type { ReplicatedTable } from '../../../shared/schema/tables';

/** Column names as a clerk calls them, per table; `deleted` is common to all. */
const columnLabels: Partial<Record<ReplicatedTable, Record<string, string>>> = {
  offices: { name: '单位名称', code: '单位代码', level: '级别', parent_id: '上级单位' },
  departments: { name: '科室名称', aliases: '别名', sort_order: '排列顺序', office_id: '所属单位' },
  units: { name: '单位名称', aliases: '别名', sort_order: '排列顺序', office_id: '所属单位' },
  plans: {
    title: '计划标题',
    kind: '计划类型',
    year_from: '起始年份',
    year_to: '结束年份',
    doc_number: '文号',
    issuer: '印发单位',
    issued_on: '印发日期',
    source_name: '来源文件',
    source_hash: '来源文件校验码',
    office_id: '所属单位',
  },
  sections: { label: '章节序号', title: '章节标题', parent_id: '上级章节', plan_id: '所属计划', sort_order: '排列顺序' },
  tasks: {
    number: '序号',
    title: '任务名称',
    text: '任务内容',
    section_id: '所属章节',
    lead_department_ids: '牵头科室',
    responsible_units: '责任单位',
    deadline: '完成时限',
    due_date: '截止日期',
    due_from_year: '起始年份',
    due_to_year: '结束年份',
    group_name: '分组',
    milestones: '节点安排',
    carried_from_task_id: '延续自',
    plan_id: '所属计划',
    sort_order: '排列顺序',
  },
  progress_reports: {
    status: '状态',
    percent: '完成百分比',
    progress_text: '进展情况',
    problems_text: '存在问题',
    next_steps_text: '下步打算',
    workflow_state: '审核状态',
    review_comment: '审核意见',
    period: '季度',
    department_id: '科室',
    task_id: '任务',
  },
  indicators: {
    name: '指标名称',
    unit: '单位',
    value_kind: '指标类型',
    accumulation: '累计方式',
    pace: '序时进度',
    department_id: '填报科室',
  },
  indicator_values: { value: '数值', note: '说明', period: '期间' },
};

const commonLabels: Record<string, string> = { deleted: '删除', title: '标题', name: '名称' };

/** Fields in the order the forms show them (the order of the label lists above). */
export function compareColumns(table: string, a: string, b: string): number {
  const order = Object.keys(columnLabels[table as ReplicatedTable] ?? {});
  const rank = (column: string) => (column === 'deleted' ? 1000 : order.indexOf(column) === -1 ? 999 : order.indexOf(column));
  return rank(a) - rank(b);
}

export function columnLabel(table: string, column: string): string {
  return columnLabels[table as ReplicatedTable]?.[column] ?? commonLabels[column] ?? column;
}

/** Bookkeeping columns a clerk never edits directly: left out of the panel. */
const hiddenColumns = new Set(['office_id', 'plan_id', 'sort_order', 'source_hash', 'task_id', 'indicator_id', 'owner_id', 'owner_table']);

export function isShownColumn(column: string): boolean {
  return !hiddenColumns.has(column);
}

export interface ValueContext {
  readonly departments: readonly DirectoryEntry[] | null;
  readonly sections: readonly Section[] | null;
}

export const EMPTY_VALUE = '（空）';

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A logged value in words: names for ids, 、 between list items, 是/否 for flags. */
export function formatValue(table: string, column: string, value: unknown, context: ValueContext): string {
  if (column === 'deleted') return value === true ? '已删除' : '未删除';
  if (isEmpty(value)) return EMPTY_VALUE;
  if (column === 'lead_department_ids' && Array.isArray(value)) {
    const names = new Map((context.departments ?? []).map((d) => [d.id, d.name]));
    return value.map((id) => names.get(String(id)) ?? '已删除的科室').join('、');
  }
  if ((column === 'section_id' || (table === 'sections' && column === 'parent_id')) && typeof value === 'string') {
    const section = context.sections?.find((s) => s.id === value);
    return section ? [section.label, section.title].filter(Boolean).join(' ') : '已删除的章节';
  }
  if (column === 'department_id' && typeof value === 'string') {
    return (context.departments ?? []).find((d) => d.id === value)?.name ?? '已删除的科室';
  }
  if (table === 'progress_reports' && column === 'workflow_state' && typeof value === 'string') {
    return workflowLabels[value as WorkflowState] ?? value;
  }
  if (table === 'progress_reports' && column === 'period' && typeof value === 'string' && isPeriod(value)) {
    return periodLabel(parsePeriod(value));
  }
  if (table === 'progress_reports' && column === 'percent' && typeof value === 'number') return `${value}%`;
  if (table === 'indicators' && column === 'value_kind' && typeof value === 'string') {
    return valueKindLabels[value as ValueKind] ?? value;
  }
  if (table === 'indicators' && column === 'accumulation') return value === 'cumulative' ? '累计值' : value === 'point' ? '时点值' : String(value);
  if (table === 'plans' && column === 'kind' && typeof value === 'string') {
    return planKindLabels[value as PlanKind] ?? value;
  }
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
