import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CoreClient } from '../../electron/core/client';
import { startWebHost, type CoreEndpoint, type WebHost } from '../../electron/host/web-server';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';
import { tempDir } from '../helpers/core';
import { BENCH_OFFICE_NAME } from './datasets';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface Served {
  readonly host: WebHost;
  close(): Promise<void>;
}

/** The browser host on a database, through the database worker, exactly as `npm run web` serves it. */
export async function serveDatabase(dbPath: string, staticDir: string): Promise<Served> {
  const client = await CoreClient.start({ dbPath });
  if (client.openError) throw new Error(client.openError.message);
  const host = await startWebHost({ core: client, staticDir });
  return {
    host,
    close: async () => {
      await host.close();
      await client.close();
    },
  };
}

/** The same host for a page that never calls the core (the blank page). */
export async function serveStatic(staticDir: string): Promise<Served> {
  const idle: CoreEndpoint = {
    call: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: '空白页不调用数据库' } }),
    onEvent: () => () => {},
  };
  const host = await startWebHost({ core: idle, staticDir });
  return { host, close: () => host.close() };
}

/** A fresh initialised database with nothing else in it. */
export async function emptyDatabase(): Promise<string> {
  const file = path.join(tempDir('tl-bench-empty-'), 'ledger.sqlite');
  const core = Core.open(file);
  const result = await createDispatcher(core)('system.init', { officeName: BENCH_OFFICE_NAME });
  core.close();
  if (!result.ok) throw new Error(result.error.message);
  return file;
}

/**
 * Page script: once `ready()` holds after a DOM change, the next animation frame stamps
 * `window.__benchReady` — measured inside the page, so no test-driver latency is included.
 */
function watchScript(ready: string): string {
  return `(() => {
    const ready = ${ready};
    let stamped = false;
    const check = () => {
      if (stamped || !ready()) return;
      stamped = true;
      requestAnimationFrame(() => { window.__benchReady = performance.now(); });
    };
    window.__benchReady = undefined;
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    check();
  })()`;
}

async function readyStamp(page: Page, timeoutMs: number): Promise<number> {
  // A function, not a string: the page's CSP forbids eval.
  const handle = await page.waitForFunction(() => (globalThis as { __benchReady?: number }).__benchReady, undefined, { timeout: timeoutMs, polling: 50 });
  return (await handle.jsonValue()) as number;
}

/** Milliseconds from the start of navigation (the page's time origin) to the first frame in which `ready` holds. */
export async function timeToReady(page: Page, url: string, ready: string, timeoutMs = 60_000): Promise<number> {
  await page.addInitScript(watchScript(ready));
  await page.goto(url, { waitUntil: 'commit' });
  return readyStamp(page, timeoutMs);
}

/** Milliseconds from clicking the first element matching `selector` with `text` to the first frame in which `ready` holds. */
export async function timeClickToReady(page: Page, selector: string, text: string, ready: string, timeoutMs = 180_000): Promise<number> {
  const started = (await page.evaluate(
    `(() => {
      const target = [...document.querySelectorAll(${JSON.stringify(selector)})].find((el) => (el.textContent || '').trim() === ${JSON.stringify(text)});
      if (!target) throw new Error('找不到 ' + ${JSON.stringify(text)});
      ${watchScript(ready)};
      const started = performance.now();
      target.click();
      return started;
    })()`,
  )) as number;
  return (await readyStamp(page, timeoutMs)) - started;
}

/** Source of a predicate run in the page: an element matching `selector` (and `text`) is laid out inside the viewport. */
export function shown(selector: string, text?: RegExp): string {
  return `() => {
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      ${text ? `if (!${text.toString()}.test(el.textContent || '')) continue;` : ''}
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.top < innerHeight && box.bottom > 0) return true;
    }
    return false;
  }`;
}

/** Source of a predicate run in the page: an element matching `selector` is laid out and is what a click at its centre would hit. */
export function clickable(selector: string, text?: RegExp): string {
  return `() => {
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      ${text ? `if (!${text.toString()}.test(el.textContent || '')) continue;` : ''}
      if (el.disabled) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (hit && (hit === el || el.contains(hit))) return true;
    }
    return false;
  }`;
}
