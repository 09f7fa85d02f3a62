// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * Layer rules (see README "Architecture"):
 * - shared/: pure TypeScript, no Node, Electron, DOM or app-layer imports.
 * - electron/ core: Node only; only the thin shell (electron/main, electron/preload) imports `electron`.
 * - renderer/: talks to the core only through the contract in shared/; no electron/ or Node imports.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'module', 'http', 'net', 'stream', 'util', 'events', 'buffer', 'zlib'];

const pattern = (group, message) => ({ group, message });

export const layerRules = {
  shared: {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(nodeBuiltins, 'shared/ is pure: no Node modules.'),
          pattern(['electron', 'electron/*'], 'shared/ is pure: no Electron.'),
          pattern(['react', 'react-dom', 'react-dom/*', 'zustand', 'recharts'], 'shared/ is pure: no UI libraries.'),
          pattern(['**/electron/**', '**/renderer/**', 'better-sqlite3'], 'shared/ must not depend on the app layers.'),
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  core: {
    files: ['electron/**/*.ts', 'electron/**/*.mjs'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(['electron', 'electron/*'], 'Only the shell (electron/main, electron/preload) may import electron; the core runs under plain Node.'),
          pattern(['**/renderer/**', 'react', 'react-dom'], 'The core must not depend on the UI.'),
          pattern(['**/main/**', '**/preload/**'], 'The core must not depend on the Electron shell.'),
        ],
      }],
    },
  },
  preload: {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(nodeBuiltins, 'The sandboxed preload cannot use Node modules.'),
          { group: ['**/shared/**'], allowTypeImports: true, message: 'The preload may only import types from shared/ (it is sandboxed and bundled tiny).' },
          pattern(['**/core/**', '**/services/**', '**/db/**', 'better-sqlite3'], 'The preload must not load the core.'),
        ],
      }],
    },
  },
  renderer: {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          pattern(nodeBuiltins, 'The renderer runs in a sandboxed page: no Node modules.'),
          pattern(['electron', 'electron/*'], 'The renderer reaches the main process only through the contract (window.ledger).'),
          pattern(['**/electron/**', 'better-sqlite3'], 'The renderer must not import the core; use the contract in shared/api.'),
        ],
      }],
    },
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
  },
  ...Object.values(layerRules),
);
