import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_OUT, STAMP, staleReason } from '../../scripts/cli-build.mjs';
import { tempDir } from '../helpers/core';

const main = path.join(CLI_OUT, 'main.js');

/** The built CLI in its own Node process, as `npm run cli` and the `target-ledger` link run it. */
function run(...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, out: result.stdout, err: result.stderr, ms: performance.now() - started };
}

describe('CLI bundle staleness', () => {
  function fixture() {
    const root = tempDir();
    const out = path.join(root, 'out');
    fs.mkdirSync(path.join(root, 'src'));
    fs.mkdirSync(out);
    for (const file of ['main.js', 'worker.js']) fs.writeFileSync(path.join(out, file), '');
    fs.writeFileSync(path.join(root, 'src/a.ts'), 'export {};');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, 'src/a.ts'), old, old);
    fs.writeFileSync(path.join(out, STAMP), JSON.stringify({ startedAt: Date.now() - 30_000, sources: ['src/a.ts'] }));
    return { root, out };
  }

  it('is current when every source is older than the build start, and stale when one changed or vanished', () => {
    const { root, out } = fixture();
    expect(staleReason(out, root)).toBeNull();
    fs.utimesSync(path.join(root, 'src/a.ts'), new Date(), new Date());
    expect(staleReason(out, root)).toBe('src/a.ts 已修改');
    fs.rmSync(path.join(root, 'src/a.ts'));
    expect(staleReason(out, root)).toBe('src/a.ts 已删除');
  });

  it('is stale without a stamp or without the worker', () => {
    const { root, out } = fixture();
    fs.rmSync(path.join(out, 'worker.js'));
    expect(staleReason(out, root)).toBe('缺少 worker.js');
    fs.rmSync(path.join(out, STAMP));
    expect(staleReason(out, root)).toBe('尚未构建');
  });
});

describe('built CLI', () => {
  beforeAll(async () => {
    if (staleReason() !== null) await buildCli();
  }, 120_000);

  it('records the project files it was built from, including the worker and the CLI', () => {
    const stamp = JSON.parse(fs.readFileSync(path.join(CLI_OUT, STAMP), 'utf8')) as { sources: string[] };
    expect(stamp.sources).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'electron/core/worker.ts', 'shared/api/index.ts']));
    expect(stamp.sources.some((file) => file.includes('node_modules'))).toBe(false);
    // The bundle runs without tsx: nothing in it imports the TypeScript loader (worker.js sits beside main.js,
    // so the client never falls back to worker-tsx.mjs, which does not exist in out/cli).
    for (const file of fs.readdirSync(CLI_OUT).filter((f) => f.endsWith('.js'))) expect(fs.readFileSync(path.join(CLI_OUT, file), 'utf8')).not.toMatch(/from "tsx|import\("tsx/);
    expect(fs.existsSync(path.join(CLI_OUT, 'worker-tsx.mjs'))).toBe(false);
  });

  it('runs as a child process: init, then info --json answers from the database', () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const init = run('--db', db, 'init', '--office', '渝北区卫生健康委', '--code', '500112');
    expect(init.err).toBe('');
    expect(init.code).toBe(0);

    const info = run('--db', db, 'info', '--json');
    expect(info.code).toBe(0);
    const status = JSON.parse(info.out) as { databasePath: string; installation: { officeName: string } | null; schemaVersion: number };
    expect(status.databasePath).toBe(db);
    expect(status.installation?.officeName).toBe('渝北区卫生健康委');
    expect(status.schemaVersion).toBeGreaterThan(0);
    console.log(`BUILT-CLI info --json ${Math.round(info.ms)} ms`);
  });

  it('exits 1 with a Chinese message on an unknown command', () => {
    const result = run('--db', path.join(tempDir(), 'ledger.sqlite'), 'nonsense');
    expect(result.code).toBe(1);
    expect(result.err).toContain('未知命令“nonsense”');
  });
});
