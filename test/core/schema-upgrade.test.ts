import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';
import { latestSchemaVersion, schemaVersion } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { loadSqlite } from '../../electron/db/native';
import { openDatabase } from '../../electron/db/open';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import { tempDir } from '../helpers/core';
import { localNoon } from './progress-fixture';

/*
 * A database of every released schema version (test/fixtures/schemas, written by make.ts there)
 * is upgraded to the current version: every row of every table it had is still there, byte for
 * byte, the file is sound, and the app's services work on it.
 */

const FIXTURES = path.resolve('test/fixtures/schemas');
const fixture = (version: number) => path.join(FIXTURES, `v${String(version).padStart(4, '0')}.sqlite`);
const MAKE = 'node --import tsx test/fixtures/schemas/make.ts';
const Sqlite = loadSqlite();

/** The search index is derived (migration 40 rebuilds it from the rows): compared by what it finds, not by bytes. */
const derived = (table: string) => table.startsWith('search_');

function tables(db: Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

/** Columns a table has (a later version may add some; the old ones must keep their values). */
function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

/** Row count and a hash of every row in primary-key order (values with their types, blobs as bytes), over the given columns. */
function digest(db: Database, table: string, only?: readonly string[]): { rows: number; hash: string } {
  const keys = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => `"${c.name}"`);
  const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY ${keys.length > 0 ? keys.join(', ') : 'rowid'}`).all() as Record<string, unknown>[];
  const hash = createHash('sha256');
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (only && !only.includes(column)) continue;
      hash.update(`${column}\u0000${typeof value}\u0000`);
      hash.update(Buffer.isBuffer(value) ? value : String(value));
      hash.update('\u0001');
    }
    hash.update('\u0002');
  }
  return { rows: rows.length, hash: hash.digest('hex') };
}

function snapshot(db: Database, columns?: ReadonlyMap<string, readonly string[]>): Map<string, { rows: number; hash: string }> {
  return new Map(tables(db).filter((t) => !derived(t)).map((t) => [t, digest(db, t, columns?.get(t))]));
}

function copyOf(version: number): string {
  const file = path.join(tempDir('tl-upgrade-'), 'ledger.sqlite');
  fs.copyFileSync(fixture(version), file);
  return file;
}

describe('schema upgrades from every released version', () => {
  it('has a small fixture database for every migration version', () => {
    for (const { version } of migrations) {
      expect(fs.existsSync(fixture(version)), `没有结构版本 ${version} 的测试数据库：请运行 ${MAKE} 并提交生成的文件`).toBe(true);
      expect(fs.statSync(fixture(version)).size, `v${version}`).toBeLessThan(300 * 1024);
    }
    const files = fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.sqlite'));
    expect(files.sort()).toEqual(migrations.map((m) => path.basename(fixture(m.version))).sort());
  });

  for (const { version } of migrations) {
    it(`v${version}: keeps every row of every table through the upgrade, and the services work on it`, async () => {
      const file = copyOf(version);
      const old = new Sqlite(file, { readonly: true });
      expect(schemaVersion(old)).toBe(version);
      const before = snapshot(old);
      const oldColumns = new Map([...before.keys()].map((t) => [t, columnsOf(old, t)]));
      // Representative: the data tables of that version hold rows.
      for (const table of ['plans', 'tasks', 'progress_reports', 'indicators', 'indicator_values', 'attachments', 'change_log', 'drafts']) {
        expect(before.get(table)?.rows, `v${version} ${table}`).toBeGreaterThan(0);
      }
      if (version >= 50) for (const table of ['trusted_keys', 'peer_acks', 'sync_packages', 'conflicts']) expect(before.get(table)?.rows, table).toBeGreaterThan(0);
      if (version >= 60) expect(before.get('report_templates')?.rows).toBe(1);
      const merged = (db: Database) => db.prepare('SELECT COUNT(*) FROM departments WHERE deleted = 1 AND merged_into IS NOT NULL').pluck().get();
      if (version === 70) expect(merged(old)).toBe(1);
      const mergedBefore = version >= 70 ? merged(old) : 0;
      // What the plan import parsed, per record (the three-way merge on re-import).
      if (version >= 80) expect(before.get('import_baselines')?.rows).toBeGreaterThan(0);
      old.close();

      // The upgrade itself (what opening the file does), without the identity step a copied file triggers.
      const db = openDatabase(file);
      expect(schemaVersion(db)).toBe(latestSchemaVersion());
      const after = snapshot(db, oldColumns);
      for (const [table, was] of before) expect(after.get(table), `v${version} → ${latestSchemaVersion()}: ${table}`).toEqual(was);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();

      // The app on the upgraded file: ledger, search, plans, entries, values, evidence, sync and reports.
      const core = Core.open(file, { now: () => localNoon('2025-05-10') });
      const dispatch = createDispatcher(core);
      const call = async <N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> => {
        const result = await dispatch(name, args);
        if (!result.ok) throw new Error(`v${version} ${name}: ${result.error.code} ${result.error.message}`);
        return result.value as CallResult<N>;
      };
      // Merged departments stay merged and out of the list (from v70); older ones have none.
      expect((await call('departments.all', {})).filter((d) => d.mergedInto !== null).length).toBe(mergedBefore);
      const status = await call('system.status', {});
      expect(status.schemaVersion).toBe(latestSchemaVersion());
      expect(status.initialized).toBe(true);
      const [plan] = await call('plans.list', {});
      expect(plan!.title).toContain('2025年工作要点');
      const q1 = await call('ledger.query', { period: '2025-Q1' });
      expect(q1.rows.length).toBe(before.get('tasks')!.rows);
      // The quarter's entries survive (whatever their review state, each lead's part shows it).
      expect(q1.rows.filter((r) => r.leads.some((lead) => lead.kind !== 'missing')).length).toBeGreaterThanOrEqual(2);
      // The search index answers for every version (rebuilt by migration 40 where it was older).
      expect((await call('ledger.query', { period: '2025-Q1', search: '健康素养' })).rows.length).toBeGreaterThan(0);
      const values = (await call('indicators.list', { planId: plan!.id })).filter((i) => Object.keys(i.values).length > 0);
      expect(values.length).toBe(before.get('indicator_values')!.rows);
      const [attachment] = core.db.prepare('SELECT id FROM attachments').pluck().all() as string[];
      // The fixture has the row, not the file: the clerk is told what to do.
      const read = await dispatch('attachments.read', { id: attachment! });
      expect(!read.ok && read.error.message).toContain('请重新上传');
      expect((await call('sync.history', {})).length).toBe(before.get('sync_packages')?.rows ?? 0);
      expect((await call('sync.conflicts', {})).length).toBe(before.get('conflicts')?.rows ?? 0);
      expect((await call('report.templates.list', {})).length).toBe(before.get('report_templates')?.rows ?? 0);
      const report = await call('report.build', { kind: 'ledger', format: 'xlsx', scope: { period: '2025-Q1' }, save: false });
      expect(report.bytes).toBeGreaterThan(1000);
      // A write after the upgrade goes through the mutation layer as usual.
      const task = q1.rows.find((r) => r.leads.every((lead) => lead.kind === 'missing'))!;
      await call('progress.save', { period: '2025-Q1', taskId: task.taskId, departmentId: task.departments[0]!.id, fields: { status: '推进中', percent: 10, progressText: '升级后填报', problemsText: '', nextStepsText: '' }, submit: false });
      expect((await call('ledger.query', { period: '2025-Q1', search: '升级后填报' })).rows.map((r) => r.taskId)).toEqual([task.taskId]);
      core.close();
    });
  }
});
