import type { ValueKind } from '../../../shared/domain/lights';

/** What the check of each kind refuses, shown in the kind editor. */
export const valueKindChecks: Record<ValueKind, string> = {
  proportion: '数值应在0到100之间（单位为‰时在0到1000之间），例如签约率、健康素养水平。',
  rate: '数值不能为负数，例如孕产妇死亡率（/10万）、婴儿死亡率（‰）。',
  count: '数值应为不小于0的整数，例如培训人次、建成机构数。',
  amount: '数值不能为负数，例如投入资金（万元）。',
  growth: '数值可以为负数（表示下降），例如门诊量增长率。',
  other: '不检查数值范围。',
};

export const accumulationLabels = {
  cumulative: '累计值：逐季累加，按序时进度判断（如全年培训3万人次，二季度末应达到一半）',
  point: '时点值：每期的当期水平，直接与目标比较（如婴儿死亡率、签约率）',
} as const;
