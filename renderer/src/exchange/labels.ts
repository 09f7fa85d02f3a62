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

type Head = ConflictItem['heads'][number];

/** Who wrote a change, for the explanation: this PC, a trusted department PC, or its office. */
export interface Authors {
  readonly ownInstallationId: string | null;
  readonly peers: readonly { installationId: string; officeName: string | null; departmentName: string | null }[];
}

/** The installation id inside an HLC (`<wall ms>-<counter>-<installation id>`). */
export function installationOf(hlc: string): string {
  return hlc.split('-').slice(2).join('-');
}

/** 本机, 疾控科, or the office's name: where the change was made. */
export function placeOf(head: Head, authors: Authors): string {
  const installation = installationOf(head.hlc);
  if (installation && installation === authors.ownInstallationId) return '本机';
  const peer = authors.peers.find((p) => p.installationId === installation);
  return peer?.departmentName ?? peer?.officeName ?? head.officeName ?? '另一台电脑';
}

/** The record's heading without the core's generic reason after the last ：. */
export function conflictHeading(title: string): string {
  const cut = title.lastIndexOf('：');
  return cut > title.lastIndexOf('”') ? title.slice(0, cut) : title;
}

/** Whether this head is the seal itself (the delete or the approval) rather than an edit. */
export function isSeal(item: ConflictItem, head: Head): boolean {
  if (item.kind === 'delete-edit') return head.value === true;
  if (item.kind === 'approval-edit') return head.value === 'approved';
  return false;
}

/** One sentence saying what happened, so the clerk knows what the columns mean. */
export function conflictExplanation(item: ConflictItem, authors: Authors): string {
  const noun = recordNoun(item.table);
  const places = (heads: readonly Head[]) => [...new Set(heads.map((h) => placeOf(h, authors)))].join('和') || '另一台电脑';
  const seals = item.heads.filter((h) => isSeal(item, h));
  const edits = item.heads.filter((h) => !isSeal(item, h));
  if (item.kind === 'delete-edit') {
    return `${places(seals)}已删除该${noun}，而${places(edits)}同时修改了它。保留删除，或保留修改（恢复该${noun}）。`;
  }
  if (item.kind === 'approval-edit') {
    return `${places(seals)}已审核通过该${noun}，而${places(edits)}在不知道已审核的情况下又修改了它。请确认以哪一方为准。`;
  }
  const where = [...new Set(item.heads.map((h) => placeOf(h, authors)))];
  return where.length > 1
    ? `${where.join('和')}分别修改了同一内容，改成了不同的值。请保留其中一个，或填写新值。`
    : '同一内容在两台电脑上被改成了不同的值。请保留其中一个，或填写新值。';
}
