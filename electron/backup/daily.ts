import type { BackupInfo } from '../../shared/api/backup';
import type { Core } from '../core/core';
import { createBackup } from './create';
import { backupFolder, listManifests } from './store';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a running app looks whether a day has passed since the newest backup. */
export const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first look after start waits a little, so opening the app is not slowed by a backup. */
export const FIRST_CHECK_MS = 5000;

/**
 * A daily backup is due when no backup (of any kind) was taken in the last 24 hours. Backups
 * dated in the future (the PC clock was wrong, then corrected) do not count.
 */
export function isDailyBackupDue(backupTimes: readonly number[], now: number): boolean {
  const past = backupTimes.filter((t) => Number.isFinite(t) && t <= now);
  return past.length === 0 || now - Math.max(...past) >= DAY_MS;
}

/** Take the daily backup if it is due; null when not due or nothing to back up yet. */
export async function runDailyBackup(core: Core): Promise<BackupInfo | null> {
  if (!core.identity || core.file === ':memory:' || core.file === '') return null;
  const times = listManifests(backupFolder(core.file)).map((m) => Date.parse(m.createdAt));
  if (!isDailyBackupDue(times, core.now())) return null;
  return createBackup(core, 'daily');
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  setInterval(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  clearInterval(handle: unknown): void;
}

const nodeTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/** Check soon after start and then every hour; returns the function that stops the checks. */
export function startDailyBackups(check: () => Promise<unknown>, timers: Timers = nodeTimers): () => void {
  const run = () => {
    check().catch((error: unknown) => console.error('[backup] daily backup failed:', error));
  };
  const first = timers.setTimeout(run, FIRST_CHECK_MS);
  const every = timers.setInterval(run, CHECK_EVERY_MS);
  return () => {
    timers.clearTimeout(first);
    timers.clearInterval(every);
  };
}
