import { describe, expect, it } from 'vitest';
import { departmentId, officeId, progressReportId } from '../../electron/core/ids';
import { assign, changesIn, departmentNames, officeFixture, receive, report, setUp, unfilteredPackage } from './department-fixture';
import { createTestCore } from '../helpers/core';
import { addIndicator, fields } from './progress-fixture';

/*
 * Department identity that cannot fork (issue 13, point 3): a department PC set up with the
 * short name 疾控科 while the office calls it 疾病预防控制科; rename and merge at the office;
 * the 单位代码 and the role asked at setup.
 */

const DEPT_SETUP = { officeName: '渝北区卫生健康委', departmentName: '疾控科', pcRole: 'department' } as const;

describe('a department PC binds to the office’s department', () => {
  it('set up with the short name, it rebinds when the office’s 下发 arrives, and its stray never reaches the office', async () => {
    const office = await officeFixture();
    const dept = await setUp(DEPT_SETUP, '王明');
    const stray = dept.core.requireIdentity().departmentId!;
    expect(stray).toBe(departmentId(office.t.core.requireIdentity().officeId, '疾控科'));
    expect(stray).not.toBe(office.cdc.id);
    expect(await dept.call('departments.all', {})).toEqual([expect.objectContaining({ id: stray, name: '疾控科', fromOffice: false, bound: true, mergedInto: null })]);

    // Before the office's list arrives, a 上报 carries no department (and no office record) of this PC's making.
    const early = await dept.call('sync.export', { kind: 'return' });
    expect(changesIn(early.files).filter((c) => c.tbl === 'departments' || c.tbl === 'offices')).toEqual([]);

    const imported = await assign(office.t, dept, office.cdc.id);
    expect(imported.preview.headline).toContain('本机设置的科室“疾控科”即办公室的“疾病预防控制科”，已改为该科室');
    const status = await dept.call('system.status', {});
    expect(status.installation).toMatchObject({ departmentId: office.cdc.id, departmentName: '疾病预防控制科' });
    // One list, the office's: 季度填报 offers no empty 疾控科 beside it.
    expect(await departmentNames(dept)).toEqual(['疾病预防控制科', '妇幼科']);
    expect((await dept.call('departments.all', {})).find((d) => d.id === stray)).toMatchObject({ fromOffice: false, bound: false, mergedInto: { id: office.cdc.id, name: '疾病预防控制科' } });
    const sheet = await dept.call('progress.sheet', { period: '2025-Q2', departmentId: office.cdc.id });
    expect(sheet.tasks.map((t) => t.title)).toEqual(['提升居民健康素养', '推进慢病防控']);

    await dept.call('progress.save', { period: '2025-Q2', taskId: office.literacy.id, departmentId: office.cdc.id, fields: fields({ progressText: '完成监测点布设。' }), submit: true });
    const { imported: back, changes } = await report(dept, office.t);
    expect(changes.some((c) => c.row_id === stray)).toBe(false);
    expect(changes.filter((c) => c.tbl === 'departments')).toEqual([]);
    // The PC's published binding now names the office's department.
    expect(changes.find((c) => c.tbl === 'installations' && c.col === 'department_id' && c.value === JSON.stringify(office.cdc.id))).toBeTruthy();
    expect(back.preview.headline).not.toContain('已并入');

    // The office: still its two departments; 办公室审核 lists the entry under 疾病预防控制科.
    expect(await departmentNames(office.t)).toEqual(['疾病预防控制科', '妇幼科']);
    expect(office.t.core.db.prepare('SELECT COUNT(*) FROM departments').pluck().get()).toBe(2);
    const overview = await office.t.call('progress.overview', { period: '2025-Q2' });
    expect(overview.map((d) => [d.departmentName, d.submitted])).toEqual([
      ['疾病预防控制科', 1],
      ['妇幼科', 0],
    ]);
    const installation = office.t.core.db.prepare('SELECT department_id FROM installations WHERE id = ?').pluck().get(dept.core.requireIdentity().installationId);
    expect(installation).toBe(office.cdc.id);
    office.t.close();
    dept.close();
  });

  it('an older version’s package carrying its stray department is refused whole (a department PC may not make departments); the current one lands', async () => {
    const office = await officeFixture();
    const dept = await setUp(DEPT_SETUP);
    const stray = dept.core.requireIdentity().departmentId!;
    const files = await unfilteredPackage(dept);
    expect(changesIn(files).some((c) => c.row_id === stray)).toBe(true);

    const before = office.t.core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get();
    const preview = await office.t.raw('sync.preview', { files });
    expect(preview.ok === false && preview.error.code).toBe('FORBIDDEN');
    expect(preview.ok === false && preview.error.message).toMatch(/科室“疾控科”的“名称”（科室电脑无权修改）.*已拒绝整个数据包，未导入任何内容/);
    const refused = await office.t.raw('sync.import', { files, trustFingerprint: (await dept.call('system.status', {})).installation!.fingerprint });
    expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
    expect(await departmentNames(office.t)).toEqual(['疾病预防控制科', '妇幼科']);
    expect(office.t.core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get()).toBe(before);
    expect(office.t.core.db.prepare('SELECT COUNT(*) FROM trusted_keys').pluck().get()).toBe(0);

    // The same PC's package today leaves the stray out and is accepted; the office's 下发 binds it.
    const current = await dept.call('sync.export', { kind: 'return' });
    await receive(office.t, current.files);
    expect(await departmentNames(office.t)).toEqual(['疾病预防控制科', '妇幼科']);
    await assign(office.t, dept, office.cdc.id);
    expect(dept.core.requireIdentity().departmentId).toBe(office.cdc.id);
    expect(await departmentNames(dept)).toEqual(['疾病预防控制科', '妇幼科']);
    office.t.close();
    dept.close();
  });

  it('a name the office does not know asks the clerk to choose in 设置; choosing moves the PC’s work along', async () => {
    const office = await officeFixture();
    const dept = await setUp({ ...DEPT_SETUP, departmentName: '疾控中心' });
    const stray = dept.core.requireIdentity().departmentId!;
    const imported = await assign(office.t, dept, office.cdc.id);
    expect(imported.preview.headline).toContain('办公室的科室名单中没有“疾控中心”，请在“设置”中选择本机所属科室');
    expect(dept.core.requireIdentity().departmentId).toBe(stray);
    const all = await dept.call('departments.all', {});
    expect(all.filter((d) => d.fromOffice).map((d) => d.name)).toEqual(['疾病预防控制科', '妇幼科']);
    expect(all.find((d) => d.bound)).toMatchObject({ name: '疾控中心', fromOffice: false });

    const status = await dept.call('departments.bind', { id: office.cdc.id });
    expect(status.installation).toMatchObject({ departmentId: office.cdc.id, departmentName: '疾病预防控制科' });
    expect(await departmentNames(dept)).toEqual(['疾病预防控制科', '妇幼科']);
    expect(dept.core.db.prepare('SELECT merged_into FROM departments WHERE id = ?').pluck().get(stray)).toBe(office.cdc.id);
    // The office PC has no department to choose.
    const refused = await office.t.raw('departments.bind', { id: office.cdc.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '本机是办公室汇总用的电脑，不属于某个科室' } });
    office.t.close();
    dept.close();
  });
});

describe('office id and 单位代码 at setup', () => {
  it('keeps the code a department PC typed, and gives it the office’s id', async () => {
    const office = await officeFixture({ officeCode: '500112' });
    const dept = await setUp({ ...DEPT_SETUP, officeCode: '500112' });
    expect(dept.core.requireIdentity().officeId).toBe(officeId('500112'));
    expect(dept.core.requireIdentity().officeId).toBe(office.t.core.requireIdentity().officeId);
    expect(await dept.call('settings.get', {})).toMatchObject({ officeName: '渝北区卫生健康委', officeCode: '500112', role: 'clerk' });
    expect((await dept.call('system.status', {})).installation).toMatchObject({ officeCode: '500112' });
    office.t.close();
    dept.close();
  });

  it('a department PC set up without the code joins the office’s id with its first 下发', async () => {
    const office = await officeFixture({ officeCode: '500112' });
    const dept = await setUp(DEPT_SETUP);
    expect(dept.core.requireIdentity().officeId).not.toBe(office.t.core.requireIdentity().officeId);
    await assign(office.t, dept, office.cdc.id);
    expect(dept.core.requireIdentity()).toMatchObject({ officeId: office.t.core.requireIdentity().officeId, departmentId: office.cdc.id });
    expect(await dept.call('settings.get', {})).toMatchObject({ officeCode: '500112' });
    expect((await dept.call('ledger.query', { period: '2025-Q2' })).rows.map((r) => r.title)).toEqual(['提升居民健康素养', '推进慢病防控']);
    await dept.call('progress.save', { period: '2025-Q2', taskId: office.literacy.id, departmentId: office.cdc.id, fields: fields(), submit: true });
    const { changes } = await report(dept, office.t);
    expect(changes.filter((c) => c.tbl === 'offices' || c.tbl === 'departments')).toEqual([]);
    expect((await office.t.call('sync.peers', {})).length).toBe(1);
    expect(office.t.core.db.prepare('SELECT COUNT(*) FROM offices').pluck().get()).toBe(1);
    expect((await office.t.call('progress.overview', { period: '2025-Q2' }))[0]).toMatchObject({ departmentName: '疾病预防控制科', submitted: 1 });
    office.t.close();
    dept.close();
  });

  it('setup asks 办公室 or 科室: the office reviews without switching roles, a 科室 must name its department', async () => {
    const office = await setUp({ officeName: '渝北区卫生健康委', pcRole: 'office' });
    expect((await office.call('settings.get', {})).role).toBe('reviewer');
    const dept = await setUp(DEPT_SETUP);
    expect((await dept.call('settings.get', {})).role).toBe('clerk');
    for (const [args, message] of [
      [{ officeName: '渝北区卫生健康委', pcRole: 'department' }, '科室电脑请填写本机所属科室'],
      [{ officeName: '渝北区卫生健康委', pcRole: 'office', departmentName: '疾控科' }, '办公室汇总用的电脑不填写科室'],
    ] as const) {
      const t = await createTestCore({ init: false });
      const refused = await t.raw('system.init', args);
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { departmentName: message } } });
      expect((await t.call('system.status', {})).initialized).toBe(false);
      t.close();
    }
    office.close();
    dept.close();
  });
});

describe('the office renames and merges departments', () => {
  it('rename keeps the id and the old name as an alias; the department PC shows the new name', async () => {
    const office = await officeFixture();
    const dept = await setUp(DEPT_SETUP);
    await assign(office.t, dept, office.cdc.id);
    const renamed = await office.t.call('departments.rename', { id: office.cdc.id, name: '疾病预防控制处' });
    expect(renamed).toMatchObject({ id: office.cdc.id, name: '疾病预防控制处', aliases: ['疾控科', '疾病预防控制科'] });
    const clash = await office.t.raw('departments.rename', { id: office.mch.id, name: '疾病预防控制科' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'DUPLICATE', message: '“疾病预防控制科”已是科室“疾病预防控制处”的别名' } });
    const history = await office.t.call('history.record', { table: 'departments', id: office.cdc.id });
    expect(history.find((h) => h.column === 'name' && h.newValue === '疾病预防控制处')).toMatchObject({ oldValue: '疾病预防控制科', actor: '李主任' });
    await assign(office.t, dept, office.cdc.id);
    expect((await dept.call('system.status', {})).installation).toMatchObject({ departmentId: office.cdc.id, departmentName: '疾病预防控制处' });
    office.t.close();
    dept.close();
  });

  it('merge moves entries, evidence, tasks, indicators and aliases; the tombstone travels and the department PC rebinds', async () => {
    const office = await officeFixture();
    const o = office.t;
    await o.call('settings.update', { role: 'reviewer' });
    // A second record for 疾控: created by hand as 疾控中心科 before anyone noticed.
    const dup = await o.call('departments.create', { name: '疾控中心科', aliases: ['疾控中心'] });
    await o.call('tasks.update', { id: office.literacy.id, leadDepartmentIds: [dup.id] });
    await o.call('tasks.update', { id: office.chronic.id, leadDepartmentIds: [dup.id, office.cdc.id] });
    const indicator = addIndicator(o, { plan_id: office.plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 30, value_kind: 'proportion', department_id: dup.id });
    const q1 = (taskId: string, department: string, text: string, submit = true) => o.call('progress.save', { period: '2025-Q1', taskId, departmentId: department, fields: fields({ progressText: text }), submit });
    const onlyDup = await q1(office.literacy.id, dup.id, '疾控中心科：已完成监测。');
    await o.call('attachments.add', { period: '2025-Q1', taskId: office.literacy.id, departmentId: dup.id, fileName: '监测报告.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') });
    await o.call('progress.review', { id: onlyDup.id, decision: 'approve' });
    const dupChronic = await q1(office.chronic.id, dup.id, '疾控中心科的慢病进展');
    await q1(office.chronic.id, office.cdc.id, '疾病预防控制科的慢病进展');

    // The department PC set up as 疾控中心 binds to the duplicate (the office's record answers to that alias).
    const dept = await setUp({ ...DEPT_SETUP, departmentName: '疾控中心' });
    await assign(o, dept, dup.id);
    expect(dept.core.requireIdentity().departmentId).toBe(dup.id);
    // Meanwhile, offline, it writes Q2 for the duplicate.
    await dept.call('progress.save', { period: '2025-Q2', taskId: office.literacy.id, departmentId: dup.id, fields: fields({ progressText: '二季度：入户调查过半。' }), submit: true });

    const merged = await o.call('departments.merge', { fromId: dup.id, intoId: office.cdc.id });
    expect(merged).toMatchObject({ moved: 1, kept: 1, tasks: 2, indicators: 1, attachments: 1 });
    expect(merged.into).toMatchObject({ id: office.cdc.id, name: '疾病预防控制科', aliases: ['疾控科', '疾控中心科', '疾控中心'] });
    expect(await departmentNames(o)).toEqual(['疾病预防控制科', '妇幼科']);
    expect((await o.call('departments.all', {})).find((d) => d.id === dup.id)).toMatchObject({ mergedInto: { id: office.cdc.id, name: '疾病预防控制科' } });
    // The moved entry keeps its content, approval and evidence under the target's id.
    const moved = await o.call('progress.sheet', { period: '2025-Q1', departmentId: office.cdc.id });
    const literacy = moved.tasks.find((t) => t.id === office.literacy.id)!;
    expect(literacy.entry).toMatchObject({ id: progressReportId(office.literacy.id, office.cdc.id, '2025-Q1'), progressText: '疾控中心科：已完成监测。', workflowState: 'approved' });
    expect(literacy.entry!.attachments.map((a) => a.fileName)).toEqual(['监测报告.pdf']);
    // Both had an entry for 慢病: the target's is kept; the duplicate's text stays in its history.
    expect(moved.tasks.find((t) => t.id === office.chronic.id)!.entry!.progressText).toBe('疾病预防控制科的慢病进展');
    const kept = await o.call('history.record', { table: 'progress_reports', id: dupChronic.id });
    expect(kept.some((h) => h.column === 'progress_text' && h.newValue === '疾控中心科的慢病进展')).toBe(true);
    expect(kept.at(-1)).toMatchObject({ column: 'deleted', newValue: true });
    expect((await o.call('plans.get', { id: office.plan.id })).tasks.map((t) => t.leadDepartmentIds)).toEqual([[office.cdc.id], [office.cdc.id]]);
    expect(o.core.db.prepare('SELECT department_id FROM indicators WHERE id = ?').pluck().get(indicator)).toBe(office.cdc.id);
    expect(o.core.db.prepare('SELECT COUNT(*) FROM progress_reports WHERE department_id = ? AND deleted = 0').pluck().get(dup.id)).toBe(0);

    // The merge travels with the next 下发: the department PC rebinds and its offline Q2 entry follows.
    const followed = await assign(o, dept, office.cdc.id);
    expect(followed.preview.headline).toContain('办公室已将科室“疾控中心科”合并到“疾病预防控制科”，本机改为该科室填报');
    expect(dept.core.requireIdentity().departmentId).toBe(office.cdc.id);
    expect((await dept.call('departments.all', {})).find((d) => d.id === dup.id)?.mergedInto?.name).toBe('疾病预防控制科');
    const q2 = (await dept.call('progress.sheet', { period: '2025-Q2', departmentId: office.cdc.id })).tasks.find((t) => t.id === office.literacy.id)!;
    expect(q2.entry).toMatchObject({ id: progressReportId(office.literacy.id, office.cdc.id, '2025-Q2'), progressText: '二季度：入户调查过半。' });
    await report(dept, o);
    const atOffice = (await o.call('progress.sheet', { period: '2025-Q2', departmentId: office.cdc.id })).tasks.find((t) => t.id === office.literacy.id)!;
    expect(atOffice.entry?.progressText).toBe('二季度：入户调查过半。');
    expect(o.core.db.prepare('SELECT COUNT(*) FROM progress_reports WHERE department_id = ? AND deleted = 0').pluck().get(dup.id)).toBe(0);
    expect(await departmentNames(o)).toEqual(['疾病预防控制科', '妇幼科']);
    o.close();
    dept.close();
  });

  it('refuses a merge into itself or of a department that is gone', async () => {
    const office = await officeFixture();
    expect(await office.t.raw('departments.merge', { fromId: office.cdc.id, intoId: office.cdc.id })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await office.t.call('departments.merge', { fromId: office.mch.id, intoId: office.cdc.id });
    const again = await office.t.raw('departments.merge', { fromId: office.mch.id, intoId: office.cdc.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '找不到要合并的科室，可能已被删除或合并' } });
    office.t.close();
  });
});
