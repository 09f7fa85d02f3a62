import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/api';
import { createTestCore } from '../helpers/core';
import { fields, localNoon, quarterFixture } from './progress-fixture';

type Files = CallResult<'sync.export'>['files'];

describe('数据交换 between the office and a department PC', () => {
  it('assigns, reports back, previews, refuses the unconfirmed and the forged, and sends only the delta after a receipt', async () => {
    const office = await quarterFixture();
    let deptNow = localNoon('2025-04-21');
    const dept = await createTestCore({ departmentName: '疾控科', now: () => deptNow });
    const cdc = office.cdc.id;

    // 下发 for 疾控科: the plan, its section, the two tasks 疾控科 leads.
    const assignment = await office.t.call('sync.export', { kind: 'assignment', departmentId: cdc, period: '2025-Q2' });
    const preview = await dept.call('sync.preview', { files: assignment.files });
    expect(preview.origin.trust).toBe('new');
    expect(preview.origin.officeName).toBe('渝北区卫生健康委');
    expect(preview.tables.find((t) => t.table === 'tasks')).toMatchObject({ label: '任务', new: 2 });
    expect(preview.nothingNew).toBe(false);
    // A preview writes nothing.
    expect((await dept.call('ledger.query', { period: '2025-Q2' })).rows).toHaveLength(0);
    // First package from this PC: the fingerprint must be confirmed.
    const unconfirmed = await dept.raw('sync.import', { files: assignment.files });
    expect(unconfirmed.ok === false && unconfirmed.error.code).toBe('FORBIDDEN');
    const imported = await dept.call('sync.import', { files: assignment.files, trustFingerprint: preview.origin.fingerprint });
    expect(imported.receipt).not.toBeNull();
    expect((await dept.call('ledger.query', { period: '2025-Q2' })).rows.map((r) => r.title)).toEqual(['提升居民健康素养', '推进慢病防控']);
    // The same package again: nothing new.
    const again = await dept.call('sync.preview', { files: assignment.files });
    expect(again.nothingNew).toBe(true);
    expect(again.headline).toContain('已导入，无新变化');

    // The department reports Q2 and sends it back; the office sees it in its ledger.
    const sheet = await dept.call('progress.sheet', { period: '2025-Q2', departmentId: cdc });
    await dept.call('progress.save', { period: '2025-Q2', taskId: sheet.tasks[0]!.id, departmentId: cdc, fields: fields({ percent: 40, progressText: '完成监测点布设。' }), submit: true });
    const back = await dept.call('sync.export', { kind: 'return', period: '2025-Q2' });
    const officePreview = await office.t.call('sync.preview', { files: back.files });
    expect(officePreview.tables.find((t) => t.table === 'progress_reports')).toMatchObject({ new: 1 });
    await office.t.call('sync.import', { files: back.files, trustFingerprint: officePreview.origin.fingerprint });
    // A long import reports how far it has come.
    const progress = office.t.events.filter((e) => e.type === 'progress' && e.label === '正在导入数据包');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatchObject({ call: 'sync.import' });
    // Submitted, not yet approved: counted only with 含待审核, marked as waiting for review.
    const strict = await office.t.call('ledger.query', { period: '2025-Q2', search: '监测点' });
    expect(strict.rows.map((r) => [r.title, r.state, r.leads[0]!.kind])).toEqual([['提升居民健康素养', '未填报', 'pending-review']]);
    const ledger = await office.t.call('ledger.query', { period: '2025-Q2', search: '监测点', includeSubmitted: true });
    expect(ledger.rows.map((r) => [r.title, r.status, r.percent])).toEqual([['提升居民健康素养', '推进中', 40]]);

    // The receipt from the department tells the office what it holds: the next package is the delta only.
    await office.t.call('sync.import', { files: [imported.receipt!] });
    const deptId = dept.core.requireIdentity().installationId;
    const delta = await office.t.call('sync.export', { kind: 'full', toInstallationId: deptId });
    const full = await office.t.call('sync.export', { kind: 'full' });
    expect(delta.changes).toBeLessThan(full.changes);
    const deltaPreview = await dept.call('sync.preview', { files: delta.files });
    expect(deltaPreview.changes.ignored).toBe(0);

    // A package that claims the office's PC but is signed with another key is refused loudly.
    const impostor = await createTestCore({ officeName: '渝北区卫生健康委' });
    impostor.core.db.prepare("UPDATE local_meta SET value = ? WHERE key = 'installation_id'").run(office.t.core.requireIdentity().installationId);
    impostor.core.reloadIdentity();
    const forged = await impostor.call('sync.export', { kind: 'full' });
    const refused = await dept.raw('sync.preview', { files: forged.files });
    expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
    expect(refused.ok === false && refused.error.message).toContain('另一把密钥');

    // A PC whose clock runs two days ahead: held back, nothing written.
    deptNow += 2 * 86_400_000;
    await dept.call('progress.save', { period: '2025-Q2', taskId: sheet.tasks[0]!.id, departmentId: cdc, fields: fields({ percent: 60, progressText: '时钟超前' }) });
    const ahead = await dept.call('sync.export', { kind: 'return' });
    const held = await office.t.raw('sync.preview', { files: ahead.files });
    expect(held.ok === false && held.error.message).toContain('超前');

    // History and peers.
    expect((await office.t.call('sync.history', {})).map((h) => h.direction)).toContain('in');
    expect((await office.t.call('sync.peers', {})).map((p) => p.departmentName)).toEqual(['疾控科']);
    for (const pc of [office.t, dept, impostor]) pc.close();
  });

  it('queues a concurrent edit of one field on two office PCs and settles it everywhere with one resolution', async () => {
    const office = await quarterFixture();
    // A second PC of the same office (two clerks of 办公室): both may edit the office's tasks.
    const dept = await createTestCore({ officeName: '渝北区卫生健康委', now: () => localNoon('2025-04-21') });
    const first = await office.t.call('sync.export', { kind: 'full' });
    const p = await dept.call('sync.preview', { files: first.files });
    await dept.call('sync.import', { files: first.files, trustFingerprint: p.origin.fingerprint });
    await office.t.call('tasks.update', { id: office.literacy.id, title: '提升全区居民健康素养' });
    await dept.call('tasks.update', { id: office.literacy.id, title: '提升居民健康素养水平' });
    const toOffice: Files = (await dept.call('sync.export', { kind: 'full', toInstallationId: office.t.core.requireIdentity().installationId })).files;
    const po = await office.t.call('sync.preview', { files: toOffice });
    expect(po.conflicts, JSON.stringify(po.tables.filter((t) => t.conflicts > 0))).toBe(1);
    await office.t.call('sync.import', { files: toOffice, trustFingerprint: po.origin.fingerprint });
    const queue = await office.t.call('sync.conflicts', {});
    expect(queue).toHaveLength(1);
    expect(queue[0]!.heads.map((h) => h.value).sort()).toEqual(['提升全区居民健康素养', '提升居民健康素养水平']);
    expect(queue[0]!.title).toContain('两台电脑改成了不同的值');
    const keep = queue[0]!.heads.find((h) => h.value === '提升居民健康素养水平')!;
    await office.t.call('sync.resolve', { table: 'tasks', rowId: office.literacy.id, column: 'title', keepHlc: keep.hlc });
    expect(await office.t.call('sync.conflicts', {})).toEqual([]);
    const settled = await office.t.call('sync.export', { kind: 'full', toInstallationId: dept.core.requireIdentity().installationId });
    await dept.call('sync.import', { files: settled.files });
    expect(await dept.call('sync.conflicts', {})).toEqual([]);
    expect(await dept.call('system.dump', {})).not.toBe('');
    const titles = async (t: typeof dept) => (await t.call('ledger.query', { period: '2025-Q2', officeId: office.t.core.requireIdentity().officeId })).rows.find((r) => r.taskId === office.literacy.id)!.title;
    expect(await titles(dept)).toBe('提升居民健康素养水平');
    expect(await titles(office.t)).toBe('提升居民健康素养水平');
    office.t.close();
    dept.close();
  });
});
