import type { ApiError, ApiResult, CallArgs, CallName, CallResult, LedgerApi } from '../../../shared/api';
import type { Caller, CallOptions, LedgerState, Outcome } from './types';

/** Keep only the field messages the form can show, keyed by the top-level argument name. */
export function formFieldErrors(error: ApiError, fields: readonly string[] | undefined): Record<string, string> | null {
  if (!error.fields || !fields || fields.length === 0) return null;
  const picked: Record<string, string> = {};
  for (const [path, message] of Object.entries(error.fields)) {
    const top = path.split('.')[0] ?? path;
    if (fields.includes(top) && picked[top] === undefined) picked[top] = message;
  }
  return Object.keys(picked).length > 0 ? picked : null;
}

/**
 * Every call from the store goes through here: failures become a toast, or field errors for the
 * form that asked; a rejected promise (a broken transport) becomes an INTERNAL failure.
 */
export function createCaller(api: LedgerApi, get: () => LedgerState): Caller {
  return async <N extends CallName>(name: N, args: CallArgs<N>, options: CallOptions = {}): Promise<Outcome<CallResult<N>>> => {
    let result: ApiResult<CallResult<N>>;
    try {
      result = await api.invoke(name, args);
    } catch {
      result = { ok: false, error: { code: 'INTERNAL', message: '无法连接到数据服务，请稍后重试' } };
    }
    get().finishJobs(name);
    if (!result.ok) {
      const fields = formFieldErrors(result.error, options.fields);
      if (fields) return { ok: false, error: { ...result.error, fields } };
      get().pushToast('error', result.error.message);
      if (result.error.code === 'NOT_INITIALIZED') void get().loadStatus();
      const { fields: _ignored, ...rest } = result.error;
      return { ok: false, error: rest };
    }
    if (options.success) get().pushToast('success', options.success);
    return { ok: true, value: result.value };
  };
}
