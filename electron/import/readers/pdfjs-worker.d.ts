// pdfjs-dist ships no types for its worker entry; we only hand the module to pdfjs.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
