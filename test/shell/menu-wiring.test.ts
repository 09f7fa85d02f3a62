import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, type LedgerEvent } from '../../shared/api';
import type * as Fake from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

/** The database worker is replaced: this file checks how the entry wires the menu to the window. */
const core = vi.hoisted(() => ({ start: vi.fn() }));
vi.mock('../../electron/core/client', () => ({ CoreClient: { start: core.start } }));

const originalArgv = process.argv;
afterEach(() => {
  process.argv = originalArgv;
  vi.unstubAllEnvs();
});

async function boot() {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof Fake;
  electron.resetFake();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  core.start.mockResolvedValue({
    openError: null,
    call: vi.fn(async () => ({ ok: true, value: null })),
    onEvent: (_listener: (event: LedgerEvent) => void) => () => {},
    close: vi.fn(async () => {}),
  });
  process.argv = ['/opt/目标台账/target-ledger'];
  const entry = await import('../../electron/main/index');
  electron.app.becomeReady();
  await entry.started;
  return electron;
}

describe('帮助 → 关于 in the desktop shell', () => {
  it('asks the main window’s page to show its 关于 dialog', async () => {
    const { recorded } = await boot();
    expect(recorded.errorBoxes).toEqual([]);
    const help = (recorded.menuTemplate as MenuItemConstructorOptions[]).find((menu) => menu.label === '帮助');
    const about = (help?.submenu as MenuItemConstructorOptions[]).find((item) => item.label === '关于目标台账');
    expect(about?.click).toBeTypeOf('function');
    (about!.click as () => void)();
    expect(recorded.windows).toHaveLength(1);
    const event: LedgerEvent = { type: 'show-about' };
    expect(recorded.windows[0]!.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, payload: event }]);
  });
});
