import type { ApiResult, CallArgs, CallName, CallResult, LedgerApi, LedgerEvent } from '../../shared/api';
import { createTestCore, type TestCore } from '../helpers/core';

/**
 * The real core behind the renderer's LedgerApi, for component tests of views whose worth lies
 * in the numbers (ledger, dashboard, comparison): the UI sees exactly what the core computes.
 */
export interface CoreApi extends LedgerApi {
  readonly test: TestCore;
  /** Every call the UI made, in order, with its arguments. */
  readonly calls: { name: CallName; args: unknown }[];
  callsNamed<N extends CallName>(name: N): CallArgs<N>[];
  close(): void;
}

export async function createCoreApi(options: Parameters<typeof createTestCore>[0] = {}): Promise<CoreApi> {
  const test = await createTestCore(options);
  const listeners = new Set<(event: LedgerEvent) => void>();
  const calls: { name: CallName; args: unknown }[] = [];
  let seen = test.events.length;
  const flushEvents = () => {
    const fresh = test.events.slice(seen);
    seen = test.events.length;
    for (const event of fresh) for (const listener of listeners) listener(event);
  };
  return {
    test,
    calls,
    callsNamed: <N extends CallName>(name: N) => calls.filter((c) => c.name === name).map((c) => c.args as CallArgs<N>),
    async invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
      calls.push({ name, args });
      const result = (await test.raw(name, args)) as ApiResult<CallResult<N>>;
      flushEvents();
      return result;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => test.close(),
  };
}
