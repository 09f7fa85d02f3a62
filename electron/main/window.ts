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
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Linux spellcheck downloads dictionaries from the internet; the app stays offline.
      spellcheck: false,
    },
  };
}

export function createMainWindow(preloadPath: string, location: AppLocation): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  // Show only once painted, so the clerk never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  const loading = location.devServer ? window.loadURL(entryUrl(location)) : window.loadFile(location.indexFile);
  loading.catch((error: unknown) => console.error('[window] failed to load the page:', error));
  return window;
}
