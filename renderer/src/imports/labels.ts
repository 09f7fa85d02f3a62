import type { PlanChange } from './types';
import type { DraftTarget } from './types';

export const comparatorLabels: Record<DraftTarget['comparator'], string> = {
  '>=': '≥',
  '<=': '≤',
  '=': '=',
  '>': '>',
  '<': '<',
  between: '区间',
};

export const comparatorOrder: readonly DraftTarget['comparator'][] = ['>=', '<=', '=', '>', '<', 'between'];

export const valueKindLabels: Record<DraftTarget['valueKind'], string> = {
  proportion: '比例',
  rate: '比率',
  count: '数量',
  amount: '金额',
  growth: '增长率',
  other: '其他',
};

export const valueKindOrder: readonly DraftTarget['valueKind'][] = ['proportion', 'rate', 'count', 'amount', 'growth', 'other'];

export const changeKindLabels: Record<PlanChange['kind'], string> = {
  added: '新增',
  removed: '删除',
  reworded: '改写',
  owners: '牵头科室变化',
  moved: '移动',
};

export const formatLabels = { txt: '文本文件', docx: 'Word 文件', pdf: 'PDF 文件', xlsx: 'Excel 文件', paste: '粘贴的文字' } as const;

/** 38%, ≤0.30%, 1—3个: how a target reads in one line. */
export function targetSummary(target: Pick<DraftTarget, 'metric' | 'comparator' | 'value' | 'valueMax' | 'unit'>): string {
  const value =
    target.comparator === 'between' ? `${target.value}—${target.valueMax ?? '?'}${target.unit}` : `${comparatorLabels[target.comparator]}${target.value}${target.unit}`;
  return `${target.metric} ${value}`;
}

/** 1.2 MB, 356 KB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/** 100000000000 → 1000亿, 500000 → 50万: large target values as clerks write them. */
export function chineseMagnitude(value: number): string | null {
  const abs = Math.abs(value);
  const trim = (n: number) => String(Number(n.toFixed(4)));
  if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(value / 1e4)}万`;
  return null;
}
