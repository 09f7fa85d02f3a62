import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, mergeConfig, type InlineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { rendererConfig } from '../../vite.renderer.config';

/** One chunk of a Vite manifest (`build.manifest`). */
export interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: string[];
  readonly dynamicImports?: string[];
  readonly css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Build {
  readonly dir: string;
  readonly manifest: Manifest;
}

const BLANK_ROOT = fileURLToPath(new URL('./blank', import.meta.url));

async function buildInto(dir: string, config: InlineConfig): Promise<Build> {
  await build(mergeConfig(config, { configFile: false, logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, manifest: true } } satisfies InlineConfig));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return { dir, manifest };
}

let rendererBuild: Promise<Build> | null = null;

/**
 * The renderer exactly as `vite build --config vite.renderer.config.ts` makes it, but in a
 * folder of its own: other work in this checkout builds out/renderer at the same time.
 */
export function buildRenderer(): Promise<Build> {
  // Once per run: the start and the render benches share it.
  return (rendererBuild ??= buildInto(path.join(os.tmpdir(), 'tl-bench-renderer'), { ...rendererConfig }));
}

/** A blank React page built the same way: same Vite, same React plugin, same target, production mode. */
export function buildBlank(): Promise<Build> {
  return buildInto(path.join(os.tmpdir(), 'tl-bench-blank'), {
    root: BLANK_ROOT,
    base: './',
    plugins: [react()],
    build: { target: rendererConfig.build?.target ?? 'chrome120' },
  });
}
