import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CoreClient } from '../../electron/core/client';
import { startWebHost, type WebHost } from '../../electron/host/web-server';
import { tempDir } from '../helpers/core';

export const SCREENSHOT_DIR = path.resolve('test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface App {
  readonly host: WebHost;
  readonly client: CoreClient;
  readonly browser: Browser;
  readonly page: Page;
  readonly dbPath: string;
  readonly consoleErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The browser host on a fresh database, and a real Chromium page pointed at it. */
export async function launchApp(options: { dbPath?: string } = {}): Promise<App> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const dbPath = options.dbPath ?? path.join(tempDir('tl-e2e-'), 'ledger.sqlite');
  const client = await CoreClient.start({ dbPath });
  if (client.openError) throw new Error(client.openError.message);
  const host = await startWebHost({ core: client, staticDir: path.resolve('out/renderer') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // The one-time address, as a clerk opens it from the window of `npm run web`: it sets this context's session cookie.
  await page.goto(host.openUrl());
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    host,
    client,
    browser,
    page,
    dbPath,
    consoleErrors,
    screenshot: async (name) => {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await browser.close();
      await host.close();
      await client.close();
    },
  };
}

/** The whole page: the app scrolls inside <main>, so grow the window to its content first. */
export async function fullShot(app: App, name: string, options: { width?: number; maxHeight?: number } = {}): Promise<void> {
  const { width = 1366, maxHeight = 4000 } = options;
  const height = await app.page.evaluate(() => (document.querySelector('main')?.scrollHeight ?? 800) + 60);
  await app.page.setViewportSize({ width, height: Math.min(Math.max(height, 800), maxHeight) });
  await app.page.waitForTimeout(300);
  await app.screenshot(name);
  await app.page.setViewportSize({ width: 1366, height: 800 });
}

/** Click and keep the file the page saves, under its suggested name in `dir`. */
export async function saveDownload(page: Page, dir: string, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
