import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError, LedgerEvent } from '../../shared/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/api';
import type * as Fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/** The database worker is replaced: the entry's job is wiring, not the database. */
const core = vi.hoisted(() => ({ start: vi.fn() }));
vi.mock('../../electron/core/client', () => ({ CoreClient: { start: core.start } }));

function fakeClient(openError: ApiError | null = null) {
  const listeners = new Set<(event: LedgerEvent) => void>();
  let finishClose: () => void = () => {};
  return {
    openError,
    call: vi.fn(async () => ({ ok: true, value: null })),
    onEvent: (listener: (event: LedgerEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: LedgerEvent) => listeners.forEach((listener) => listener(event)),
    close: vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve))),
    finishClose: () => finishClose(),
  };
}

interface BootOptions {
  argv?: string[];
  lockGranted?: boolean;
  packaged?: boolean;
  rendererUrl?: string;
  client?: ReturnType<typeof fakeClient> | Error;
}

const originalArgv = process.argv;
beforeEach(() => {
  core.start.mockReset();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  process.argv = originalArgv;
  vi.unstubAllEnvs();
});

/** Load the entry afresh (new fake Electron, new state) and let startup run to the end. */
async function boot(options: BootOptions = {}) {
  vi.resetModules();
  // The entry gets the fake through the 'electron' mock; take the very same instance.
  const electron = (await import('electron')) as unknown as typeof Fake;
  electron.resetFake();
  electron.app.lockGranted = options.lockGranted ?? true;
  electron.app.isPackaged = options.packaged ?? true;
  vi.stubEnv('ELECTRON_RENDERER_URL', options.rendererUrl ?? '');
  const client = options.client ?? fakeClient();
  core.start.mockImplementation(async () => {
    if (client instanceof Error) throw client;
    return client;
  });
  process.argv = options.argv ?? ['/opt/目标台账/target-ledger'];
  const entry = await import('../../electron/main/index');
  electron.app.becomeReady();
  await entry.started;
  return { ...electron, client };
}

describe('startup', () => {
  it('starts the core on the default database, then opens one hardened window with one IPC channel', async () => {
    const { recorded, app, session, client } = await boot();
    expect(recorded.sandboxEnabled).toBe(true);
    expect(recorded.singleInstanceLockRequests).toBe(1);
    expect(core.start).toHaveBeenCalledWith({ dbPath: path.join(app.userData, 'ledger.sqlite') });
    expect([...recorded.handles.keys()]).toEqual([INVOKE_CHANNEL]);
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.windows[0]?.options.webPreferences?.['preload']).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(recorded.windows[0]?.loadedFile).toMatch(/[\\/]renderer[\\/]index\.html$/);
    expect(recorded.menuTemplate).not.toBeNull();
    expect(session.defaultSession.beforeRequest).not.toBeNull();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(recorded.errorBoxes).toEqual([]);
    expect(recorded.quitCalls).toBe(0);

    const event: LedgerEvent = { type: 'changed', tables: ['plans'] };
    (client as ReturnType<typeof fakeClient>).emit(event);
    expect(recorded.windows[0]?.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, payload: event }]);
  });

  it('hardens every web contents Electron creates', async () => {
    const { app, FakeWebContents, fakeEvent } = await boot();
    const contents = new FakeWebContents();
    app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('uses the database given with --db', async () => {
    await boot({ argv: ['/opt/目标台账/target-ledger', '--db', '/data/测试.sqlite'] });
    expect(core.start).toHaveBeenCalledWith({ dbPath: '/data/测试.sqlite' });
  });

  it('quits at once when another instance holds the lock, without touching the database', async () => {
    const { recorded } = await boot({ lockGranted: false });
    expect(recorded.quitCalls).toBe(1);
    expect(core.start).not.toHaveBeenCalled();
    expect(recorded.windows).toHaveLength(0);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    const { app, recorded, fakeEvent } = await boot();
    const window = recorded.windows[0];
    if (!window) throw new Error('no window');
    window.minimized = true;
    app.emit('second-instance', fakeEvent(), ['/opt/目标台账/target-ledger', '包.pkg'], '/home/clerk');
    expect(window.minimized).toBe(false);
    expect(window.shown && window.focused).toBe(true);
    expect(recorded.windows).toHaveLength(1);
  });
});

describe('startup failures', () => {
  it('shows the core open error in Chinese and quits without a window', async () => {
    const openError: ApiError = { code: 'DATABASE_NEWER', message: '数据库由更新版本的目标台账创建，请升级本软件后再打开' };
    const { recorded } = await boot({ client: fakeClient(openError) });
    expect(recorded.errorBoxes).toHaveLength(1);
    expect(recorded.errorBoxes[0]?.title).toBe('目标台账无法启动');
    expect(recorded.errorBoxes[0]?.content).toContain(openError.message);
    expect(recorded.errorBoxes[0]?.content).toContain('ledger.sqlite');
    expect(recorded.quitCalls).toBe(1);
    expect(recorded.windows).toHaveLength(0);
    expect(recorded.handles.size).toBe(0);
  });

  it('opens the window on a damaged database, so its start screen can offer the backups', async () => {
    const openError: ApiError = { code: 'CORRUPT', message: '数据库文件已损坏' };
    const { recorded } = await boot({ client: fakeClient(openError) });
    expect(recorded.errorBoxes).toEqual([]);
    expect(recorded.quitCalls).toBe(0);
    expect(recorded.windows).toHaveLength(1);
    expect([...recorded.handles.keys()]).toEqual([INVOKE_CHANNEL]);
  });

  it('reports a worker that cannot start', async () => {
    const { recorded } = await boot({ client: new Error('Cannot find module worker.js') });
    expect(recorded.errorBoxes[0]?.content).toMatch(/^数据库线程无法启动：Cannot find module worker\.js/);
    expect(recorded.quitCalls).toBe(1);
    expect(recorded.windows).toHaveLength(0);
  });

  it('refuses a --db without a path instead of opening the default database', async () => {
    const { recorded } = await boot({ argv: ['/opt/目标台账/target-ledger', '--db'] });
    expect(core.start).not.toHaveBeenCalled();
    expect(recorded.errorBoxes[0]?.content).toMatch(/--db/);
    expect(recorded.quitCalls).toBe(1);
  });
});

describe('quitting', () => {
  it('holds the quit until the database is closed, closing it once', async () => {
    const { app, recorded, client, fakeEvent } = await boot();
    const fake = client as ReturnType<typeof fakeClient>;
    const first = fakeEvent();
    app.emit('will-quit', first);
    const second = fakeEvent();
    app.emit('will-quit', second);
    expect(first.defaultPrevented && second.defaultPrevented).toBe(true);
    expect(fake.close).toHaveBeenCalledTimes(1);
    expect(recorded.quitCalls).toBe(0);

    fake.finishClose();
    await vi.waitFor(() => expect(recorded.quitCalls).toBe(1));
    const last = fakeEvent();
    app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('quits when the window is closed', async () => {
    const { app, recorded } = await boot();
    app.emit('window-all-closed');
    expect(recorded.quitCalls).toBe(1);
  });
});

describe('development', () => {
  it('loads the electron-vite dev server when not packaged', async () => {
    const { recorded } = await boot({ packaged: false, rendererUrl: 'http://localhost:5173' });
    expect(recorded.windows[0]?.loadedUrl).toBe('http://localhost:5173/');
  });

  it('ignores a non-loopback renderer URL, and any renderer URL in a packaged app', async () => {
    const remote = await boot({ packaged: false, rendererUrl: 'https://example.com/' });
    expect(remote.recorded.windows[0]?.loadedFile).toMatch(/index\.html$/);
    expect(remote.recorded.windows[0]?.loadedUrl).toBeNull();
    const packaged = await boot({ packaged: true, rendererUrl: 'http://localhost:5173' });
    expect(packaged.recorded.windows[0]?.loadedUrl).toBeNull();
  });
});
