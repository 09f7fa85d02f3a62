import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/*
 * Files a backup or restore writes before its result exists carry the id of the process writing
 * them: `<name>.<pid>-<hex>.tmp` (and SQLite's `-journal`/`-wal`/`-shm` beside it), and the
 * restore's staging folder `.restore-<pid>-<random>`. When that process is gone they are
 * leftovers of a killed backup or restore and are removed at the next start; a running CLI or
 * second window keeps its own. Names without a process id (older versions) go once an hour old.
 */

const STALE_MS = 60 * 60 * 1000;
const OWNED_TEMP = /\.(\d+)-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?$/;
const ANY_TEMP = /\.tmp(-journal|-wal|-shm)?$/;
const STAGING = /^\.restore-(?:(\d+)-)?/;

/** A temporary name beside `file` that says which process writes it. */
export function ownedTempName(file: string): string {
  return `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** The prefix of a restore's staging folder (mkdtemp adds the random part). */
export function stagingPrefix(folder: string): string {
  return path.join(folder, `.restore-${process.pid}-`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}

function isStale(file: string, now: number): boolean {
  try {
    return now - fs.statSync(file).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

/** The process a temporary or staging name belongs to; null when it names none; undefined when it is no such name. */
function ownerOf(name: string): number | null | undefined {
  const staging = STAGING.exec(name);
  if (staging) return staging[1] ? Number(staging[1]) : null;
  const owned = OWNED_TEMP.exec(name);
  if (owned) return Number(owned[1]);
  return ANY_TEMP.test(name) ? null : undefined;
}

/**
 * Remove the leftovers in `folder`: temporary files and staging folders whose process is gone or
 * that are over an hour old; with `onlyOwned`, names without a process id are left alone (a
 * folder other code writes temporary files into too). Also `extra(name)` names, once stale.
 */
export function removeLeftovers(folder: string, now: number, options: { onlyOwned?: boolean; extra?: (name: string) => boolean } = {}): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const owner = ownerOf(name);
    let gone: boolean;
    if (owner === undefined) gone = options.extra?.(name) === true && isStale(file, now);
    else if (owner === null) gone = !options.onlyOwned && isStale(file, now);
    else gone = !isRunning(owner) || isStale(file, now);
    if (!gone) continue;
    try {
      fs.rmSync(file, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Held open by another program (Windows): tried again at the next start.
    }
  }
  return removed;
}
