import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererConfig } from './vite.renderer.config';

const from = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * electron-vite prepends `const require = createRequire(…)` to any ES chunk that mentions
 * `require(`; a module that declares its own `require` (electron/db/native.ts) then fails to
 * load with "Identifier 'require' has already been declared". Nothing we bundle relies on bare
 * CommonJS globals (dependencies stay external), so the shim is dropped.
 */
function withoutCommonJsShim(): Plugin {
  return {
    name: 'target-ledger:without-commonjs-shim',
    configResolved(config) {
      const plugins = config.plugins as Plugin[];
      const index = plugins.findIndex((plugin) => plugin.name === 'vite:esm-shim');
      if (index >= 0) plugins.splice(index, 1);
    },
  };
}

/*
 * out/main:     index.js (the shell) and worker.js (the database thread) side by side, because
 *               CoreClient looks for worker.js next to itself. ESM, as package.json says "module".
 * out/preload:  index.cjs, CommonJS: Electron cannot load an ES module as a sandboxed preload.
 * out/renderer: the page, built exactly as for the browser host.
 */
export default defineConfig({
  main: {
    plugins: [withoutCommonJsShim()],
    build: {
      outDir: from('./out/main'),
      // Dependencies (better-sqlite3, zod) stay in node_modules: the native addon cannot be bundled.
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: from('./electron/main/index.ts'), worker: from('./electron/core/worker.ts') },
        external: ['better-sqlite3'],
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: from('./out/preload'),
      rolldownOptions: {
        input: { index: from('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    // electron-vite looks for the page under src/renderer unless told where it is.
    build: { ...rendererConfig.build, rolldownOptions: { input: from('./renderer/index.html') } },
  },
});
