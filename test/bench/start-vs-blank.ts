import type { Browser } from 'playwright-core';
import { buildBlank, buildRenderer, type Build } from './builds';
import { bundleSizes } from './bundle-size';
import { clickable, emptyDatabase, launchChromium, serveDatabase, serveStatic, timeToReady } from './browser';
import { median, type BenchFigure } from './format';

const NAV_READY = clickable('nav[aria-label="主导航"] button');
const BLANK_READY = clickable('#blank-ready');

/** One cold start: a new browser context (empty cache, no session: `url` is a fresh one-time address), navigation, time until `ready` holds. */
async function coldStart(browser: Browser, url: string, ready: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  try {
    return await timeToReady(await context.newPage(), url, ready);
  } finally {
    await context.close();
  }
}

/** Initial JavaScript of the renderer build (gzipped): what every start downloads and parses. */
export function benchInitialJs(renderer: Build): BenchFigure[] {
  const sizes = bundleSizes(renderer);
  console.log(`  initial JS: ${sizes.initialFiles.join(', ')}`);
  console.log(`  largest lazy chunks (gzip KB): ${sizes.lazy.slice(0, 6).map((c) => `${c.file} ${c.gzipKb.toFixed(1)}`).join(', ')}`);
  return [{ name: 'initial-js-kb', value: sizes.initialGzipKb, goal: '<=350' }];
}

/**
 * The app's start to an interactive frame (navigation shown and clickable) on an initialised
 * empty database, against a blank React page built and served the same way; cold caches.
 */
export async function benchStart(options: { runs?: number } = {}): Promise<BenchFigure[]> {
  const [renderer, blank] = [await buildRenderer(), await buildBlank()];
  const figures = benchInitialJs(renderer);
  const app = await serveDatabase(await emptyDatabase(), renderer.dir);
  const plain = await serveStatic(blank.dir);
  const browser = await launchChromium();
  try {
    const runs = options.runs ?? 15;
    const appTimes: number[] = [];
    const blankTimes: number[] = [];
    // One warm-up each (Chromium's first page pays for its own start), then alternate.
    await coldStart(browser, app.host.openUrl(), NAV_READY);
    await coldStart(browser, plain.host.openUrl(), BLANK_READY);
    for (let run = 0; run < runs; run++) {
      appTimes.push(await coldStart(browser, app.host.openUrl(), NAV_READY));
      blankTimes.push(await coldStart(browser, plain.host.openUrl(), BLANK_READY));
    }
    const a = median(appTimes);
    const b = median(blankTimes);
    console.log(`  start: app ${a.toFixed(0)} ms vs blank ${b.toFixed(0)} ms (medians of ${runs}; app ${appTimes.map((t) => t.toFixed(0)).join(' ')}; blank ${blankTimes.map((t) => t.toFixed(0)).join(' ')})`);
    figures.push({ name: 'start-vs-blank', value: a / b, goal: '<=2' });
    return figures;
  } finally {
    await browser.close();
    await app.close();
    await plain.close();
  }
}
