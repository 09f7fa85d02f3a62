import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoreClient } from '../../electron/core/client';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

/*
 * Issue 14, finding 7: `export --out <the open database>` succeeded and destroyed it, and --out
 * replaced any file. Outputs now never go over the open database, keep an existing file unless
 * --force, and are written whole (temporary file, then rename).
 */
describe('CLI outputs', () => {
  it('never writes over the open database, keeps an existing file unless --force, and replaces it whole with it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    const before = (await cli('--db', db, 'dump', '--json')).out;

    for (const target of [db, `${db}-wal`]) {
      const refused = await cli('--db', db, 'export', '--kind', 'assignment', '--department', '疾控科', '--period', '2025-Q1', '--out', target);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('正在使用的数据库文件');
    }
    const report = await cli('--db', db, 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', db, '--force');
    expect([report.code, report.err.includes('正在使用的数据库文件')]).toEqual([1, true]);
    // The database still opens and holds exactly what it held.
    expect((await cli('--db', db, 'dump', '--json')).out).toBe(before);

    const existing = path.join(dir, '台账.csv');
    fs.writeFileSync(existing, '上周的台账');
    const kept = await cli('--db', db, 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', existing);
    expect([kept.code, kept.err.includes('已存在')]).toEqual([1, true]);
    expect(fs.readFileSync(existing, 'utf8')).toBe('上周的台账');
    const replaced = await cli('--db', db, 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', existing, '--force');
    expect(replaced.code).toBe(0);
    expect(fs.readFileSync(existing, 'utf8')).toContain('工作任务');
    // No temporary file is left beside it.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** The core calls the CLI made while running `run`. */
  async function callsOf(run: () => Promise<unknown>): Promise<string[]> {
    const calls: string[] = [];
    const original = CoreClient.prototype.invoke;
    vi.spyOn(CoreClient.prototype, 'invoke').mockImplementation(function (this: CoreClient, name, args) {
      calls.push(name);
      return original.call(this, name, args);
    });
    await run();
    vi.restoreAllMocks();
    return calls;
  }

  const packagesOut = (db: string) => {
    const handle = new Database(db, { readonly: true });
    try {
      return (handle.prepare("SELECT COUNT(*) AS n FROM sync_packages WHERE direction = 'out'").get() as { n: number }).n;
    } finally {
      handle.close();
    }
  };
  const backupCount = async (db: string) => (JSON.parse((await cli('--db', db, '--json', 'backup', '--list')).out) as { backups: unknown[] }).backups.length;

  // Review of issue 14: a refused --out was found only after the work, leaving a package in 收发记录, a 手动备份, a built report.
  it('checks --out before doing the work: a refused output leaves no package record, no backup and builds no report', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    const existing = path.join(dir, '已有.tlbak');
    fs.writeFileSync(existing, '上周的文件');
    const backupsBefore = await backupCount(db);

    let full: Awaited<ReturnType<typeof cli>> | undefined;
    const exportCalls = await callsOf(async () => (full = await cli('--db', db, 'export', '--kind', 'full', '--out', db)));
    expect(exportCalls).not.toContain('sync.export');
    expect(packagesOut(db)).toBe(0);
    expect([full?.code, full?.err.includes('正在使用的数据库文件'), full?.err.includes('未作任何改动')]).toEqual([1, true, true]);

    // --split-mb: an earlier part of the same name is in the way before anything is exported.
    fs.writeFileSync(path.join(dir, '全量.part1of2.tlpkg'), '上次的分卷');
    const split = await cli('--db', db, 'export', '--kind', 'full', '--split-mb', '1', '--out', path.join(dir, '全量.tlpkg'));
    expect([split.code, split.err.includes('全量.part1of2.tlpkg”已存在')]).toEqual([1, true]);
    expect(packagesOut(db)).toBe(0);

    const backup = await cli('--db', db, 'backup', '--out', existing);
    expect(await backupCount(db)).toBe(backupsBefore);
    expect([backup.code, backup.err.includes('已存在'), backup.err.includes('未作任何改动')]).toEqual([1, true, true]);
    const noFolder = await cli('--db', db, 'backup', '--out', path.join(dir, '没有的文件夹', '备份.tlbak'));
    expect(await backupCount(db)).toBe(backupsBefore);
    expect([noFolder.code, noFolder.err.includes('不存在')]).toEqual([1, true]);
    expect(fs.readFileSync(existing, 'utf8')).toBe('上周的文件');

    let report: Awaited<ReturnType<typeof cli>> | undefined;
    const reportCalls = await callsOf(async () => (report = await cli('--db', db, 'report', '--kind', 'ledger', '--format', 'docx', '--period', '2025-Q1', '--out', existing)));
    expect([report?.code, report?.err.includes('已存在')]).toEqual([1, true]);
    expect(reportCalls).not.toContain('report.build');

    // The same commands still work once --out is fine.
    expect((await cli('--db', db, 'export', '--kind', 'full', '--out', path.join(dir, '新的.tlpkg'))).code).toBe(0);
    expect(packagesOut(db)).toBe(1);
    expect((await cli('--db', db, 'backup', '--out', path.join(dir, '新的.tlbak'))).code).toBe(0);
    expect(await backupCount(db)).toBe(backupsBefore + 1);
  }, 120_000);

  // Review of issue 14: --force replaced files in the folders the program manages beside the database.
  it('never writes into the backup folder or the attachments store, not even with --force or through a link', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    expect((await cli('--db', db, 'backup')).code).toBe(0);
    const backups = path.join(dir, 'backups-office');
    const manifest = fs.readdirSync(backups).find((name) => name.endsWith('.json'))!;
    const manifestBytes = fs.readFileSync(path.join(backups, manifest));
    const store = path.join(dir, 'attachments');
    fs.mkdirSync(store, { recursive: true });
    const sha = 'a'.repeat(64);
    fs.writeFileSync(path.join(store, sha), '佐证材料');
    fs.symlinkSync(backups, path.join(dir, '链接'));
    const before = fs.readdirSync(backups).sort();
    const backupsBefore = await backupCount(db);

    const report = (out: string) => cli('--db', db, 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', out, '--force');
    for (const attempt of [
      () => report(path.join(backups, manifest)),
      () => report(path.join(backups, '新的.csv')),
      () => report(path.join(dir, '链接', '新的.csv')),
      () => report(path.join(store, sha)),
      () => cli('--db', db, 'export', '--kind', 'full', '--out', path.join(backups, 'attachments', '全量.tlpkg'), '--force'),
      () => cli('--db', db, 'backup', '--out', backups),
      () => cli('--db', db, 'backup', '--out', path.join(store, '备份.tlbak')),
    ]) {
      const refused = await attempt();
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/在数据库的(备份文件夹|佐证材料文件夹).*由程序自己管理.*未作任何改动/);
    }
    expect(fs.readFileSync(path.join(backups, manifest))).toEqual(manifestBytes);
    expect(fs.readFileSync(path.join(store, sha), 'utf8')).toBe('佐证材料');
    expect(fs.readdirSync(backups).sort()).toEqual(before);
    expect(fs.readdirSync(store)).toEqual([sha]);
    expect(packagesOut(db)).toBe(0);
    expect(await backupCount(db)).toBe(backupsBefore);
  }, 120_000);
});
