import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder, storeFolder } from '../../electron/backup/store';
import { CoreClient } from '../../electron/core/client';
import { backupFixture } from './backup-fixture';

/*
 * Issue 14, finding 8: a backup or restore killed midway leaves its temporary copy, the copy's
 * -journal and the restore's staging folder in the database's backup folder; the next start
 * removes them, and only them (a process still running keeps its files).
 */

const CHILD = path.resolve('test/core/restore-leftovers-child.ts');

function killedMidway(dbFile: string, mode: 'backup' | 'restore', id?: string): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dbFile, mode, ...(id ? [id] : [])], { encoding: 'utf8', timeout: 60_000 });
  expect(run.signal, run.stderr).toBe('SIGKILL');
}

describe('leftovers of a killed backup or restore', () => {
  it('are removed when the app next starts on the database; other files stay', { timeout: 120_000 }, async () => {
    const f = await backupFixture();
    const backup = await f.t.call('backup.create', {});
    f.t.close();
    const folder = backupFolder(f.file);

    // The restore first: its "恢复前" backup would already sweep the backup's leftovers.
    killedMidway(f.file, 'restore', backup.id);
    killedMidway(f.file, 'backup');
    const names = () => fs.readdirSync(folder).sort();
    const left = names().filter((n) => !/^\d{8}-\d{6}-\d{3}-(manual|restore)\.(json|sqlite)$/.test(n) && n !== 'attachments');
    // What the two kills left: the copy, its -journal, the staging folder.
    expect(left.filter((n) => /\.sqlite\.[0-9a-f-]+\.tmp$/.test(n))).toHaveLength(1);
    expect(left.filter((n) => /\.tmp-journal$/.test(n))).toHaveLength(1);
    expect(left.filter((n) => n.startsWith('.restore-'))).toHaveLength(1);

    // Files of a process that still runs (this one), and fresh ones of an older version, stay;
    // an older version's leftovers go once an hour old.
    const mine = path.join(folder, `x.sqlite.${process.pid}-0123abcd.tmp`);
    const fresh = path.join(folder, 'y.sqlite.0123abcd.tmp');
    const old = path.join(folder, 'z.sqlite.89abcdef.tmp');
    const oldStore = path.join(storeFolder(folder), 'a'.repeat(64) + '.0123abcd.tmp');
    for (const file of [mine, fresh, old, oldStore]) fs.writeFileSync(file, 'x');
    const hoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(old, hoursAgo, hoursAgo);
    fs.utimesSync(oldStore, hoursAgo, hoursAgo);

    const client = await CoreClient.start({ dbPath: f.file });
    expect(client.openError).toBeNull();
    const status = await client.invoke('system.status', {});
    expect(status.ok && status.value.initialized).toBe(true);
    const list = await client.invoke('backup.list', {});
    const ids = list.ok ? list.value.backups.map((b) => b.id) : [];
    // The first backup and the killed restore's "恢复前" one, which was complete.
    expect(ids).toContain(backup.id);
    expect(ids.filter((id) => id.endsWith('-restore'))).toHaveLength(1);
    await client.close();

    expect(names()).toEqual([...ids.flatMap((id) => [`${id}.json`, `${id}.sqlite`]), 'attachments', path.basename(mine), path.basename(fresh)].sort());
    expect(fs.existsSync(oldStore)).toBe(false);
    expect(fs.readdirSync(storeFolder(folder))).toHaveLength(1);
  });
});
