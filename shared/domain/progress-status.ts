/** The statuses a department gives a task each quarter, as clerks write them. */
export const taskStatuses = ['未启动', '推进中', '已完成', '滞后', '暂缓', '长期坚持', '已办结'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Statuses that close a task: it no longer runs late and counts as 已完成 in every tally. */
export const doneStatuses: readonly TaskStatus[] = ['已完成', '已办结'];

export function isDoneStatus(status: string): boolean {
  return (doneStatuses as readonly string[]).includes(status);
}

/** draft → submitted (department) → approved or returned (office); approved entries are locked. */
export const workflowStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export type WorkflowState = (typeof workflowStates)[number];

export const workflowLabels: Record<WorkflowState, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
};

export const lightColors = ['green', 'yellow', 'red', 'grey'] as const;
export type LightColor = (typeof lightColors)[number];

export const lightLabels: Record<LightColor, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', grey: '灰灯' };

/** A traffic light with the one Chinese sentence that explains it. */
export interface Light {
  readonly color: LightColor;
  readonly reason: string;
}
