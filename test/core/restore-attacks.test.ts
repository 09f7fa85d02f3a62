import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { policyOf } from '../../electron/backup/row-checks';
import { backupFolder } from '../../electron/backup/store';
import { migrate } from '../../electron/db/migrate';
import { loadSqlite } from '../../electron/db/native';
import { tempDir } from '../helpers/core';
import { allRows, backupFixture, craftBackup, dumpDatabase, type BackupFixture } from './backup-fixture';

/*
 * Issue 14, finding 1: a restore ran the backup's own SQL. Each crafted backup below was taken
 * from a real one and given a trigger or a view; the restore must refuse it, in Chinese, before
 * anything changes (and nothing of it may run).
 */

const CJK = /[\u4e00-\u9fff]/;

async function fixtureWithBackup(): Promise<{ f: BackupFixture; good: string; dir: string }> {
  const f = await backupFixture();
  const backup = await f.t.call('backup.create', {});
  return { f, good: path.join(backupFolder(f.file), `${backup.id}.sqlite`), dir: tempDir('tl-crafted-') };
}

/** Restore `file`; expect a Chinese refusal that says nothing changed, and check that nothing did. */
async function expectRefused(f: BackupFixture, file: string, message: RegExp = /不是目标台账生成的备份/) {
  const before = dumpDatabase(f.t.core.db);
  const folderBefore = fs.readdirSync(backupFolder(f.file)).sort();
  const identity = f.t.core.requireIdentity();
  const result = await f.t.raw('backup.restoreFile', { file });
  expect(result.ok, path.basename(file)).toBe(false);
  const error = !result.ok ? result.error : null;
  expect(error?.message).toMatch(CJK);
  expect(error?.message).toMatch(message);
  expect(error?.message).toMatch(/未作任何改动/);
  expect(dumpDatabase(f.t.core.db)).toBe(before);
  expect(fs.readdirSync(backupFolder(f.file)).sort()).toEqual(folderBefore);
  expect(f.t.core.requireIdentity()).toEqual(identity);
  return error!;
}

describe('restore never runs the backup’s own SQL (issue 14, finding 1)', () => {
  it('refuses a backup whose trigger on local_meta would put an attacker’s key pair in place of the new one', async () => {
    const { f, good, dir } = await fixtureWithBackup();
    const attacker = generateKeyPairSync('ed25519');
    const pub = attacker.publicKey.export({ type: 'spki', format: 'pem' }).toString().replace(/'/g, "''");
    const priv = attacker.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/'/g, "''");
    const crafted = craftBackup(good, path.join(dir, 'key.sqlite'), (db) =>
      db.exec(`
        CREATE TRIGGER steal_insert AFTER INSERT ON local_meta WHEN new.key IN ('public_key', 'private_key') BEGIN
          UPDATE local_meta SET value = CASE key WHEN 'public_key' THEN '${pub}' ELSE '${priv}' END WHERE key IN ('public_key', 'private_key');
        END;
        CREATE TRIGGER steal_update AFTER UPDATE ON local_meta WHEN new.key IN ('public_key', 'private_key') AND new.value NOT IN ('${pub}', '${priv}') BEGIN
          UPDATE local_meta SET value = CASE key WHEN 'public_key' THEN '${pub}' ELSE '${priv}' END WHERE key IN ('public_key', 'private_key');
        END;`),
    );
    const error = await expectRefused(f, crafted);
    expect(error.message).toContain('触发器');
    // Whatever happened, this PC never signs with the attacker's key.
    expect(f.t.core.requireIdentity().publicKey).not.toBe(attacker.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    f.t.close();
  });

  it('refuses a backup whose trigger on change_log would store 100% for 10% and delete the change record', async () => {
    const { f, good, dir } = await fixtureWithBackup();
    const crafted = craftBackup(good, path.join(dir, 'falsify.sqlite'), (db) =>
      db.exec(`
        CREATE TRIGGER falsify AFTER INSERT ON change_log WHEN new.tbl = 'progress_reports' AND new.col = 'percent' BEGIN
          UPDATE progress_reports SET percent = 100 WHERE id = new.row_id;
          DELETE FROM change_log WHERE hlc = new.hlc;
        END;`),
    );
    await expectRefused(f, crafted);
    // The live ledger records 10% as 10%, with its change record.
    const key = { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2' };
    await f.t.call('progress.save', { ...key, fields: { status: '推进中', percent: 10, progressText: '已印发通知', problemsText: '', nextStepsText: '' } });
    expect(f.t.core.db.prepare('SELECT percent FROM progress_reports WHERE task_id = ?').pluck().get(f.literacy.id)).toBe(10);
    expect(f.t.core.db.prepare("SELECT COUNT(*) FROM change_log WHERE tbl = 'progress_reports' AND col = 'percent' AND value = '10'").pluck().get()).toBe(1);
    f.t.close();
  });

  it('refuses a backup whose recursive VIEW replaces departments, without reading it, and status still answers', async () => {
    const { f, good, dir } = await fixtureWithBackup();
    const crafted = craftBackup(good, path.join(dir, 'view.sqlite'), (db) =>
      db.exec(`
        DROP TABLE departments;
        CREATE VIEW departments AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
          SELECT CAST(n AS TEXT) AS id, NULL AS office_id, '科室' || n AS name, NULL AS aliases, n AS sort_order, 0 AS deleted, NULL AS merged_into FROM r;`),
    );
    const started = performance.now();
    const error = await expectRefused(f, crafted);
    expect(error.message).toContain('视图“departments”');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await f.t.call('system.status', {})).initialized).toBe(true);
    f.t.close();
  });

  it('refuses foreign indexes, virtual tables, unknown tables and a table of ours with other columns', async () => {
    const { f, good, dir } = await fixtureWithBackup();
    const cases: [string, string, RegExp][] = [
      ['index', 'CREATE INDEX tasks_title ON tasks (title)', /索引“tasks_title”/],
      ['fts', 'CREATE VIRTUAL TABLE notes USING fts5(body)', /虚拟表“notes”/],
      ['table', 'CREATE TABLE payload (x BLOB)', /数据表“payload”/],
      ['column', 'ALTER TABLE tasks ADD COLUMN secret TEXT', /数据表“tasks”/],
      ['missing', 'DROP TABLE metric_links', /缺少数据表“metric_links”/],
    ];
    for (const [name, sql, message] of cases) {
      await expectRefused(f, craftBackup(good, path.join(dir, `${name}.sqlite`), (db) => db.exec(sql)), message);
    }
    f.t.close();
  });

  it('rebuilds a good backup: only our schema’s objects, the same rows, and no key of the backup’s', async () => {
    const { f, good } = await fixtureWithBackup();
    const rowsBefore = allRows(f.t.core.db, ['local_meta', 'change_log', 'installations', 'entry_clock']);
    const result = await f.t.call('backup.restoreFile', { file: good });
    expect(result.restored.counts.tasks).toBe(3);
    expect(allRows(f.t.core.db, ['local_meta', 'change_log', 'installations', 'entry_clock'])).toEqual(rowsBefore);
    // The catalogue of a database our migrations made, nothing more.
    const fresh = new (loadSqlite())(':memory:');
    migrate(fresh);
    const catalogue = (db: Database) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();
    expect(catalogue(f.t.core.db)).toEqual(catalogue(fresh));
    fresh.close();
    // The search index was rebuilt from the rows.
    expect([...f.t.core.search.search([f.plan.id], '健康素养')!.taskIds]).toEqual([f.literacy.id]);
    f.t.close();
  });

  it('has a deliberate restore rule for every table of our schema (a new migration’s table must be given one)', () => {
    const db = new (loadSqlite())(':memory:');
    migrate(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'").pluck().all() as string[];
    db.close();
    const without = tables.filter((t) => !policyOf(t));
    expect(without, 'add these tables to tablePolicies in electron/backup/row-checks.ts').toEqual([]);
    // The identity is never among what a backup brings.
    expect(policyOf('local_meta')?.kind).toBe('meta');
  });
});
