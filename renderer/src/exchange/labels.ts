import type { ConflictItem } from '../../../shared/api/sync';
import { packageKindLabels, type PackageKind } from '../../../shared/sync/manifest';

/** The export wizard's choices, in the words of who sends what to whom. */
export const exportKinds: readonly { kind: PackageKind; label: string; text: string }[] = [
  { kind: 'assignment', label: '下发给科室', text: '把本单位的计划、任务和指标发给一个科室，科室导入后即可填报。' },
  { kind: 'return', label: '上报给办公室', text: '把本科室的季度进展、指标数值和佐证材料报给办公室。' },
  { kind: 'full', label: '全量', text: '本单位的全部数据，报给上级单位，或留作备份。' },
  { kind: 'receipt', label: '回执', text: '告诉对方已经收到哪个数据包，对方下次只需发送新的变化。' },
];

/** 下发 / 上报 / 全量 / 回执 for a package kind; other record kinds (the Excel sheet) as they come. */
export function kindLabel(kind: string): string {
  if (kind === 'sheet') return 'Excel填报表';
  return packageKindLabels[kind as PackageKind] ?? kind;
}

/** The sender as one line: 单位 · 科室. */
export function senderText(officeName: string | null, departmentName: string | null): string {
  return [officeName, departmentName].filter(Boolean).join(' · ') || '未知单位';
}

/** The record a conflict concerns, as a noun for the explanation. */
function recordNoun(table: string): string {
  if (table === 'tasks') return '任务';
  if (table === 'progress_reports') return '季度进展';
  if (table === 'indicators') return '指标';
  if (table === 'indicator_values') return '指标数值';
  if (table === 'plans') return '计划';
  if (table === 'sections') return '章节';
  if (table === 'departments') return '科室';
  return '记录';
}

/** Who wrote a head, for the explanation: the office, or the clerk when it has none. */
const who = (head: ConflictItem['heads'][number] | undefined) => head?.officeName || head?.actor || '另一台电脑';

/** One sentence saying what happened, so the clerk knows what the two columns mean. */
export function conflictExplanation(item: ConflictItem): string {
  const noun = recordNoun(item.table);
  if (item.kind === 'delete-edit') {
    const deleter = item.heads.find((h) => h.value === true);
    const editor = item.heads.find((h) => h !== deleter);
    return `${who(deleter)}已删除该${noun}，而${editor ? who(editor) : '另一台电脑'}同时修改了它。保留删除，或恢复并保留修改。`;
  }
  if (item.kind === 'approval-edit') {
    const approver = item.heads.find((h) => h.value === 'approved') ?? item.heads[0];
    const editor = item.heads.find((h) => h !== approver);
    return `${who(approver)}已审核通过该${noun}，而${editor ? who(editor) : '填报科室'}在审核后又修改了它。请确认以哪一方为准。`;
  }
  const offices = [...new Set(item.heads.map((h) => who(h)))];
  return offices.length > 1
    ? `${offices.join('和')}分别修改了同一内容，改成了不同的值。请保留其中一个，或填写新值。`
    : '同一内容在两台电脑上被改成了不同的值。请保留其中一个，或填写新值。';
}
