// Loaded before tsx by parse-bombs.test.ts: pdfjs as the built app loads it, by Node itself. Through
// the test's TypeScript loader its 2 MB of JavaScript alone would cost 400 MB, hiding the reader's own peak.
const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
globalThis.pdfjsWorker = worker;
await import('pdfjs-dist/legacy/build/pdf.mjs');
