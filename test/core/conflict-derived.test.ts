import { describe, expect, it } from 'vitest';
import { createTestCore } from '../helpers/core';

/** A deadline changed on two PCs is one conflict; keeping either side brings its due date with it. */
describe('conflicts on a column others follow', () => {
  it('queues the deadline only, and resolving it rewrites the due date and years', async () => {
    const now = () => Date.parse('2025-05-10T12:00:00');
    const office = await createTestCore({ now });
    // Two PCs of the office (a department PC may not edit tasks: see sync-authority.test.ts).
    const dept = await createTestCore({ now });
    const cdc = await office.call('departments.create', { name: '疾控科', aliases: [] });
    const plan = await office.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    const task = await office.call('tasks.create', { planId: plan.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
    const assignment = await office.call('sync.export', { kind: 'full' });
    const first = await dept.call('sync.preview', { files: assignment.files });
    await dept.call('sync.import', { files: assignment.files, trustFingerprint: first.origin.fingerprint });
    await office.call('tasks.update', { id: task.id, deadline: '2025年10月底' });
    await dept.call('tasks.update', { id: task.id, deadline: '2025年9月底' });
    const back = await dept.call('sync.export', { kind: 'full', toInstallationId: office.core.requireIdentity().installationId });
    const second = await office.call('sync.preview', { files: back.files });
    await office.call('sync.import', { files: back.files, trustFingerprint: second.origin.fingerprint });

    const conflicts = await office.call('sync.conflicts', {});
    expect(conflicts.map((c) => [c.table, c.column])).toEqual([['tasks', 'deadline']]);
    const theirs = conflicts[0]!.heads.find((head) => head.value === '2025年9月底')!;
    await office.call('sync.resolve', { table: 'tasks', rowId: task.id, column: 'deadline', keepHlc: theirs.hlc });
    const row = office.core.db.prepare('SELECT deadline, due_date, due_to_year FROM tasks WHERE id = ?').get(task.id);
    expect(row).toEqual({ deadline: '2025年9月底', due_date: '2025-09-30', due_to_year: 2025 });
    expect(await office.call('sync.conflicts', {})).toEqual([]);
    office.close();
    dept.close();
  });
});
