import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Fake from '../shell/fake-electron';
import { tempDir } from '../helpers/core';

/* The desktop shell's own errors reach the same local log as the worker's (electron faked). */

vi.mock('electron', () => import('../shell/fake-electron'));
const core = vi.hoisted(() => ({ start: vi.fn() }));
vi.mock('../../electron/core/client', () => ({ CoreClient: { start: core.start } }));

const originalArgv = process.argv;
afterEach(() => {
  process.argv = originalArgv;
});
beforeEach(() => {
  core.start.mockReset();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

async function boot(start: () => Promise<unknown>) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof Fake;
  electron.resetFake();
  electron.app.lockGranted = true;
  electron.app.isPackaged = true;
  electron.app.userData = tempDir('tl-main-log-');
  core.start.mockImplementation(start);
  process.argv = ['/opt/目标台账/target-ledger'];
  const entry = await import('../../electron/main/index');
  electron.app.becomeReady();
  await entry.started;
  return electron;
}

describe('main process log', () => {
  it('logs a database thread that cannot start, beside the database', async () => {
    const electron = await boot(async () => {
      throw new Error('worker exited 1: 数据库线程');
    });
    expect(electron.recorded.errorBoxes).toHaveLength(1);
    const text = fs.readFileSync(path.join(electron.app.userData, 'logs', 'target-ledger.log'), 'utf8');
    expect(text).toMatch(/ERROR \[main\] startup\.fatal/);
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('logs a failure to close the database at quit, with its stack', async () => {
    const electron = await boot(async () => ({
      openError: null,
      onEvent: () => () => {},
      call: async () => ({ ok: true, value: null }),
      close: async () => {
        throw Object.assign(new Error('checkpoint failed'), { code: 'SQLITE_IOERR_WRITE' });
      },
    }));
    expect(electron.recorded.windows).toHaveLength(1);
    electron.app.emit('will-quit', electron.fakeEvent());
    await vi.waitFor(() => expect(electron.recorded.quitCalls).toBeGreaterThan(0));
    const text = fs.readFileSync(path.join(electron.app.userData, 'logs', 'target-ledger.log'), 'utf8');
    expect(text).toMatch(/ERROR \[main\] close\.failed\n {2}Error \[SQLITE_IOERR_WRITE\]: checkpoint failed\n {4}at /);
  });
});
