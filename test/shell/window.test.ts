import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../electron/main/window';
import type { AppLocation } from '../../electron/main/location';
import { recorded, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const preload = '/app/out/preload/index.cjs';
const built: AppLocation = { indexFile: '/app/out/renderer/index.html', devServer: null };

beforeEach(() => {
  recorded.windows.length = 0;
});

function open(location: AppLocation = built): FakeBrowserWindow {
  createMainWindow(preload, location);
  expect(recorded.windows).toHaveLength(1);
  return recorded.windows[0] as FakeBrowserWindow;
}

describe('main window', () => {
  it('is isolated, sandboxed and without Node, with the preload as its only bridge', () => {
    const window = open();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload,
    });
    expect(window.options.webPreferences?.['nodeIntegrationInSubFrames']).not.toBe(true);
    expect(window.options.title).toBe('目标台账');
  });

  it('stays hidden until painted', () => {
    const window = open();
    expect(window.options['show']).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('loads the built page from disk', () => {
    const window = open();
    expect(window.loadedFile).toBe(built.indexFile);
    expect(window.loadedUrl).toBeNull();
  });

  it('loads the dev server in development', () => {
    const window = open({ ...built, devServer: new URL('http://localhost:5173/') });
    expect(window.loadedUrl).toBe('http://localhost:5173/');
    expect(window.loadedFile).toBeNull();
  });
});
