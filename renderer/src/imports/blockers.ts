import type { ApiError } from '../../../shared/api';
import type { OwnerRow } from './owners';
import { unresolvedOwners } from './owners';
import type { ReviewDraft } from './types';

export type ImportMode = 'new' | 'update' | 'revision';

export interface ChangesState {
  /** The draft version the changes were computed for; older than the draft means stale. */
  readonly draftVersion: number;
}

const taskName = (draft: ReviewDraft, index: number) => {
  const task = draft.tasks[index];
  return task?.number ? `第${task.number}项任务` : `第${index + 1}条任务`;
};

/** Why the plan cannot be saved yet, each in a sentence a clerk can act on. */
export function saveBlockers(
  draft: ReviewDraft,
  owners: readonly OwnerRow[],
  options: { existing: boolean; mode: ImportMode | null; changes: ChangesState | null; draftVersion: number },
): string[] {
  const out: string[] = [];
  if (draft.title.trim() === '') out.push('请填写计划标题。');
  const untitled = draft.tasks.map((t, i) => (t.title.trim() === '' ? i : -1)).filter((i) => i >= 0);
  if (untitled.length > 0) out.push(`${untitled.slice(0, 3).map((i) => taskName(draft, i)).join('、')}${untitled.length > 3 ? `等 ${untitled.length} 项` : ''}没有任务名称，请填写。`);
  if (draft.targets.some((t) => t.metric.trim() === '')) out.push('有指标没有填写指标名称，请填写或删除该指标。');
  if (draft.yearFrom !== null && draft.yearTo !== null && draft.yearFrom > draft.yearTo) out.push('起始年份不能晚于结束年份。');
  const unknown = unresolvedOwners(owners);
  if (unknown.length > 0) {
    out.push(`还有 ${unknown.length} 个牵头科室名称没有对应到本单位的科室（${unknown.slice(0, 4).join('、')}${unknown.length > 4 ? '等' : ''}）：请在“科室对应”中选择“对应到已有科室”或“新建科室”。`);
  }
  if (options.existing && options.mode === null) out.push('请先选择：作为修订版与已有计划比较，或作为新计划导入。');
  if (options.mode === 'revision') {
    if (!options.changes) out.push('请先完成与已有计划的比较，再保存。');
    else if (options.changes.draftVersion !== options.draftVersion) out.push('比较之后又修改了任务，请点“重新比较”，核对修订内容后再保存。');
  }
  return out;
}

const FIELD_NAMES: Record<string, string> = {
  title: '名称',
  number: '序号',
  text: '任务内容',
  leadDepartments: '牵头科室',
  responsibleUnits: '责任单位',
  group: '分组',
  deadline: '完成时限',
  metric: '指标名称',
  value: '目标值',
  valueMax: '目标上限',
  unit: '单位',
  targetYear: '目标年份',
};

/** A save failure in the clerk's words, naming the task or target when the core points at one. */
export function describeSaveError(error: ApiError, draft: ReviewDraft): string {
  const first = error.fields ? Object.entries(error.fields)[0] : undefined;
  if (!first) return error.message;
  const [path, message] = first;
  const parts = path.split('.');
  if (parts[0] === 'draft' && parts[1] === 'tasks' && parts[2] !== undefined) {
    return `${taskName(draft, Number(parts[2]))}：${message}`;
  }
  if (parts[0] === 'draft' && parts[1] === 'targets' && parts[2] !== undefined) {
    const target = draft.targets[Number(parts[2])];
    return `指标“${target?.metric || Number(parts[2]) + 1}”${parts[3] && FIELD_NAMES[parts[3]] ? `的${FIELD_NAMES[parts[3]]}` : ''}：${message}`;
  }
  return message;
}
