import type { CallName, CallResult, ParsedArgs } from '../../shared/api';
import type { Core } from './core';

export interface HandlerContext {
  readonly core: Core;
  /** Report progress of a long job; the event reaches the UI while the job still runs. */
  progress(label: string, done: number, total: number): void;
}

export type Handler<N extends CallName> = (ctx: HandlerContext, args: ParsedArgs<N>) => CallResult<N> | Promise<CallResult<N>>;

export type HandlerMap<N extends CallName> = { readonly [K in N]: Handler<K> };
