import { contract, fail, isCallName, ok, type ApiResult, type CallName, type LedgerEvent } from '../../shared/api';
import { toApiError } from './app-error';
import { describeIssues } from './issues';
import type { Core } from './core';
import type { Handler, HandlerMap } from './handler';
import { handlers as defaultHandlers } from './handlers';

/** Calls that work before this PC has an identity. */
// backup.list and backup.restoreFile let a new PC start from another PC's exported backup.
const WITHOUT_IDENTITY = new Set<CallName>(['system.status', 'system.init', 'system.dump', 'backup.list', 'backup.restoreFile']);

export interface DispatchOptions {
  readonly handlers?: HandlerMap<CallName>;
  readonly onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The single entry point for every caller (Electron IPC, browser host, CLI, tests): checks the
 * name against the contract, validates the argument with its schema, runs the handler and wraps
 * the outcome as `{ok, value} | {ok: false, error}`.
 */
export function createDispatcher(core: Core, options: DispatchOptions = {}) {
  const handlerMap = options.handlers ?? defaultHandlers;
  return async function dispatch(name: unknown, rawArgs: unknown, emit: (event: LedgerEvent) => void = () => {}): Promise<ApiResult<unknown>> {
    if (!isCallName(name)) return fail('UNKNOWN_CALL', `未知的操作：${String(name).slice(0, 60)}`);
    const parsed = contract[name].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const { message, fields } = describeIssues(parsed.error);
      return fail('INVALID_ARGUMENT', message, fields);
    }
    if (!WITHOUT_IDENTITY.has(name) && !core.identity) return fail('NOT_INITIALIZED');
    const jobId = `${name}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 8)}`;
    const handler = handlerMap[name] as Handler<CallName>;
    try {
      const value = await handler(
        { core, progress: (label, done, total) => emit({ type: 'progress', call: name, jobId, label, done, total }) },
        parsed.data as never,
      );
      return ok(value);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'INTERNAL') options.onInternalError?.(name, error);
      return { ok: false, error: apiError };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
