import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/core';

const KEEP = 10;

/**
 * Copy the database with SQLite's online backup before a risky operation, keeping the last
 * few copies. An in-memory database (tests) has nothing to protect on disk.
 */
export async function backupBefore(core: Core, reason: string): Promise<string | null> {
  if (core.file === ':memory:') return null;
  const folder = path.join(path.dirname(core.file), 'backups');
  fs.mkdirSync(folder, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');
  const file = path.join(folder, `ledger-${stamp}-${reason}.sqlite`);
  await core.db.backup(file);
  const old = fs
    .readdirSync(folder)
    .filter((name) => /^ledger-.*\.sqlite$/.test(name))
    .sort()
    .slice(0, -KEEP);
  for (const name of old) fs.rmSync(path.join(folder, name), { force: true });
  return file;
}
