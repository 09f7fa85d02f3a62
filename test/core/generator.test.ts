import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { replicatedTables, type ReplicatedTable } from '../../shared/schema/tables';
import { fromSql } from '../../electron/core/mutation';
import { generateData } from '../../electron/services/generator';
import { dumpReplicated, type Dump } from '../../electron/services/dump';
import { countRows, createTestCore, type TestCore } from '../helpers/core';

const ARGS = { offices: 3, years: 2, tasksPerPlan: 12, departmentsPerOffice: 5, firstYear: 2025, seed: 42, plansPerYear: 2, intoOwnOffice: false };
const GENERATED: ReplicatedTable[] = ['offices', 'departments', 'plans', 'sections', 'tasks', 'indicators', 'progress_reports', 'indicator_values'];

/** The dump without what differs between two installations and two runs: ids of the installation, clock values, batches. */
function comparable(dump: Dump): unknown {
  const { installations: _installations, ...tables } = dump.tables;
  const changes = dump.changes
    .filter((change) => change.tbl !== 'installations')
    .map(({ hlc: _hlc, batch: _batch, origin_installation_id: _installation, ...rest }) => rest);
  return { tables, changes };
}

async function generated(rowsPerTransaction?: number): Promise<TestCore> {
  const t = await createTestCore({ officeName: '渝北区卫生健康委' });
  generateData(t.core, ARGS, () => {}, rowsPerTransaction === undefined ? {} : { rowsPerTransaction });
  return t;
}

function batches(db: Database): number {
  return db.prepare("SELECT COUNT(DISTINCT batch) FROM change_log WHERE tbl = 'tasks'").pluck().get() as number;
}

describe('generator', () => {
  it('writes the same rows and change records in large transactions as in one transaction per plan', async () => {
    const perPlan = await generated(1);
    const large = await generated();
    expect(comparable(dumpReplicated(large.core))).toEqual(comparable(dumpReplicated(perPlan.core)));
    // Only the grouping differs: one save per plan, or one for the whole (small) generation.
    expect(batches(perPlan.core.db)).toBe(ARGS.offices * ARGS.years * ARGS.plansPerYear);
    expect(batches(large.core.db)).toBe(1);
    perPlan.close();
    large.close();
  });

  it('records one change per written field and the rows equal their newest changes', async () => {
    const t = await generated(500);
    const summary = { tasks: countRows(t.core, 'tasks'), progress: countRows(t.core, 'progress_reports') };
    expect(summary.tasks).toBe(ARGS.offices * ARGS.years * ARGS.plansPerYear * ARGS.tasksPerPlan);
    expect(summary.progress).toBeGreaterThanOrEqual(summary.tasks * 4);
    for (const table of GENERATED) {
      const types = { ...replicatedTables[table].columns, deleted: 'boolean' } as Record<string, Parameters<typeof fromSql>[0]>;
      const rows = t.core.db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      const changes = t.core.db.prepare('SELECT row_id, col, value, supersedes FROM change_log WHERE tbl = ? ORDER BY hlc').all(table) as {
        row_id: string;
        col: string;
        value: string;
        supersedes: string;
      }[];
      const byRow = new Map<string, Map<string, unknown>>();
      for (const change of changes) {
        // Every generated row is new: nothing it writes supersedes anything.
        expect(change.supersedes).toBe('[]');
        const fields = byRow.get(change.row_id) ?? new Map<string, unknown>();
        expect(fields.has(change.col), `${table}.${change.col} written twice`).toBe(false);
        fields.set(change.col, JSON.parse(change.value));
        byRow.set(change.row_id, fields);
      }
      expect(byRow.size, table).toBe(rows.length);
      for (const row of rows) {
        const fields = byRow.get(row.id as string)!;
        for (const [column, value] of Object.entries(row)) {
          if (column === 'id' || column === 'deleted') continue;
          if (fields.has(column)) expect(fromSql(types[column]!, value), `${table}.${column}`).toEqual(fields.get(column));
          else expect(value, `${table}.${column} has a value but no change record`).toBeNull();
        }
      }
    }
    t.close();
  });

  it('puts the first office into this installation’s own office without renaming it', async () => {
    const t = await createTestCore({ officeName: '渝北区卫生健康委', departmentName: '疾控科' });
    const own = t.core.requireIdentity().officeId;
    const summary = await t.call('system.generate', { ...ARGS, intoOwnOffice: true });
    expect(summary.offices).toBe(ARGS.offices);
    expect(countRows(t.core, 'offices')).toBe(ARGS.offices);
    const office = t.core.db.prepare('SELECT name FROM offices WHERE id = ?').get(own) as { name: string };
    expect(office.name).toBe('渝北区卫生健康委');
    const plans = t.core.db.prepare('SELECT title FROM plans WHERE office_id = ? ORDER BY title').pluck().all(own) as string[];
    expect(plans).toHaveLength(ARGS.years * ARGS.plansPerYear);
    expect(plans[0]).toBe('渝北区卫生健康委2025年卫生健康工作要点');
    // The clerk's own department keeps its place; generated ones follow it.
    const departments = t.core.db.prepare('SELECT name, sort_order FROM departments WHERE office_id = ? ORDER BY sort_order').all(own) as { name: string }[];
    expect(departments.map((d) => d.name)).toEqual(['疾控科', '办公室', '疾病预防控制科', '医政医管科', '基层卫生健康科', '妇幼健康科']);
    const tasks = t.core.db.prepare('SELECT COUNT(*) FROM tasks JOIN plans ON plans.id = tasks.plan_id WHERE plans.office_id = ?').pluck().get(own);
    expect(tasks).toBe(ARGS.years * ARGS.plansPerYear * ARGS.tasksPerPlan);
    t.close();
  });

  it('is repeatable: the same seed gives the same data', async () => {
    const a = await generated();
    const b = await generated();
    expect(comparable(dumpReplicated(a.core))).toEqual(comparable(dumpReplicated(b.core)));
    const c = await createTestCore({ officeName: '渝北区卫生健康委' });
    generateData(c.core, { ...ARGS, seed: 43 }, () => {});
    expect(comparable(dumpReplicated(c.core))).not.toEqual(comparable(dumpReplicated(a.core)));
    for (const t of [a, b, c]) t.close();
  });
});
