import type { ApiError, CallArgs } from '../../../shared/api';
import type { SystemStatus } from '../../../shared/api/system';
import type { Outcome, Slice } from './types';

export interface SystemSlice {
  readonly status: SystemStatus | null;
  /** Set when the status could not be read at all (the app cannot start). */
  readonly statusError: ApiError | null;
  loadStatus(): Promise<void>;
  initialize(args: CallArgs<'system.init'>): Promise<Outcome<SystemStatus>>;
}

export const SETUP_FIELDS = ['officeName', 'officeCode', 'departmentName'] as const;

export const createSystemSlice: Slice<SystemSlice> = ({ set, api, call }) => ({
  status: null,
  statusError: null,
  loadStatus: async () => {
    // Not through `call`: a failure here is shown as the start screen's error, not a toast.
    let result;
    try {
      result = await api.invoke('system.status', {});
    } catch {
      result = { ok: false as const, error: { code: 'INTERNAL' as const, message: '无法连接到数据服务' } };
    }
    if (result.ok) set({ status: result.value, statusError: null });
    else set({ statusError: result.error });
  },
  initialize: async (args) => {
    const outcome = await call('system.init', args, { fields: SETUP_FIELDS, success: '初始化完成，欢迎使用目标台账' });
    if (outcome.ok) set({ status: outcome.value, statusError: null, page: 'overview' });
    return outcome;
  },
});
