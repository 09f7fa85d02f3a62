import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL, type ApiResult, type LedgerEvent } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import type * as Fake from './fake-electron';
import { fakeEvent } from './fake-electron';

/*
 * Each guard of the desktop shell, proven on the shell as the main entry wires it (with the
 * `electron` module faked): a violation is attempted and shown to be blocked.
 */
vi.mock('electron', () => import('./fake-electron'));

const core = vi.hoisted(() => ({ start: vi.fn() }));
vi.mock('../../electron/core/client', () => ({ CoreClient: { start: core.start } }));

/** The core stub: records every call that gets past the shell (none should, below). */
function recordingCore() {
  return {
    openError: null,
    calls: [] as unknown[][],
    async call(...args: unknown[]): Promise<ApiResult<unknown>> {
      this.calls.push(args);
      return { ok: true, value: null };
    },
    onEvent: (_listener: (event: LedgerEvent) => void) => () => {},
    close: async () => {},
  };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.unstubAllEnvs());

/** Start the real main entry on a fresh fake Electron; returns the fake and the core stub. */
async function boot() {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof Fake;
  electron.resetFake();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  const client = recordingCore();
  core.start.mockResolvedValue(client);
  const entry = await import('../../electron/main/index');
  electron.app.becomeReady();
  await entry.started;
  const window = electron.recorded.windows[0];
  if (!window) throw new Error('no window opened');
  // Electron announces every web contents it creates; the entry hardens them there.
  electron.app.emit('web-contents-created', fakeEvent(), window.webContents);
  const page = pathToFileURL(window.loadedFile ?? '').href;
  return { ...electron, client, window, page };
}

/* ------------------------------------------------------------------------------------------ */
/* A small reading of CSP: which sources a directive allows, with default-src as fallback.     */

type Policy = Map<string, string[]>;

function parsePolicy(policy: string): Policy {
  const directives: Policy = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

const FALLBACK: Record<string, string[]> = { 'frame-src': ['child-src', 'default-src'], 'child-src': ['default-src'] };

function sourcesFor(policy: Policy, directive: string): string[] {
  for (const name of [directive, ...(FALLBACK[directive] ?? ['default-src'])]) {
    const sources = policy.get(name);
    if (sources) return sources;
  }
  return ['*']; // no directive at all: anything goes
}

/** Would this policy let the page load `url` for `directive` (a remote origin, never 'self' here)? */
function allowsRemote(policy: Policy, directive: string, url: string): boolean {
  const target = new URL(url);
  return sourcesFor(policy, directive).some((source) => {
    if (source === '*' || source === target.protocol) return true;
    if (source.startsWith("'")) return false; // 'self', 'none', nonces: never a remote origin
    const host = new URL(source.includes('://') ? source.replace(/:\*$/, '') : `${target.protocol}//${source}`).hostname;
    return host.startsWith('*.') ? target.hostname.endsWith(host.slice(1)) : target.hostname === host;
  });
}

const allowsInlineScript = (policy: Policy) => sourcesFor(policy, 'script-src').includes("'unsafe-inline'");
const allowsEval = (policy: Policy) => sourcesFor(policy, 'script-src').includes("'unsafe-eval'");

const remote = {
  'script-src': ['https://cdn.example.com/lib.js', 'http://192.168.1.10/x.js'],
  'connect-src': ['https://api.example.com/upload', 'wss://example.com/socket', 'http://10.0.0.2:8080/'],
  'frame-src': ['https://example.com/', 'http://intranet.local/'],
  'object-src': ['https://example.com/x.swf'],
};

function expectStrict(policy: Policy) {
  for (const [directive, urls] of Object.entries(remote)) {
    for (const url of urls) expect(allowsRemote(policy, directive, url), `${directive} ${url}`).toBe(false);
  }
  expect(allowsInlineScript(policy)).toBe(false);
  expect(allowsEval(policy)).toBe(false);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
}

describe('CSP', () => {
  it('the reading of CSP used here does notice a weak policy (so the checks below can fail)', () => {
    const weak = parsePolicy("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.example.com; connect-src *; frame-src https:");
    expect(allowsRemote(weak, 'script-src', 'https://cdn.example.com/lib.js')).toBe(true);
    expect(allowsRemote(weak, 'connect-src', 'https://api.example.com/upload')).toBe(true);
    expect(allowsRemote(weak, 'frame-src', 'https://example.com/')).toBe(true);
    expect(allowsInlineScript(weak)).toBe(true);
    expect(allowsRemote(parsePolicy("script-src 'self'"), 'frame-src', 'https://example.com/')).toBe(true);
  });

  it('forbids remote script, connect, frame and object, inline script and eval', () => {
    expectStrict(parsePolicy(CONTENT_SECURITY_POLICY));
  });

  it("is what the page's meta tag says", () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expectStrict(parsePolicy(meta));
  });

  it('is the header the session puts on the page, replacing a lax one', async () => {
    const { session, page } = await boot();
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    session.defaultSession.headersReceived?.(
      { url: page, responseHeaders: { 'content-security-policy': ['default-src *'] } } as never,
      ((answer: typeof response) => (response = answer)) as never,
    );
    const headers = Object.entries(response?.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() === 'content-security-policy');
    expect(headers).toHaveLength(1);
    expectStrict(parsePolicy(headers[0]?.[1][0] ?? ''));
  });

  it('the session cancels every request to a remote or foreign URL', async () => {
    const { session, page } = await boot();
    const cancelled = (url: string) => {
      let answer: { cancel?: boolean } | undefined;
      session.defaultSession.beforeRequest?.({ url } as never, ((a: typeof answer) => (answer = a)) as never);
      return answer?.cancel;
    };
    for (const url of [...Object.values(remote).flat(), 'ftp://example.com/a', 'file:///etc/passwd', 'http://localhost:5173/']) {
      expect(cancelled(url), url).toBe(true);
    }
    expect(cancelled(page)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies every permission request and check, also from the app page', async () => {
    const { session, page } = await boot();
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } = session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'midi', 'hid', 'serial', 'pointerLock']) {
      const answers: boolean[] = [];
      permissionRequestHandler?.({} as never, permission as never, ((granted: boolean) => answers.push(granted)) as never, { requestingUrl: page } as never);
      expect(answers, permission).toEqual([false]);
      expect(permissionCheckHandler?.({} as never, permission as never, new URL(page).origin as never, { requestingUrl: page } as never), permission).toBe(false);
    }
    expect(devicePermissionHandler?.({ deviceType: 'usb', origin: page } as never)).toBe(false);
  });
});

describe('navigation', () => {
  it('keeps the window on the app page: navigation and redirects elsewhere are prevented', async () => {
    const { window, page } = await boot();
    for (const [event, url] of [
      ['will-navigate', 'https://example.com/'],
      ['will-navigate', 'file:///home/clerk/恶意.html'],
      ['will-navigate', 'data:text/html,<script>alert(1)</script>'],
      ['will-redirect', 'https://phish.example.com/login'],
    ] as const) {
      const attempt = fakeEvent({ url });
      window.webContents.emit(event, attempt);
      expect(attempt.defaultPrevented, `${event} ${url}`).toBe(true);
    }
    const stay = fakeEvent({ url: `${page}#/ledger` });
    window.webContents.emit('will-navigate', stay);
    expect(stay.defaultPrevented).toBe(false);
  });

  it('opens no new windows and attaches no webviews', async () => {
    const { window, page, recorded } = await boot();
    for (const url of ['https://example.com/', page, 'about:blank']) {
      expect(window.webContents.windowOpenHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    const attach = fakeEvent();
    window.webContents.emit('will-attach-webview', attach, { nodeIntegration: true }, { src: 'https://example.com/' });
    expect(attach.defaultPrevented).toBe(true);
    expect(recorded.windows).toHaveLength(1);
  });
});

describe('IPC', () => {
  type Sender = { url: string; parent: unknown } | null;
  type Invoke = (event: { senderFrame: Sender }, name: unknown, args: unknown) => Promise<ApiResult<unknown>>;

  /** The handler the entry registered on the invoke channel, and what reached the core stub. */
  async function bridge() {
    const { recorded, client, page } = await boot();
    const handler = recorded.handles.get(INVOKE_CHANNEL) as unknown as Invoke;
    const invoke = (sender: Sender, name: unknown, args: unknown) => handler({ senderFrame: sender }, name, args);
    return { invoke, calls: client.calls, fromPage: { url: page, parent: null }, page };
  }

  it('refuses a call from a foreign page or a subframe, before looking at the call', async () => {
    const { invoke, calls, page } = await bridge();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: '已拒绝：请求不是来自本程序的页面' } };
    for (const sender of [{ url: 'https://example.com/', parent: null }, { url: 'file:///tmp/evil.html', parent: null }, { url: page, parent: { url: page } }, null]) {
      expect(await invoke(sender, 'plans.delete', { id: '3f365e7e-635c-4c6e-8d36-470716cfce50' }), JSON.stringify(sender)).toEqual(forbidden);
      // A foreign sender learns nothing about which names exist.
      expect(await invoke(sender, 'system.exec', {})).toEqual(forbidden);
    }
    expect(calls).toEqual([]);
  });

  it('refuses an unknown call name from the app page', async () => {
    const { invoke, calls, fromPage } = await bridge();
    for (const name of ['system.exec', '__proto__', 42]) {
      expect(await invoke(fromPage, name, { command: 'rm -rf /' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL', message: `未知的操作：${name}` } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses bad arguments with a Chinese INVALID_ARGUMENT before they reach the core', async () => {
    const { invoke, calls, fromPage } = await bridge();
    for (const args of [{ id: 'not-a-uuid' }, { id: 42 }, 'plans', [1]]) {
      const result = await invoke(fromPage, 'plans.delete', args);
      expect(result.ok, JSON.stringify(args)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_ARGUMENT');
        expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(calls).toEqual([]);
  });

  it('lets a valid call from the app page through (so the refusals above are the guard at work)', async () => {
    const { invoke, calls, fromPage } = await bridge();
    expect(await invoke(fromPage, 'system.status', {})).toEqual({ ok: true, value: null });
    expect(calls).toEqual([['system.status', {}]]);
  });
});

describe('windows', () => {
  it('the main window is isolated, sandboxed, without Node, with web security, loading only the local page', async () => {
    const { window } = await boot();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(window.loadedUrl).toBeNull();
    expect(window.loadedFile).toMatch(/renderer[\\/]index\.html$/);
  });

  it('no caller can weaken a window: openSecureWindow restores every security switch', async () => {
    const { recorded } = await boot();
    const { openSecureWindow } = await import('../../electron/main/window');
    openSecureWindow({
      title: '打印',
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: false,
        sandbox: false,
        nodeIntegration: true,
        nodeIntegrationInSubFrames: true,
        webSecurity: false,
        allowRunningInsecureContent: true,
        experimentalFeatures: true,
        webviewTag: true,
        backgroundThrottling: false,
      },
    });
    const window = recorded.windows.at(-1) as Fake.FakeBrowserWindow;
    expect(window.options).toMatchObject({
      title: '打印',
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        backgroundThrottling: false,
      },
    });
  });
});
