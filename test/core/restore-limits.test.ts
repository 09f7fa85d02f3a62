import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupSource, fileSource, restoreDatabase } from '../../electron/backup/restore';
import { backupFolder, type Manifest } from '../../electron/backup/store';
import { tempDir } from '../helpers/core';
import { formatHlc, parseHlc } from '../../shared/domain/hlc';
import { backupFixture, bombEntry, craftBackup, dumpDatabase, handZip, pdf, storedEntry, type BackupFixture } from './backup-fixture';

/*
 * Issue 14, finding 6 (.tlbak): a restore is refused before anything is written when the backup
 * is larger than it declares or than the disk can hold, and a full disk says 磁盘空间不足.
 */

const MB = 1024 * 1024;
const HOUR = 3_600_000;

/** The local calendar date of `ms`, as the refusal names it. */
function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function fixtureWithBackup(): Promise<{ f: BackupFixture; id: string; good: string; manifest: Manifest; dir: string }> {
  const f = await backupFixture();
  const backup = await f.t.call('backup.create', {});
  const folder = backupFolder(f.file);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, `${backup.id}.json`), 'utf8')) as Manifest;
  return { f, id: backup.id, good: path.join(folder, `${backup.id}.sqlite`), manifest, dir: tempDir('tl-limits-') };
}

/** Run `restore`, expect the refusal `message`, and that neither the database nor the backup folder changed. */
async function expectRefused(f: BackupFixture, restore: () => Promise<unknown>, message: RegExp): Promise<string> {
  const before = dumpDatabase(f.t.core.db);
  const folderBefore = fs.readdirSync(backupFolder(f.file)).sort();
  let error: unknown = null;
  try {
    await restore();
  } catch (caught) {
    error = caught;
  }
  const text = error instanceof Error ? error.message : String(error);
  expect(text).toMatch(message);
  expect(text).toMatch(/未作任何改动/);
  expect(text).not.toMatch(/不是目标台账的备份文件/);
  expect(dumpDatabase(f.t.core.db)).toBe(before);
  expect(fs.readdirSync(backupFolder(f.file)).sort()).toEqual(folderBefore);
  return text;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('restore within what the backup declares and the disk holds', () => {
  it('says 磁盘空间不足 with what it needs and what is left when the disk is too small, for a kept backup and a .tlbak', async () => {
    const { f, id, manifest } = await fixtureWithBackup();
    const usb = tempDir('tl-usb-');
    const exported = await f.t.call('backup.export', { id, out: usb });
    const tiny = () => 10 * MB;
    const text = await expectRefused(f, () => restoreDatabase(f.t.core, f.file, backupSource(f.file, id), { freeSpace: tiny }), /^磁盘空间不足：恢复需要约 [\d.]+ MB，当前磁盘只剩 10\.0 MB。未作任何改动。/);
    expect(text).toContain('请清理');
    await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, exported.file), { freeSpace: tiny }), /^磁盘空间不足：恢复需要约/);
    // Enough room: the same restore goes through.
    const done = await restoreDatabase(f.t.core, f.file, fileSource(f.file, exported.file), { freeSpace: () => 10_000 * MB });
    expect(done.restored.counts).toEqual(manifest.counts);
    f.t.close();
  });

  it('says 磁盘空间不足, never “不是目标台账的备份文件”, when the disk fills while a .tlbak is unpacked', async () => {
    const { f, id } = await fixtureWithBackup();
    const exported = await f.t.call('backup.export', { id, out: tempDir('tl-usb-') });
    const write = fs.writeSync.bind(fs);
    let written = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array, ...rest: unknown[]) => {
      written += data.length;
      if (written > 64 * 1024) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (write as (...args: unknown[]) => number)(fd, data, ...rest);
    }) as typeof fs.writeSync);
    const result = await f.t.raw('backup.restoreFile', { file: exported.file });
    vi.restoreAllMocks();
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toMatch(/磁盘空间不足/);
    expect(message).not.toMatch(/不是目标台账的备份文件/);
    f.t.close();
  });

  it('stops a zip bomb at the size its manifest declares, counting inflated bytes, in seconds', async () => {
    const { f, good, manifest, dir } = await fixtureWithBackup();
    const prefix = fs.readFileSync(good);
    // 1 GB of zeros after a real database, headers claiming the database's own size.
    const bomb = path.join(dir, 'bomb.tlbak');
    fs.writeFileSync(bomb, handZip([storedEntry('manifest.json', Buffer.from(JSON.stringify(manifest))), bombEntry(prefix, 1024 * MB)]));
    expect(fs.statSync(bomb).size).toBeLessThan(2 * MB);
    const started = performance.now();
    await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, bomb)), /的数据库超过了 ?[\d.]+ (KB|MB)/);
    expect(performance.now() - started).toBeLessThan(5000);

    // A manifest that declares more than any ledger is refused before anything is inflated.
    const huge = path.join(dir, 'huge.tlbak');
    fs.writeFileSync(huge, handZip([storedEntry('manifest.json', Buffer.from(JSON.stringify({ ...manifest, bytes: 3 * 1024 ** 3, databaseBytes: 3 * 1024 ** 3 }))), bombEntry(prefix, 0)]));
    await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, huge)), /的数据库超过了2\.0 GB/);

    // ledger.sqlite before its manifest: nothing is inflated without a declared size.
    const order = path.join(dir, 'order.tlbak');
    fs.writeFileSync(order, handZip([bombEntry(prefix, 64 * MB), storedEntry('manifest.json', Buffer.from(JSON.stringify(manifest)))]));
    const result = await f.t.raw('backup.restoreFile', { file: order });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!result.ok && result.error.message).toMatch(/压缩包内容不符.*未作任何改动/);
    f.t.close();
  });

  it('refuses a database larger than its manifest declares, or whose header claims more pages than the file has, before copying it', async () => {
    const { f, id, good, manifest, dir } = await fixtureWithBackup();
    // The kept backup's file grew (sparse) past what its manifest declares.
    const size = fs.statSync(good).size;
    const original = fs.readFileSync(good);
    fs.truncateSync(good, size + 64 * 1024);
    await expectRefused(f, () => restoreDatabase(f.t.core, f.file, backupSource(f.file, id)), /超过了/);
    fs.writeFileSync(good, original);

    // A bare database whose header claims two billion pages (integrity_check would walk them all).
    const pages = path.join(dir, 'pages.sqlite');
    const header = Buffer.from(original);
    header.writeUInt32BE(0x7fffffff, 28);
    header.writeUInt32BE(header.readUInt32BE(24), 92);
    fs.writeFileSync(pages, header);
    const started = performance.now();
    await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, pages)), /文件头声明的页数（2147483647 页）与文件大小不符/);
    expect(performance.now() - started).toBeLessThan(3000);

    // A sparse 3 GB file that begins like a database.
    const sparse = path.join(dir, 'sparse.sqlite');
    fs.writeFileSync(sparse, original);
    fs.truncateSync(sparse, 3 * 1024 ** 3);
    await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, sparse)), /超过了2\.0 GB/);
    expect(manifest.databaseBytes).toBe(size);
    f.t.close();
  });

  it('says a header claiming 2^31 pages is damaged (not that the database is too large), in a .tlbak and a bare file', async () => {
    const { f, good, manifest, dir } = await fixtureWithBackup();
    const claimed = Buffer.from(fs.readFileSync(good));
    claimed.writeUInt32BE(2 ** 31, 28);
    claimed.writeUInt32BE(claimed.readUInt32BE(24), 92);
    const damaged = /数据库文件头声明的页数（2147483648 页）与文件大小不符，文件已损坏或被改动/;
    const archive = path.join(dir, 'pages.tlbak');
    fs.writeFileSync(archive, handZip([storedEntry('manifest.json', Buffer.from(JSON.stringify(manifest))), storedEntry('ledger.sqlite', claimed)]));
    const text = await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, archive)), damaged);
    expect(text).not.toMatch(/超过了/);
    const bare = path.join(dir, 'pages.sqlite');
    fs.writeFileSync(bare, claimed);
    expect(await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, bare)), damaged)).not.toMatch(/超过了/);
    f.t.close();
  });

  it('restores a .tlbak of several MB byte for byte (pieces read for the unzipper are never reused under it)', async () => {
    const f: BackupFixture = await backupFixture();
    const key = { taskId: f.chronic.id, departmentId: f.cdc.id, period: '2025-Q2' };
    await f.t.call('progress.saveDraft', { ...key, fields: { progressText: '已开展筛查', status: '推进中' } });
    // Scans do not compress: the archive is as large as they are.
    const scan = Buffer.concat([pdf, Buffer.from(Array.from({ length: 6 * MB }, (_, i) => (i * 2654435761) >>> 24))]);
    await f.t.call('attachments.add', { ...key, fileName: '筛查记录.pdf', contentBase64: scan.toString('base64') });
    const backup = await f.t.call('backup.create', {});
    const exported = await f.t.call('backup.export', { id: backup.id, out: tempDir('tl-usb-') });
    expect(fs.statSync(exported.file).size).toBeGreaterThan(4 * MB);
    fs.rmSync(path.join(f.dir, 'attachments'), { recursive: true });
    fs.rmSync(backupFolder(f.file), { recursive: true });
    const result = await f.t.call('backup.restoreFile', { file: exported.file });
    expect(result.missingAttachments).toBe(0);
    const id = f.t.core.db.prepare("SELECT id FROM attachments WHERE file_name = '筛查记录.pdf'").pluck().get() as string;
    expect(Buffer.from((await f.t.call('attachments.read', { id })).contentBase64, 'base64').equals(scan)).toBe(true);
    f.t.close();
  });

  it('refuses a backup whose clock or change records lie beyond the clock allowance (peers would refuse every later package), with the date it claims', async () => {
    const { f, good, dir } = await fixtureWithBackup();
    const now = f.t.core.now();
    const newest = f.t.core.db.prepare('SELECT hlc FROM change_log ORDER BY hlc DESC LIMIT 1').pluck().get() as string;
    const node = parseHlc(newest).node;
    const stamped = (wall: number) => formatHlc({ wall, counter: 0, node });
    const withClock = (name: string, wall: number) =>
      craftBackup(good, path.join(dir, name), (db) => db.prepare("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('clock', ?)").run(stamped(wall)));
    const withChange = (name: string, wall: number, allowance?: string) =>
      craftBackup(good, path.join(dir, name), (db) => {
        db.prepare('UPDATE change_log SET hlc = ? WHERE hlc = ?').run(stamped(wall), newest);
        // The backup's own setting does not widen the allowance: only this PC's does.
        if (allowance) db.prepare("INSERT OR REPLACE INTO local_settings (key, value) VALUES ('sync_max_clock_ahead_hours', ?)").run(allowance);
      });

    // The stored clock five years ahead.
    const years = now + 5 * 365 * 24 * HOUR;
    const text = await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, withClock('clock.sqlite', years))), /时钟有误/);
    expect(text).toContain(localDate(years));
    expect(text).toMatch(/^“clock\.sqlite”/);
    // A change record three years ahead, the backup claiming a huge allowance of its own.
    const later = now + 3 * 365 * 24 * HOUR;
    const change = await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, withChange('change.sqlite', later, '1000000'))), /时钟有误/);
    expect(change).toContain(localDate(later));
    // Without a live database (recovery), the default allowance applies.
    const elsewhere = path.join(tempDir('tl-recover-'), 'ledger.sqlite');
    await expect(restoreDatabase(null, elsewhere, fileSource(elsewhere, withClock('recover.sqlite', years)), { now: () => now })).rejects.toThrow(/时钟有误.*未作任何改动/);
    expect(fs.existsSync(elsewhere)).toBe(false);

    // 30 hours ahead: beyond the default 24 hours; within this PC's setting of 48 it is restored.
    const thirty = withChange('thirty.sqlite', now + 30 * HOUR);
    await expectRefused(f, () => restoreDatabase(f.t.core, f.file, fileSource(f.file, thirty)), /允许 24 小时/);
    f.t.core.setLocalSetting('sync_max_clock_ahead_hours', '48');
    await restoreDatabase(f.t.core, f.file, fileSource(f.file, thirty));
    expect(f.t.core.db.prepare('SELECT COUNT(*) FROM change_log WHERE hlc = ?').pluck().get(stamped(now + 30 * HOUR))).toBe(1);
    // The new installation's record comes after it, at the restoring PC's time (the fixture's day, not the test machine's).
    expect(parseHlc(f.t.core.db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string).wall).toBe(now + 30 * HOUR);
    f.t.close();
  });
});
