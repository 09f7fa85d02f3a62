import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPublicKey, sign, verify, createPrivateKey } from 'node:crypto';
import { Core } from '../../electron/core/core';
import { fingerprint, readIdentity } from '../../electron/core/identity';
import { createTestCore, tempDir } from '../helpers/core';

describe('installation identity', () => {
  it('init creates the office, the department and this installation with an Ed25519 key pair', async () => {
    const t = await createTestCore({ officeName: '渝北区卫生健康委', departmentName: '疾控科' });
    const status = await t.call('system.status', {});
    expect(status.installation).toMatchObject({ officeName: '渝北区卫生健康委', departmentName: '疾控科' });
    expect(status.installation!.fingerprint).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const identity = readIdentity(t.core.db)!;
    const signature = sign(null, Buffer.from('台账'), createPrivateKey(identity.privateKey));
    expect(verify(null, Buffer.from('台账'), createPublicKey(identity.publicKey), signature)).toBe(true);
    const installation = t.core.db.prepare('SELECT office_id, department_id, public_key FROM installations WHERE id = ?').get(identity.installationId);
    expect(installation).toEqual({ office_id: identity.officeId, department_id: identity.departmentId, public_key: identity.publicKey });
    expect(await t.raw('system.init', { officeName: '另一个单位' })).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALIZED' } });
    t.close();
  });

  it('never puts the private key into replicated data', async () => {
    const t = await createTestCore();
    const dump = await t.call('system.dump', {});
    expect(dump).not.toContain('PRIVATE KEY');
    expect(dump).toContain('PUBLIC KEY');
    t.close();
  });

  it('derives office and department ids from names, so two PCs of one office agree', async () => {
    const a = await createTestCore({ officeName: '渝北区卫生健康委', departmentName: '疾控科' });
    const b = await createTestCore({ officeName: '渝北区卫生健康委' });
    const deptOnB = await b.call('departments.create', { name: '疾控科', aliases: [] });
    expect(a.core.identity!.officeId).toBe(b.core.identity!.officeId);
    expect(deptOnB.id).toBe(a.core.identity!.departmentId);
    expect(a.core.identity!.installationId).not.toBe(b.core.identity!.installationId);
    a.close();
    b.close();
  });

  it('gives a copied database file a new installation identity so clocks are never shared', async () => {
    const dir = tempDir();
    const original = path.join(dir, 'original.sqlite');
    const t = await createTestCore({ file: original });
    const before = readIdentity(t.core.db)!;
    t.core.db.pragma('wal_checkpoint(TRUNCATE)');
    t.close();
    const copy = path.join(dir, 'copy.sqlite');
    fs.copyFileSync(original, copy);

    const reopened = Core.open(original);
    expect(reopened.identity!.installationId).toBe(before.installationId);
    reopened.close();

    const copied = Core.open(copy);
    const after = copied.identity!;
    expect(after.installationId).not.toBe(before.installationId);
    expect(after.publicKey).not.toBe(before.publicKey);
    expect(after.officeId).toBe(before.officeId);
    expect(fingerprint(after.publicKey)).not.toBe(fingerprint(before.publicKey));
    // The new installation is published like any other record.
    expect(copied.db.prepare('SELECT public_key FROM installations WHERE id = ?').pluck().get(after.installationId)).toBe(after.publicKey);
    copied.close();
  });
});
