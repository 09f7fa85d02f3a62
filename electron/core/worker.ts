import { parentPort, workerData } from 'node:worker_threads';
import type { ApiError, ApiResult, LedgerEvent } from '../../shared/api';
import { backupBeforeMigration } from '../backup/create';
import { runDailyBackup, startDailyBackups } from '../backup/daily';
import { createRecoveryDispatcher } from '../backup/recovery';
import { cleanLeftovers } from '../backup/store';
import { AppError, toApiError } from './app-error';
import { Core } from './core';
import { createDispatcher, type Dispatch } from './dispatch';
import { log, logFolderOf, RotatingLog, setAppLog } from './log';
import { APP_VERSION } from './version';
import { latestSchemaVersion, schemaVersion } from '../db/migrate';
import { diagnosticsBundle } from '../diagnostics/bundle';
import { cancelAllParses } from '../import/parse-thread';
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

/* A restore replaces the database file: it waits for running calls, and later calls wait for it. */
const EXCLUSIVE = new Set(['backup.restore', 'backup.restoreFile']);
const running = new Set<Promise<void>>();
let exclusive: Promise<void> = Promise.resolve();

function schedule<T>(isExclusive: boolean, job: () => Promise<T>): Promise<T> {
  const result = (isExclusive ? Promise.allSettled([...running]) : exclusive).then(job);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  running.add(settled);
  void settled.then(() => running.delete(settled));
  if (isExclusive) exclusive = settled;
  return result;
}

let core: Core | null = null;
let dispatch: Dispatch | null = null;
let openError: ApiError | null = null;
let stopDaily: (() => void) | null = null;

// The local log beside the database: codes, counts and stacks only, never plan content (see log.ts).
const logFolder = logFolderOf(options.dbPath);
if (logFolder) setAppLog(new RotatingLog(logFolder, { source: 'worker' }));
log.info('start', { app: APP_VERSION, node: process.versions.node, electron: process.versions['electron'] ?? null });
/** Faults of the disk or the file a clerk sees as a message, and backup calls: logged for support. */
const LOGGED_FAULTS = new Set(['DISK_FULL', 'READ_ONLY', 'DATABASE_LOCKED', 'CORRUPT']);

const backupBeforeMigrate = backupBeforeMigration(options.dbPath);
const open = () =>
  Core.open(options.dbPath, {
    emit,
    beforeMigrate: (from, db) => {
      log.info('migrate', { from, to: latestSchemaVersion() });
      backupBeforeMigrate(from, db);
    },
  });

function serve(opened: Core): Core {
  core = opened;
  openError = null;
  dispatch = createDispatcher(opened, {
    onInternalError: (name, error) => {
      console.error(`[core] ${name} failed:`, error);
      log.error('call.failed', { call: name, code: 'INTERNAL' }, error);
    },
  });
  log.info('open', { schema: schemaVersion(opened.db), initialized: opened.identity !== null });
  stopDaily?.();
  stopDaily = startDailyBackups(() =>
    schedule(false, () => runDailyBackup(opened)).then(
      (backup) => backup && log.info('backup', { reason: 'daily' }),
      (error: unknown) => log.error('backup.failed', { reason: 'daily' }, error),
    ),
  );
  return opened;
}

// What a killed backup or restore of this database left behind goes before anything runs.
cleanLeftovers(options.dbPath);
try {
  serve(open());
} catch (error) {
  openError = toApiError(error);
  // Keep the clerk-facing message of an expected failure (newer schema, wrong ABI, locked file).
  if (error instanceof AppError) openError = { code: openError.code, message: error.message };
  console.error('[core] cannot open database:', error);
  log.error('open.failed', { code: openError.code }, error);
  // Still answer the backup list and restore, so the start screen can offer recovery.
  dispatch = createRecoveryDispatcher(options.dbPath, openError, { onRestored: () => serve(open()) });
}
post({ kind: 'ready', error: openError });

port.on('message', (message: ToWorker) => {
  if (message.kind === 'close') {
    stopDaily?.();
    // A document still being read would hold the close up for as long as it takes: end it (nothing was written).
    void cancelAllParses();
    void Promise.allSettled([...running]).then(() => {
      core?.close();
      post({ kind: 'closed' });
      port.close();
    });
    return;
  }
  const run = (): Promise<ApiResult<unknown>> => {
    // 导出诊断信息 works when the database would not open too: logs and versions are what support needs then.
    if (!core && message.name === 'diagnostics.export') {
      return Promise.resolve({ ok: true, value: diagnosticsBundle({ dbFile: options.dbPath, db: null, openError: openError?.code ?? null }) });
    }
    if (!dispatch) return Promise.resolve({ ok: false, error: openError ?? { code: 'INTERNAL', message: '数据库未能打开' } });
    return dispatch(message.name, message.args, emit);
  };
  void schedule(EXCLUSIVE.has(message.name), run).then((result) => {
    if (!result.ok && LOGGED_FAULTS.has(result.error.code)) log.warn('call.fault', { call: message.name, code: result.error.code });
    else if (result.ok && /^backup\.(create|restore|restoreFile)$/.test(message.name)) log.info(message.name);
    post({ kind: 'result', id: message.id, result });
  });
});
