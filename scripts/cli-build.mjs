// Builds the CLI (out/cli/main.js + worker.js) with vite.cli.config.ts, only when it is stale:
//   node scripts/cli-build.mjs           build if a source is newer than the bundle (npm run cli does this)
//   node scripts/cli-build.mjs --force   always build
// Also checks that better-sqlite3 loads in this Node.js first (and rebuilds it through
// scripts/native.mjs if not), so `npm run cli` needs one process before the CLI itself.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(projectRoot, 'out', 'cli');
/** Written last by a build: when it started and every project file the bundle was made from. */
export const STAMP = 'build-stamp.json';
/** Files that change the bundle without being modules in it. */
const CONFIG_FILES = ['vite.cli.config.ts', 'package.json', 'package-lock.json', 'scripts/cli-build.mjs'];

/**
 * Why the bundle in outDir must be rebuilt, or null when it is current. A source counts as newer
 * when modified after the build started, so an edit made during a build is not missed.
 */
export function staleReason(outDir = CLI_OUT, root = projectRoot) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(outDir, STAMP), 'utf8'));
  } catch {
    return '尚未构建';
  }
  if (!Number.isFinite(stamp?.startedAt) || !Array.isArray(stamp?.sources)) return '构建记录不完整';
  for (const entry of ['main.js', 'worker.js']) if (!fs.existsSync(path.join(outDir, entry))) return `缺少 ${entry}`;
  for (const relative of [...CONFIG_FILES, ...stamp.sources]) {
    let mtime;
    try {
      mtime = fs.statSync(path.join(root, relative)).mtimeMs;
    } catch {
      // A config file that never existed is fine; a source that vanished changes the bundle.
      if (CONFIG_FILES.includes(relative)) continue;
      return `${relative} 已删除`;
    }
    if (mtime > stamp.startedAt) return `${relative} 已修改`;
  }
  return null;
}

/** Build into a temporary folder and swap it in, so a running CLI never sees half a bundle. */
export async function buildCli(outDir = CLI_OUT) {
  const { build } = await import('vite');
  const startedAt = Date.now();
  const temp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  const output = await build({ configFile: path.join(projectRoot, 'vite.cli.config.ts'), root: projectRoot, logLevel: 'warn', build: { outDir: temp } });
  const sources = new Set();
  for (const result of [output].flat()) {
    for (const chunk of result.output ?? []) {
      for (const id of chunk.moduleIds ?? []) {
        const file = id.split('?')[0];
        if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        const relative = path.relative(projectRoot, file);
        if (!relative.startsWith('..')) sources.add(relative.split(path.sep).join('/'));
      }
    }
  }
  // main.js is the package's `bin` (npm link): executable like any command.
  fs.chmodSync(path.join(temp, 'main.js'), 0o755);
  fs.writeFileSync(path.join(temp, STAMP), `${JSON.stringify({ startedAt, sources: [...sources].sort() }, null, 2)}\n`);
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(temp, outDir);
  fs.rmSync(old, { recursive: true, force: true });
  return { sources: sources.size };
}

/** better-sqlite3 loads here, or scripts/native.mjs rebuilds it (in a fresh process, as it must). */
function ensureNative() {
  try {
    const Database = createRequire(import.meta.url)('better-sqlite3');
    new Database(':memory:').close();
    return 0;
  } catch {
    return spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'native.mjs'), 'node', '--quiet'], { stdio: 'inherit' }).status ?? 1;
  }
}

async function main() {
  const force = process.argv.includes('--force');
  if (!process.argv.includes('--no-native') && ensureNative() !== 0) return 1;
  const reason = force ? '--force' : staleReason();
  if (reason === null) return 0;
  process.stderr.write(`正在构建命令行（${reason}）…\n`);
  await buildCli();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
