import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose, isAbiMismatch, parseArgs } from '../../scripts/native.mjs';

const script = path.resolve(import.meta.dirname, '../../scripts/native.mjs');

describe('native module diagnosis', () => {
  it('recognises the ways an addon built for another runtime fails to load', () => {
    const messages = [
      "The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 140. This version of Node.js requires NODE_MODULE_VERSION 115.",
      '/x/build/Release/better_sqlite3.node: invalid ELF header',
      'Module did not self-register: /x/better_sqlite3.node',
      '\\\\?\\C:\\app\\better_sqlite3.node is not a valid Win32 application.',
    ];
    for (const message of messages) {
      expect(isAbiMismatch(message), message).toBe(true);
      expect(diagnose(message)).toBe('rebuild');
    }
  });

  it('rebuilds when the compiled addon is missing, asks for npm install when the package is', () => {
    expect(diagnose('Error: Could not locate the bindings file. Tried:\n → /x/build/better_sqlite3.node')).toBe('rebuild');
    expect(diagnose("Error: Cannot find module 'better-sqlite3'\nRequire stack:")).toBe('install');
  });

  it('does not mistake other failures for an ABI mismatch', () => {
    for (const message of ['SqliteError: unable to open database file', 'EACCES: permission denied', '']) {
      expect(isAbiMismatch(message)).toBe(false);
      expect(diagnose(message)).toBe('unknown');
    }
  });

  it('parses the target and --quiet', () => {
    expect(parseArgs(['node', '--quiet'])).toEqual({ target: 'node', quiet: true });
    expect(parseArgs(['electron'])).toEqual({ target: 'electron', quiet: false });
    expect(parseArgs([])).toBeNull();
    expect(parseArgs(['python'])).toBeNull();
  });
});

/*
 * End to end on a throwaway project: a fake better-sqlite3 that fails like a wrong-ABI build and
 * a fake `npm` on PATH whose `rebuild` repairs it (or not).
 */
describe.skipIf(process.platform === 'win32')('node scripts/native.mjs node', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  const mismatch = "throw new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 999');";
  const working = 'module.exports = class Database { close() {} };';

  function project(npmRepairs: boolean) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'native-'));
    dirs.push(dir);
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.copyFileSync(script, path.join(dir, 'scripts/native.mjs'));
    const pkg = path.join(dir, 'node_modules/better-sqlite3');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"better-sqlite3","main":"index.js"}');
    fs.writeFileSync(path.join(pkg, 'index.js'), mismatch);
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const repair = npmRepairs ? `printf '%s' '${working}' > "${path.join(pkg, 'index.js')}"` : 'true';
    fs.writeFileSync(path.join(bin, 'npm'), `#!/bin/sh\necho "$@" >> "${path.join(dir, 'npm.log')}"\n${repair}\n`, { mode: 0o755 });
    const run = () =>
      spawnSync(process.execPath, ['scripts/native.mjs', 'node', '--quiet'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}` },
      });
    const npmLog = () => (fs.existsSync(path.join(dir, 'npm.log')) ? fs.readFileSync(path.join(dir, 'npm.log'), 'utf8') : '');
    return { run, npmLog };
  }

  it('rebuilds after an ABI mismatch and succeeds when the rebuild fixes it', () => {
    const { run, npmLog } = project(true);
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(npmLog().trim()).toBe('rebuild better-sqlite3');
  });

  it('exits 1 with a Chinese and English message naming the command when the rebuild does not help', () => {
    const { run, npmLog } = project(false);
    const result = run();
    expect(result.status).toBe(1);
    expect(npmLog().trim()).toBe('rebuild better-sqlite3');
    expect(result.stderr).toContain('请在项目目录运行：npm rebuild better-sqlite3');
    expect(result.stderr).toContain('Run in the project folder: npm rebuild better-sqlite3');
  });
});
