import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/parse/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/core/**/*.test.ts', 'test/shell/**/*.test.ts', 'test/shared/**/*.test.ts', 'test/readers/**/*.test.ts', 'test/reports/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/dom-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
