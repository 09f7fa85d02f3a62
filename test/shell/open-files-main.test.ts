import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, type LedgerEvent } from '../../shared/api';
import type * as Fake from './fake-electron';

/*
 * Double-clicked packages through the real shell entry, with `electron` faked: the first
 * instance's own command line, a second instance's, and macOS 'open-file'.
 */

vi.mock('electron', () => import('./fake-electron'));
const core = vi.hoisted(() => ({ start: vi.fn() }));
vi.mock('../../electron/core/client', () => ({ CoreClient: { start: core.start } }));

const exe = '/opt/目标台账/target-ledger';
const originalArgv = process.argv;
let dir = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-open-main-'));
  core.start.mockReset();
  core.start.mockResolvedValue({ openError: null, call: vi.fn(), onEvent: () => () => {}, close: vi.fn(async () => {}) });
});
afterEach(() => {
  process.argv = originalArgv;
  fs.rmSync(dir, { recursive: true, force: true });
});

function put(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Load the entry afresh; `beforeReady` runs while Electron is still starting (no window yet). */
async function boot(argv: string[], beforeReady: (electron: typeof Fake) => void = () => {}) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof Fake;
  electron.resetFake();
  process.argv = argv;
  const entry = await import('../../electron/main/index');
  beforeReady(electron);
  electron.app.becomeReady();
  await entry.started;
  const window = electron.recorded.windows[0];
  if (!window) throw new Error('no window');
  return { ...electron, window };
}

type OpenFiles = Extract<LedgerEvent, { type: 'open-files' }>;
function openedFiles(window: Fake.FakeBrowserWindow): [string, string][][] {
  return window.webContents.sent
    .filter((message) => message.channel === EVENT_CHANNEL && (message.payload as LedgerEvent).type === 'open-files')
    .map((message) => (message.payload as OpenFiles).files.map((f) => [f.fileName, Buffer.from(f.contentBase64, 'base64').toString()] as [string, string]));
}

describe('opening a double-clicked package', () => {
  it('hands the packages on the first command line to the page once it is shown, ignoring other arguments', async () => {
    const pkg = put('渝北区-下发-疾控科.tlpkg', '数据包字节');
    const { window, recorded } = await boot([exe, '--allow-file-access-from-files', pkg, path.join(dir, '说明.docx')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The page has not painted yet: it could not have subscribed, so nothing is sent.
    expect(openedFiles(window)).toEqual([]);

    window.emit('ready-to-show');
    await vi.waitFor(() => expect(openedFiles(window)).toEqual([[['渝北区-下发-疾控科.tlpkg', '数据包字节']]]));
    expect(window.shown && window.focused).toBe(true);
    expect(recorded.errorBoxes).toEqual([]);
    expect(core.start).toHaveBeenCalledTimes(1);
  });

  it('a second instance hands over its package (relative to its own folder) and the window comes forward', async () => {
    const { app, window, recorded, fakeEvent } = await boot([exe]);
    window.emit('ready-to-show');
    window.minimized = true;
    window.focused = false;
    put('上报.part1of2.tlpkg', '第一卷');
    put('上报.part2of2.tlpkg', '第二卷');

    app.emit('second-instance', fakeEvent(), [exe, '--flag', '上报.part2of2.tlpkg'], dir);
    // Focus does not wait for the files to be read.
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    await vi.waitFor(() =>
      expect(openedFiles(window)).toEqual([
        [
          ['上报.part1of2.tlpkg', '第一卷'],
          ['上报.part2of2.tlpkg', '第二卷'],
        ],
      ]),
    );
    expect(recorded.windows).toHaveLength(1);
    expect(recorded.quitCalls).toBe(0);
  });

  it('a second instance without a package only brings the window forward', async () => {
    const { app, window, fakeEvent } = await boot([exe]);
    window.emit('ready-to-show');
    window.focused = false;
    app.emit('second-instance', fakeEvent(), [exe, put('报表.xlsx', 'xlsx')], dir);
    expect(window.focused).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(openedFiles(window)).toEqual([]);
  });

  it('queues packages that arrive before the window exists', async () => {
    const early = put('早到.tlpkg', '早');
    const mac = put('访达.tlpkg', '苹果');
    let prevented = false;
    const { window } = await boot([exe], ({ app, fakeEvent }) => {
      app.emit('second-instance', fakeEvent(), [exe, early], '/');
      const event = fakeEvent();
      app.emit('open-file', event, mac);
      prevented = event.defaultPrevented;
    });
    expect(prevented).toBe(true);
    window.emit('ready-to-show');
    await vi.waitFor(() =>
      // One event, in name order (拼音: fang before zao).
      expect(openedFiles(window)).toEqual([
        [
          ['访达.tlpkg', '苹果'],
          ['早到.tlpkg', '早'],
        ],
      ]),
    );
  });

  it('a file too large or gone gives a Chinese notice instead of a crash, and the app keeps running', async () => {
    const huge = path.join(dir, '全量备份.tlpkg');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 500 * 1024 ** 2);
    const { app, window, recorded, fakeEvent } = await boot([exe]);
    window.emit('ready-to-show');
    app.emit('second-instance', fakeEvent(), [exe, huge, path.join(dir, '已删除.tlpkg')], dir);
    await vi.waitFor(() => expect(recorded.errorBoxes).toHaveLength(1));
    expect(recorded.errorBoxes[0]?.title).toBe('无法打开数据包');
    expect(recorded.errorBoxes[0]?.content).toContain('「全量备份.tlpkg」：文件共500 MB，超过一次可打开的300 MB');
    expect(recorded.errorBoxes[0]?.content).toContain('「已删除.tlpkg」：文件不存在');
    expect(openedFiles(window)).toEqual([]);
    expect(recorded.quitCalls).toBe(0);

    // Still working: the next package opens.
    app.emit('second-instance', fakeEvent(), [exe, put('正常.tlpkg', 'ok')], dir);
    await vi.waitFor(() => expect(openedFiles(window)).toEqual([[['正常.tlpkg', 'ok']]]));
  });
});
