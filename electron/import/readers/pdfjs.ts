/**
 * Loads pdfjs-dist's legacy build for plain Node (no DOM, no canvas) once, with the worker code running
 * on this thread (pdfjs's "fake worker", picked up from globalThis.pdfjsWorker), and knows where the
 * bundled CMaps and standard fonts are on disk so nothing is ever fetched from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type Pdfjs = typeof PdfjsModule;

let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

let dataDir: string | undefined;

/** node_modules/pdfjs-dist, for its cmaps/ and standard_fonts/ folders (local paths, trailing slash). */
export function pdfjsDataPaths(): { cMapUrl: string; standardFontDataUrl: string } {
  dataDir ??= path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: path.join(dataDir, 'cmaps') + path.sep,
    standardFontDataUrl: path.join(dataDir, 'standard_fonts') + path.sep,
  };
}
