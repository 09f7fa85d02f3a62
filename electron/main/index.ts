import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { isRecoverableOpenError } from '../backup/recoverable';
import { CoreClient } from '../core/client';
import { log, logFolderOf, RotatingLog, setAppLog } from '../core/log';
import { parseCommandLine, resolveDbPath } from './args';
import { forwardEvents, registerIpc } from './ipc';
import { parseDevServerUrl, type AppLocation } from './location';
import { installMenu } from './menu';
import { createOpenFilesQueue, deliverToWindow, NOTICE_TITLE } from './open-files';
import { reportShellCalls } from './print';
import { hardenContents, hardenSession } from './security';
import { createMainWindow } from './window';

// In a build this file is out/main/index.js; the preload and the page are its siblings.
const here = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(here, '../preload/index.cjs');
const location: AppLocation = {
  indexFile: path.join(here, '../renderer/index.html'),
  // A packaged app never trusts the environment to point it at a server.
  devServer: app.isPackaged ? null : parseDevServerUrl(process.env['ELECTRON_RENDERER_URL']),
};

let mainWindow: BrowserWindow | null = null;
let client: CoreClient | null = null;
let closing: Promise<void> | null = null;
let closed = false;

function fatal(message: string): void {
  log.error('startup.fatal');
  dialog.showErrorBox('目标台账无法启动', message);
  app.quit();
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function main(): Promise<void> {
  // Every renderer sandboxed, even one created by mistake without the options below.
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    // Another window already owns the database; it is focused by its 'second-instance' handler.
    app.quit();
    return;
  }
  // Package files double-clicked in Explorer: a second instance hands its paths over and quits.
  const openFiles = createOpenFilesQueue({ notify: (message) => dialog.showErrorBox(NOTICE_TITLE, message) });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFiles.add(parseCommandLine(argv, workingDirectory, Boolean(process.defaultApp)).files);
    focusMainWindow();
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFiles.add([file]);
    focusMainWindow();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, location));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Let the worker checkpoint and close the database before the process exits.
    if (!client || closed) return;
    event.preventDefault();
    closing ??= client
      .close()
      .catch((error: unknown) => {
        console.error('[main] closing the database failed:', error);
        log.error('close.failed', {}, error);
      })
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  const commandLine = parseCommandLine(process.argv, process.cwd(), Boolean(process.defaultApp));
  if (commandLine.error) {
    await app.whenReady();
    return fatal(commandLine.error);
  }
  const dbPath = resolveDbPath(commandLine, app.getPath('userData'));
  // Main-process errors go to the same local log as the worker's (codes and stacks, no plan data).
  const logFolder = logFolderOf(dbPath);
  if (logFolder) setAppLog(new RotatingLog(logFolder, { source: 'main' }));
  openFiles.add(commandLine.files);
  // Open the database (and migrate) while Chromium starts up.
  const [core] = await Promise.all([
    CoreClient.start({ dbPath }).then(
      (ready) => ({ client: ready, error: null }),
      (error: unknown) => ({ client: null, error }),
    ),
    app.whenReady(),
  ]);
  if (!core.client) return fatal(`数据库线程无法启动：${core.error instanceof Error ? core.error.message : String(core.error)}`);
  client = core.client;
  // A damaged database still opens the window: its start screen offers the newest backups.
  if (client.openError && !isRecoverableOpenError(client.openError)) return fatal(`${client.openError.message}\n\n数据库文件：${dbPath}`);

  hardenSession(session.defaultSession, location);
  registerIpc(ipcMain, client, location, reportShellCalls({ client, preloadPath, location }));
  forwardEvents(client, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
  installMenu(() => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
  mainWindow = createMainWindow(preloadPath, location);
  deliverToWindow(openFiles, mainWindow, focusMainWindow);
  mainWindow.on('closed', () => (mainWindow = null));
}

/** Settles when startup has finished (tests wait on it); failures end in a dialog, not a rejection. */
export const started = main().catch((error: unknown) => {
  console.error('[main] startup failed:', error);
  log.error('startup.failed', {}, error);
  fatal(`启动时出错：${error instanceof Error ? error.message : String(error)}`);
});
