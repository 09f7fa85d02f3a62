import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const from = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Every dependency stays in node_modules: better-sqlite3 is native, pdfjs/exceljs/docx are large. */
const dependencies = Object.keys(pkg.dependencies);
const external = (id: string) =>
  id.startsWith('node:') || builtinModules.includes(id) || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

/*
 * The CLI as plain JavaScript, so a call starts in Node without transpiling (scripts/cli-build.mjs
 * runs this only when a source is newer than the bundle). out/cli/main.js, worker.js and
 * parse-worker.js sit side by side because CoreClient and parseInThread look for their thread's
 * script next to themselves; shared code goes to chunks in the same folder.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: from('./out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { main: from('./electron/cli/main.ts'), worker: from('./electron/core/worker.ts'), 'parse-worker': from('./electron/import/parse-worker.ts') },
      external,
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunk-[hash].js',
        // main.js is the package's `bin`: runnable as a command after `npm link`.
        banner: (chunk) => (chunk.isEntry && chunk.name === 'main' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
