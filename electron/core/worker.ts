import { parentPort, workerData } from 'node:worker_threads';
import type { ApiError, LedgerEvent } from '../../shared/api';
import { toApiError } from './app-error';
import { Core } from './core';
import { createDispatcher, type Dispatch } from './dispatch';
import type { FromWorker, ToWorker, WorkerOptions } from './worker-protocol';

/*
 * The worker thread that owns the database. better-sqlite3 is synchronous, so keeping it here
 * means a long import or report never blocks the window, and progress events posted from the
 * running job reach the main thread while the job continues.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');

const post = (message: FromWorker) => port.postMessage(message);
const emit = (event: LedgerEvent) => post({ kind: 'event', event });
const options = workerData as WorkerOptions;

let core: Core | null = null;
let dispatch: Dispatch | null = null;
let openError: ApiError | null = null;
try {
  core = Core.open(options.dbPath, { emit });
  dispatch = createDispatcher(core, { onInternalError: (name, error) => console.error(`[core] ${name} failed:`, error) });
} catch (error) {
  openError = toApiError(error);
  // Keep the clerk-facing message of an expected failure (newer schema, wrong ABI, locked file).
  if (error instanceof Error && openError.code !== 'INTERNAL') openError = { code: openError.code, message: error.message };
  console.error('[core] cannot open database:', error);
}
post({ kind: 'ready', error: openError });

port.on('message', (message: ToWorker) => {
  if (message.kind === 'close') {
    core?.close();
    post({ kind: 'closed' });
    port.close();
    return;
  }
  if (!dispatch) {
    post({ kind: 'result', id: message.id, result: { ok: false, error: openError ?? { code: 'INTERNAL', message: '数据库未能打开' } } });
    return;
  }
  void dispatch(message.name, message.args, emit).then((result) => post({ kind: 'result', id: message.id, result }));
});
