import fs from 'node:fs';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { Core } from '../../electron/core/core';
import { importPackage } from '../../electron/sync/service';

/*
 * Crash-safety child (sync-crash.test.ts): imports one package into one database through the
 * real import path and says where it is on stdout, one line per phase, so the parent can kill
 * it (SIGKILL) at a chosen moment. Lines: open, verify, backup, write <n>, done.
 * Usage: node --import tsx test/core/sync-crash-child.ts <database> <package>
 */

const [dbFile, packageFile] = process.argv.slice(2) as [string, string];
// Writes to a pipe are synchronous on Linux: a line is out before the next statement runs.
const say = (line: string) => process.stdout.write(`${line}\n`);
const WRITE_EVERY = 2000;

say('open');
const core = Core.open(dbFile);
const db = core.db;

// Report progress from inside the import transaction without a hook in the core: count every
// write statement run while a transaction is open (appends, rows, conflict queue, search index).
let writes = 0;
const counted = (statement: Statement): Statement => {
  if (statement.reader) return statement;
  const run = statement.run.bind(statement);
  statement.run = ((...params: unknown[]) => {
    if (db.inTransaction && writes++ % WRITE_EVERY === 0) say(`write ${writes}`);
    return run(...params);
  }) as Statement['run'];
  return statement;
};
const prepare = db.prepare.bind(db);
db.prepare = ((source: string) => counted(prepare(source))) as typeof db.prepare;
const backup = db.backup.bind(db);
db.backup = ((...args: Parameters<typeof db.backup>) => {
  say('backup');
  return backup(...args);
}) as typeof db.backup;

say('verify');
const bytes = fs.readFileSync(packageFile);
await importPackage(core, { files: [{ fileName: path.basename(packageFile), contentBase64: bytes.toString('base64') }], trustFingerprint: null });
say('done');
// Linger so a kill can also land after the import finished; the parent always ends us.
setTimeout(() => process.exit(0), 30_000);
