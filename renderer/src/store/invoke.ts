import type { ApiError, ApiResult, CallArgs, CallName, CallResult, LedgerApi } from '../../../shared/api';

export const BROKEN_TRANSPORT = '无法连接到数据服务，请确认目标台账程序仍在运行后重试';

/** A call whose failure the page shows itself (next to a field, on the page): no toast, a broken transport becomes INTERNAL. */
export function quietInvoke(api: LedgerApi) {
  return async <N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> => {
    try {
      return await api.invoke(name, args);
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: BROKEN_TRANSPORT } as ApiError };
    }
  };
}
