import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { contract, EVENT_CHANNEL, fail, INVOKE_CHANNEL, isCallName, type ApiResult, type CallName, type CallResult, type LedgerEvent, type ParsedArgs } from '../../shared/api';
import { describeIssues } from '../core/issues';
import { isAppPage, type AppLocation } from './location';

/** The part of CoreClient the bridge needs (a fake in tests). */
export interface CoreLink {
  call(name: unknown, args: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: LedgerEvent) => void): () => void;
}

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Calls the desktop shell answers itself (it has a browser and Explorer; the core has neither). */
export type ShellCallName = 'report.pdf' | 'report.reveal';
export type ShellCalls = { readonly [N in ShellCallName]: (args: ParsedArgs<N>) => Promise<ApiResult<CallResult<N>>> };

const SHELL_CALL_NAMES: ReadonlySet<CallName> = new Set<ShellCallName>(['report.pdf', 'report.reveal']);

function isShellCallName(name: CallName): name is ShellCallName {
  return SHELL_CALL_NAMES.has(name);
}

/** Only the top frame of the app's own page may call the core. */
export function isTrustedSender(event: Sender, location: AppLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppPage(frame.url, location);
}

/**
 * Checks a call at the process boundary before it reaches the database thread: sender, name
 * (the contract is the allow-list), argument schema. The core validates again; this layer
 * keeps junk from a compromised page out of the worker. Calls in `shellCalls` are answered here
 * once checked. Always resolves, never throws.
 */
export function createInvokeHandler(client: CoreLink, location: AppLocation, shellCalls?: ShellCalls) {
  return async function handleInvoke(event: Sender, name: unknown, args: unknown): Promise<ApiResult<unknown>> {
    try {
      if (!isTrustedSender(event, location)) return fail('FORBIDDEN');
      if (!isCallName(name)) return fail('UNKNOWN_CALL', `未知的操作：${String(name).slice(0, 60)}`);
      const parsed = contract[name].args.safeParse(args ?? {});
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error);
        return fail('INVALID_ARGUMENT', message, fields);
      }
      if (contract[name].shellOnly) return fail('FORBIDDEN', '已拒绝：该操作只能由桌面程序自身调用');
      if (shellCalls && isShellCallName(name)) return await shellCalls[name](parsed.data as never);
      return await client.call(name, args ?? {});
    } catch (error) {
      console.error('[ipc] call failed:', error);
      return fail('INTERNAL');
    }
  };
}

/** Register the single invoke channel. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, client: CoreLink, location: AppLocation, shellCalls?: ShellCalls): void {
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(client, location, shellCalls));
}

/** Push progress and change notices to the window that is open now (if any). */
export function forwardEvents(client: CoreLink, target: () => WebContents | null): () => void {
  return client.onEvent((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
