import type { PlanDetail } from '../../../shared/api/plans';
import type { SheetTask } from '../../../shared/api/progress';
import { leadDepartments, taskProgress, yearEndPeriod, type TaskProgress } from '../plans/carry-over';
import { quietInvoke } from './invoke';
import type { Outcome, Slice } from './types';

export interface YearEndSlice {
  /** What each task of the plan reached by the year end, read from every lead department's sheet. */
  planTaskProgress(detail: PlanDetail): Promise<Map<string, TaskProgress>>;
  carryOverTasks(fromPlanId: string, toPlanId: string | null, taskIds: readonly string[]): Promise<Outcome<{ planId: string; carried: number }>>;
}

export const createYearEndSlice = (now: () => Date): Slice<YearEndSlice> => ({ get, api, call }) => {
  const invoke = quietInvoke(api);
  return {
    planTaskProgress: async (detail) => {
      const period = yearEndPeriod(detail.plan, now());
      const sheets: { tasks: SheetTask[] }[] = [];
      for (const departmentId of leadDepartments(detail)) {
        const result = await invoke('progress.sheet', { period, departmentId });
        // A deleted department has no sheet: its tasks count as unreported.
        if (result.ok) sheets.push({ tasks: result.value.tasks.filter((t) => t.planId === detail.plan.id) });
      }
      return taskProgress(detail, sheets);
    },
    carryOverTasks: async (fromPlanId, toPlanId, taskIds) => {
      const outcome = await call('plans.carryOver', { fromPlanId, toPlanId, taskIds: [...taskIds] });
      if (outcome.ok) {
        get().pushToast('success', `已结转 ${outcome.value.carried} 项未完成任务`);
        void get().loadPlans();
      }
      return outcome;
    },
  };
};
