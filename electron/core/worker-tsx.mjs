// Development-only bootstrap: Node 20 does not apply --import loader hooks to a worker's entry
// file, so register tsx here and then load the TypeScript worker.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.__entry);
