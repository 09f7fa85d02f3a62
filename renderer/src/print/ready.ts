import type { ApiError } from '../../../shared/api';

/*
 * How the print view tells whoever prints it that it is done: data attributes on <html> that
 * the desktop shell polls (webContents.executeJavaScript) and the e2e test waits for.
 */

/** Fonts loaded and images decoded: what printing needs beyond React's committed DOM. */
export async function whenLaidOut(doc: Document): Promise<void> {
  await doc.fonts?.ready;
  const images = Array.from(doc.querySelectorAll('img')).filter((image) => typeof image.decode === 'function');
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
}

/** A third of a landscape page's printable height (210 mm less the @page margins). */
const LONG_ROW_MM = 60;
const PX_PER_MM = 96 / 25.4;

/**
 * Rows are kept whole on a page (break-inside: avoid), but a row taller than a third of a page
 * (a task with six lead departments' reports) would leave half a page empty: those may break.
 * The screen sheet is as wide as the printed one, so its heights are the printed heights.
 */
export function markLongRows(doc: Document): void {
  for (const row of Array.from(doc.querySelectorAll<HTMLElement>('.print-row'))) {
    row.classList.toggle('print-row-long', row.getBoundingClientRect().height > LONG_ROW_MM * PX_PER_MM);
  }
}

export function markReady(doc: Document): void {
  delete doc.documentElement.dataset['printError'];
  delete doc.documentElement.dataset['printErrorCode'];
  doc.documentElement.dataset['printReady'] = 'true';
}

export function markFailed(doc: Document, error: Pick<ApiError, 'code' | 'message'>): void {
  delete doc.documentElement.dataset['printReady'];
  doc.documentElement.dataset['printErrorCode'] = error.code;
  doc.documentElement.dataset['printError'] = error.message;
}
