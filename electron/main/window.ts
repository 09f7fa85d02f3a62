import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { entryUrl, type AppLocation } from './location';
import { APP_NAME } from './menu';

/** The renderer gets no Node, no remote content and only the preload's `window.ledger`. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_NAME,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click on a link would ask for a new window; refused anyway, this stops it earlier.
      disableBlinkFeatures: 'Auxclick',
      // Linux spellcheck downloads dictionaries from the internet; the app stays offline.
      spellcheck: false,
    },
  };
}

/**
 * Every window of the app is constructed here. The security switches are written out again at
 * the constructor, after the caller's preferences, so no caller can weaken them, and so a static
 * audit (electronegativity reads only the literal passed to `new BrowserWindow`) can see them.
 */
export function openSecureWindow(options: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

export function createMainWindow(preloadPath: string, location: AppLocation): BrowserWindow {
  const window = openSecureWindow(mainWindowOptions(preloadPath));
  // Show only once painted, so the clerk never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  const loading = location.devServer ? window.loadURL(entryUrl(location)) : window.loadFile(location.indexFile);
  loading.catch((error: unknown) => console.error('[window] failed to load the page:', error));
  return window;
}
