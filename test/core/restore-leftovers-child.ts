import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../../electron/backup/create';
import { backupSource, restoreDatabase } from '../../electron/backup/restore';
import { Core } from '../../electron/core/core';
import { loadSqlite } from '../../electron/db/native';

/*
 * Killed-midway child (restore-leftovers.test.ts): runs a real backup or restore of <database>
 * and kills itself (SIGKILL) at the moment its result would be renamed into place, leaving what
 * a power cut or a killed process leaves. For a backup it first opens a write on the temporary
 * copy, as prepareCopy does, so its -journal is left behind too.
 * Usage: node --import tsx test/core/restore-leftovers-child.ts <database> backup|restore [<backup id>]
 */

const [dbFile, mode, id] = process.argv.slice(2) as [string, 'backup' | 'restore', string | undefined];
const rename = fs.renameSync.bind(fs);
fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
  const source = String(from);
  if (mode === 'backup' && /\.sqlite\.[0-9a-f-]+\.tmp$/.test(source)) {
    const db = new (loadSqlite())(source);
    db.exec("BEGIN IMMEDIATE; DELETE FROM local_meta; INSERT INTO local_meta (key, value) VALUES ('x', hex(zeroblob(100000)));");
    process.kill(process.pid, 'SIGKILL');
  }
  if (mode === 'restore' && source.includes(`${path.sep}.restore-`) && String(to) === dbFile) process.kill(process.pid, 'SIGKILL');
  rename(from, to);
}) as typeof fs.renameSync;

const core = Core.open(dbFile);
if (mode === 'backup') await createBackup(core, 'manual');
else await restoreDatabase(core, dbFile, backupSource(dbFile, id!));
process.stdout.write('finished without being killed\n');
