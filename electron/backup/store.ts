import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../core/paths';
import { isSha256 } from '../../shared/domain/content-hash';
import type { Database } from 'better-sqlite3';
import { writeFileAtomic } from '../core/atomic-file';
import { ownedTempName, removeLeftovers } from './leftovers';
import {
  BACKUP_KEEP_DEFAULT,
  BACKUP_KEEP_MAX,
  BACKUP_KEEP_MIN,
  backupReasons,
  keptBackupReasons,
  type BackupInfo,
  type BackupReason,
} from '../../shared/api/backup';

/*
 * The backup folder beside the database:
 *
 *   backups/<id>.sqlite        the database (online backup, rollback-journal mode: one file)
 *   backups/<id>.json          its manifest; written last, so a backup without one is incomplete
 *   backups/attachments/<sha>  one shared content-addressed store for every backup's attachments
 *
 * Attachments are addressed by SHA-256 and never change, so the backups share one copy of each
 * file: ten daily backups of a ledger with 2 GB of scanned evidence take 2 GB, not 20. A file
 * leaves the store when no remaining backup's manifest lists it. `backup.export` bundles one
 * backup with its files into a single .tlbak zip for a USB stick.
 */

export const BACKUP_FOLDER = 'backups';
export const STORE_FOLDER = 'attachments';
export const KEEP_SETTING = 'backup_keep';
export const MANIFEST_FORMAT = 1;

/** The manifest on disk: what the list shows plus the attachment hashes for the shared store. */
export interface Manifest extends Omit<BackupInfo, 'kept'> {
  readonly format: number;
  readonly attachmentHashes: readonly string[];
  /**
   * Size of the database file alone (`bytes` adds the attachment files). A restore refuses a
   * database larger than declared; backups made before this field are bounded by `bytes`.
   */
  readonly databaseBytes?: number;
}

/**
 * Each database has its own backup folder, so two databases kept side by side never list or
 * prune each other's backups: `backups/` for the app's ledger.sqlite (the folder earlier versions used), `backups-<name>/` for any
 * other file (office.sqlite → backups-office/).
 */
export function backupFolder(dbFile: string): string {
  const resolved = path.resolve(dbFile);
  const name = path.basename(resolved);
  const folder = name === DATABASE_FILE ? BACKUP_FOLDER : `${BACKUP_FOLDER}-${name.replace(/\.(sqlite3?|db)$/i, '')}`;
  return path.join(path.dirname(resolved), folder);
}

export function storeFolder(folder: string): string {
  return path.join(folder, STORE_FOLDER);
}

export const sqliteOf = (folder: string, id: string) => path.join(folder, `${id}.sqlite`);
const manifestOf = (folder: string, id: string) => path.join(folder, `${id}.json`);

export function isKept(reason: BackupReason): boolean {
  return keptBackupReasons.includes(reason);
}

export function toInfo(manifest: Manifest): BackupInfo {
  const { format: _format, attachmentHashes: _hashes, databaseBytes: _databaseBytes, ...info } = manifest;
  return { ...info, kept: isKept(manifest.reason) };
}

/** `20250301-083000-123-daily`, unique in the folder. */
export function newBackupId(folder: string, time: number, reason: BackupReason): string {
  const stamp = new Date(time).toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '-').replace('Z', '');
  for (let n = 1; ; n++) {
    const id = n === 1 ? `${stamp}-${reason}` : `${stamp}-${n}-${reason}`;
    if (!fs.existsSync(sqliteOf(folder, id)) && !fs.existsSync(manifestOf(folder, id))) return id;
  }
}

export function writeManifest(folder: string, manifest: Manifest): void {
  const file = manifestOf(folder, manifest.id);
  writeFileAtomic(file, JSON.stringify(manifest, null, 2), ownedTempName(file));
}

function parseManifest(text: string): Manifest | null {
  try {
    const value = JSON.parse(text) as Partial<Manifest>;
    if (value.format !== MANIFEST_FORMAT || typeof value.id !== 'string' || typeof value.createdAt !== 'string') return null;
    if (!backupReasons.includes(value.reason as BackupReason) || !Array.isArray(value.attachmentHashes) || !value.counts) return null;
    return value as Manifest;
  } catch {
    return null;
  }
}

export function readManifest(folder: string, id: string): Manifest | null {
  try {
    const manifest = parseManifest(fs.readFileSync(manifestOf(folder, id), 'utf8'));
    return manifest && manifest.id === id && fs.existsSync(sqliteOf(folder, id)) ? manifest : null;
  } catch {
    return null;
  }
}

/** Complete backups, newest first. */
export function listManifests(folder: string): Manifest[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => readManifest(folder, name.slice(0, -'.json'.length)))
    .filter((m): m is Manifest => m !== null)
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
}

/** The local "keep the last N automatic backups" setting, clamped to the allowed range. */
export function readKeep(db: Database): number {
  try {
    const row = db.prepare('SELECT value FROM local_settings WHERE key = ?').get(KEEP_SETTING) as { value: string } | undefined;
    const value = Number(row?.value);
    return Number.isInteger(value) && value >= BACKUP_KEEP_MIN && value <= BACKUP_KEEP_MAX ? value : BACKUP_KEEP_DEFAULT;
  } catch {
    return BACKUP_KEEP_DEFAULT;
  }
}

/** Delete one backup: the manifest first, so a crash leaves an incomplete backup, never a listed broken one. */
export function removeBackupFiles(folder: string, id: string): void {
  fs.rmSync(manifestOf(folder, id), { force: true });
  fs.rmSync(sqliteOf(folder, id), { force: true });
}

/**
 * Keep the newest `keep` automatic backups (manual and pre-restore ones stay), then drop store
 * files no remaining backup lists, and leftovers of interrupted backups.
 */
export function prune(folder: string, keep: number, now: number = Date.now()): string[] {
  const manifests = listManifests(folder);
  const removed: string[] = [];
  const automatic = manifests.filter((m) => !isKept(m.reason));
  for (const manifest of automatic.slice(keep)) {
    removeBackupFiles(folder, manifest.id);
    removed.push(manifest.id);
  }
  const live = new Set(manifests.filter((m) => !removed.includes(m.id)).flatMap((m) => m.attachmentHashes));
  const store = storeFolder(folder);
  for (const name of safeList(store)) if (isSha256(name) && !live.has(name)) fs.rmSync(path.join(store, name), { force: true });
  removeFolderLeftovers(folder, manifests, now);
  return removed;
}

/** Leftovers of interrupted backups and restores: temporary files, staging folders, a database whose manifest was never written. */
function removeFolderLeftovers(folder: string, manifests: readonly Manifest[], now: number): string[] {
  const listed = new Set(manifests.map((m) => m.id));
  const incomplete = (name: string) => {
    const match = /^(.+)\.sqlite(-journal|-wal|-shm)?$/.exec(name);
    return match !== null && !listed.has(match[1]!);
  };
  const store = storeFolder(folder);
  return [
    ...removeLeftovers(folder, now, { extra: incomplete }),
    ...removeLeftovers(store, now, { extra: (name) => !isSha256(name) }).map((name) => path.join(STORE_FOLDER, name)),
  ];
}

/**
 * At start: remove what a killed backup or restore of the database at `dbFile` left behind, in
 * its backup folder and (only files named as ours) in its live attachment folder. Returns the
 * names removed.
 */
export function cleanLeftovers(dbFile: string, now: number = Date.now()): string[] {
  if (dbFile === ':memory:' || dbFile === '') return [];
  const folder = backupFolder(dbFile);
  const live = path.join(path.dirname(path.resolve(dbFile)), 'attachments');
  return [...removeFolderLeftovers(folder, listManifests(folder), now), ...removeLeftovers(live, now, { onlyOwned: true }).map((name) => path.join('attachments', name))];
}

function safeList(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch {
    return [];
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Copy a content-addressed file into `folder` unless it is there already, checking its hash so
 * a damaged source is never passed on as good. Returns the bytes now held, or null if the source
 * is missing or damaged.
 */
export function copyAddressed(source: string, folder: string, sha: string): number | null {
  // A name from a database or manifest that is not a hash never becomes a path.
  if (!isSha256(sha)) return null;
  const target = path.join(folder, sha);
  try {
    const existing = fs.statSync(target);
    if (existing.isFile()) return existing.size;
  } catch {
    // not there yet
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(source);
  } catch {
    return null;
  }
  if (sha256Of(bytes) !== sha) return null;
  fs.mkdirSync(folder, { recursive: true });
  writeFileAtomic(target, bytes, ownedTempName(target));
  return bytes.length;
}
