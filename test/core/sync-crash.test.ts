import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import type * as Esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite } from '../../electron/db/native';
import { createTestCore, tempDir } from '../helpers/core';

/*
 * Crash safety of 数据交换 import: a child process imports a large package into a copy of a
 * database that already trusts the sender, reports its phase, and is killed with SIGKILL at a
 * random moment — most of the time while it writes. Every time the database must pass
 * PRAGMA integrity_check and hold either all of the package or none of it: its change records,
 * the rows and derived tables they decide, the acknowledgements and the import record.
 */

const KILLS = 200;
const CONCURRENCY = 2;
const CHILD_SOURCE = path.resolve('test/core/sync-crash-child.ts');

interface Phase {
  readonly line: string;
  readonly at: number;
}

interface Run {
  readonly phases: Phase[];
  /** Phase of the last line the child wrote before it died ('start' if none). */
  readonly killedIn: string;
  readonly stderr: string;
  readonly signal: NodeJS.Signals | null;
  readonly code: number | null;
}

/** When to kill: a delay after the first `write` line, after spawning, or once it is done. */
type KillPlan = { after: 'write' | 'spawn'; delayMs: number } | { after: 'done' };

interface State {
  readonly integrity: string;
  readonly packageRows: number;
  readonly recorded: number;
  readonly acks: number;
  /** Every row the import decides: replicated tables but the local installations, conflicts, search index, entry clock. */
  readonly digest: string;
}

const DIGESTED = [
  'offices',
  'departments',
  'units',
  'plans',
  'sections',
  'tasks',
  'indicators',
  'progress_reports',
  'indicator_values',
  'attachments',
  'settings',
  'metrics',
  'metric_links',
  'entry_clock',
  'search_docs',
  'search_scopes',
  'search_fts_docsize',
];

function tableDigest(db: Database, sql: string): string {
  const hash = createHash('sha256');
  for (const row of db.prepare(sql).raw().iterate()) hash.update(JSON.stringify(row)).update('\n');
  return hash.digest('hex');
}

function inspect(file: string, packageId: string, peerId: string): State {
  const Sqlite = loadSqlite();
  const db = new Sqlite(file);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const count = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as number;
    // Throws when the contentless full-text index is inconsistent.
    db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
    const parts = DIGESTED.map((table) => `${table}:${tableDigest(db, `SELECT * FROM ${table} ORDER BY 1`)}`);
    parts.push(`conflicts:${tableDigest(db, 'SELECT tbl, row_id, col, kind FROM conflicts ORDER BY 1, 2, 3')}`);
    parts.push(`fts:${count('SELECT COUNT(*) FROM search_fts_docsize')}`);
    return {
      integrity,
      packageRows: count('SELECT COUNT(*) FROM change_log WHERE package_id = ?', packageId),
      recorded: count('SELECT COUNT(*) FROM sync_packages WHERE id = ?', packageId),
      acks: count('SELECT COUNT(*) FROM peer_acks WHERE peer_id = ?', peerId),
      digest: createHash('sha256').update(parts.join('\n')).digest('hex'),
    };
  } finally {
    db.close();
  }
}

/**
 * The child as one ES module with its packages left external (so it lives under node_modules,
 * where they resolve): node starts it in a third of the time tsx needs to compile its imports,
 * and 200 spawns add up. esbuild is tsx's own. Falls back to tsx.
 */
async function childCommand(folder: string): Promise<string[]> {
  try {
    const esbuild = (await import(createRequire(import.meta.resolve('tsx')).resolve('esbuild'))) as typeof Esbuild;
    const outfile = path.join(folder, 'sync-crash-child.mjs');
    await esbuild.build({ entryPoints: [CHILD_SOURCE], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'silent' });
    return [outfile];
  } catch {
    return ['--import', 'tsx', CHILD_SOURCE];
  }
}

function runChild(command: string[], dbFile: string, packageFile: string, plan: KillPlan): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...command, dbFile, packageFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const phases: Phase[] = [];
    let stderr = '';
    let pending = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => child.kill('SIGKILL');
    const arm = (delayMs: number) => (timer ??= setTimeout(kill, delayMs));
    if (plan.after === 'spawn') arm(plan.delayMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        phases.push({ line, at: performance.now() - started });
        if (plan.after === 'write' && line.startsWith('write ')) arm(plan.delayMs);
        if (line === 'done' && plan.after === 'done') kill();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      // Everything the child wrote was written before it died, so its last line is where the kill landed.
      const last = phases.at(-1)?.line ?? 'start';
      resolve({ phases, killedIn: last.split(' ')[0]!, stderr, signal, code });
    });
  });
}

const at = (run: Run, prefix: string) => run.phases.find((p) => p.line.startsWith(prefix))?.at;

/** Small seedable PRNG, so a failing sequence of kill moments can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('数据交换 import survives being killed', () => {
  let folder: string;
  let template: string;
  let packageFile: string;
  let packageId: string;
  let peerId: string;
  let expectedNew: number;
  let packageChanges: number;
  let command: string[];
  let none: State;
  let bundleFolder: string | null = null;

  beforeAll(async () => {
    folder = tempDir('tl-sync-crash-');
    // The sender: a small first package (to be trusted), then a few offices of generated data.
    const source = await createTestCore({ file: path.join(folder, 'source', 'ledger.sqlite'), officeName: '江北区卫生健康委' });
    const first = await source.call('sync.export', { kind: 'full' });
    // Its own office's data: a PC may send only what it may change (sync/authority.ts).
    await source.call('system.generate', { offices: 1, years: 1, tasksPerPlan: 180, departmentsPerOffice: 8, firstYear: 2024, seed: 7, plansPerYear: 1, intoOwnOffice: true });
    const big = await source.call('sync.export', { kind: 'full' });
    peerId = source.core.requireIdentity().installationId;
    packageId = big.packageId;
    packageChanges = big.changes;
    source.close();
    packageFile = path.join(folder, 'full.tlpkg');
    fs.writeFileSync(packageFile, Buffer.from(big.files[0]!.contentBase64, 'base64'));

    // The receiver already trusts the sender and holds the first package, so the big one is a plain known-sender import.
    template = path.join(folder, 'template', 'ledger.sqlite');
    const target = await createTestCore({ file: template });
    const preview = await target.call('sync.preview', { files: first.files });
    await target.call('sync.import', { files: first.files, trustFingerprint: preview.origin.fingerprint });
    target.close();
    expect(fs.existsSync(`${template}-wal`)).toBe(false);
    expectedNew = big.changes - first.changes;
    expect(expectedNew).toBeGreaterThan(10_000);
    none = inspect(template, packageId, peerId);
    expect(none).toMatchObject({ integrity: 'ok', packageRows: 0, recorded: 0, acks: first.changes });
    fs.mkdirSync(path.resolve('node_modules/.cache'), { recursive: true });
    bundleFolder = fs.mkdtempSync(path.resolve('node_modules/.cache/tl-sync-crash-'));
    command = await childCommand(bundleFolder);
  }, 300_000);

  afterAll(() => {
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
    if (bundleFolder) fs.rmSync(bundleFolder, { recursive: true, force: true });
  });

  const copyTemplate = (name: string) => {
    const dir = path.join(folder, 'runs', name);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'ledger.sqlite');
    fs.copyFileSync(template, file);
    return { dir, file };
  };

  it(`holds all or none of a large package after ${KILLS} SIGKILLs at random moments, most of them while writing`, async () => {
    const started = performance.now();

    // Calibration: two imports side by side run to the end; they time the phases and give the state of "all".
    const calibration = await Promise.all(
      [0, 1].map(async (i) => {
        const { dir, file } = copyTemplate(`calibrate-${i}`);
        const run = await runChild(command, file, packageFile, { after: 'done' });
        expect(run.killedIn, run.stderr).toBe('done');
        const state = inspect(file, packageId, peerId);
        fs.rmSync(dir, { recursive: true, force: true });
        return { run, state };
      }),
    );
    const all = calibration[0]!.state;
    expect(all).toMatchObject({ integrity: 'ok', packageRows: expectedNew, recorded: 1, acks: packageChanges });
    expect(calibration[1]!.state).toEqual(all);
    expect(all.digest).not.toBe(none.digest);
    // Phase times vary with the machine's load: start from the calibration, then follow every run that reaches the end.
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    let writeMs = mean(calibration.map(({ run }) => at(run, 'done')! - at(run, 'write')!));
    let totalMs = mean(calibration.map(({ run }) => at(run, 'done')!));

    const seed = Number(process.env.SYNC_CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const killedIn = new Map<string, number>();
    const outcomes = { all: 0, none: 0, noneWhileWriting: 0, allWhileWriting: 0 };
    const failures: string[] = [];
    let launched = 0;
    let inspectMs = 0;
    const enough = () => launched >= KILLS && (killedIn.get('write') ?? 0) >= launched / 2;

    const worker = async () => {
      while (!enough() && launched < 2 * KILLS && failures.length === 0) {
        const n = launched++;
        // Two runs in three wait for the writing to start, then up to a little past its usual end; the rest any time at all.
        const plan: KillPlan = n % 3 === 2 ? { after: 'spawn', delayMs: next() * totalMs * 1.1 } : { after: 'write', delayMs: next() * writeMs * 1.15 };
        const { dir, file } = copyTemplate(`run-${n}`);
        const run = await runChild(command, file, packageFile, plan);
        const where = `run ${n} (seed ${seed}, ${plan.after} + ${'delayMs' in plan ? Math.round(plan.delayMs) : 0} ms, killed in ${run.killedIn})`;
        if (run.signal !== 'SIGKILL') failures.push(`${where}: child ended by itself (code ${run.code}): ${run.stderr.slice(0, 500)}`);
        killedIn.set(run.killedIn, (killedIn.get(run.killedIn) ?? 0) + 1);
        if (run.killedIn === 'done') {
          writeMs = 0.7 * writeMs + 0.3 * (at(run, 'done')! - at(run, 'write')!);
          totalMs = 0.7 * totalMs + 0.3 * at(run, 'done')!;
        }
        const inspected = performance.now();
        const state = inspect(file, packageId, peerId);
        inspectMs += performance.now() - inspected;
        const whole = state.packageRows === expectedNew;
        if (state.integrity !== 'ok') failures.push(`${where}: integrity_check ${state.integrity}`);
        else if (whole && (state.recorded !== 1 || state.acks !== all.acks || state.digest !== all.digest)) failures.push(`${where}: all change records but not all of the rest: ${JSON.stringify(state)}`);
        else if (!whole && (state.packageRows !== 0 || state.recorded !== 0 || state.acks !== none.acks || state.digest !== none.digest)) {
          failures.push(`${where}: part of the package: ${state.packageRows} of ${expectedNew} change records, ${JSON.stringify(state)}`);
        } else if (run.killedIn === 'done' && !whole) failures.push(`${where}: killed after it finished, yet the package is missing`);
        outcomes[whole ? 'all' : 'none']++;
        if (run.killedIn === 'write') outcomes[whole ? 'allWhileWriting' : 'noneWhileWriting']++;
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const seconds = (performance.now() - started) / 1000;
    const phases = [...killedIn].map(([phase, count]) => `${phase} ${count}`).join(', ');
    const intact = launched - failures.filter((f) => f.includes('integrity_check')).length;
    console.log(
      `sync crash safety: ${launched} runs, each killed with SIGKILL (seed ${seed}; package of ${packageChanges} changes, ${expectedNew} new; last import wrote for ~${Math.round(writeMs)} ms of ~${Math.round(totalMs)} ms)\n` +
        `  killed in phase: ${phases}\n` +
        `  kills while writing: ${killedIn.get('write') ?? 0} (${outcomes.noneWhileWriting} left none, ${outcomes.allWhileWriting} all)\n` +
        `  integrity_check ok: ${intact} of ${launched}; all-or-none: ${outcomes.all + outcomes.none} (none ${outcomes.none}, all ${outcomes.all})\n` +
        `  total ${seconds.toFixed(1)} s (checking the databases ${(inspectMs / 1000).toFixed(1)} s)`,
    );
    expect(failures).toEqual([]);
    expect(launched).toBeGreaterThanOrEqual(KILLS);
    expect(outcomes.all + outcomes.none).toBe(launched);
    expect(killedIn.get('write') ?? 0).toBeGreaterThanOrEqual(launched / 2);
    // The kills really interrupted the transaction, and some landed after it committed.
    expect(outcomes.noneWhileWriting).toBeGreaterThan(0);
    expect(outcomes.all).toBeGreaterThan(0);
  }, 15 * 60_000);
});
