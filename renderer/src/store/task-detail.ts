import type { CallResult } from '../../../shared/api';
import { coalesce } from './coalesce';
import type { Slice } from './types';

export type TaskDetail = CallResult<'progress.taskDetail'>;

export interface TaskDetailSlice {
  /** The task whose quarters are shown in the drawer. */
  readonly detailTaskId: string | null;
  readonly taskDetail: TaskDetail | null;
  openTaskDetail(taskId: string): Promise<void>;
  closeTaskDetail(): void;
  reloadTaskDetail(): Promise<void>;
}

export const createTaskDetailSlice: Slice<TaskDetailSlice> = ({ set, get, call }) => {
  const load = coalesce(async () => {
    const taskId = get().detailTaskId;
    if (!taskId) return;
    const outcome = await call('progress.taskDetail', { taskId });
    if (get().detailTaskId !== taskId) return;
    if (outcome.ok) set({ taskDetail: outcome.value });
    else set({ detailTaskId: null, taskDetail: null });
  });
  return {
    detailTaskId: null,
    taskDetail: null,
    openTaskDetail: async (taskId) => {
      set({ detailTaskId: taskId, taskDetail: null });
      await load();
    },
    closeTaskDetail: () => set({ detailTaskId: null, taskDetail: null }),
    reloadTaskDetail: load,
  };
};
