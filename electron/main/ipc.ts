import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { contract, EVENT_CHANNEL, fail, INVOKE_CHANNEL, isCallName, type ApiResult, type LedgerEvent } from '../../shared/api';
import { describeIssues } from '../core/issues';
import { isAppPage, type AppLocation } from './location';

/** The part of CoreClient the bridge needs (a fake in tests). */
export interface CoreLink {
  call(name: unknown, args: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: LedgerEvent) => void): () => void;
}

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Only the top frame of the app's own page may call the core. */
export function isTrustedSender(event: Sender, location: AppLocation): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppPage(frame.url, location);
}

/**
 * Checks a call at the process boundary before it reaches the database thread: sender, name
 * (the contract is the allow-list), argument schema. The core validates again; this layer
 * keeps junk from a compromised page out of the worker. Always resolves, never throws.
 */
export function createInvokeHandler(client: CoreLink, location: AppLocation) {
  return async function handleInvoke(event: Sender, name: unknown, args: unknown): Promise<ApiResult<unknown>> {
    try {
      if (!isTrustedSender(event, location)) return fail('FORBIDDEN');
      if (!isCallName(name)) return fail('UNKNOWN_CALL', `未知的操作：${String(name).slice(0, 60)}`);
      const parsed = contract[name].args.safeParse(args ?? {});
      if (!parsed.success) {
        const { message, fields } = describeIssues(parsed.error);
        return fail('INVALID_ARGUMENT', message, fields);
      }
      return await client.call(name, args ?? {});
    } catch (error) {
      console.error('[ipc] call failed:', error);
      return fail('INTERNAL');
    }
  };
}

/** Register the single invoke channel. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, client: CoreLink, location: AppLocation): void {
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(client, location));
}

/** Push progress and change notices to the window that is open now (if any). */
export function forwardEvents(client: CoreLink, target: () => WebContents | null): () => void {
  return client.onEvent((event) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
  });
}
