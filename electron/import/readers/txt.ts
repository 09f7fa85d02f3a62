/** Plain-text files (.txt and anything else that decodes as text). */
import { checkTextLength } from './limits';
import { ReadError } from './read-error';
import { decodeText } from './text-decode';
import { isBlank, normalizeText } from './text-normalize';
import type { ReadResult } from './types';

export function readTxt(bytes: Uint8Array, ext: string): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded) {
    if (ext === 'txt' || ext === 'text' || ext === 'csv') {
      throw new ReadError('CORRUPT', '无法识别该文本文件的编码，或文件已损坏。请用记事本或 WPS 打开，另存为“UTF-8”编码的 .txt 文件后再导入');
    }
    throw new ReadError('UNSUPPORTED_FORMAT');
  }
  checkTextLength(decoded.text.length);
  const text = normalizeText(decoded.text);
  if (isBlank(text)) throw new ReadError('EMPTY');
  return { format: 'txt', text, tables: [], encoding: decoded.encoding };
}
