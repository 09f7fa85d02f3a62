import fs from 'node:fs';
import { fileSource, restoreDatabase } from '../../electron/backup/restore';
import { Core } from '../../electron/core/core';

/*
 * Peak-memory child (restore-memory.test.ts): restores <backup file> into <database> through the
 * real restore and prints one JSON line: the outcome, the time taken and the process's peak
 * resident memory (getrusage maxRSS and /proc/self/status VmHWM, in MB).
 * Usage: node --import tsx test/core/restore-memory-child.ts <database> <backup file>
 */

const [dbFile, backupFile] = process.argv.slice(2) as [string, string];
const core = Core.open(dbFile);
const started = performance.now();
let outcome: { ok: boolean; code?: string; message?: string };
try {
  await restoreDatabase(core, dbFile, fileSource(dbFile, backupFile));
  outcome = { ok: true };
} catch (error) {
  const { code, message } = error as { code?: string; message?: string };
  outcome = { ok: false, code, message };
}
const ms = performance.now() - started;
core.close();
const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
process.stdout.write(`${JSON.stringify({ ...outcome, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, vmHwmMb: hwm ? Number(hwm) / 1024 : null })}\n`);
