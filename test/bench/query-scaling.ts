import { performance } from 'node:perf_hooks';
import type { CallName } from '../../shared/api';
import type { LedgerFilterInput } from '../../shared/api/ledger';
import { Core } from '../../electron/core/core';
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch';
import { dataset, type Dataset, type DatasetArgs } from './datasets';
import { median, type BenchFigure } from './format';

/** 60 tasks a plan, 8 departments, 16 years: about 4,850 quarterly entries per office. */
const SHAPE = { years: 16, tasksPerPlan: 60, departmentsPerOffice: 8, firstYear: 2021, seed: 1 } satisfies Omit<DatasetArgs, 'offices'>;
/** The quarter the benches look at: a year in the middle, so other years lie on both sides. */
export const BENCH_PERIOD = '2026-Q2';

interface Query {
  readonly label: string;
  readonly name: CallName;
  readonly filter: LedgerFilterInput;
}

function queries(officeId: string, period: string): Query[] {
  const base = { period, officeId };
  return [
    { label: 'ledger.query', name: 'ledger.query', filter: base },
    { label: 'ledger.query 托育', name: 'ledger.query', filter: { ...base, search: '托育' } },
    { label: 'ledger.query 疾控', name: 'ledger.query', filter: { ...base, search: '疾控' } },
    { label: 'dashboard.summary', name: 'dashboard.summary', filter: base },
    { label: 'dashboard.indicators', name: 'dashboard.indicators', filter: base },
  ];
}

export interface Opened {
  readonly core: Core;
  readonly dispatch: Dispatch;
  readonly data: Dataset;
}

function open(data: Dataset): Opened {
  const core = Core.open(data.file);
  return { core, dispatch: createDispatcher(core), data };
}

async function timeCall(db: Opened, query: Query): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const result = await db.dispatch(query.name, query.filter);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${query.label}: ${result.error.message}`);
  const value = result.value as { rows?: unknown[] } | unknown[];
  return { ms, rows: Array.isArray(value) ? value.length : (value.rows?.length ?? 1) };
}

/** The small and the large database with the same office slice. */
export async function queryDatasets(options: { smoke?: boolean } = {}): Promise<{ small: Dataset; large: Dataset }> {
  const small = await dataset({ ...SHAPE, offices: 2 });
  const perOffice = small.progressRows / 2;
  // Smoke runs (tests) compare 2 offices with 6; the bench compares about 10,000 rows with about 1,000,000.
  const offices = options.smoke ? 6 : Math.round(1_000_000 / perOffice);
  const large = await dataset({ ...SHAPE, offices });
  return { small, large };
}

/**
 * Ledger and dashboard queries for one office and one quarter, on a database of ~10,000 entries
 * and on one of ~1,000,000 (more offices and years, the same slice): the ratio of their medians
 * shows whether the queries follow the slice or the database.
 */
export async function benchQueryScaling(options: { smoke?: boolean; rounds?: number } = {}): Promise<BenchFigure[]> {
  const { small, large } = await queryDatasets(options);
  console.log(`  query-1m-vs-10k: ${small.progressRows} vs ${large.progressRows} progress rows (${small.tasks} vs ${large.tasks} tasks), office slice ${BENCH_PERIOD}`);
  const dbs = [open(small), open(large)];
  try {
    const list = queries(small.officeId, BENCH_PERIOD);
    if (large.officeId !== small.officeId) throw new Error('the two databases must share their first office');
    const times = dbs.map(() => list.map(() => [] as number[]));
    const counts = dbs.map(() => list.map(() => 0));
    const rounds = options.rounds ?? 9;
    // Two warm-up rounds (statement preparation, page cache), then interleaved measured rounds.
    for (let round = -2; round < rounds; round++) {
      for (let d = 0; d < dbs.length; d++) {
        for (let q = 0; q < list.length; q++) {
          const { ms, rows } = await timeCall(dbs[d]!, list[q]!);
          counts[d]![q] = rows;
          if (round >= 0) times[d]![q]!.push(ms);
        }
      }
    }
    let worst = 0;
    list.forEach((query, q) => {
      const a = median(times[0]![q]!);
      const b = median(times[1]![q]!);
      worst = Math.max(worst, b / a);
      if (counts[0]![q] !== counts[1]![q]) throw new Error(`${query.label}: the slices differ (${counts[0]![q]} vs ${counts[1]![q]} rows)`);
      console.log(`  ${query.label.padEnd(22)} ${a.toFixed(2)} ms vs ${b.toFixed(2)} ms (×${(b / a).toFixed(2)}, ${counts[0]![q]} rows)`);
    });
    return [{ name: 'query-1m-vs-10k', value: worst, goal: '<=2' }];
  } finally {
    for (const db of dbs) db.core.close();
  }
}
