import { parentPort, workerData } from 'node:worker_threads';
import type { ParseWorkerMessage, ParseWorkerRequest } from './parse-protocol';
import { ParseRefusal, readAndParse } from './parse-job';

/*
 * A thread for one parse (started by parse-thread.ts): reads the document, parses it, posts
 * progress as it goes and then the result or the refusal, and ends. The database thread stays
 * free meanwhile, and ending the thread frees everything the parse took.
 */
const port = parentPort;
if (!port) throw new Error('parse-worker.ts must run as a worker thread');
const post = (message: ParseWorkerMessage) => port.postMessage(message);
const { input } = workerData as ParseWorkerRequest;

try {
  const value = await readAndParse(input, (label, done, total) => post({ kind: 'progress', label, done, total }));
  post({ kind: 'done', value });
} catch (error) {
  if (error instanceof ParseRefusal) post({ kind: 'refused', error: error.error });
  else post({ kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), stack: error instanceof Error ? (error.stack ?? '') : '' });
}
