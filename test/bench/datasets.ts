import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import type { generateArgs } from '../../shared/api/system';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';
import { officeId } from '../../electron/core/ids';
import type { GenerateSummary } from '../../electron/services/generator';

export type DatasetArgs = z.input<typeof generateArgs>;

export interface Dataset {
  readonly file: string;
  readonly args: DatasetArgs;
  /** The office whose quarter the benches look at: the first generated one. */
  readonly officeId: string;
  readonly progressRows: number;
  readonly tasks: number;
  /** Seconds `system.generate` took, or null when the file came from the cache. */
  readonly generateSeconds: number | null;
}

export const BENCH_OFFICE_NAME = '基准测试区卫生健康委';
export const CACHE_DIR = path.join(os.tmpdir(), 'tl-bench-cache');

/** Bump when electron/services/generator.ts writes different rows for the same arguments. */
const GENERATED_DATA_VERSION = 2;

/**
 * What a cached file depends on besides its arguments: the generator. Schema and index changes
 * need no new file: migrations are append-only and upgrade a cached file on open (a new search
 * index format comes with a migration that rebuilds it), as they upgrade a clerk's.
 */
function sourceStamp(): string {
  return `g${GENERATED_DATA_VERSION}`;
}

function cacheName(args: DatasetArgs): string {
  const keys = Object.keys(args).sort() as (keyof DatasetArgs)[];
  return `${keys.map((k) => `${k}-${String(args[k])}`).join('_')}_${sourceStamp()}`;
}

function count(core: Core, sql: string, ...params: unknown[]): number {
  return core.db.prepare(sql).pluck().get(...params) as number;
}

/**
 * An initialised database filled by `system.generate` with `args`, generated once and kept in
 * the OS temp folder (`tl-bench-cache`), so rerunning a bench does not wait for a million rows.
 */
export async function dataset(args: DatasetArgs, log: (line: string) => void = console.log): Promise<Dataset> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `${cacheName(args)}.sqlite`);
  let generateSeconds: number | null = null;
  if (!fs.existsSync(file)) generateSeconds = await generate(file, args, log);
  const core = Core.open(file);
  try {
    const own = args.intoOwnOffice ? core.requireIdentity().officeId : officeId(`gen-${args.seed ?? 1}-0`);
    return {
      file,
      args,
      officeId: own,
      progressRows: count(core, 'SELECT COUNT(*) FROM progress_reports'),
      tasks: count(core, 'SELECT COUNT(*) FROM tasks'),
      generateSeconds,
    };
  } finally {
    core.close();
  }
}

/** Generate into a side file and rename it when complete, so an interrupted run leaves no half file in the cache. */
async function generate(file: string, args: DatasetArgs, log: (line: string) => void): Promise<number> {
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  const core = Core.open(partial);
  const dispatch = createDispatcher(core);
  const init = await dispatch('system.init', { officeName: BENCH_OFFICE_NAME });
  if (!init.ok) throw new Error(init.error.message);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let lastLog = started;
  const result = await dispatch('system.generate', args, (event) => {
    if (event.type !== 'progress' || performance.now() - lastLog < 30_000) return;
    lastLog = performance.now();
    log(`  生成 ${path.basename(file)}：${event.done}/${event.total}，${((lastLog - started) / 1000).toFixed(0)} 秒`);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (!result.ok) {
    core.close();
    throw new Error(result.error.message);
  }
  core.close();
  fs.renameSync(partial, file);
  const summary = result.value as GenerateSummary;
  const rows = summary.progressReports;
  log(
    `  generated ${rows} progress rows (${summary.changes} changes) in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU) = ` +
      `${((seconds * 10_000) / rows).toFixed(2)} s per 10k rows (${((cpuSeconds * 10_000) / rows).toFixed(2)} s CPU)`,
  );
  return seconds;
}
