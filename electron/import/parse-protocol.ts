import type { ApiError } from '../../shared/api/errors';
import type { ParseJobInput, ParseJobOutput } from './parse-job';

/** What the parse thread is started with (its workerData). */
export interface ParseWorkerRequest {
  readonly input: ParseJobInput;
}

/** What the parse thread posts back: progress any number of times, then one outcome. */
export type ParseWorkerMessage =
  | { readonly kind: 'progress'; readonly label: string; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly value: ParseJobOutput }
  | { readonly kind: 'refused'; readonly error: ApiError }
  | { readonly kind: 'failed'; readonly message: string; readonly stack: string };
