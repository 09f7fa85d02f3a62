import { execFileSync } from 'node:child_process';
import { BENCH_PERIOD, queryDatasets } from './query-scaling';
import type { BenchFigure } from './format';

interface ChildReport {
  rssMb: number;
  afterOpenMb: number;
  heapUsedMb: number;
  externalMb: number;
  maxRssMb: number;
}

/** RSS of a fresh process (main thread and database worker) that opened `file` and queried the dashboard. */
export function measureRss(file: string, officeId: string, period: string): ChildReport {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/rss-child.ts', file, officeId, period], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop()!) as ChildReport;
}

/** The app's main-process memory with the 1,000,000-row database open and its dashboard shown. */
export async function benchMainRss(): Promise<BenchFigure[]> {
  const { small, large } = await queryDatasets();
  const base = measureRss(small.file, small.officeId, BENCH_PERIOD);
  const big = measureRss(large.file, large.officeId, BENCH_PERIOD);
  console.log(`  rss: ${JSON.stringify(big)} with ${large.progressRows} rows; ${JSON.stringify(base)} with ${small.progressRows}`);
  return [{ name: 'main-rss-mb-1m', value: big.rssMb, goal: '<=200' }];
}
