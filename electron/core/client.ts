import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiError, ApiResult, CallArgs, CallName, CallResult, LedgerApi, LedgerEvent } from '../../shared/api';
import type { FromWorker, ToWorker, WorkerOptions } from './worker-protocol';

/**
 * Locate the worker script: next to the bundle in a build (`worker.js`), or the TypeScript
 * source run through tsx in development, tests and the CLI.
 */
export function workerEntry(): { file: string; source: string | null } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'worker.js');
  if (fs.existsSync(built)) return { file: built, source: null };
  return { file: path.join(here, 'worker-tsx.mjs'), source: pathToFileURL(path.join(here, 'worker.ts')).href };
}

/** Talks to the database worker by messages; used by the Electron main process, the browser host and the CLI. */
export class CoreClient implements LedgerApi {
  private nextId = 1;
  private readonly pending = new Map<number, (result: ApiResult<unknown>) => void>();
  private readonly listeners = new Set<(event: LedgerEvent) => void>();
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    readonly openError: ApiError | null,
  ) {}

  /** Start the worker and wait until it has opened (or failed to open) the database. */
  static start(options: WorkerOptions): Promise<CoreClient> {
    const entry = workerEntry();
    const worker = new Worker(entry.file, { workerData: entry.source ? { ...options, __entry: entry.source } : options });
    return new Promise((resolve, reject) => {
      const onReady = (message: FromWorker) => {
        if (message.kind !== 'ready') return;
        worker.off('message', onReady);
        worker.off('error', reject);
        const client = new CoreClient(worker, message.error);
        client.listen();
        resolve(client);
      };
      worker.on('message', onReady);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`数据库线程启动失败（退出码 ${code}）`)));
    });
  }

  private listen(): void {
    this.worker.on('message', (message: FromWorker) => {
      if (message.kind === 'result') {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      } else if (message.kind === 'event') {
        for (const listener of this.listeners) listener(message.event);
      }
    });
    const failAll = (reason: string) => {
      this.exited = true;
      for (const resolve of this.pending.values()) resolve({ ok: false, error: { code: 'INTERNAL', message: reason } });
      this.pending.clear();
    };
    this.worker.on('error', (error) => failAll(`数据库线程出错：${error.message}`));
    this.worker.on('exit', () => failAll('数据库线程已退出'));
  }

  invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
    return this.call(name, args) as Promise<ApiResult<CallResult<N>>>;
  }

  /** Untyped entry for bridges that forward names and arguments they received from outside. */
  call(name: unknown, args: unknown): Promise<ApiResult<unknown>> {
    if (this.exited) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: '数据库线程已退出' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const message: ToWorker = { kind: 'call', id, name: String(name), args };
      this.worker.postMessage(message);
    });
  }

  onEvent(listener: (event: LedgerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const closed = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ kind: 'close' } satisfies ToWorker);
    await closed;
  }
}
