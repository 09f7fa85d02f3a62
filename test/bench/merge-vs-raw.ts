import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { columnType, replicatedTables } from '../../shared/schema/tables';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';
import { newId } from '../../electron/core/ids';
import { toSql } from '../../electron/core/mutation';
import { CHANGE_FIELDS, type ChangeRecord } from '../../electron/sync/changes';
import { mergeChanges } from '../../electron/sync/merge';
import { tempDir } from '../helpers/core';
import { median, type BenchFigure } from './format';

/*
 * merge-vs-raw-insert: merging a package of 100,000 field changes into an empty, initialised
 * database, against the least work the same result needs — raw prepared inserts of the same
 * rows and change records into the same tables, in one transaction.
 */

const CHANGES = 100_000;
const ROUNDS = 3;
const TABLE = 'tasks';
const columns = Object.keys(replicatedTables[TABLE].columns).sort();

async function freshCore(officeName: string): Promise<Core> {
  const core = Core.open(path.join(tempDir('tl-bench-'), 'bench.sqlite'));
  const result = await createDispatcher(core)('system.init', { officeName });
  if (!result.ok) throw new Error(result.error.message);
  return core;
}

/** The package: tasks written through the mutation layer of another office's PC, as its change log holds them. */
async function packageChanges(): Promise<ChangeRecord[]> {
  const source = await freshCore('基准测试发送单位');
  const planId = newId();
  const rows = Math.ceil(CHANGES / columns.length);
  source.mutations.run((writer) => {
    for (let i = 0; i < rows; i++) {
      writer.insert(TABLE, newId(), {
        plan_id: planId,
        section_id: null,
        number: String(i + 1),
        sort_order: i + 1,
        title: `推进紧密型县域医共体建设第${i}项`,
        text: `推进紧密型县域医共体建设，完善家庭医生签约服务，重点人群签约率达到75%以上。（牵头科室：基层卫生健康科，责任单位：委属各单位）${i}`,
        deadline: '2025年12月底',
        due_date: '2025-12-31',
        due_from_year: null,
        due_to_year: null,
        lead_department_ids: ['0b6f6a3e-8d1c-4a55-9a0e-1c2d3e4f5a6b'],
        responsible_units: ['委属各单位'],
        group_name: null,
        milestones: null,
        carried_from_task_id: null,
      });
    }
  });
  const changes = source.db.prepare(`SELECT ${CHANGE_FIELDS.join(', ')} FROM change_log WHERE tbl = ? ORDER BY hlc LIMIT ?`).all(TABLE, CHANGES) as ChangeRecord[];
  source.close();
  if (changes.length !== CHANGES) throw new Error(`expected ${CHANGES} changes, got ${changes.length}`);
  return changes;
}

function viaMerge(core: Core, changes: readonly ChangeRecord[]): number {
  const started = performance.now();
  const summary = mergeChanges(core, changes, { packageId: newId(), maxAheadMs: 86_400_000 });
  const elapsed = performance.now() - started;
  if (summary.changes.new !== changes.length) throw new Error(`merge took ${summary.changes.new} of ${changes.length} changes`);
  return elapsed;
}

/** The rows the changes decide (every change of a new row is its only one), prepared outside the timing. */
function rowsOf(changes: readonly ChangeRecord[]): Map<string, Map<string, unknown>> {
  const rows = new Map<string, Map<string, unknown>>();
  for (const change of changes) {
    let row = rows.get(change.row_id);
    if (!row) rows.set(change.row_id, (row = new Map()));
    row.set(change.col, toSql(columnType(TABLE, change.col)!, JSON.parse(change.value)));
  }
  return rows;
}

function rawInserts(core: Core, changes: readonly ChangeRecord[], rows: Map<string, Map<string, unknown>>): number {
  const packageId = newId();
  const insertRow = core.db.prepare(`INSERT INTO ${TABLE} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`);
  const insertChange = core.db.prepare(
    `INSERT INTO change_log (hlc, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor, batch, package_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = performance.now();
  core.db.transaction(() => {
    for (const [id, row] of rows) insertRow.run(id, ...columns.map((column) => row.get(column) ?? null));
    for (const c of changes) insertChange.run(c.hlc, c.tbl, c.row_id, c.col, c.value, c.supersedes, c.origin_office_id, c.origin_installation_id, c.actor, c.batch, packageId);
  })();
  return performance.now() - started;
}

export async function benchMergeVsRaw(): Promise<BenchFigure[]> {
  const changes = await packageChanges();
  const rows = rowsOf(changes);
  const mergeTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = await freshCore('基准测试接收单位');
    const b = await freshCore('基准测试接收单位');
    // Alternate the order so neither side always runs on a warmer machine.
    if (round % 2 === 0) {
      mergeTimes.push(viaMerge(a, changes));
      rawTimes.push(rawInserts(b, changes, rows));
    } else {
      rawTimes.push(rawInserts(b, changes, rows));
      mergeTimes.push(viaMerge(a, changes));
    }
    a.close();
    b.close();
  }
  console.log(`  merge-vs-raw: ${changes.length} changes (${rows.size} rows); merge ${mergeTimes.map(Math.round).join(' ')} ms, raw ${rawTimes.map(Math.round).join(' ')} ms`);
  // Speed relative to raw: raw time / merge time (1.0 = as fast as raw inserts).
  return [{ name: 'merge-vs-raw-insert', value: median(rawTimes) / median(mergeTimes), goal: '>=0.5' }];
}
