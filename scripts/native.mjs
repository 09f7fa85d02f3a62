// Makes sure better-sqlite3 is compiled for the runtime about to use it.
//   node scripts/native.mjs node [--quiet]   tests, CLI, browser host (this Node.js)
//   node scripts/native.mjs electron         the desktop app (Electron's own Node ABI)
// The addon has one ABI at a time, so switching between `npm test` and `npm start` rebuilds it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

/** The addon exists but was built for another Node.js or Electron (or another platform). */
export function isAbiMismatch(message) {
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|Module did not self-register|not a valid Win32 application/.test(
    String(message),
  );
}

/** The package is installed but its compiled addon is missing (e.g. install scripts were skipped). */
export function isAddonMissing(message) {
  return /Could not locate the bindings file|better_sqlite3\.node/.test(String(message)) && /Cannot find module|Could not locate/.test(String(message));
}

/** What to do about a failed load: rebuild, ask for a full install, or give up with the error. */
export function diagnose(message) {
  if (isAbiMismatch(message) || isAddonMissing(message)) return 'rebuild';
  if (/Cannot find module 'better-sqlite3'/.test(String(message))) return 'install';
  return 'unknown';
}

export function parseArgs(argv) {
  const target = argv[0];
  if (target !== 'node' && target !== 'electron') return null;
  return { target, quiet: argv.includes('--quiet') };
}

/** Load and open an in-memory database in a fresh process, so a rebuilt addon is seen afresh. */
function probe() {
  const script = "const Database = require('better-sqlite3'); new Database(':memory:').close();";
  const result = spawnSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' });
  return { ok: result.status === 0, message: `${result.stderr ?? ''}${result.error?.message ?? ''}` };
}

function run(command, args, quiet) {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: quiet ? 'ignore' : 'inherit', shell: isWindows });
  return result.status ?? 1;
}

function failure(command, detail) {
  const firstLine = detail.split('\n').find((line) => line.trim()) ?? '';
  return [
    `数据库组件 better-sqlite3 无法在当前 Node.js（${process.version}）中加载。请在项目目录运行：${command}`,
    `better-sqlite3 cannot be loaded by this Node.js (${process.version}). Run in the project folder: ${command}`,
    firstLine && `  ${firstLine.trim()}`,
  ]
    .filter(Boolean)
    .join('\n');
}

function ensureForNode(quiet) {
  const first = probe();
  if (first.ok) return 0;
  const action = diagnose(first.message);
  if (action === 'install') {
    console.error(failure('npm install', first.message));
    return 1;
  }
  if (action === 'unknown') {
    console.error(failure('npm rebuild better-sqlite3', first.message));
    return 1;
  }
  if (!quiet) console.log('better-sqlite3 不是为当前 Node.js 编译的，正在重新编译… (npm rebuild better-sqlite3)');
  run('npm', ['rebuild', 'better-sqlite3'], quiet);
  const second = probe();
  if (second.ok) return 0;
  console.error(failure('npm rebuild better-sqlite3', second.message));
  return 1;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error('用法 / usage: node scripts/native.mjs node|electron [--quiet]');
    return 2;
  }
  if (args.target === 'node') return ensureForNode(args.quiet);
  // Rebuilds native dependencies against the installed Electron's headers.
  return run('npx', ['electron-builder', 'install-app-deps'], args.quiet);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main();
