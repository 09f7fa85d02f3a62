import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * The page ships a strict CSP meta tag. Vite's dev server needs inline scripts (React refresh
 * preamble) and a websocket, so only in `serve` mode is the policy relaxed for those.
 */
function devCsp(): Plugin {
  return {
    name: 'target-ledger-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

/** Shared by electron-vite (renderer part) and the plain build the browser host serves. */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react(), devCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 800,
  },
};

export default defineConfig(rendererConfig);
