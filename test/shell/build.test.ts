import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

const root = path.resolve(import.meta.dirname, '../..');

describe('electron.vite.config.ts', () => {
  it('builds the shell, the database worker and the parse thread as ES entries with better-sqlite3 external', () => {
    const options = config.main?.build?.rolldownOptions;
    expect(options?.input).toEqual({
      index: path.join(root, 'electron/main/index.ts'),
      worker: path.join(root, 'electron/core/worker.ts'),
      // Documents are read in a thread of their own (electron/import/parse-thread.ts finds it beside worker.js).
      'parse-worker': path.join(root, 'electron/import/parse-worker.ts'),
    });
    expect(options?.output).toMatchObject({ format: 'es', entryFileNames: '[name].js' });
    expect(options?.external).toContain('better-sqlite3');
    expect(config.main?.build?.outDir).toBe(path.join(root, 'out/main'));
  });

  it('builds the preload as CommonJS index.cjs (sandboxed preloads cannot be ES modules)', () => {
    expect(config.preload?.build?.rolldownOptions?.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(config.preload?.build?.outDir).toBe(path.join(root, 'out/preload'));
  });

  it('builds the renderer from renderer/ into out/renderer', () => {
    expect(config.renderer?.root).toBe(path.join(root, 'renderer'));
    expect(config.renderer?.build?.outDir).toBe(path.join(root, 'out/renderer'));
    expect(config.renderer?.build?.rolldownOptions?.input).toBe(path.join(root, 'renderer/index.html'));
  });
});

/*
 * Builds main and preload for real into a temporary folder and runs the built main process under
 * plain Node with a fake `electron`: proves the bundle finds worker.js beside itself, loads
 * better-sqlite3 from node_modules and answers calls over the IPC handler.
 */
describe('built main process', () => {
  let outDir = '';
  const files = (dir: string) => fs.readdirSync(path.join(outDir, dir)).sort();
  const read = (dir: string) =>
    files(dir)
      .filter((file) => /\.c?js$/.test(file))
      .map((file) => fs.readFileSync(path.join(outDir, dir, file), 'utf8'))
      .join('\n');

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-build-'));
    // Externalised dependencies (zod, better-sqlite3) resolve from the project's node_modules.
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(outDir, 'node_modules'), 'junction');
    const nodeEnv = process.env['NODE_ENV'];
    try {
      const resolved = await resolveConfig(
        { configFile: path.join(root, 'electron.vite.config.ts'), root, build: { outDir }, logLevel: 'silent' },
        'build',
        'production',
      );
      for (const target of [resolved.config?.main, resolved.config?.preload]) {
        await build({ ...(target as InlineConfig), configFile: false, logLevel: 'silent' });
      }
    } finally {
      process.env['NODE_ENV'] = nodeEnv;
    }
  }, 120_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('puts index.js and worker.js side by side, and the preload in preload/index.cjs', () => {
    expect(files('main')).toEqual(expect.arrayContaining(['index.js', 'worker.js']));
    expect(files('preload')).toEqual(['index.cjs']);
  });

  it('does not bundle better-sqlite3', () => {
    const main = read('main');
    expect(main).toContain('"better-sqlite3"');
    // Markers from better-sqlite3's own lib/database.js.
    expect(main).not.toContain('filenameGiven');
    expect(main).not.toContain('better_sqlite3.node');
  });

  it('keeps the preload tiny: it requires only electron and carries no zod', () => {
    const preload = read('preload');
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual(['electron']);
    expect(preload).not.toMatch(/zod|import\s/);
    expect(preload).toContain('exposeInMainWorld("ledger"');
  });

  it('starts the worker, answers IPC calls and closes the database on quit', () => {
    const userData = path.join(outDir, 'user-data');
    const fixtures = path.join(import.meta.dirname, 'fixtures');
    const result = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(path.join(fixtures, 'register-hooks.mjs')).href, path.join(fixtures, 'run-built-main.mjs'), path.join(outDir, 'main/index.js')],
      { encoding: 'utf8', env: { ...process.env, FAKE_USER_DATA: userData }, timeout: 60_000 },
    );
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}');
    expect(report.status).toMatchObject({ ok: true, value: { initialized: false, databasePath: path.join(userData, 'ledger.sqlite') } });
    expect(report.init).toMatchObject({ ok: true, value: { initialized: true, installation: { officeName: '测试区卫生健康委员会' } } });
    expect(report.bogus).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(report.preload).toBe(path.join(outDir, 'preload/index.cjs'));
    expect(report.page).toBe(path.join(outDir, 'renderer/index.html'));
    expect(report.quitCount).toBe(2); // held once for the database to close, then again
    expect(fs.existsSync(path.join(userData, 'ledger.sqlite'))).toBe(true);
  });
});

