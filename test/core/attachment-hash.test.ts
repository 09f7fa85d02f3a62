import { describe, expect, it } from 'vitest';
import { dataState } from './faults-fixture';
import { createTestCore } from '../helpers/core';

/*
 * Issue 14, finding 3: a synced attachment whose sha256 is a path ("../../ledger.sqlite") made 打开
 * return the whole database. A content hash is now 64 lowercase hex at merge, at read and in backups.
 */

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function officeAndDepartment() {
  const now = () => Date.parse('2025-05-10T12:00:00');
  const office = await createTestCore({ now });
  const dept = await createTestCore({ now, departmentName: '疾控科' });
  const cdc = await office.call('departments.create', { name: '疾控科', aliases: [] });
  const plan = await office.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const task = await office.call('tasks.create', { planId: plan.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const assignment = await office.call('sync.export', { kind: 'assignment', departmentId: cdc.id });
  const first = await dept.call('sync.preview', { files: assignment.files });
  await dept.call('sync.import', { files: assignment.files, trustFingerprint: first.origin.fingerprint });
  const departmentId = (await dept.call('system.status', {})).installation!.departmentId!;
  return { office, dept, task, departmentId };
}

describe('content hashes are hashes', () => {
  it('a trusted peer’s package whose attachment hash is a path is refused whole, and nothing is written', async () => {
    const { office, dept, task, departmentId } = await officeAndDepartment();
    await dept.call('attachments.add', { taskId: task.id, departmentId, period: '2025-Q2', fileName: '监测系统验收报告.pdf', contentBase64: pdf.toString('base64') });
    // The department PC's own log is altered before it signs: the signature is genuine, the content is not.
    dept.core.db.prepare("UPDATE change_log SET value = ? WHERE tbl = 'attachments' AND col = 'sha256'").run(JSON.stringify('../../ledger.sqlite'));
    const back = await dept.call('sync.export', { kind: 'return' });
    const before = dataState(office.core.db);
    const preview = await office.raw('sync.preview', { files: back.files });
    expect(preview).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!preview.ok && preview.error.message).toContain('佐证材料校验值不正确');
    const imported = await office.raw('sync.import', { files: back.files, trustFingerprint: (await dept.call('system.status', {})).installation!.fingerprint });
    expect(imported.ok).toBe(false);
    expect(dataState(office.core.db)).toEqual(before);
    office.close();
    dept.close();
  });

  it('a stored row whose hash is a path is never read as a file', async () => {
    const { dept, task, departmentId } = await officeAndDepartment();
    const added = await dept.call('attachments.add', { taskId: task.id, departmentId, period: '2025-Q2', fileName: '会议纪要.pdf', contentBase64: pdf.toString('base64') });
    // A row that arrived before this check (or from a crafted backup).
    dept.core.db.prepare('UPDATE attachments SET sha256 = ? WHERE id = ?').run('../ledger.sqlite', added.id);
    const read = await dept.raw('attachments.read', { id: added.id });
    expect(read).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.stringify(read)).not.toContain('U1FMaXRl'); // "SQLite" in base64: no database bytes come back
    dept.close();
  });
});

describe('attachment names and signatures (issue 14, finding 11)', () => {
  it('refuses hidden, path and device names, and a PDF signature anywhere but at the start', async () => {
    const { dept, task, departmentId } = await officeAndDepartment();
    const add = (fileName: string, bytes: Buffer = pdf) =>
      dept.raw('attachments.add', { taskId: task.id, departmentId, period: '2025-Q2', fileName, contentBase64: bytes.toString('base64') });
    for (const name of ['会议\u0000纪要.pdf', '报告\u202Efdp.exe.pdf', '../../ledger.pdf', 'a/b.pdf', 'CON.pdf', 'lpt1.pdf', '纪要.pdf.', '..pdf']) {
      const result = await add(name);
      expect(result, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      expect(!result.ok && result.error.message, JSON.stringify(name)).toMatch(/[\u4e00-\u9fa5]/);
    }
    const html = Buffer.from('<!-- %PDF-1.4 --><html><script>alert(1)</script></html>');
    expect(await add('通知.pdf', html)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await add('会议纪要（第1次）.pdf')).toMatchObject({ ok: true });
    expect(dept.core.db.prepare('SELECT COUNT(*) FROM attachments').pluck().get()).toBe(1);
    dept.close();
  });
});
