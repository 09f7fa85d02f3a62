/** Text the clerk pasted into the import box. */
import { ReadError } from './read-error';
import { isBlank, normalizeText } from './text-normalize';
import type { ReadResult } from './types';

/** About as much text as a 50 MB file holds; a paste this long is a mistake. */
export const MAX_PASTE_CHARS = 20_000_000;

export function readPastedText(text: string): ReadResult {
  if (typeof text !== 'string') throw new ReadError('EMPTY', '没有粘贴任何文字。请复制计划正文后粘贴到输入框');
  if (text.length > MAX_PASTE_CHARS) throw new ReadError('TOO_LARGE', '粘贴的文字太多，无法导入。请分几次粘贴，或直接导入原文件');
  const normalized = normalizeText(text);
  if (isBlank(normalized)) throw new ReadError('EMPTY', '没有粘贴任何文字。请复制计划正文后粘贴到输入框');
  return { format: 'paste', text: normalized, tables: [] };
}
