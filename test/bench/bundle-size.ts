import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Build } from './builds';

export interface BundleSizes {
  /** JavaScript the page loads before it can run: the entry and everything it imports statically. */
  readonly initialFiles: string[];
  readonly initialGzipKb: number;
  /** Chunks loaded later (import()), largest first. */
  readonly lazy: { file: string; gzipKb: number }[];
}

function gzipKb(dir: string, file: string): number {
  return gzipSync(fs.readFileSync(path.join(dir, file))).length / 1024;
}

/** Files the built index.html loads itself: module scripts and module preloads. */
export function htmlScripts(html: string): string[] {
  const found = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  return found.map((match) => match[1]!.replace(/^\.?\//, ''));
}

/** Initial and lazy JavaScript of a build, from its manifest and its index.html. */
export function bundleSizes(built: Build): BundleSizes {
  const { manifest, dir } = built;
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  // Whatever the HTML itself loads counts too, whether the manifest calls it an import or not.
  for (const file of htmlScripts(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'))) {
    const key = byFile.get(file);
    if (key) visit(key);
    else if (file.endsWith('.js')) initial.add(file);
  }
  const initialFiles = [...initial].filter((file) => file.endsWith('.js')).sort();
  const lazy = [...new Set(Object.values(manifest).map((chunk) => chunk.file))]
    .filter((file) => file.endsWith('.js') && !initial.has(file))
    .map((file) => ({ file, gzipKb: gzipKb(dir, file) }))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  return { initialFiles, initialGzipKb: initialFiles.reduce((sum, file) => sum + gzipKb(dir, file), 0), lazy };
}
