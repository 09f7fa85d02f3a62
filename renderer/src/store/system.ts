import type { ApiError, CallArgs } from '../../../shared/api';
import type { SystemStatus } from '../../../shared/api/system';
import { defaultPeriodText } from '../quarterly/period';
import type { Outcome, Slice } from './types';

export interface SystemSlice {
  readonly status: SystemStatus | null;
  /** Set when the status could not be read at all (the app cannot start). */
  readonly statusError: ApiError | null;
  loadStatus(): Promise<void>;
  initialize(args: CallArgs<'system.init'>): Promise<Outcome<SystemStatus>>;
}

export const SETUP_FIELDS = ['officeName', 'officeCode', 'departmentName', 'pcRole'] as const;

export const createSystemSlice = (now: () => Date): Slice<SystemSlice> => ({ set, get, api, call }) => {
  /** 总览, 任务台账, 报表 (viewFilter), 季度填报 and 审核 (quarterPeriod) and 指标 (its year) start on one quarter. */
  const openOnDefaultPeriod = async () => {
    let plans;
    try {
      plans = await api.invoke('plans.list', {});
    } catch {
      return;
    }
    if (!plans.ok) return;
    const period = defaultPeriodText(now(), plans.value);
    set((state) => ({ plans: plans.value, quarterPeriod: period, viewFilter: { ...state.viewFilter, period }, indicatorYear: Number(period.slice(0, 4)) }));
  };
  /** The department chip follows this PC's own department: set when it is first known, moved when it is rebound. */
  const followOwnDepartment = (before: SystemStatus | null, after: SystemStatus) => {
    const own = after.installation?.departmentId ?? null;
    const previous = before?.installation?.departmentId ?? null;
    if (!own || own === previous) return;
    set((state) => {
      const chosen = state.viewFilter.departmentIds;
      const follows = chosen.length === 0 || (chosen.length === 1 && chosen[0] === previous);
      return follows ? { viewFilter: { ...state.viewFilter, departmentIds: [own] } } : {};
    });
  };
  return {
    status: null,
    statusError: null,
    loadStatus: async () => {
      const first = get().status === null;
      // Not through `call`: a failure here is shown as the start screen's error, not a toast.
      let result;
      try {
        result = await api.invoke('system.status', {});
      } catch {
        result = { ok: false as const, error: { code: 'INTERNAL' as const, message: '无法连接到数据服务' } };
      }
      if (!result.ok) {
        set({ statusError: result.error });
        return;
      }
      // On opening, before any page shows a quarter: the plans decide which (all plans may have ended).
      if (first && result.value.initialized) await openOnDefaultPeriod();
      // A department PC looks at its own part of shared tasks, as the office's view of that
      // department does (the other leads' reports never come to this PC).
      // It follows the PC when the office's 下发 binds it to the office's record of its department.
      followOwnDepartment(get().status, result.value);
      set({ status: result.value, statusError: null });
    },
    initialize: async (args) => {
      const outcome = await call('system.init', args, { fields: SETUP_FIELDS, success: '初始化完成，欢迎使用目标台账' });
      if (outcome.ok) {
        followOwnDepartment(get().status, outcome.value);
        set({ status: outcome.value, statusError: null, page: 'overview' });
      }
      return outcome;
    },
  };
};
