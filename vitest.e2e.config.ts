import { defineConfig } from 'vitest/config';

/** End-to-end: real Chromium against the browser host; one file at a time (2 cores). */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
