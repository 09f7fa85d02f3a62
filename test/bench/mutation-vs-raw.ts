import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatHlc, nextHlc, ZERO_HLC } from '../../shared/domain/hlc';
import { replicatedTables } from '../../shared/schema/tables';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';
import { toSql } from '../../electron/core/mutation';
import { newId } from '../../electron/core/ids';
import { tempDir } from '../helpers/core';
import { median, type BenchFigure } from './format';

const ROWS = 4000;
const ROUNDS = 5;
const columns = replicatedTables.tasks.columns;
type TaskValues = Record<string, unknown>;

function taskValues(i: number, planId: string): TaskValues {
  return {
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
  };
}

async function freshCore(): Promise<Core> {
  const core = Core.open(path.join(tempDir('tl-bench-'), 'bench.sqlite'));
  const dispatch = createDispatcher(core);
  const result = await dispatch('system.init', { officeName: '基准测试单位' });
  if (!result.ok) throw new Error(result.error.message);
  return core;
}

/** Bulk task creation through the mutation layer. */
function viaMutationLayer(core: Core, rows: TaskValues[], ids: string[]): number {
  const started = performance.now();
  core.mutations.run((writer) => rows.forEach((values, i) => writer.insert('tasks', ids[i]!, values)));
  return performance.now() - started;
}

/** The least work the design needs: the same rows and change records, raw prepared inserts, one transaction. */
function rawInserts(core: Core, rows: TaskValues[], ids: string[]): number {
  const names = Object.keys(columns).sort();
  const identity = core.requireIdentity();
  const insertRow = core.db.prepare(`INSERT INTO tasks (id, ${names.join(', ')}) VALUES (?${', ?'.repeat(names.length)})`);
  const insertChange = core.db.prepare(
    'INSERT INTO change_log (hlc, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor, batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const started = performance.now();
  let clock = ZERO_HLC;
  let batch: string | null = null;
  core.db.transaction(() => {
    rows.forEach((values, i) => {
      insertRow.run(ids[i], ...names.map((name) => toSql(columns[name as keyof typeof columns], values[name])));
      for (const name of names) {
        clock = nextHlc(clock, Date.now(), identity.installationId);
        const hlc = formatHlc(clock);
        batch ??= hlc;
        insertChange.run(hlc, 'tasks', ids[i], name, JSON.stringify(values[name]), '[]', identity.officeId, identity.installationId, '', batch);
      }
    });
  })();
  return performance.now() - started;
}

export async function benchMutationVsRaw(): Promise<BenchFigure[]> {
  const planId = newId();
  const rows = Array.from({ length: ROWS }, (_, i) => taskValues(i, planId));
  const mutationTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const ids = rows.map(() => newId());
    const a = await freshCore();
    const b = await freshCore();
    // Alternate the order so neither side always runs on a warmer machine.
    if (round % 2 === 0) {
      mutationTimes.push(viaMutationLayer(a, rows, ids));
      rawTimes.push(rawInserts(b, rows, ids));
    } else {
      rawTimes.push(rawInserts(b, rows, ids));
      mutationTimes.push(viaMutationLayer(a, rows, ids));
    }
    a.close();
    b.close();
  }
  // Speed relative to raw: raw time / mutation time (1.0 = as fast as raw inserts).
  return [{ name: 'mutation-vs-raw-insert', value: median(rawTimes) / median(mutationTimes), goal: '>=0.5' }];
}
