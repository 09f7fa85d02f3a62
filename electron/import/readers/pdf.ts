/**
 * PDF via pdfjs-dist: text items of each page are rebuilt into lines (see pdf-lines.ts), pages are
 * separated by a line holding only '\f', and progress is reported per page. A PDF with (almost) no
 * text on every page is a scan; pages without text in an otherwise readable PDF (scanned attachments)
 * are listed in `textlessPages`. A PDF that needs a password is refused; one without its end marker
 * is cut off.
 */
import { linesFromRuns, type TextRun } from './pdf-lines';
import { loadPdfjs, pdfjsDataPaths } from './pdfjs';
import { READ_LIMITS, textTooLong, tooManyPages } from './limits';
import { ReadError } from './read-error';
import type { ReadResult } from './types';

/**
 * A page with fewer visible characters than this has no real text layer (a scan, perhaps with a page
 * number or a scanner app's watermark). A PDF none of whose pages has text is refused as a scan.
 */
const MIN_CHARS_PER_PAGE = 20;

const corruptPdf = '无法读取该 PDF 文件，文件可能已损坏。请重新获取原文件，或改用原始 Word 文件导入';

export async function readPdf(bytes: Uint8Array, report: (done: number, total: number) => void): Promise<ReadResult> {
  if (!hasEndMarker(bytes)) {
    throw new ReadError('CORRUPT', 'PDF 文件不完整（缺少文件结尾），可能是下载或复制没有完成。请重新获取原文件后再导入');
  }
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a plain copy: pdfjs refuses Buffers and may detach what it is given
    ...pdfjsDataPaths(),
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS, // 0: no warnings or info on the console
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    stopAtErrors: false,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw toReadError(error);
    });
    const total = document.numPages;
    // Refused before any page is read: 10,000 pages took more than ten minutes.
    if (total > READ_LIMITS.pdfPages) throw tooManyPages(total);
    report(0, total);
    const pages: string[] = [];
    const textlessPages: number[] = [];
    let chars = 0;
    for (let number = 1; number <= total; number++) {
      const lines = await pageLines(document, number).catch((error: unknown) => {
        throw toReadError(error);
      });
      const page = lines.join('\n');
      chars += page.length;
      if (chars > READ_LIMITS.textChars) throw textTooLong(chars);
      if (page.replace(/\s/g, '').length < MIN_CHARS_PER_PAGE) textlessPages.push(number);
      pages.push(page);
      report(number, total);
    }
    if (textlessPages.length === total) throw new ReadError('SCANNED_PDF');
    const text = pages.join('\n\f\n');
    return textlessPages.length > 0 ? { format: 'pdf', text, tables: [], pages: total, textlessPages } : { format: 'pdf', text, tables: [], pages: total };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfjs>>['getDocument']>['promise']>;

async function pageLines(document: PdfDocument, number: number): Promise<string[]> {
  const page = await document.getPage(number);
  try {
    const content = await page.getTextContent();
    const runs: TextRun[] = [];
    for (const item of content.items) {
      if ('str' in item) runs.push({ str: item.str, transform: item.transform as number[], width: item.width });
    }
    return linesFromRuns(runs);
  } finally {
    page.cleanup();
  }
}

function toReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return new ReadError('ENCRYPTED', undefined, { cause: error });
  return new ReadError('CORRUPT', corruptPdf, { cause: error });
}

/** Viewers require "%%EOF" within the last 1024 bytes; a file cut short lacks it. */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}
