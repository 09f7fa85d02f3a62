// Builds only the Electron shell (main process + preload) with the project's electron-vite config,
// into a folder of the caller's choosing, without touching out/ or building the page:
//   node scripts/build-shell.mjs <outDir>
// Needs no Electron binary and no network. Output: <outDir>/main/index.js (+ worker, chunks),
// <outDir>/preload/index.cjs.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Build main and preload into outDir (absolute or relative to the working directory). */
export async function buildShell(outDir) {
  const target = path.resolve(outDir);
  // electron-vite sets NODE_ENV while resolving; leave the caller's environment as it was.
  const nodeEnv = process.env['NODE_ENV'];
  try {
    const resolved = await resolveConfig(
      { configFile: path.join(projectRoot, 'electron.vite.config.ts'), root: projectRoot, build: { outDir: target }, logLevel: 'silent' },
      'build',
      'production',
    );
    for (const config of [resolved.config?.main, resolved.config?.preload]) {
      if (!config) throw new Error('electron.vite.config.ts defines no main or no preload build');
      await build({ ...config, configFile: false, logLevel: 'silent' });
    }
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  return { main: path.join(target, 'main'), preload: path.join(target, 'preload') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('用法：node scripts/build-shell.mjs <输出目录>');
    process.exit(2);
  }
  await buildShell(outDir);
  console.log(`已构建主进程与预加载脚本：${path.resolve(outDir)}`);
}
