/** Text the clerk pasted into the import box. */
import { characters } from '../../../shared/parse/limits';
import { READ_LIMITS } from './limits';
import { ReadError } from './read-error';
import { isBlank, normalizeText } from './text-normalize';
import type { ReadResult } from './types';

/** The parser's limit: a paste longer than this is refused before anything else is done with it. */
export const MAX_PASTE_CHARS = READ_LIMITS.textChars;

export function readPastedText(text: string): ReadResult {
  if (typeof text !== 'string') throw new ReadError('EMPTY', '没有粘贴任何文字。请复制计划正文后粘贴到输入框');
  if (text.length > MAX_PASTE_CHARS) {
    throw new ReadError('TOO_LARGE', `粘贴的文字太多（${characters(text.length)}，上限 ${MAX_PASTE_CHARS / 10_000} 万字），无法导入。请分几次粘贴需要的部分，或直接导入原文件`);
  }
  const normalized = normalizeText(text);
  if (isBlank(normalized)) throw new ReadError('EMPTY', '没有粘贴任何文字。请复制计划正文后粘贴到输入框');
  return { format: 'paste', text: normalized, tables: [] };
}
