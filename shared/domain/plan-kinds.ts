export const planKinds = [
  'work-points',
  'five-year-plan',
  'implementation-plan',
  'standards-list',
  'task-table',
  'other',
] as const;
export type PlanKind = (typeof planKinds)[number];

export const planKindLabels: Record<PlanKind, string> = {
  'work-points': '工作要点',
  'five-year-plan': '五年规划',
  'implementation-plan': '实施方案',
  'standards-list': '立项需求清单',
  'task-table': '任务清单',
  other: '其他',
};
