/**
 * Runs readAndParse in a thread of its own, one per parse, from the database thread: calls keep
 * being answered while a document is read, a parse that outgrows its memory limit ends only its
 * own thread (and is refused in Chinese), and cancelling one ends its thread at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../core/app-error';
import { log } from '../core/log';
import { refusalOf, type ParseJobInput, type ParseJobOutput, type ParseProgress } from './parse-job';
import type { ParseWorkerMessage, ParseWorkerRequest } from './parse-protocol';

/** The last guard: the limits in readers/limits.ts keep real and hostile files far below it. */
export const PARSE_MEMORY_MB = 1536;

/**
 * The thread's script: `parse-worker.js` beside the bundle in a build (vite.cli.config.ts and
 * electron.vite.config.ts emit it next to worker.js), or the TypeScript source through tsx in
 * development, tests and the unbundled CLI (core/worker-tsx.mjs registers tsx, as for the
 * database thread).
 */
export function parseWorkerEntry(): { file: string; source: string | null } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'parse-worker.js');
  if (fs.existsSync(built)) return { file: built, source: null };
  return { file: path.join(here, '..', 'core', 'worker-tsx.mjs'), source: pathToFileURL(path.join(here, 'parse-worker.ts')).href };
}

const running = new Set<Worker>();

/** End every parse still running (the database thread is closing): each is refused, nothing was written. */
export async function cancelAllParses(): Promise<void> {
  await Promise.all([...running].map((worker) => worker.terminate()));
}

const nameOf = (input: ParseJobInput) => ('pastedText' in input ? null : input.fileName);

function outOfMemory(input: ParseJobInput): AppError {
  const reason = '文件内容过多，读取所需的内存超过了上限，未作任何改动。请将文件拆分后分别导入，或只导入需要的部分';
  const name = nameOf(input);
  const message = name === null ? reason : refusalOf(name, reason);
  return new AppError('INVALID_ARGUMENT', message, { file: message });
}

export interface ParseThreadOptions {
  /** Ends the thread and refuses the parse. */
  readonly signal?: AbortSignal;
  /** Heap limit of the thread (tests lower it). */
  readonly memoryMb?: number;
}

export function parseInThread(input: ParseJobInput, progress: ParseProgress, options: ParseThreadOptions = {}): Promise<ParseJobOutput> {
  const { signal, memoryMb = PARSE_MEMORY_MB } = options;
  const entry = parseWorkerEntry();
  const request: ParseWorkerRequest = { input };
  const worker = new Worker(entry.file, {
    workerData: entry.source ? { ...request, __entry: entry.source } : request,
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
  });
  running.add(worker);
  return new Promise<ParseJobOutput>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      running.delete(worker);
      signal?.removeEventListener('abort', abort);
      outcome();
    };
    const abort = () => {
      settle(() => reject(new AppError('UNAVAILABLE', '已取消读取文件，未作任何改动')));
      void worker.terminate();
    };
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: ParseWorkerMessage) => {
      if (message.kind === 'progress') {
        if (!settled) progress(message.label, message.done, message.total);
      } else if (message.kind === 'done') {
        settle(() => resolve(message.value));
      } else if (message.kind === 'refused') {
        const { code, message: text, fields } = message.error;
        settle(() => reject(new AppError(code, text, fields ? { ...fields } : undefined)));
      } else {
        const error = new Error(message.message);
        error.stack = message.stack;
        settle(() => reject(error));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        log.warn('parse.memory', { limitMb: memoryMb });
        settle(() => reject(outOfMemory(input)));
      } else {
        settle(() => reject(error));
      }
    });
    worker.on('exit', (code) => settle(() => reject(new AppError('UNAVAILABLE', code === 1 ? '已取消读取文件，未作任何改动' : `读取文件的线程意外结束（退出码 ${code}），未作任何改动。请重试`))));
  });
}
