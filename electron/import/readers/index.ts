/**
 * Document readers for plan import: bytes of a .docx / .xlsx / .pdf / .txt file (or pasted text) in,
 * plain text (and tables) out. The format is decided by content, not by extension. Every failure a
 * clerk can cause is a ReadError with a Chinese message saying what to do; nothing else is thrown,
 * except what an onProgress callback itself throws.
 */
import { detectFormat, extensionOf } from './detect';
import { readDocx } from './docx';
import { readPdf } from './pdf';
import { ReadError } from './read-error';
import { readTxt } from './txt';
import type { ProgressCallback, ReadResult } from './types';
import { readXlsx } from './xlsx';

export { ReadError, readErrorMessages, type ReadErrorCode } from './read-error';
export { readPastedText } from './paste';
export type { ProgressCallback, ReadResult, ReadTable, SourceFormat, TextEncoding } from './types';

/** Largest file accepted. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Wraps an error thrown by the caller's progress callback so it is passed through untouched. */
class CallbackFailure {
  constructor(readonly error: unknown) {}
}

export async function readDocument(bytes: Uint8Array, fileName: string, onProgress?: ProgressCallback): Promise<ReadResult> {
  const report = (done: number, total: number): void => {
    try {
      onProgress?.(done, total);
    } catch (error) {
      throw new CallbackFailure(error);
    }
  };
  try {
    if (!(bytes instanceof Uint8Array)) throw new ReadError('CORRUPT');
    if (bytes.byteLength > MAX_FILE_BYTES) throw new ReadError('TOO_LARGE');
    if (bytes.byteLength === 0) throw new ReadError('EMPTY', '文件是空的（0 字节）。请确认选对了文件，或重新获取原文件');
    const format = detectFormat(bytes, fileName);
    if (format === 'pdf') return await readPdf(bytes, report);
    report(0, 1);
    const result =
      format === 'docx' ? await readDocx(bytes) : format === 'xlsx' ? await readXlsx(bytes) : readTxt(bytes, extensionOf(fileName));
    report(1, 1);
    return result;
  } catch (error) {
    if (error instanceof CallbackFailure) throw error.error;
    if (error instanceof ReadError) throw error;
    throw new ReadError('CORRUPT', undefined, { cause: error });
  }
}
