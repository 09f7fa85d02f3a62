import fs from 'node:fs';
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { newId } from './ids';

/** This installation: one database on one PC, acting for an office and maybe one department. */
export interface Identity {
  readonly installationId: string;
  readonly officeId: string;
  readonly departmentId: string | null;
  readonly publicKey: string;
  readonly privateKey: string;
}

const KEYS = ['installation_id', 'office_id', 'department_id', 'public_key', 'private_key'] as const;

export function readIdentity(db: Database): Identity | null {
  const rows = db.prepare(`SELECT key, value FROM local_meta WHERE key IN (${KEYS.map(() => '?').join(',')})`).all(...KEYS) as {
    key: string;
    value: string;
  }[];
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  const installationId = meta.get('installation_id');
  const officeId = meta.get('office_id');
  const publicKey = meta.get('public_key');
  const privateKey = meta.get('private_key');
  if (!installationId || !officeId || !publicKey || !privateKey) return null;
  return { installationId, officeId, departmentId: meta.get('department_id') || null, publicKey, privateKey };
}

function writeMeta(db: Database, values: Record<string, string>): void {
  const upsert = db.prepare('INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(values)) upsert.run(key, value);
}

function newKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Store a fresh installation id and key pair for the given office (caller holds the transaction). */
export function createLocalIdentity(db: Database, officeId: string, departmentId: string | null): Identity {
  const identity: Identity = { installationId: newId(), officeId, departmentId, ...newKeyPair() };
  writeMeta(db, {
    installation_id: identity.installationId,
    office_id: officeId,
    department_id: departmentId ?? '',
    public_key: identity.publicKey,
    private_key: identity.privateKey,
  });
  return identity;
}

/** Point this installation at another office or department record (a department PC binding to the office's list). */
export function rebindLocalIdentity(db: Database, binding: { officeId?: string; departmentId?: string | null }): void {
  const values: Record<string, string> = {};
  if (binding.officeId !== undefined) values.office_id = binding.officeId;
  if (binding.departmentId !== undefined) values.department_id = binding.departmentId ?? '';
  writeMeta(db, values);
}

/**
 * Give this database a new installation id and key pair, keeping its office. Used when a
 * database was restored or copied, so two copies never issue clashing clock values.
 */
export function rotateInstallation(db: Database): Identity | null {
  // A backup carries no private key (it never leaves its PC): the office and department are enough.
  const current = installationOf(db);
  if (!current) return null;
  return createLocalIdentity(db, current.officeId, current.departmentId);
}

/** The installation, its office and department, with or without its keys (a backup has no private key). */
export function installationOf(db: Database): { installationId: string; officeId: string; departmentId: string | null } | null {
  const meta = new Map((db.prepare("SELECT key, value FROM local_meta WHERE key IN ('installation_id', 'office_id', 'department_id')").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const installationId = meta.get('installation_id');
  const officeId = meta.get('office_id');
  return installationId && officeId ? { installationId, officeId, departmentId: meta.get('department_id') || null } : null;
}

/** Remove the private key from a copy of the database (a backup): restore makes a new identity anyway. */
export function stripPrivateKey(db: Database): void {
  // secure_delete overwrites the freed bytes, so the key is not left readable in a free page.
  db.pragma('secure_delete = ON');
  db.prepare("DELETE FROM local_meta WHERE key = 'private_key'").run();
}

/** A short code for reading a public key aloud over the phone: 4 groups of 4 digits. */
export function fingerprint(publicKeyPem: string): string {
  const raw = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const digest = createHash('sha256').update(raw).digest();
  const digits = (digest.readBigUInt64BE(0) % 10n ** 16n).toString().padStart(16, '0');
  return digits.match(/\d{4}/g)!.join(' ');
}

/**
 * Which file this database was opened from (path and inode). If the file is later opened
 * from elsewhere, it is a copy or a restore and must not reuse this installation's clock.
 */
export function fileIdentity(file: string): string {
  if (file === ':memory:') return ':memory:';
  const stat = fs.statSync(file);
  return `${fs.realpathSync(file)}#${stat.ino}`;
}

export const FILE_IDENTITY_KEY = 'file_identity';

/** Returns true when the installation identity was rotated because the file is a copy. */
export function checkFileIdentity(db: Database, file: string): boolean {
  const actual = fileIdentity(file);
  const row = db.prepare('SELECT value FROM local_meta WHERE key = ?').get(FILE_IDENTITY_KEY) as { value: string } | undefined;
  if (row?.value === actual) return false;
  return db.transaction(() => {
    const rotated = row !== undefined && installationOf(db) !== null ? rotateInstallation(db) !== null : false;
    writeMeta(db, { [FILE_IDENTITY_KEY]: actual });
    return rotated;
  })();
}
