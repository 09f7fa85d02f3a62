import type { z } from 'zod';
import type { ErrorCode } from './errors';

/** One call of the contract: validated argument, validated result, the errors it may return. */
export interface CallSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
  readonly errors: readonly ErrorCode[];
  /** Shown in the CLI help and the README; Chinese because clerks read it. */
  readonly summary: string;
  /** A long job reports progress events while it runs. */
  readonly longJob?: boolean;
  /** Made only by the desktop shell itself; a page (IPC or the browser host) is refused. */
  readonly shellOnly?: boolean;
}

export function defineCall<A extends z.ZodType, R extends z.ZodType>(spec: CallSpec<A, R>): CallSpec<A, R> {
  return spec;
}
