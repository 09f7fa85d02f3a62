import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHlc } from '../../shared/domain/hlc';
import { backupBeforeMigration } from '../../electron/backup/create';
import { isDailyBackupDue, runDailyBackup, startDailyBackups, DAY_MS, FIRST_CHECK_MS, CHECK_EVERY_MS, type Timers } from '../../electron/backup/daily';
import { listBackups } from '../../electron/backup/list';
import { backupFolder, storeFolder } from '../../electron/backup/store';
import { Core } from '../../electron/core/core';
import { createLocalIdentity } from '../../electron/core/identity';
import { latestSchemaVersion, migrate } from '../../electron/db/migrate';
import { loadSqlite } from '../../electron/db/native';
import { backupBefore } from '../../electron/services/backup';
import { countRows, createTestCore, tempDir } from '../helpers/core';
import { allRows, backupFixture, breakPages, openReadonly, pdf } from './backup-fixture';
import { localNoon } from './progress-fixture';

const CJK = /[\u4e00-\u9fff]/;

describe('backups', () => {
  it('hold exactly the database rows and the attachment files they reference, with a manifest', async () => {
    const f = await backupFixture();
    const info = await f.t.call('backup.create', {});
    expect(info).toMatchObject({
      reason: 'manual',
      kept: true,
      appVersion: '0.1.0',
      schemaVersion: latestSchemaVersion(),
      installationId: f.t.core.requireIdentity().installationId,
      officeName: '渝北区卫生健康委',
      counts: { plans: 1, tasks: 3, progressReports: 1, attachments: 1 },
      missingAttachments: 0,
    });
    const folder = backupFolder(f.file);
    const copy = openReadonly(path.join(folder, `${info.id}.sqlite`));
    expect(allRows(copy, ['local_meta'])).toEqual(allRows(f.t.core.db, ['local_meta']));
    // Everything local but the private key, which never leaves this PC (issue 14, finding 2).
    const meta = (db: typeof copy) => db.prepare("SELECT key, value FROM local_meta WHERE key <> 'private_key' ORDER BY key").all();
    expect(meta(copy)).toEqual(meta(f.t.core.db));
    expect(copy.prepare("SELECT COUNT(*) FROM local_meta WHERE key = 'private_key'").pluck().get()).toBe(0);
    const privateKey = f.t.core.requireIdentity().privateKey;
    expect(fs.readFileSync(path.join(folder, `${info.id}.sqlite`)).includes(Buffer.from(privateKey.split('\n')[1]!))).toBe(false);
    // One self-contained file: not in WAL mode, so it opens without -wal/-shm beside it.
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    const sha = f.t.core.db.prepare('SELECT sha256 FROM attachments').pluck().get() as string;
    expect(fs.readFileSync(path.join(storeFolder(folder), sha)).equals(pdf)).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, `${info.id}.json`), 'utf8')) as { attachmentHashes: string[]; createdAt: string };
    expect(manifest.attachmentHashes).toEqual([sha]);
    expect(manifest.createdAt).toBe(new Date(localNoon('2025-04-20')).toISOString());
    expect((await f.t.call('backup.list', {})).backups.map((b) => b.id)).toEqual([info.id]);
    f.t.close();
  });

  it('belong to their own database: two databases in one folder neither list nor prune each other’s', async () => {
    const f = await backupFixture();
    const other = await createTestCore({ file: path.join(f.dir, 'office.sqlite'), now: () => localNoon('2025-04-21') });
    expect(backupFolder(other.core.file)).toBe(path.join(f.dir, 'backups-office'));
    expect(backupFolder(f.file)).toBe(path.join(f.dir, 'backups'));
    const mine = await f.t.call('backup.create', {});
    const theirs = [await other.call('backup.create', {}), await other.call('backup.create', {})];
    expect((await f.t.call('backup.list', {})).backups.map((b) => b.id)).toEqual([mine.id]);
    expect((await other.call('backup.list', {})).backups.map((b) => b.id).sort()).toEqual(theirs.map((b) => b.id).sort());
    other.close();
    f.t.close();
  });

  it('keep the newest N automatic backups; manual and pre-restore ones stay; unused store files go', async () => {
    const f = await backupFixture();
    const bad = await f.t.raw('backup.setKeep', { keep: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!bad.ok && bad.error.message).toMatch(CJK);
    expect((await f.t.raw('backup.setKeep', { keep: 101 })).ok).toBe(false);
    expect((await f.t.call('backup.list', {})).keep).toBe(10);

    await f.t.call('backup.setKeep', { keep: 3 });
    const manual = await f.t.call('backup.create', {});
    const automatic: string[] = [];
    for (let day = 21; day <= 26; day++) {
      f.setToday(`2025-04-${day}`);
      automatic.push((await backupBefore(f.t.core, 'import'))!);
    }
    const list = await f.t.call('backup.list', {});
    expect(list.backups.map((b) => b.id)).toEqual([...automatic.slice(-3).reverse(), manual.id]);
    expect(fs.readdirSync(backupFolder(f.file)).filter((n) => n.endsWith('.sqlite'))).toHaveLength(4);

    // Lowering the setting applies at once.
    expect((await f.t.call('backup.setKeep', { keep: 1 })).backups.map((b) => b.id)).toEqual([automatic.at(-1), manual.id]);
    for (const backup of (await f.t.call('backup.list', {})).backups) await f.t.call('backup.remove', { id: backup.id });
    expect(fs.readdirSync(storeFolder(backupFolder(f.file)))).toEqual([]);
    expect(await f.t.raw('backup.remove', { id: manual.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    f.t.close();
  });

  it('take the daily backup when none is younger than a day, checked at start and every hour', async () => {
    expect(isDailyBackupDue([], 1000)).toBe(true);
    expect(isDailyBackupDue([0], DAY_MS - 1)).toBe(false);
    expect(isDailyBackupDue([0], DAY_MS)).toBe(true);
    // A backup dated in the future (the clock was wrong) does not stop today's.
    expect(isDailyBackupDue([10 * DAY_MS], DAY_MS)).toBe(true);

    const f = await backupFixture();
    const start = localNoon('2025-04-20');
    let now = start;
    const dayCore = Core.open(f.file, { now: () => now });
    expect((await runDailyBackup(dayCore))?.reason).toBe('daily');
    now = start + 23 * 3600 * 1000;
    expect(await runDailyBackup(dayCore)).toBeNull();
    now = start + DAY_MS;
    expect((await runDailyBackup(dayCore))?.createdAt).toBe(new Date(start + DAY_MS).toISOString());
    // Any backup counts: an import's backup an hour ago makes the daily one unnecessary.
    now = start + 3 * DAY_MS;
    await backupBefore(dayCore, 'import');
    now += 3600 * 1000;
    expect(await runDailyBackup(dayCore)).toBeNull();
    dayCore.close();

    const scheduled: { kind: string; ms: number; run: () => void }[] = [];
    const cleared: unknown[] = [];
    const timers: Timers = {
      setTimeout: (run, ms) => scheduled[scheduled.push({ kind: 'once', ms, run }) - 1],
      setInterval: (run, ms) => scheduled[scheduled.push({ kind: 'every', ms, run }) - 1],
      clearTimeout: (h) => cleared.push(h),
      clearInterval: (h) => cleared.push(h),
    };
    let checks = 0;
    const stop = startDailyBackups(async () => checks++, timers);
    expect(scheduled.map((s) => [s.kind, s.ms])).toEqual([
      ['once', FIRST_CHECK_MS],
      ['every', CHECK_EVERY_MS],
    ]);
    scheduled[0]!.run();
    scheduled[1]!.run();
    expect(checks).toBe(2);
    stop();
    expect(cleared).toEqual(scheduled);
    f.t.close();
  });

  it('copy the database before a schema upgrade, and such an older backup restores and is migrated up', async () => {
    const dir = tempDir('tl-backup-');
    const file = path.join(dir, 'ledger.sqlite');
    const old = new (loadSqlite())(file);
    migrate(old, { to: 50 });
    old.transaction(() => {
      const identity = createLocalIdentity(old, '11111111-1111-4111-8111-111111111111', null);
      old.prepare("INSERT INTO offices (id, name) VALUES (?, '旧版本单位')").run(identity.officeId);
    })();
    old.close();

    const core = Core.open(file, { beforeMigrate: backupBeforeMigration(file) });
    const list = listBackups(file, 10);
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ reason: 'migrate', schemaVersion: 50, officeName: '旧版本单位' });
    const copy = openReadonly(path.join(backupFolder(file), `${list.backups[0]!.id}.sqlite`));
    expect(copy.pragma('user_version', { simple: true })).toBe(50);
    copy.close();
    // Opening again migrates nothing, so no second copy.
    core.close();
    Core.open(file, { beforeMigrate: backupBeforeMigration(file) }).close();
    expect(listBackups(file, 10).backups).toHaveLength(1);
  });
});

describe('restore', () => {
  it('brings back the data and attachments under a new identity whose clock runs past everything seen', async () => {
    const f = await backupFixture();
    const backup = await f.t.call('backup.create', {});
    const before = allRows(f.t.core.db);
    const oldIdentity = f.t.core.requireIdentity();

    // Work after the backup: a new task, a deleted entry text, and the attachment file lost.
    await f.t.call('tasks.create', { planId: f.plan.id, number: '4', title: '加强卫生监督', deadline: '2025年12月底', leadDepartmentIds: [f.med.id] });
    const sha = f.t.core.db.prepare('SELECT sha256 FROM attachments').pluck().get() as string;
    fs.rmSync(path.join(f.dir, 'attachments', sha));
    const liveMax = f.t.core.db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string;
    expect(countRows(f.t.core, 'tasks')).toBe(4);
    f.t.events.length = 0;

    const result = await f.t.call('backup.restore', { id: backup.id });
    expect(result.restored).toMatchObject({ createdAt: backup.createdAt, reason: 'manual', counts: { tasks: 3, attachments: 1 } });
    expect(result.safetyBackup).toMatchObject({ reason: 'restore', kept: true, counts: { tasks: 4 } });
    expect(result.missingAttachments).toBe(0);

    // The data of the backup, apart from what the new identity itself wrote.
    const identityTables = ['local_meta', 'change_log', 'installations', 'entry_clock'];
    expect(allRows(f.t.core.db, identityTables)).toEqual(Object.fromEntries(Object.entries(before).filter(([t]) => !identityTables.includes(t))));
    expect(countRows(f.t.core, 'tasks')).toBe(3);
    expect(fs.readFileSync(path.join(f.dir, 'attachments', sha)).equals(pdf)).toBe(true);
    const attachment = f.t.core.db.prepare('SELECT id FROM attachments').pluck().get() as string;
    expect((await f.t.call('attachments.read', { id: attachment })).contentBase64).toBe(pdf.toString('base64'));

    // A new installation id and key pair, published for peers; the office stays.
    const identity = f.t.core.requireIdentity();
    expect(identity.installationId).not.toBe(oldIdentity.installationId);
    expect(identity.publicKey).not.toBe(oldIdentity.publicKey);
    expect(identity.officeId).toBe(oldIdentity.officeId);
    expect(result.installationId).toBe(identity.installationId);
    expect(f.t.core.db.prepare('SELECT public_key FROM installations WHERE id = ?').pluck().get(identity.installationId)).toBe(identity.publicKey);
    expect((await f.t.call('system.status', {})).installation?.installationId).toBe(identity.installationId);

    // The next change is stamped after every clock value either database had seen, by the new id.
    await f.t.call('tasks.update', { id: f.literacy.id, title: '提升居民健康素养水平' });
    const next = f.t.core.db.prepare('SELECT MAX(hlc) FROM change_log WHERE origin_installation_id = ?').pluck().get(identity.installationId) as string;
    const restoredMax = backupMaxHlc(f.file, backup.id);
    expect(next > restoredMax && next > liveMax).toBe(true);
    expect(parseHlc(next).node).toBe(identity.installationId);

    // Every view is told to reload.
    const changed = f.t.events.filter((e) => e.type === 'changed').flatMap((e) => (e.type === 'changed' ? e.tables : []));
    expect(changed).toEqual(expect.arrayContaining(['tasks', 'plans', 'progress_reports', 'attachments', 'installations']));

    // Reopening the restored file is not taken for another copy: the identity stays.
    f.t.close();
    const reopened = Core.open(f.file);
    expect(reopened.requireIdentity().installationId).toBe(identity.installationId);
    reopened.close();
  });

  it('can be undone with the pre-restore backup', async () => {
    const f = await backupFixture();
    const backup = await f.t.call('backup.create', {});
    await f.t.call('tasks.create', { planId: f.plan.id, number: '4', title: '加强卫生监督', deadline: '2025年12月底', leadDepartmentIds: [f.med.id] });
    const { safetyBackup } = await f.t.call('backup.restore', { id: backup.id });
    expect(countRows(f.t.core, 'tasks')).toBe(3);
    await f.t.call('backup.restore', { id: safetyBackup!.id });
    expect(f.t.core.db.prepare('SELECT title FROM tasks WHERE deleted = 0 ORDER BY number').pluck().all()).toContain('加强卫生监督');
    f.t.close();
  });

  it('refuses a file that is not a whole ledger database of this or an older version, and changes nothing', async () => {
    const f = await backupFixture();
    const good = await f.t.call('backup.create', {});
    const goodFile = path.join(backupFolder(f.file), `${good.id}.sqlite`);
    const dir = tempDir('tl-bad-');
    const variant = (name: string, edit: (file: string) => void) => {
      const file = path.join(dir, name);
      fs.copyFileSync(goodFile, file);
      edit(file);
      return file;
    };
    const text = path.join(dir, '说明.sqlite');
    fs.writeFileSync(text, '这不是数据库');
    const foreign = path.join(dir, 'other.sqlite');
    const other = new (loadSqlite())(foreign);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.pragma('user_version = 3');
    other.close();
    const blank = path.join(dir, 'blank.sqlite');
    Core.open(blank).close();
    const cases: [string, string, RegExp][] = [
      [text, 'INVALID_ARGUMENT', /不是目标台账的备份文件/],
      [variant('broken.sqlite', (file) => breakPages(file)), 'CORRUPT', /已损坏/],
      [variant('newer.sqlite', (file) => setUserVersion(file, latestSchemaVersion() + 10)), 'DATABASE_NEWER', /请先升级本软件/],
      [foreign, 'INVALID_ARGUMENT', /没有台账的数据表/],
      [blank, 'INVALID_ARGUMENT', /尚未初始化/],
      [path.join(dir, 'missing.sqlite'), 'NOT_FOUND', /找不到/],
    ];
    const rowsBefore = allRows(f.t.core.db);
    const folderBefore = fs.readdirSync(backupFolder(f.file)).sort();
    const identity = f.t.core.requireIdentity();
    for (const [file, code, message] of cases) {
      const result = await f.t.raw('backup.restoreFile', { file });
      expect(result, path.basename(file)).toMatchObject({ ok: false, error: { code } });
      expect(!result.ok && result.error.message, path.basename(file)).toMatch(message);
      expect(!result.ok && result.error.message).toMatch(/未作任何改动/);
    }
    expect(allRows(f.t.core.db)).toEqual(rowsBefore);
    expect(fs.readdirSync(backupFolder(f.file)).sort()).toEqual(folderBefore);
    expect(f.t.core.requireIdentity()).toEqual(identity);
    expect(await f.t.raw('backup.restore', { id: '20990101-000000-000-manual' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await f.t.raw('backup.restore', { id: '../ledger' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    f.t.close();
  });

  it('exports a backup with its attachments as one .tlbak file that restores on its own', async () => {
    const f = await backupFixture();
    const backup = await f.t.call('backup.create', {});
    const out = tempDir('tl-usb-');
    const exported = await f.t.call('backup.export', { id: backup.id, out });
    expect(path.dirname(exported.file)).toBe(out);
    expect(path.basename(exported.file)).toMatch(/^目标台账备份-渝北区卫生健康委-20250420-120000\.tlbak$/);
    expect(await f.t.raw('backup.export', { id: backup.id, out: exported.file })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });

    // Another PC: nothing of the original but the .tlbak.
    await f.t.call('tasks.create', { planId: f.plan.id, number: '4', title: '加强卫生监督', deadline: '2025年12月底', leadDepartmentIds: [f.med.id] });
    fs.rmSync(path.join(f.dir, 'attachments'), { recursive: true });
    fs.rmSync(backupFolder(f.file), { recursive: true });
    const result = await f.t.call('backup.restoreFile', { file: exported.file });
    expect(result).toMatchObject({ missingAttachments: 0, restored: { reason: 'manual', counts: { tasks: 3 } } });
    expect(countRows(f.t.core, 'tasks')).toBe(3);
    const sha = f.t.core.db.prepare('SELECT sha256 FROM attachments').pluck().get() as string;
    expect(fs.readFileSync(path.join(f.dir, 'attachments', sha)).equals(pdf)).toBe(true);
    f.t.close();
  });
});

function backupMaxHlc(dbFile: string, id: string): string {
  const db = openReadonly(path.join(backupFolder(dbFile), `${id}.sqlite`));
  const values = [db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string, db.prepare("SELECT value FROM local_meta WHERE key = 'clock'").pluck().get() as string];
  db.close();
  return values.sort().at(-1)!;
}

function setUserVersion(file: string, version: number): void {
  const db = new (loadSqlite())(file);
  db.pragma(`user_version = ${version}`);
  db.close();
}

