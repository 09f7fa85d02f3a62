/**
 * Reading a document and parsing it into a plan: all of an import that needs no database. It runs
 * in a thread of its own (parse-worker.ts), so a long or hostile file never holds up the database
 * thread; refusals come back as {code, message} naming the file.
 */
import { createHash } from 'node:crypto';
import type { ApiError } from '../../shared/api/errors';
import type { SourceInfo } from '../../shared/api/imports';
import { parsePlan, ParseLimitError, type ParseResult } from '../../shared/parse';
import { readDocument, readPastedText } from './readers';
import { ReadError } from './readers/read-error';

export type ParseJobInput = { readonly fileName: string; readonly contentBase64: string } | { readonly pastedText: string };

export interface ParseJobOutput {
  readonly parse: ParseResult;
  readonly source: SourceInfo;
}

export type ParseProgress = (label: string, done: number, total: number) => void;

/** An expected refusal, already worded for the clerk. */
export class ParseRefusal extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ParseRefusal';
  }
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A reader's refusal, naming the file: 文件“X.doc”无法导入：这是旧版 Word 文档…… */
export function refusalOf(fileName: string, reason: string): string {
  return `文件“${fileName}”无法导入：${reason}`;
}

function refuse(input: ParseJobInput, reason: string): ParseRefusal {
  // The clerk may have picked several files today: say which one was refused.
  const message = 'pastedText' in input ? reason : refusalOf(input.fileName, reason);
  return new ParseRefusal({ code: 'INVALID_ARGUMENT', message, fields: { file: message } });
}

export async function readAndParse(input: ParseJobInput, progress: ParseProgress): Promise<ParseJobOutput> {
  try {
    const fileName = 'pastedText' in input ? '粘贴的文字' : input.fileName;
    const bytes = 'pastedText' in input ? new TextEncoder().encode(input.pastedText) : Buffer.from(input.contentBase64, 'base64');
    const read = 'pastedText' in input ? readPastedText(input.pastedText) : await readDocument(bytes, fileName, (done, total) => progress('正在读取文件', done, total));
    progress('正在识别章节、任务和指标', 0, 1);
    const parse = parsePlan({ text: read.text, tables: read.tables, format: read.format, fileName });
    progress('正在识别章节、任务和指标', 1, 1);
    const source: SourceInfo = { fileName, format: read.format, sha256: sha256(bytes), contentHash: sha256(parse.normalizedText), size: bytes.length, encoding: read.encoding ?? null };
    return { parse, source };
  } catch (error) {
    if (error instanceof ReadError || error instanceof ParseLimitError) throw refuse(input, error.message);
    throw error;
  }
}
