import { describe, expect, it, vi } from 'vitest';
import type { LedgerApi, LedgerEvent } from '../../shared/api';
import { createBridge, createHttpBridge, OFFLINE_MESSAGE, readToken } from '../../renderer/src/bridge';

function okResponse(body: unknown, status = 200) {
  return { status, text: async () => JSON.stringify(body) };
}

class FakeEventSource {
  static last: FakeEventSource | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onopen: ((event: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  close() {
    this.closed = true;
  }
}

describe('HTTP bridge', () => {
  it('POSTs {name, args} to /api/invoke with the token header and returns the ApiResult', async () => {
    const fetch = vi.fn(async () => okResponse({ ok: true, value: [] }));
    const bridge = createHttpBridge({ token: 'secret-token', fetch });
    const result = await bridge.invoke('departments.list', {});
    expect(result).toEqual({ ok: true, value: [] });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, { method: string; headers: Record<string, string>; body: string }];
    expect(url).toBe('/api/invoke');
    expect(init.method).toBe('POST');
    expect(init.headers['X-Ledger-Token']).toBe('secret-token');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ name: 'departments.list', args: {} });
    // Small calls (an autosaved draft as the window closes) outlive the page.
    expect((init as unknown as { keepalive: boolean }).keepalive).toBe(true);
  });

  it('does not ask keep-alive for a body that could pass the browsers’ 64 KB cap', async () => {
    const fetch = vi.fn(async () => okResponse({ ok: true, value: { id: 'x' } }));
    const bridge = createHttpBridge({ token: 't', fetch });
    const draft = { status: '推进中' as const, progressText: '进'.repeat(5000), problemsText: '问'.repeat(5000), nextStepsText: '打'.repeat(5000) };
    const key = { taskId: '00000000-0000-4000-8000-000000000001', departmentId: '00000000-0000-4000-8000-000000000002', period: '2025-Q1' };
    await bridge.invoke('progress.saveDraft', { ...key, fields: draft });
    await bridge.invoke('attachments.add', { ...key, fileName: 'a.pdf', contentBase64: 'A'.repeat(100_000) });
    const keepalive = fetch.mock.calls.map((call) => (call as unknown as [string, { keepalive: boolean; body: string }])[1]);
    expect(new TextEncoder().encode(keepalive[0]!.body).length).toBeLessThan(64 * 1024);
    expect(keepalive.map((init) => init.keepalive)).toEqual([true, false]);
  });

  it('passes a failure result through unchanged, even with an HTTP error status', async () => {
    const failure = { ok: false, error: { code: 'INVALID_ARGUMENT', message: '访问令牌无效' } };
    const bridge = createHttpBridge({ token: 't', fetch: async () => okResponse(failure, 403) });
    expect(await bridge.invoke('system.status', {})).toEqual(failure);
  });

  it('turns a network failure into a Chinese INTERNAL error instead of throwing', async () => {
    const bridge = createHttpBridge({
      token: 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const result = await bridge.invoke('system.status', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toBe(OFFLINE_MESSAGE);
    expect(result.error.message.startsWith('无法连接到数据服务')).toBe(true);
  });

  it('turns a body that is not an ApiResult into a Chinese INTERNAL error', async () => {
    const bridge = createHttpBridge({ token: 't', fetch: async () => ({ status: 502, text: async () => '<html>Bad Gateway</html>' }) });
    const result = await bridge.invoke('system.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain('HTTP 502');
  });

  it('listens on /api/events with the token and delivers each message as a LedgerEvent', () => {
    const bridge = createHttpBridge({ token: 'a b', fetch: vi.fn(), createEventSource: (url) => new FakeEventSource(url) });
    const events: LedgerEvent[] = [];
    const stop = bridge.onEvent((event) => events.push(event));
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/api/events?token=a%20b');

    const progress: LedgerEvent = { type: 'progress', call: 'system.generate', jobId: 'j1', label: '正在生成演示数据', done: 3, total: 10 };
    source.onmessage!({ data: JSON.stringify(progress) });
    source.onmessage!({ data: 'not json' });
    source.onmessage!({ data: JSON.stringify({ type: 'changed', tables: ['tasks'] }) });
    expect(events).toEqual([progress, { type: 'changed', tables: ['tasks'] }]);

    // After the stream drops and comes back, views reload everything they may have missed.
    source.onerror!({});
    source.onopen!({});
    const last = events[events.length - 1]!;
    expect(last.type).toBe('changed');
    if (last.type === 'changed') expect(last.tables).toContain('tasks');

    stop();
    expect(source.closed).toBe(true);
  });
});

describe('HTTP bridge request size (issue 14, finding 11)', () => {
  it('refuses a call larger than the host takes before sending it, in Chinese', async () => {
    const fetch = vi.fn(async () => okResponse({ ok: true, value: null }));
    const bridge = createHttpBridge({ token: 't', fetch });
    // An 80 MB package read as base64: 110 M characters, over the host's 100 MB.
    const result = await bridge.invoke('sync.preview', { files: [{ fileName: '下发.tlpkg', contentBase64: 'A'.repeat(110_000_000) }] });
    expect(fetch).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (!result.ok) expect(result.error.message).toMatch(/^要发送的内容共 105 MB，超过浏览器版一次 100 MB 的上限，未作任何改动/);
    // A large but legitimate call (a 50 MB document) is sent.
    await bridge.invoke('imports.parse', { fileName: '工作要点.docx', contentBase64: 'A'.repeat(70_000_000) });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('transport choice', () => {
  it('uses window.ledger when the Electron preload provides it', async () => {
    const preload: LedgerApi = { invoke: vi.fn(async () => ({ ok: true, value: null })) as never, onEvent: () => () => {} };
    const win = { ledger: preload, document } as unknown as Window;
    expect(createBridge(win)).toBe(preload);
  });

  it('otherwise reads the token from <meta name="ledger-token"> and talks HTTP', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    const meta = doc.createElement('meta');
    meta.setAttribute('name', 'ledger-token');
    meta.setAttribute('content', 'tok123');
    doc.head.appendChild(meta);
    expect(readToken(doc)).toBe('tok123');

    const fetch = vi.fn(async () => okResponse({ ok: true, value: 1 }));
    vi.stubGlobal('fetch', fetch);
    try {
      const bridge = createBridge({ document: doc } as unknown as Window);
      await bridge.invoke('system.status', {});
      const init = (fetch.mock.calls[0] as unknown as [string, { headers: Record<string, string> }])[1];
      expect(init.headers['X-Ledger-Token']).toBe('tok123');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('without preload or token, every call fails with a Chinese explanation', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    const bridge = createBridge({ document: doc } as unknown as Window);
    const result = await bridge.invoke('system.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!result.ok) expect(result.error.message).toContain('访问令牌');
  });
});
