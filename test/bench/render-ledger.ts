import type { Browser } from 'playwright-core';
import { buildRenderer } from './builds';
import { clickable, launchChromium, serveDatabase, shown, timeClickToReady, timeToReady } from './browser';
import { dataset, type Dataset } from './datasets';
import { median, type BenchFigure } from './format';

const NAV_READY = clickable('nav[aria-label="主导航"] button');
/** A task row of the ledger table (not a plan or section heading) with its text on screen. */
const TASK_ROW = shown('[role="table"][aria-label="任务台账"] .ledger-body [role="row"]:not(.ledger-group)', /[\u4e00-\u9fff]{4}/);

/**
 * Tasks of this installation's own office in the current year (the ledger opens on the current
 * quarter): `plans` plans of `tasksPerPlan` tasks each.
 */
export function ledgerDataset(plans: number, tasksPerPlan: number): Promise<Dataset> {
  return dataset({
    offices: 1,
    years: 1,
    firstYear: new Date().getFullYear(),
    tasksPerPlan,
    plansPerYear: plans,
    departmentsPerOffice: 8,
    seed: 1,
    intoOwnOffice: true,
  });
}

/** A cold start of the app, then the time from clicking 任务台账 to the first task row on screen. */
async function openLedger(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await timeToReady(page, url, NAV_READY);
    return await timeClickToReady(page, 'nav[aria-label="主导航"] button', '任务台账', TASK_ROW);
  } finally {
    await context.close();
  }
}

/**
 * 任务台账 with 20,000 tasks against 200 in one quarter, real Chromium through the browser host:
 * from opening the page to the first rows shown. A windowed table keeps this near 1.
 */
export async function benchRenderLedger(options: { runs?: number; small?: [number, number]; large?: [number, number] } = {}): Promise<BenchFigure[]> {
  const renderer = await buildRenderer();
  const [smallPlans, smallTasks] = options.small ?? [1, 200];
  const [largePlans, largeTasks] = options.large ?? [100, 200];
  const small = await ledgerDataset(smallPlans, smallTasks);
  const large = await ledgerDataset(largePlans, largeTasks);
  console.log(`  render: ${small.tasks} vs ${large.tasks} tasks in the own office`);
  const hosts = [await serveDatabase(small.file, renderer.dir), await serveDatabase(large.file, renderer.dir)];
  const browser = await launchChromium();
  try {
    const runs = options.runs ?? 7;
    const times: number[][] = [[], []];
    for (let run = -1; run < runs; run++) {
      for (let h = 0; h < hosts.length; h++) {
        const ms = await openLedger(browser, hosts[h]!.host.openUrl());
        if (run >= 0) times[h]!.push(ms);
      }
    }
    const [a, b] = times.map(median) as [number, number];
    console.log(`  render: ${a.toFixed(0)} ms vs ${b.toFixed(0)} ms (large runs ${times[1]!.map((t) => t.toFixed(0)).join(' ')})`);
    return [{ name: 'render-20k-vs-200', value: b / a, goal: '<=1.5' }];
  } finally {
    await browser.close();
    for (const host of hosts) await host.close();
  }
}
