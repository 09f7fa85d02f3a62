import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiResult, CallArgs, CallName, CallResult, LedgerEvent } from '../../shared/api';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';

export interface TestCore {
  core: Core;
  events: LedgerEvent[];
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>>;
  raw(name: unknown, args: unknown): Promise<ApiResult<unknown>>;
  close(): void;
}

export function tempDir(prefix = 'tl-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An initialised core on a fresh database, driven through the same dispatcher as every bridge. */
export async function createTestCore(options: { file?: string; officeName?: string; departmentName?: string; init?: boolean; now?: () => number } = {}): Promise<TestCore> {
  const events: LedgerEvent[] = [];
  const file = options.file ?? path.join(tempDir(), 'ledger.sqlite');
  const core = Core.open(file, { emit: (event) => events.push(event), ...(options.now ? { now: options.now } : {}) });
  const dispatch = createDispatcher(core, { onInternalError: (name, error) => console.error(name, error) });
  const raw = (name: unknown, args: unknown) => dispatch(name, args, (event) => events.push(event));
  const call = async <N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> => {
    const result = await raw(name, args);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
    return result.value as CallResult<N>;
  };
  if (options.init !== false) {
    await call('system.init', { officeName: options.officeName ?? '渝北区卫生健康委', ...(options.departmentName ? { departmentName: options.departmentName } : {}) });
    await call('settings.update', { clerkName: '张三' });
  }
  return { core, events, call, raw, close: () => core.close() };
}

export function countRows(core: Core, table: string): number {
  return (core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}
