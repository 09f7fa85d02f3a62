import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { CallResult } from '../../shared/api';
import { formatHlc } from '../../shared/domain/hlc';
import { CHANGES_ENTRY } from '../../shared/sync/manifest';
import { fileSource, restoreDatabase } from '../../electron/backup/restore';
import { backupFolder } from '../../electron/backup/store';
import { fingerprint } from '../../electron/core/identity';
import { loadSqlite } from '../../electron/db/native';
import type { ChangeRecord } from '../../electron/sync/changes';
import { readPackage, writePackage } from '../../electron/sync/container';
import { cli } from '../helpers/cli';
import { createTestCore, tempDir, type TestCore } from '../helpers/core';
import { backupFixture, craftBackup, type BackupFixture } from './backup-fixture';
import { receive } from './department-fixture';
import { localNoon } from './progress-fixture';

/*
 * Issue 14 review: restore copied trusted_keys from the backup. A crafted backup trusting an
 * attacker's key (claiming to be an office PC) let that key's package change a task title with no
 * fingerprint check. Trust is never taken from a file: only keys this PC itself holds (same
 * installation, same key) stay trusted; the result says how many PCs must be confirmed again.
 */

type Files = CallResult<'sync.export'>['files'];
type TrustedRow = { installation_id: string; public_key: string; fingerprint: string; office_id: string | null; office_name: string | null; department_name: string | null; trusted_at: string };

const TODAY = '2025-04-20';

/** A package signed by `signer` carrying one title change that claims to come from an office PC of `officeId`. */
async function titleChange(signer: TestCore, officeId: string, taskId: string, title: string): Promise<Files> {
  const template = await signer.call('sync.export', { kind: 'full' });
  const original = readPackage(new Uint8Array(Buffer.from(template.files[0]!.contentBase64, 'base64')));
  const me = signer.core.requireIdentity();
  const hlc = formatHlc({ wall: localNoon(TODAY) + 1000, counter: 0, node: me.installationId });
  const change: ChangeRecord = { hlc, tbl: 'tasks', row_id: taskId, col: 'title', value: JSON.stringify(title), supersedes: '[]', origin_office_id: officeId, origin_installation_id: me.installationId, actor: '张三', batch: hlc };
  const entries = new Map([...original.entries].filter(([name]) => !name.startsWith('attachments/')));
  entries.set(CHANGES_ENTRY, new TextEncoder().encode(JSON.stringify([change])));
  const bytes = writePackage(
    { manifest: { ...original.manifest, packageId: randomUUID(), counts: { changes: 1, attachments: 0 } }, entries },
    { publicKeyPem: me.publicKey, privateKeyPem: me.privateKey },
  );
  return [{ fileName: '办公室.tlpkg', contentBase64: Buffer.from(bytes).toString('base64') }];
}

const trustedRows = (t: TestCore) => t.core.db.prepare('SELECT * FROM trusted_keys ORDER BY installation_id').all() as TrustedRow[];

/** The office PC trusting a second office PC (confirmed by fingerprint), a backup of it, and an attacker's PC. */
async function world(): Promise<{ f: BackupFixture; peer: TestCore; attacker: TestCore; good: string; dir: string }> {
  const f = await backupFixture();
  const peer = await createTestCore({ now: () => localNoon(TODAY) });
  await receive(peer, (await f.t.call('sync.export', { kind: 'full' })).files);
  await receive(f.t, (await peer.call('sync.export', { kind: 'full' })).files);
  expect(trustedRows(f.t)).toHaveLength(1);
  const attacker = await createTestCore({ now: () => localNoon(TODAY) });
  const backup = await f.t.call('backup.create', {});
  return { f, peer, attacker, good: path.join(backupFolder(f.file), `${backup.id}.sqlite`), dir: tempDir('tl-trust-') };
}

/** A trusted_keys row for `t`'s key, claiming to be an office PC of `officeId`. */
function rowFor(t: TestCore, officeId: string, installationId = t.core.requireIdentity().installationId): TrustedRow {
  const me = t.core.requireIdentity();
  return { installation_id: installationId, public_key: me.publicKey, fingerprint: fingerprint(me.publicKey), office_id: officeId, office_name: '渝北区卫生健康委', department_name: null, trusted_at: '2025-04-01T00:00:00.000Z' };
}

function insertTrusted(row: TrustedRow): (db: Database) => void {
  return (db) =>
    db
      .prepare('INSERT OR REPLACE INTO trusted_keys (installation_id, public_key, fingerprint, office_id, office_name, department_name, trusted_at) VALUES (@installation_id, @public_key, @fingerprint, @office_id, @office_name, @department_name, @trusted_at)')
      .run(row);
}

const title = (t: TestCore, id: string) => t.core.db.prepare('SELECT title FROM tasks WHERE id = ?').pluck().get(id);

describe('restore never takes trust from the backup', () => {
  it('drops a crafted trusted key: the attacker’s package needs the fingerprint check and changes nothing without it', async () => {
    const { f, peer, attacker, good, dir } = await world();
    const officeId = f.t.core.requireIdentity().officeId;
    const peerRow = trustedRows(f.t)[0]!;
    const crafted = craftBackup(good, path.join(dir, 'crafted.sqlite'), insertTrusted(rowFor(attacker, officeId)));

    const result = await f.t.call('backup.restoreFile', { file: crafted });
    expect(result.unconfirmedPeers).toBe(1);
    // The office PC confirmed on this PC stays trusted, exactly as this PC holds it.
    expect(trustedRows(f.t)).toEqual([peerRow]);

    const files = await titleChange(attacker, officeId, f.literacy.id, '已被篡改的任务');
    const preview = await f.t.call('sync.preview', { files });
    expect(preview.origin.trust).toBe('new');
    const imported = await f.t.raw('sync.import', { files });
    expect(imported.ok === false && imported.error.message).toMatch(/第一次收到这台电脑.*请电话与对方核对识别码/);
    expect(title(f.t, f.literacy.id)).toBe('提升居民健康素养');
    // The trusted peer's packages still need no new check.
    expect((await f.t.call('sync.preview', { files: (await peer.call('sync.export', { kind: 'full' })).files })).origin.trust).toBe('known');
    f.t.close();
    // The command line says how many PCs must be checked again.
    const restored = await cli('--db', f.file, 'restore', crafted);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('1 台电脑的识别码需在下次收到数据包时重新核对');
  });

  it('drops a trusted PC whose key in the backup is not the one this PC confirmed, and keeps none in recovery', async () => {
    const { f, peer, attacker, good, dir } = await world();
    const officeId = f.t.core.requireIdentity().officeId;
    const peerId = peer.core.requireIdentity().installationId;
    // The backup says the trusted office PC signs with the attacker's key.
    const swapped = craftBackup(good, path.join(dir, 'swapped.sqlite'), insertTrusted(rowFor(attacker, officeId, peerId)));
    const result = await f.t.call('backup.restoreFile', { file: swapped });
    expect(result.unconfirmedPeers).toBe(1);
    expect(trustedRows(f.t)).toEqual([]);

    // Recovery (no live database to vouch for any key): the untouched backup keeps no trust at all.
    const elsewhere = path.join(tempDir('tl-recover-'), 'ledger.sqlite');
    const recovered = await restoreDatabase(null, elsewhere, fileSource(elsewhere, good), { now: () => localNoon(TODAY) });
    expect(recovered.unconfirmedPeers).toBe(1);
    const db = new (loadSqlite())(elsewhere, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM trusted_keys').pluck().get()).toBe(0);
    db.close();
    expect(fs.existsSync(elsewhere)).toBe(true);
    f.t.close();
  });
});
