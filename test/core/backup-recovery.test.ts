import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreClient } from '../../electron/core/client';
import { latestSchemaVersion } from '../../electron/db/migrate';
import { loadSqlite } from '../../electron/db/native';
import { tempDir } from '../helpers/core';
import { breakPages, flipHeader } from './backup-fixture';

async function ledgerWithBackup(): Promise<{ dbPath: string; backupId: string }> {
  const dbPath = path.join(tempDir('tl-recover-'), 'ledger.sqlite');
  const client = await CoreClient.start({ dbPath });
  expect((await client.invoke('system.init', { officeName: '渝北区卫生健康委' })).ok).toBe(true);
  expect((await client.invoke('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 })).ok).toBe(true);
  const backup = await client.invoke('backup.create', {});
  if (!backup.ok) throw new Error(backup.error.message);
  // Work after the backup, lost with the damaged file.
  await client.invoke('plans.create', { kind: 'work-points', title: '2026年工作要点', yearFrom: 2026, yearTo: 2026 });
  await client.close();
  return { dbPath, backupId: backup.value.id };
}

describe('recovery of a database that cannot be opened', () => {
  it('(flipped bytes) the worker still lists backups and restores one; then everything works again', async () => {
      const { dbPath, backupId } = await ledgerWithBackup();
      flipHeader(dbPath);
      const client = await CoreClient.start({ dbPath });
      expect(client.openError).toMatchObject({ code: 'CORRUPT' });
      expect(client.openError?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await client.invoke('system.status', {})).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
      expect(await client.invoke('plans.list', {})).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });

      const list = await client.invoke('backup.list', {});
      expect(list.ok && list.value.backups.map((b) => b.id)).toEqual([backupId]);
      const restored = await client.invoke('backup.restore', { id: backupId });
      expect(restored).toMatchObject({ ok: true, value: { safetyBackup: null, restored: { counts: { plans: 1 } } } });

      const status = await client.invoke('system.status', {});
      expect(status).toMatchObject({ ok: true, value: { initialized: true, schemaVersion: latestSchemaVersion() } });
      const plans = await client.invoke('plans.list', {});
      expect(plans.ok && plans.value.map((p) => p.title)).toEqual(['2025年工作要点']);
      expect((await client.invoke('plans.create', { kind: 'work-points', title: '2026年工作要点', yearFrom: 2026, yearTo: 2026 })).ok).toBe(true);
      await client.close();

      // The damaged file was kept, not overwritten: it may still be rescued.
      const kept = fs.readdirSync(path.join(path.dirname(dbPath), 'backups')).filter((n) => n.startsWith('damaged-'));
      expect(kept).toHaveLength(1);
      const again = await CoreClient.start({ dbPath });
      expect(again.openError).toBeNull();
      await again.close();
  });

  it('a database that opens but has damaged pages is restored from 设置 the same way, its file kept', async () => {
    const { dbPath, backupId } = await ledgerWithBackup();
    breakPages(dbPath, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const client = await CoreClient.start({ dbPath });
    const restored = await client.invoke('backup.restore', { id: backupId });
    expect(restored).toMatchObject({ ok: true, value: { restored: { counts: { plans: 1 } } } });
    const plans = await client.invoke('plans.list', {});
    expect(plans.ok && plans.value.map((p) => p.title)).toEqual(['2025年工作要点']);
    await client.close();
    const folder = path.join(path.dirname(dbPath), 'backups');
    // Either a 恢复前 backup (pages copied as they were) or the damaged file kept beside the backups.
    expect(fs.readdirSync(folder).some((n) => n.startsWith('damaged-') || n.endsWith('-restore.json'))).toBe(true);
  });

  it('does not replace a database that is only newer, not damaged', async () => {
    const { dbPath, backupId } = await ledgerWithBackup();
    const db = new (loadSqlite())(dbPath);
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    db.close();
    const before = fs.readFileSync(dbPath);
    const client = await CoreClient.start({ dbPath });
    expect(client.openError).toMatchObject({ code: 'DATABASE_NEWER' });
    expect((await client.invoke('backup.list', {})).ok).toBe(true);
    const result = await client.invoke('backup.restore', { id: backupId });
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE_NEWER' } });
    await client.close();
    expect(fs.readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('restores through the worker while other calls wait, and the live database keeps working', async () => {
    const { dbPath, backupId } = await ledgerWithBackup();
    const client = await CoreClient.start({ dbPath });
    const [restored, listed] = await Promise.all([client.invoke('backup.restore', { id: backupId }), client.invoke('plans.list', {})]);
    expect(restored.ok).toBe(true);
    // Asked after the restore, answered from the restored database.
    expect(listed.ok && listed.value.map((p) => p.title)).toEqual(['2025年工作要点']);
    await client.close();
  });
});
