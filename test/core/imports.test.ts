import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsePreview } from '../../shared/api/imports';
import { draftFromPreview } from '../../electron/cli/commands';
import { progressReportId } from '../../electron/core/ids';
import { countRows, createTestCore, type TestCore } from '../helpers/core';

const SAMPLES = path.resolve('..', 'shared', 'samples');
const sample = (name: string) => ({ fileName: path.basename(name), contentBase64: fs.readFileSync(path.join(SAMPLES, name)).toString('base64') });
const CJK = /[\u4e00-\u9fff]/;

async function importFile(t: TestCore, args: { fileName: string; contentBase64: string } | { pastedText: string }, planId: string | null = null) {
  const preview = await t.call('imports.parse', args);
  const owners = preview.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
  const saved = await t.call('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners, planId, acceptedChanges: null });
  return { preview, saved };
}

function snapshot(t: TestCore) {
  return { changes: countRows(t.core, 'change_log'), plans: countRows(t.core, 'plans'), departments: countRows(t.core, 'departments') };
}

describe('plan import', () => {
  it('refuses bad files with a Chinese message and saves nothing', async () => {
    const t = await createTestCore();
    const before = snapshot(t);
    const bad: [string, Buffer][] = [
      ['旧文件.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
      ['计划.wps', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
      ['空文件.txt', Buffer.alloc(0)],
      ['乱码.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256))],
      ['半截.docx', fs.readFileSync(path.join(SAMPLES, 'formats/yubei-2025-work-points.docx')).subarray(0, 5000)],
    ];
    for (const [fileName, bytes] of bad) {
      const result = await t.raw('imports.parse', { fileName, contentBase64: bytes.toString('base64') });
      expect(result.ok, fileName).toBe(false);
      if (!result.ok) {
        expect(result.error.code, fileName).toBe('INVALID_ARGUMENT');
        expect(result.error.message, fileName).toMatch(CJK);
      }
    }
    const doc = await t.raw('imports.parse', { fileName: '旧文件.doc', contentBase64: bad[0]![1].toString('base64') });
    expect(!doc.ok && doc.error.message).toContain('.docx');
    expect(snapshot(t)).toEqual(before);
    t.close();
  });

  it('imports the Yubei work points: 39 tasks with their departments, 40 targets, in one transaction after a backup', async () => {
    const t = await createTestCore();
    await t.call('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
    const preview = await t.call('imports.parse', sample('formats/yubei-2025-work-points.docx'));
    expect(preview.owners.find((o) => o.name === '疾控科')?.departmentName).toBe('疾病预防控制科');
    expect(preview.owners.filter((o) => o.departmentId === null).length).toBeGreaterThan(5);
    const { saved } = await importFile(t, sample('formats/yubei-2025-work-points.docx'));
    const detail = await t.call('plans.get', { id: saved.planId });
    expect(detail.tasks).toHaveLength(39);
    expect(detail.sections).toHaveLength(8);
    const departments = await t.call('departments.list', {});
    const name = (id: string) => departments.find((d) => d.id === id)?.name;
    expect(detail.tasks[0]!.leadDepartmentIds.map(name)).toEqual(['疾病预防控制科', '信息统计科']);
    expect(detail.plan).toMatchObject({ title: '2025年全区卫生健康工作要点', docNumber: '渝北卫健〔2025〕54号', kind: 'work-points' });
    expect((t.core.db.prepare('SELECT COUNT(*) AS n FROM indicators WHERE plan_id = ? AND deleted = 0').get(saved.planId) as { n: number }).n).toBe(40);
    const backups = fs.readdirSync(path.join(path.dirname(t.core.file), 'backups'));
    expect(backups.some((f) => f.includes('import'))).toBe(true);
    // Every write is in the change log with the clerk's name.
    expect((t.core.db.prepare("SELECT COUNT(DISTINCT actor) AS n FROM change_log WHERE tbl = 'tasks'").get() as { n: number }).n).toBe(1);
    t.close();
  });

  it('blocks saving until every unknown lead department is mapped or created', async () => {
    const t = await createTestCore();
    const preview = await t.call('imports.parse', sample('formats/yubei-2025-work-points.docx'));
    const before = snapshot(t);
    const result = await t.raw('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners: [], planId: null, acceptedChanges: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(!result.ok && result.error.message).toContain('疾控科');
    expect(snapshot(t)).toEqual(before);
    t.close();
  });

  it('remembers a printed name mapped to a department as its alias, and compares merged owners once', async () => {
    const t = await createTestCore();
    const publicHealth = await t.call('departments.create', { name: '公共卫生科', aliases: [] });
    const text = '一、公共卫生\n1.做好爱国卫生。开展专项行动。（牵头科室：公卫科、公卫科（爱卫办））';
    const preview = await t.call('imports.parse', { pastedText: text });
    const owners = [
      { name: '公卫科', action: 'map' as const, departmentId: publicHealth.id },
      { name: '公卫科（爱卫办）', action: 'map' as const, departmentId: publicHealth.id },
    ];
    const saved = await t.call('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners, planId: null, acceptedChanges: null });
    expect((await t.call('departments.list', {})).find((d) => d.id === publicHealth.id)?.aliases).toEqual(['公卫科', '公卫科（爱卫办）']);
    expect((await t.call('plans.get', { id: saved.planId })).tasks[0]!.leadDepartmentIds).toEqual([publicHealth.id]);
    const again = await t.call('imports.parse', { pastedText: text.replace('开展专项行动', '开展专项整治行动') });
    expect(again.owners.every((o) => o.departmentId === publicHealth.id)).toBe(true);
    const changes = await t.call('imports.diff', { planId: saved.planId, draft: draftFromPreview(again), source: again.source });
    expect(changes.map((c) => c.kind)).toEqual(['reworded']);
    t.close();
  });

  it('recognises the same document in another format and updates without duplicating, keeping progress', async () => {
    const t = await createTestCore();
    const { saved } = await importFile(t, sample('formats/yubei-2025-work-points.docx'));
    const task = (await t.call('plans.get', { id: saved.planId })).tasks[0]!;
    const dept = task.leadDepartmentIds[0]!;
    const reportId = progressReportId(task.id, dept, '2025-Q1');
    t.core.mutations.run((w) => w.insert('progress_reports', reportId, { task_id: task.id, department_id: dept, period: '2025-Q1', status: '推进中', percent: 25, progress_text: '已完成监测系统部署', workflow_state: 'approved' }));

    const pdf = await t.call('imports.parse', sample('formats/yubei-2025-work-points.pdf'));
    expect(pdf.existing).toEqual({ planId: saved.planId, title: '2025年全区卫生健康工作要点', sameContent: true });
    const again = await t.call('imports.save', { draft: draftFromPreview(pdf), source: pdf.source, owners: [], planId: pdf.existing!.planId, acceptedChanges: null });
    expect(again).toMatchObject({ planId: saved.planId, updated: true });
    expect(await t.call('plans.list', {})).toHaveLength(1);
    expect((await t.call('plans.get', { id: saved.planId })).tasks).toHaveLength(39);
    expect(t.core.db.prepare('SELECT progress_text, task_id FROM progress_reports WHERE id = ?').get(reportId)).toEqual({ progress_text: '已完成监测系统部署', task_id: task.id });
    t.close();
  });

  it('gives two offices that import the same file the same record ids', async () => {
    const a = await createTestCore({ officeName: '渝北区卫生健康委' });
    const b = await createTestCore({ officeName: '市卫生健康委' });
    const ids = async (t: TestCore) => {
      const { saved } = await importFile(t, sample('yubei-2025-work-points.txt'));
      const detail = await t.call('plans.get', { id: saved.planId });
      return { plan: saved.planId, sections: detail.sections.map((s) => s.id), tasks: detail.tasks.map((x) => x.id) };
    };
    expect(await ids(a)).toEqual(await ids(b));
    a.close();
    b.close();
  });

  it('shows a revised version as a diff and applies only the accepted changes, progress staying with its task', async () => {
    const t = await createTestCore();
    const original = [
      '青山区2026年卫生健康工作要点',
      '一、公共卫生',
      '1.抓好传染病防控。做好监测预警。（牵头科室：疾控科）',
      '2.提升健康素养。居民健康素养水平达35%。（牵头科室：健康促进科）',
      '3.加强职业健康。开展专项整治。（牵头科室：监督科）',
    ].join('\n');
    const { saved } = await importFile(t, { pastedText: original });
    const tasks = (await t.call('plans.get', { id: saved.planId })).tasks;
    const literacy = tasks[1]!;
    const reportId = progressReportId(literacy.id, literacy.leadDepartmentIds[0]!, '2026-Q1');
    t.core.mutations.run((w) => w.insert('progress_reports', reportId, { task_id: literacy.id, department_id: literacy.leadDepartmentIds[0]!, period: '2026-Q1', status: '推进中', progress_text: '开展健康讲座12场' }));

    const revised = [
      '青山区2026年卫生健康工作要点',
      '一、公共卫生',
      '1.抓好传染病防控。做好监测预警和处置。（牵头科室：疾控科、医政科）',
      '2.提升居民健康素养。居民健康素养水平达36%。（牵头科室：健康促进科）',
      '3.推进爱国卫生运动。巩固国家卫生区成果。（牵头科室：爱卫办）',
    ].join('\n');
    const preview: ParsePreview = await t.call('imports.parse', { pastedText: revised });
    expect(preview.existing).toMatchObject({ planId: saved.planId, sameContent: false });
    const draft = draftFromPreview(preview);
    const changes = await t.call('imports.diff', { planId: saved.planId, draft, source: preview.source });
    const kinds = changes.map((c) => `${c.kind}:${c.number}`).sort();
    expect(kinds).toEqual(['added:3', 'owners:1', 'removed:3', 'reworded:1', 'reworded:2'].sort());
    expect(changes.find((c) => c.kind === 'owners')).toMatchObject({ before: '疾控科', after: '疾控科、医政科' });

    // Accept the rewording of task 2 and the new task; reject the removal and the owner change.
    const accepted = changes.filter((c) => (c.kind === 'reworded' && c.number === '2') || c.kind === 'added').map((c) => c.id);
    const owners = preview.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
    await t.call('imports.save', { draft, source: preview.source, owners, planId: saved.planId, acceptedChanges: accepted });
    const after = (await t.call('plans.get', { id: saved.planId })).tasks;
    expect(after.map((x) => x.title)).toEqual(['抓好传染病防控', '提升居民健康素养', '加强职业健康', '推进爱国卫生运动']);
    expect(after[0]!.leadDepartmentIds).toHaveLength(1);
    expect(after[1]!.id).toBe(literacy.id);
    expect(t.core.db.prepare('SELECT task_id, progress_text FROM progress_reports WHERE id = ?').get(reportId)).toEqual({ task_id: literacy.id, progress_text: '开展健康讲座12场' });
    t.close();
  });

  it("moves an office's existing Excel ledger in, with its past quarters as approved history", async () => {
    const t = await createTestCore();
    const ledger = [
      '渝北区2025年卫生健康重点工作台账',
      '',
      '\t序号\n\t工作任务\n\t牵头科室\n\t完成时限\n\t2025年第一季度进展情况\n\t2025年第二季度进展情况',
      '',
      '\t1\n\t推进医共体建设\n\t医政科\n\t2025年12月底前\n\t已印发实施方案\n\t完成医共体挂牌',
      '',
      '\t2\n\t提升健康素养\n\t疾控科\n\t长期坚持\n\t开展讲座8场\n\t',
    ].join('\n');
    const preview = await t.call('imports.parse', { pastedText: ledger });
    expect(preview.parse.tasks.map((task) => [task.number, task.title, task.leadDepartments, task.deadline])).toEqual([
      ['1', '推进医共体建设', ['医政科'], '2025年12月底前'],
      ['2', '提升健康素养', ['疾控科'], '长期坚持'],
    ]);
    expect(preview.parse.progressHistory.map((p) => [p.taskKey, p.period, p.text])).toEqual([
      ['t1', '2025-Q1', '已印发实施方案'],
      ['t1', '2025-Q2', '完成医共体挂牌'],
      ['t2', '2025-Q1', '开展讲座8场'],
    ]);
    const { saved } = await importFile(t, { pastedText: ledger });
    const rows = t.core.db
      .prepare('SELECT t.number, p.period, p.progress_text, p.workflow_state FROM progress_reports p JOIN tasks t ON t.id = p.task_id WHERE t.plan_id = ? ORDER BY t.number, p.period')
      .all(saved.planId);
    expect(rows).toEqual([
      { number: '1', period: '2025-Q1', progress_text: '已印发实施方案', workflow_state: 'approved' },
      { number: '1', period: '2025-Q2', progress_text: '完成医共体挂牌', workflow_state: 'approved' },
      { number: '2', period: '2025-Q1', progress_text: '开展讲座8场', workflow_state: 'approved' },
    ]);
    t.close();
  });

  it('refuses a draft whose parts do not fit together', async () => {
    const t = await createTestCore();
    const preview = await t.call('imports.parse', { pastedText: '一、总体\n1.抓好传染病防控。做好监测。（疾控科负责）' });
    const draft = draftFromPreview(preview);
    draft.tasks[0]!.sectionKey = 'nowhere';
    const result = await t.raw('imports.save', { draft, source: preview.source, owners: [{ name: '疾控科', action: 'create' }], planId: null, acceptedChanges: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '任务“抓好传染病防控”所属的章节不存在' } });
    expect(countRows(t.core, 'plans')).toBe(0);
    t.close();
  });
});
