import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/services/dump';
import { createTestCore } from '../helpers/core';

describe('dump', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('prints the same bytes for the same data regardless of physical row order', async () => {
    const a = await createTestCore();
    await a.call('departments.create', { name: '疾控科', aliases: ['疾病预防控制科'] });
    const plan = await a.call('plans.create', { kind: 'work-points', title: '工作要点', yearFrom: 2025, yearTo: 2025 });
    for (let i = 1; i <= 5; i++) await a.call('tasks.create', { planId: plan.id, number: String(i), title: `任务${i}` });
    const expected = await a.call('system.dump', {});

    // Copy every replicated row and change into a second database in reverse order.
    const b = await createTestCore({ init: false });
    const tables = (a.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'local_%' AND name NOT LIKE 'search_%' AND name NOT IN ('drafts', 'import_history')").pluck().all() as string[]);
    for (const table of tables) {
      const rows = (a.core.db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).reverse();
      for (const row of rows) {
        const cols = Object.keys(row);
        b.core.db.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`).run(...cols.map((c) => row[c]));
      }
    }
    expect(await b.call('system.dump', {})).toBe(expected);
    const parsed = JSON.parse(expected) as { tables: Record<string, unknown[]>; changes: unknown[] };
    expect(parsed.tables.tasks).toHaveLength(5);
    expect(parsed.changes.length).toBeGreaterThan(40);
    a.close();
    b.close();
  });
});
