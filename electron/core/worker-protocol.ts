import type { ApiError, ApiResult, LedgerEvent } from '../../shared/api';

export interface WorkerOptions {
  readonly dbPath: string;
}

export type ToWorker = { readonly kind: 'call'; readonly id: number; readonly name: string; readonly args: unknown } | { readonly kind: 'close' };

export type FromWorker =
  | { readonly kind: 'ready'; readonly error: ApiError | null }
  | { readonly kind: 'result'; readonly id: number; readonly result: ApiResult<unknown> }
  | { readonly kind: 'event'; readonly event: LedgerEvent }
  | { readonly kind: 'closed' };
