import type { ApiResult, CallArgs, CallName, CallResult, LedgerApi, LedgerEvent } from '../../shared/api';
import { bodyTooLargeMessage, MAX_HTTP_BODY_BYTES } from '../../shared/api/http-limits';
import { replicatedTableNames } from '../../shared/schema/tables';

/**
 * The only module that knows how the renderer reaches the core: the Electron preload
 * (`window.ledger`) when present, otherwise HTTP to the browser host on the same origin.
 */

/**
 * Small requests outlive the page (an autosaved draft sent as the window closes). Browsers cap
 * keep-alive bodies at 64 KB and refuse larger ones outright, so only bodies surely under it
 * (UTF-8 needs at most 3 bytes per UTF-16 unit) ask for it; a full draft of three 5000-character
 * texts fits, evidence files are sent normally.
 */
const KEEPALIVE_MAX_BYTES = 63_000;

export const OFFLINE_MESSAGE = '无法连接到数据服务，请确认目标台账程序仍在运行，然后刷新页面';

type FetchLike = (input: string, init: { method: string; headers: Record<string, string>; body: string; keepalive: boolean }) => Promise<{
  readonly status: number;
  text(): Promise<string>;
}>;

interface EventSourceLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onopen: ((event: unknown) => void) | null;
  close(): void;
}

export interface HttpBridgeOptions {
  readonly token: string;
  /** Origin-relative by default: the host serves the page and the API together. */
  readonly baseUrl?: string;
  readonly fetch?: FetchLike;
  readonly createEventSource?: (url: string) => EventSourceLike;
}

function failure(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const record = value as { ok?: unknown; error?: unknown };
  if (record.ok === true) return 'value' in record;
  return record.ok === false && record.error !== null && typeof record.error === 'object';
}

function isLedgerEvent(value: unknown): value is LedgerEvent {
  if (value === null || typeof value !== 'object') return false;
  const type = (value as { type?: unknown }).type;
  if (type === 'changed') return Array.isArray((value as { tables?: unknown }).tables);
  return type === 'progress';
}

export function createHttpBridge(options: HttpBridgeOptions): LedgerApi {
  const base = options.baseUrl ?? '';
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const openStream = options.createEventSource ?? ((url: string) => new EventSource(url) as unknown as EventSourceLike);
  const listeners = new Set<(event: LedgerEvent) => void>();
  let source: EventSourceLike | null = null;

  const dispatch = (event: LedgerEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  function connect(): void {
    const stream = openStream(`${base}/api/events?token=${encodeURIComponent(options.token)}`);
    let lostConnection = false;
    stream.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      if (isLedgerEvent(parsed)) dispatch(parsed);
    };
    stream.onerror = () => {
      lostConnection = true;
    };
    stream.onopen = () => {
      // Changes made while the stream was down were missed: tell views to reload everything.
      if (lostConnection) dispatch({ type: 'changed', tables: replicatedTableNames });
      lostConnection = false;
    };
    source = stream;
  }

  return {
    async invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
      let status: number;
      let body: string;
      try {
        const payload = JSON.stringify({ name, args });
        // UTF-8 never has fewer bytes than UTF-16 units: a body this long would surely be refused
        // by the host, which cuts the upload short (the browser would see a lost connection).
        if (payload.length > MAX_HTTP_BODY_BYTES) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: bodyTooLargeMessage(payload.length) } };
        const response = await doFetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': options.token },
          body: payload,
          keepalive: payload.length * 3 < KEEPALIVE_MAX_BYTES,
        });
        status = response.status;
        body = await response.text();
      } catch {
        return failure(OFFLINE_MESSAGE);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return failure(`数据服务返回了无法识别的内容（HTTP ${status}），请刷新页面后重试`);
      }
      if (!isApiResult(parsed)) return failure(`数据服务返回了无法识别的内容（HTTP ${status}），请刷新页面后重试`);
      return parsed as ApiResult<CallResult<N>>;
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

/** A bridge that answers every call with the same error, when no transport can be found. */
export function createUnavailableBridge(message: string): LedgerApi {
  return {
    invoke: async () => failure(message),
    onEvent: () => () => {},
  };
}

export function readToken(doc: Document): string | null {
  const meta = doc.querySelector('meta[name="ledger-token"]');
  const token = meta?.getAttribute('content')?.trim();
  return token ? token : null;
}

/** Pick the transport once, at start. */
export function createBridge(win: Window = window): LedgerApi {
  if (win.ledger) return win.ledger;
  const token = readToken(win.document);
  if (!token) return createUnavailableBridge('未找到访问令牌：请使用目标台账程序启动时显示的地址打开本页面');
  return createHttpBridge({ token });
}
