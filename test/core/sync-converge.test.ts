import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeChanges } from '../../electron/sync/merge';
import { FieldStates } from '../../electron/sync/field-state';
import { createTestCore, type TestCore } from '../helpers/core';

/*
 * Three PCs of one office edit at random, exchange change sets in random orders with
 * duplicates and drops, then everyone gets everything: all dumps and conflict queues must be
 * byte-identical, every edit must be a value, superseded history or in the queue, and
 * re-importing anything must change nothing.
 */

const DAY = 86_400_000;
const PLAN = '6a1f0c2e-7b3d-4e5f-9a0b-1c2d3e4f5a6b';
const TASKS = ['7b2a1d3f-8c4e-4f60-8b1c-2d3e4f5a6b7c', '8c3b2e4a-9d5f-4a71-9c2d-3e4f5a6b7c8d', '9d4c3f5b-ae60-4b82-8d3e-4f5a6b7c8d9e'];
const ENTRY = 'ae5d4a6c-bf71-4c93-9e4f-5a6b7c8d9eaf';

type Op =
  | { kind: 'title'; pc: number; task: number; text: string }
  | { kind: 'delete'; pc: number; task: number }
  | { kind: 'restore'; pc: number; task: number }
  | { kind: 'progress'; pc: number; text: string }
  | { kind: 'approve'; pc: number }
  | { kind: 'send'; from: number; to: number; drop: boolean; twice: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('title' as const), pc: fc.nat(2), task: fc.nat(2), text: fc.constantFrom('推进医共体建设', '完善托育服务', '提升健康素养', '加强疾控体系') }),
  fc.record({ kind: fc.constant('delete' as const), pc: fc.nat(2), task: fc.nat(2) }),
  fc.record({ kind: fc.constant('restore' as const), pc: fc.nat(2), task: fc.nat(2) }),
  fc.record({ kind: fc.constant('progress' as const), pc: fc.nat(2), text: fc.constantFrom('已完成摸底', '召开推进会', '完成验收') }),
  fc.record({ kind: fc.constant('approve' as const), pc: fc.nat(2) }),
  fc.record({ kind: fc.constant('send' as const), from: fc.nat(2), to: fc.nat(2), drop: fc.boolean(), twice: fc.boolean() }),
);

const totals = { concurrentEdits: 0, deleteVsEdit: 0, approvalVsEdit: 0, duplicates: 0, drops: 0, packages: 0 };
/** Each conflict counted once per PC that met it. */
const met = new Set<string>();

function changesOf(t: TestCore): unknown[] {
  return t.core.db.prepare('SELECT hlc, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor, batch FROM change_log ORDER BY hlc').all();
}

function queue(t: TestCore): string {
  return JSON.stringify(t.core.db.prepare('SELECT tbl, row_id, col, kind FROM conflicts ORDER BY tbl, row_id, col').all());
}

function send(from: TestCore, to: TestCore, packageId: string): void {
  const summary = mergeChanges(to.core, changesOf(from), { packageId, maxAheadMs: DAY });
  totals.packages++;
  if (summary.conflicts > 0) {
    const rows = to.core.db.prepare('SELECT tbl, row_id, col, kind FROM conflicts').all() as { tbl: string; row_id: string; col: string; kind: string }[];
    const pc = to.core.requireIdentity().installationId;
    for (const row of rows) {
      const first = `${pc}:${row.tbl}:${row.row_id}:${row.col}:${row.kind}`;
      if (met.has(first)) continue;
      met.add(first);
      if (row.kind === 'field') totals.concurrentEdits++;
      if (row.kind === 'delete-edit') totals.deleteVsEdit++;
      if (row.kind === 'approval-edit') totals.approvalVsEdit++;
    }
  }
}

async function office(): Promise<TestCore[]> {
  let clock = Date.UTC(2025, 3, 1);
  const now = () => (clock += 1000);
  const pcs = [await createTestCore({ now }), await createTestCore({ now, departmentName: '疾控科' }), await createTestCore({ now, departmentName: '妇幼科' })];
  pcs[0]!.core.mutations.run((w) => {
    w.insert('plans', PLAN, { office_id: pcs[0]!.core.requireIdentity().officeId, kind: 'work-points', title: '2025年工作要点', year_from: 2025, year_to: 2025 });
    TASKS.forEach((id, i) => w.insert('tasks', id, { plan_id: PLAN, number: String(i + 1), title: `任务${i + 1}`, sort_order: i + 1 }));
    w.insert('progress_reports', ENTRY, { task_id: TASKS[0], period: '2025-Q1', status: '推进中', progress_text: '开始', workflow_state: 'submitted' });
  });
  for (const pc of pcs.slice(1)) send(pcs[0]!, pc, crypto.randomUUID());
  return pcs;
}

function apply(pcs: TestCore[], step: Op): void {
  if (step.kind === 'send') {
    if (step.from === step.to) return;
    if (step.drop) {
      totals.drops++;
      return;
    }
    const id = crypto.randomUUID();
    send(pcs[step.from]!, pcs[step.to]!, id);
    if (step.twice) {
      totals.duplicates++;
      send(pcs[step.from]!, pcs[step.to]!, id);
    }
    return;
  }
  const core = pcs[step.pc]!.core;
  core.mutations.run((w) => {
    if (step.kind === 'title') {
      const row = w.get('tasks', TASKS[step.task]!);
      if (row && !row.deleted) w.update('tasks', TASKS[step.task]!, { title: step.text });
    } else if (step.kind === 'delete') {
      const row = w.get('tasks', TASKS[step.task]!);
      if (row && !row.deleted) w.remove('tasks', TASKS[step.task]!);
    } else if (step.kind === 'restore') {
      const row = w.get('tasks', TASKS[step.task]!);
      if (row?.deleted) w.update('tasks', TASKS[step.task]!, { deleted: false });
    } else if (step.kind === 'progress') {
      const row = w.get('progress_reports', ENTRY);
      if (row && row.workflow_state !== 'approved') w.update('progress_reports', ENTRY, { progress_text: step.text });
    } else {
      w.update('progress_reports', ENTRY, { workflow_state: 'approved' });
    }
  });
}

describe('sync converges', () => {
  it('three PCs reach byte-identical data and conflict queues in every order, losing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 40 }), async (steps) => {
        const pcs = await office();
        try {
          for (const step of steps) apply(pcs, step);
          // Everyone gets everything, in both directions, twice.
          for (let round = 0; round < 2; round++) for (const a of pcs) for (const b of pcs) if (a !== b) send(a, b, crypto.randomUUID());
          const dumps = await Promise.all(pcs.map((pc) => pc.call('system.dump', {})));
          expect(dumps[1]).toBe(dumps[0]);
          expect(dumps[2]).toBe(dumps[0]);
          expect(queue(pcs[1]!)).toBe(queue(pcs[0]!));
          expect(queue(pcs[2]!)).toBe(queue(pcs[0]!));
          // Every edit is the value, superseded history, or a head waiting in the queue.
          const fields = new FieldStates(pcs[0]!.core.db);
          const all = changesOf(pcs[0]!) as { hlc: string; tbl: string; row_id: string; col: string; supersedes: string }[];
          const superseded = new Set(all.flatMap((c) => JSON.parse(c.supersedes) as string[]));
          for (const change of all) {
            const state = fields.of(change.tbl, change.row_id, change.col);
            expect(superseded.has(change.hlc) || state.heads.some((h) => h.hlc === change.hlc)).toBe(true);
            if (state.heads.length > 1 && state.conflict) {
              const queued = pcs[0]!.core.db.prepare('SELECT kind FROM conflicts WHERE tbl = ? AND row_id = ? AND col = ?').pluck().get(change.tbl, change.row_id, change.col);
              expect(queued).toBe('field');
            }
          }
          // Re-importing anything changes nothing.
          const again = mergeChanges(pcs[1]!.core, changesOf(pcs[0]!), { packageId: crypto.randomUUID(), maxAheadMs: DAY });
          expect(again.changes.new).toBe(0);
          expect(await pcs[1]!.call('system.dump', {})).toBe(dumps[0]);
        } finally {
          for (const pc of pcs) pc.close();
        }
      }),
      { numRuns: 40 },
    );
    console.log(`sync property: ${totals.packages} packages, ${totals.concurrentEdits} concurrent-edit conflicts, ${totals.deleteVsEdit} delete-vs-edit, ${totals.approvalVsEdit} approval-vs-edit, ${totals.duplicates} duplicates, ${totals.drops} drops`);
    expect(totals.concurrentEdits).toBeGreaterThan(0);
    expect(totals.deleteVsEdit).toBeGreaterThan(0);
    expect(totals.approvalVsEdit).toBeGreaterThan(0);
    expect(totals.duplicates).toBeGreaterThan(0);
    expect(totals.drops).toBeGreaterThan(0);
  }, 300_000);
});
