import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const from = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/*
 * out/main:     index.js (the shell), worker.js (the database thread) and parse-worker.js (a thread
 *               per document read, import/parse-thread.ts) side by side, because CoreClient and
 *               parseInThread look for them next to themselves. ESM, as package.json says "module".
 * out/preload:  index.cjs, CommonJS: Electron cannot load an ES module as a sandboxed preload.
 * out/renderer: the page, built exactly as for the browser host.
 */
export default defineConfig({
  main: {
    build: {
      outDir: from('./out/main'),
      // Dependencies (better-sqlite3, zod) stay in node_modules: the native addon cannot be bundled.
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: from('./electron/main/index.ts'), worker: from('./electron/core/worker.ts'), 'parse-worker': from('./electron/import/parse-worker.ts') },
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
