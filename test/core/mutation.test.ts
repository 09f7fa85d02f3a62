import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { replicatedTables, type ReplicatedTable } from '../../shared/schema/tables';
import { fromSql } from '../../electron/core/mutation';
import { countRows, createTestCore } from '../helpers/core';

interface LoggedChange {
  hlc: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string;
  supersedes: string;
  actor: string;
  origin_installation_id: string;
}

function changesOf(core: { db: Database }, rowId: string): LoggedChange[] {
  return core.db.prepare('SELECT * FROM change_log WHERE row_id = ? ORDER BY hlc').all(rowId) as LoggedChange[];
}

describe('mutation layer', () => {
  it('records one change per field on insert, stamped with clock, installation and clerk', async () => {
    const t = await createTestCore();
    const plan = await t.call('plans.create', { kind: 'work-points', title: '2025年卫生健康工作要点', yearFrom: 2025, yearTo: 2025 });
    const changes = changesOf(t.core, plan.id);
    expect(changes.map((c) => c.col).sort()).toEqual(['doc_number', 'issued_on', 'issuer', 'kind', 'office_id', 'title', 'year_from', 'year_to'].sort());
    for (const change of changes) {
      expect(change.tbl).toBe('plans');
      expect(JSON.parse(change.supersedes)).toEqual([]);
      expect(change.actor).toBe('张三');
      expect(change.origin_installation_id).toBe(t.core.identity!.installationId);
      expect(change.hlc.endsWith(t.core.identity!.installationId)).toBe(true);
    }
    expect(JSON.parse(changes.find((c) => c.col === 'title')!.value)).toBe('2025年卫生健康工作要点');
    t.close();
  });

  it('records only changed fields on update, each superseding the field head it replaced', async () => {
    const t = await createTestCore();
    const plan = await t.call('plans.create', { kind: 'work-points', title: '初稿', yearFrom: 2025, yearTo: 2025 });
    const titleHead = changesOf(t.core, plan.id).find((c) => c.col === 'title')!.hlc;
    const before = countRows(t.core, 'change_log');
    await t.call('plans.update', { id: plan.id, title: '定稿', yearFrom: 2025 });
    const added = changesOf(t.core, plan.id).slice(-1);
    expect(countRows(t.core, 'change_log')).toBe(before + 1);
    expect(added[0]!.col).toBe('title');
    expect(JSON.parse(added[0]!.supersedes)).toEqual([titleHead]);
    expect(t.core.mutations.headsOf('plans', plan.id, 'title')).toEqual([added[0]!.hlc]);
    t.close();
  });

  it('deletes as a tombstone that keeps the row and its history', async () => {
    const t = await createTestCore();
    const plan = await t.call('plans.create', { kind: 'other', title: '临时计划' });
    await t.call('plans.delete', { id: plan.id });
    const row = t.core.db.prepare('SELECT deleted, title FROM plans WHERE id = ?').get(plan.id) as { deleted: number; title: string };
    expect(row).toEqual({ deleted: 1, title: '临时计划' });
    expect(changesOf(t.core, plan.id).at(-1)).toMatchObject({ col: 'deleted', value: 'true' });
    expect(await t.call('plans.list', {})).toEqual([]);
    t.close();
  });

  it('writes nothing, not even a clock tick, when the transaction fails', async () => {
    const t = await createTestCore();
    const rowsBefore = countRows(t.core, 'plans');
    const changesBefore = countRows(t.core, 'change_log');
    const clockBefore = t.core.db.prepare("SELECT value FROM local_meta WHERE key = 'clock'").pluck().get();
    expect(() =>
      t.core.mutations.run((writer) => {
        writer.insert('plans', '11111111-1111-4111-8111-111111111111', { title: '会回滚的计划', kind: 'other' });
        throw new Error('simulated failure');
      }),
    ).toThrow('simulated failure');
    expect(countRows(t.core, 'plans')).toBe(rowsBefore);
    expect(countRows(t.core, 'change_log')).toBe(changesBefore);
    expect(t.core.db.prepare("SELECT value FROM local_meta WHERE key = 'clock'").pluck().get()).toBe(clockBefore);
    t.close();
  });

  it('issues strictly increasing, unique timestamps even when the PC clock jumps back', async () => {
    let now = 1_800_000_000_000;
    const t = await createTestCore({ now: () => now });
    const plan = await t.call('plans.create', { kind: 'other', title: 'A' });
    now -= 3_600_000; // the clerk set the clock back an hour
    await t.call('plans.update', { id: plan.id, title: 'B' });
    await t.call('plans.update', { id: plan.id, title: 'C' });
    const inserted = t.core.db.prepare('SELECT hlc FROM change_log').pluck().all() as string[];
    expect(new Set(inserted).size).toBe(inserted.length);
    const titles = changesOf(t.core, plan.id).filter((c) => c.col === 'title').map((c) => JSON.parse(c.value) as string);
    // Ordered by timestamp, the edits come out in the order they were made despite the clock jump.
    expect(titles).toEqual(['A', 'B', 'C']);
    t.close();
  });

  it('revives a derived-id record created twice instead of duplicating it', async () => {
    const t = await createTestCore();
    const first = await t.call('departments.create', { name: '疾控科', aliases: [] });
    await t.call('departments.delete', { id: first.id });
    const again = await t.call('departments.create', { name: '疾控科', aliases: ['疾病预防控制科'] });
    expect(again.id).toBe(first.id);
    expect(countRows(t.core, 'departments')).toBe(1);
    t.close();
  });

  it('keeps every materialized value equal to the newest change of its field (random edit sequences)', async () => {
    const t = await createTestCore();
    const titles = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('推进医共体建设', '完善家庭医生签约')), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(titles, fc.boolean(), async (sequence, deleteAtEnd) => {
        const plan = await t.call('plans.create', { kind: 'other', title: '测试' });
        const task = await t.call('tasks.create', { planId: plan.id, title: '任务' });
        for (const title of sequence) {
          const result = await t.raw('tasks.update', { id: task.id, title });
          if (!result.ok) expect(result.error.code).toBe('INVALID_ARGUMENT');
        }
        if (deleteAtEnd) await t.call('tasks.delete', { id: task.id });
        assertMaterializedMatchesLog(t.core.db, 'tasks', task.id);
      }),
      { numRuns: 40 },
    );
    t.close();
  });

  it('no code outside the mutation layer writes replicated tables', () => {
    const roots = ['electron'];
    const offenders: string[] = [];
    const tables = Object.keys(replicatedTables).join('|');
    const write = new RegExp(`\\b(INSERT\\s+(OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+(${tables})\\b`, 'i');
    const allowed = new Set([path.join('electron', 'core', 'mutation.ts')]);
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (full !== path.join('electron', 'db', 'migrations')) walk(full);
        } else if (/\.(ts|mts|mjs)$/.test(entry.name) && !allowed.has(full) && write.test(fs.readFileSync(full, 'utf8'))) {
          offenders.push(full);
        }
      }
    };
    roots.forEach(walk);
    expect(offenders).toEqual([]);
    // The check itself must be able to fail.
    expect(write.test('db.prepare("UPDATE tasks SET title = ?")')).toBe(true);
  });
});

function assertMaterializedMatchesLog(db: Database, table: ReplicatedTable, id: string): void {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
  const latest = db
    .prepare('SELECT col, value FROM change_log WHERE tbl = ? AND row_id = ? ORDER BY hlc')
    .all(table, id) as { col: string; value: string }[];
  const newest = new Map(latest.map((c) => [c.col, JSON.parse(c.value) as unknown]));
  const types = { ...replicatedTables[table].columns, deleted: 'boolean' } as Record<string, 'text' | 'integer' | 'real' | 'json' | 'boolean'>;
  for (const [column, value] of newest) expect(fromSql(types[column]!, row[column]), column).toEqual(value);
}
