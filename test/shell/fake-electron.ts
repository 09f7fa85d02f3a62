import { EventEmitter } from 'node:events';

/*
 * A stand-in for the `electron` module (the binary is not available here). It records what the
 * shell asks of Electron so tests can assert on it. Use with:
 *   vi.mock('electron', () => import('./fake-electron'));
 */

type Handler = (...args: never[]) => unknown;

export interface Recorded {
  windows: FakeBrowserWindow[];
  handles: Map<string, Handler>;
  exposed: Map<string, unknown>;
  menuTemplate: unknown[] | null;
  errorBoxes: { title: string; content: string }[];
  quitCalls: number;
  singleInstanceLockRequests: number;
  sandboxEnabled: boolean;
}

export const recorded: Recorded = {
  windows: [],
  handles: new Map(),
  exposed: new Map(),
  menuTemplate: null,
  errorBoxes: [],
  quitCalls: 0,
  singleInstanceLockRequests: 0,
  sandboxEnabled: false,
};

/** A preventable event like Electron's. */
export function fakeEvent(extra: Record<string, unknown> = {}) {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true), ...extra };
  return event;
}

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  beforeRequest: Handler | null = null;
  headersReceived: Handler | null = null;
  webRequest = {
    onBeforeRequest: (listener: Handler) => (this.beforeRequest = listener),
    onHeadersReceived: (listener: Handler) => (this.headersReceived = listener),
  };
  setPermissionRequestHandler(handler: Handler) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler) {
    this.devicePermissionHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  shown = false;
  focused = false;
  minimized = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  loadFile(file: string) {
    this.loadedFile = file;
    return Promise.resolve();
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  isDestroyed() {
    return false;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = true;
  lockGranted = true;
  userData = '/home/clerk/.config/目标台账';
  private ready: () => void = () => {};
  private readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  reset() {
    this.removeAllListeners();
    this.isPackaged = true;
    this.lockGranted = true;
    this.readyPromise = new Promise<void>((resolve) => (this.ready = resolve));
  }
  enableSandbox() {
    recorded.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    recorded.singleInstanceLockRequests++;
    return this.lockGranted;
  }
  whenReady() {
    return this.readyPromise;
  }
  /** Tests call this to let startup continue past `app.whenReady()`. */
  becomeReady() {
    this.ready();
  }
  getPath(name: string) {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return this.userData;
  }
  getVersion() {
    return '0.1.0';
  }
  setAboutPanelOptions() {}
  quit() {
    recorded.quitCalls++;
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const ipcMain = {
  handle(channel: string, handler: Handler) {
    if (recorded.handles.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorded.handles.set(channel, handler);
  },
};
export const session = { defaultSession: new FakeSession() };
export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (menu: { template: unknown[] } | null) => (recorded.menuTemplate = menu?.template ?? null),
};
export const dialog = {
  showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content }),
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invocations: [] as unknown[][],
  invoke(...args: unknown[]) {
    ipcRenderer.invocations.push(args);
    return Promise.resolve({ ok: true, value: 'from-main' });
  },
});
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api),
};

/** Forget everything recorded and every listener, as if Electron had just started. */
export function resetFake(): void {
  recorded.windows.length = 0;
  recorded.handles.clear();
  recorded.exposed.clear();
  recorded.menuTemplate = null;
  recorded.errorBoxes.length = 0;
  recorded.quitCalls = 0;
  recorded.singleInstanceLockRequests = 0;
  recorded.sandboxEnabled = false;
  app.reset();
  session.defaultSession = new FakeSession();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
}
