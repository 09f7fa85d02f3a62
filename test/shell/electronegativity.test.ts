import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * scripts/electronegativity.mjs is the `audit:electron` step of `npm test`. Each case runs it as
 * `npm test` does (exit code and printed report); the runs start together to keep this file fast.
 */
const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/electronegativity.mjs');

interface Run {
  status: number | null;
  output: string;
}

function runAudit(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

const preload = `const { contextBridge, ipcRenderer } = require('electron');
contextBridge.exposeInMainWorld('ledger', { invoke: (name, args) => ipcRenderer.invoke('ledger:invoke', name, args) });
`;

/** A fake build folder: main/index.js and preload/index.cjs with the given sources. */
function sampleBuild(parent: string, name: string, files: { main?: string; preload?: string }): string {
  const dir = path.join(parent, name);
  for (const [folder, file, source] of [
    ['main', 'index.js', files.main],
    ['preload', 'index.cjs', files.preload],
  ] as const) {
    fs.mkdirSync(path.join(dir, folder), { recursive: true });
    if (source !== undefined) fs.writeFileSync(path.join(dir, folder, file), source);
  }
  return dir;
}

let temp = '';
let runs: Record<'ours' | 'insecure' | 'unparseable' | 'noPreload', Run>;

beforeAll(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-audit-test-'));
  const insecure = sampleBuild(temp, 'insecure', {
    main: `import { BrowserWindow } from 'electron';
export function open() {
  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });
}
`,
    preload,
  });
  // Newer syntax the tool's parsers cannot read: on its own the tool would report nothing.
  const unparseable = sampleBuild(temp, 'unparseable', {
    main: `import { BrowserWindow } from 'electron';
const options = { webPreferences: { nodeIntegration: true } } satisfies object;
export const open = () => new BrowserWindow(options);
`,
    preload,
  });
  const noPreload = sampleBuild(temp, 'no-preload', { main: "export const x = 1;\n" });
  const [ours, ...samples] = await Promise.all([runAudit([]), ...[insecure, unparseable, noPreload].map((dir) => runAudit(['--built', dir]))]);
  runs = { ours: ours!, insecure: samples[0]!, unparseable: samples[1]!, noPreload: samples[2]! };
}, 120_000);

afterAll(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe('electronegativity audit', () => {
  it("passes on the app's own main and preload, having scanned both", () => {
    const { status, output } = runs.ours;
    expect(output).toMatch(/已扫描 main\/index\.js：0 项发现/);
    expect(output).toMatch(/已扫描 preload\/index\.cjs：0 项发现/);
    expect(output).not.toMatch(/未确认|✗/);
    expect(output).toContain('electronegativity：未发现问题');
    expect(status, output).toBe(0);
  });

  it('fails on a main process that enables Node, turns off isolation and web security', () => {
    const { status, output } = runs.insecure;
    expect(status, output).toBe(1);
    for (const check of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(output).toContain(check);
    }
    expect(output).toContain('审计未通过');
    // The files themselves were read: the failure is not a scan of nothing.
    expect(output).toMatch(/已扫描 main\/index\.js：[1-9]\d* 项发现/);
    expect(output).toMatch(/已扫描 preload\/index\.cjs/);
  });

  it('fails when the tool cannot parse a file, instead of reporting no findings', () => {
    const { status, output } = runs.unparseable;
    expect(status, output).toBe(1);
    expect(output).toMatch(/无法解析 main\/index\.js/);
    expect(output).toMatch(/无法证明已扫描 main\/index\.js/);
    expect(output).toMatch(/未确认 main\/index\.js/);
  });

  it('fails when the build lacks the preload', () => {
    const { status, output } = runs.noPreload;
    expect(status, output).toBe(1);
    expect(output).toContain('缺少：preload/index.cjs');
  });
});
