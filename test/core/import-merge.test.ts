import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromPreview } from '../../electron/cli/commands';
import { createTestCore, type TestCore } from '../helpers/core';

/*
 * Re-importing a plan (the same document in any format, or a revision) never reverts a field the
 * clerk changed after the import, or during its review: three-way merge of the previous parse, the
 * new parse and the current value.
 */

const SAMPLES = path.resolve('..', 'shared', 'samples');
const DOCUMENTS = path.resolve('test', 'fixtures', 'documents');
const file = (folder: string, name: string) => ({ fileName: path.basename(name), contentBase64: fs.readFileSync(path.join(folder, name)).toString('base64') });
const sample = (name: string) => file(SAMPLES, name);

type Source = { fileName: string; contentBase64: string };

/** Parse and save as the CLI does (the parse as it is, unknown departments created); the review's draft may be edited. */
async function importFile(t: TestCore, source: Source, options: { planId?: string | null; accept?: 'all' | null; edit?: (draft: ReturnType<typeof draftFromPreview>) => void } = {}) {
  const preview = await t.call('imports.parse', source);
  const draft = draftFromPreview(preview);
  const parsed = draftFromPreview(preview);
  options.edit?.(draft);
  const known = new Set(preview.owners.filter((o) => o.departmentId !== null).map((o) => o.name));
  const owners = [...new Set(draft.tasks.flatMap((task) => task.leadDepartments))].filter((name) => !known.has(name)).map((name) => ({ name, action: 'create' as const }));
  const planId = options.planId ?? null;
  const changes = planId && options.accept ? await t.call('imports.diff', { planId, draft, source: preview.source }) : null;
  const saved = await t.call('imports.save', { draft, parsed, source: preview.source, owners, planId, acceptedChanges: changes ? changes.map((c) => c.id) : null });
  return { preview, saved, changes };
}

const titleChanges = (t: TestCore, taskId: string) =>
  (t.core.db.prepare("SELECT value FROM change_log WHERE tbl = 'tasks' AND row_id = ? AND col = 'title' ORDER BY hlc").pluck().all(taskId) as string[]).map((v) => JSON.parse(v) as string);

describe('re-import keeps what the clerk changed', () => {
  it('keeps the rename even when the same document is saved as a new plan (the ids it derives are the existing plan’s)', async () => {
    const t = await createTestCore();
    const { saved } = await importFile(t, sample('yubei-2025-work-points.txt'));
    const first = (await t.call('plans.get', { id: saved.planId })).tasks[0]!;
    await t.call('tasks.update', { id: first.id, title: '强化疫情防控和监测预警能力建设' });
    const again = await importFile(t, sample('formats/yubei-2025-work-points.pdf'), { planId: null });
    expect(again.saved).toMatchObject({ planId: saved.planId, updated: true });
    expect((await t.call('plans.get', { id: saved.planId })).tasks[0]).toMatchObject({ id: first.id, title: '强化疫情防控和监测预警能力建设' });
    expect(titleChanges(t, first.id)).toEqual(['强化疫情防控能力建设', '强化疫情防控和监测预警能力建设']);
    t.close();
  });

  it('a task renamed after import survives the same document as .pdf, .txt and .docx, and the review says so', async () => {
    const t = await createTestCore();
    const { saved } = await importFile(t, sample('yubei-2025-work-points.txt'));
    const before = (await t.call('plans.get', { id: saved.planId })).tasks;
    const first = before[0]!;
    await t.call('tasks.update', { id: first.id, title: '强化疫情防控和监测预警能力建设', deadline: '2025年9月底前' });

    for (const name of ['formats/yubei-2025-work-points.pdf', 'yubei-2025-work-points.txt', 'formats/yubei-2025-work-points.docx']) {
      const preview = await t.call('imports.parse', sample(name));
      expect(preview.existing, name).toMatchObject({ planId: saved.planId, sameContent: true });
      expect(preview.localEdits, name).toEqual([{ kind: 'task', draftKey: 't1', number: '1', name: '强化疫情防控和监测预警能力建设', fields: ['任务名称', '完成时限'] }]);
      await t.call('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners: [], planId: saved.planId, acceptedChanges: null });
      const after = (await t.call('plans.get', { id: saved.planId })).tasks;
      expect(after, name).toHaveLength(39);
      expect(after[0], name).toMatchObject({ id: first.id, title: '强化疫情防控和监测预警能力建设', deadline: '2025年9月底前' });
      // Fields the clerk did not touch still come from the document.
      expect(after.slice(1).map((x) => [x.id, x.title, x.text]), name).toEqual(before.slice(1).map((x) => [x.id, x.title, x.text]));
    }
    // The change log has the import and the clerk's rename, and no import after it wrote the title back.
    expect(titleChanges(t, first.id)).toEqual(['强化疫情防控能力建设', '强化疫情防控和监测预警能力建设']);
    const due = t.core.db.prepare('SELECT due_date FROM tasks WHERE id = ?').pluck().get(first.id);
    expect(due).toBe('2025-09-30');
    t.close();
  });

  it('a task renamed in the import review survives importing the PDF of the same document', async () => {
    const t = await createTestCore();
    const { saved } = await importFile(t, sample('formats/yubei-2025-work-points.docx'), {
      edit: (draft) => {
        draft.tasks[1]!.title = '提升卫生应急救援能力';
        draft.tasks[1]!.leadDepartments = ['应急办'];
      },
    });
    const task = (await t.call('plans.get', { id: saved.planId })).tasks[1]!;
    expect(task.title).toBe('提升卫生应急救援能力');

    const pdf = await t.call('imports.parse', sample('formats/yubei-2025-work-points.pdf'));
    expect(pdf.localEdits).toEqual([{ kind: 'task', draftKey: 't2', number: '2', name: '提升卫生应急救援能力', fields: ['任务名称', '牵头科室'] }]);
    const owners = pdf.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
    await t.call('imports.save', { draft: draftFromPreview(pdf), source: pdf.source, owners, planId: saved.planId, acceptedChanges: null });
    const after = (await t.call('plans.get', { id: saved.planId })).tasks[1]!;
    const departments = await t.call('departments.list', {});
    expect(after).toMatchObject({ id: task.id, title: '提升卫生应急救援能力' });
    expect(after.leadDepartmentIds.map((id) => departments.find((d) => d.id === id)?.name)).toEqual(['应急办']);
    expect(titleChanges(t, task.id)).toEqual(['提升卫生应急救援能力']);
    t.close();
  });

  it('a revision: fields the clerk changed are kept (and marked), everything else follows the new version', async () => {
    const t = await createTestCore();
    const { saved } = await importFile(t, file(DOCUMENTS, 'lanhu-2026-work-points.txt'));
    const detail = await t.call('plans.get', { id: saved.planId });
    const [infection, literacy, occupational] = detail.tasks;
    // After the import the clerk renames task 1 and a section, and fills in a baseline the document lacked.
    await t.call('tasks.update', { id: infection!.id, title: '抓好重点传染病防控' });
    const services = detail.sections.find((s) => s.title === '医疗服务')!;
    await t.call('sections.update', { id: services.id, title: '医疗卫生服务' });
    const indicators = await t.call('indicators.list', { planId: saved.planId });
    const level = indicators.find((i) => i.name === '居民健康素养水平')!;
    await t.call('indicators.update', { id: level.id, baselineValue: 32, baselineYear: 2025 });
    await t.call('tasks.update', { id: detail.tasks[3]!.id, text: '完成紧密型医共体挂牌，年底前实现县域全覆盖。' });

    const revised = await t.call('imports.parse', file(DOCUMENTS, 'lanhu-2026-work-points-revised.txt'));
    expect(revised.existing).toMatchObject({ planId: saved.planId, sameContent: false });
    expect(revised.localEdits.map((e) => [e.kind, e.name, e.fields])).toEqual([
      ['section', '医疗卫生服务', ['章节标题']],
      ['task', '抓好重点传染病防控', ['任务名称']],
      ['task', '推进医共体建设', ['任务内容']],
      ['indicator', '居民健康素养水平', ['基数', '基数年份']],
    ]);
    const changes = await t.call('imports.diff', { planId: saved.planId, draft: draftFromPreview(revised), source: revised.source });
    expect(changes.map((c) => [c.kind, c.number, c.kept]).sort()).toEqual([
      ['owners', '1', []],
      ['reworded', '1', ['任务名称']],
      ['reworded', '2', []],
      ['reworded', '4', ['任务内容']],
    ]);

    const { saved: again } = await importFile(t, file(DOCUMENTS, 'lanhu-2026-work-points-revised.txt'), { planId: saved.planId, accept: 'all' });
    expect(again.planId).toBe(saved.planId);
    const after = await t.call('plans.get', { id: saved.planId });
    const departments = await t.call('departments.list', {});
    const names = (ids: string[]) => ids.map((id) => departments.find((d) => d.id === id)?.name);
    expect(after.tasks.map((x) => x.id)).toEqual(detail.tasks.map((x) => x.id));
    expect(after.tasks[0]).toMatchObject({ title: '抓好重点传染病防控', text: expect.stringContaining('做好监测预警和处置') });
    expect(names(after.tasks[0]!.leadDepartmentIds)).toEqual(['疾控科', '医政科']);
    expect(after.tasks[1]).toMatchObject({ id: literacy!.id, title: '提升居民健康素养' });
    expect(after.tasks[2]).toMatchObject({ id: occupational!.id, title: '加强职业健康', deadline: occupational!.deadline });
    expect(after.tasks[3]!.text).toBe('完成紧密型医共体挂牌，年底前实现县域全覆盖。');
    expect(after.sections.map((s) => s.title)).toEqual(['公共卫生', '医疗卫生服务']);
    expect(after.tasks[3]!.sectionId).toBe(services.id);
    const levelAfter = (await t.call('indicators.list', { planId: saved.planId })).filter((i) => i.name === '居民健康素养水平');
    expect(levelAfter).toHaveLength(1);
    expect(levelAfter[0]).toMatchObject({ id: level.id, targetValue: 36, baselineValue: 32, baselineYear: 2025 });
    expect((await t.call('indicators.list', { planId: saved.planId })).find((i) => i.name === '传染病报告及时率')).toMatchObject({ targetValue: 98 });

    // The revised version again, now in the ledger as it is: nothing reverts, the same edits are kept.
    const repeat = await t.call('imports.parse', file(DOCUMENTS, 'lanhu-2026-work-points-revised.txt'));
    expect(repeat.existing).toMatchObject({ sameContent: true });
    expect(repeat.localEdits.map((e) => e.name)).toEqual(['医疗卫生服务', '抓好重点传染病防控', '推进医共体建设', '居民健康素养水平']);
    await t.call('imports.save', { draft: draftFromPreview(repeat), source: repeat.source, owners: [], planId: saved.planId, acceptedChanges: null });
    const final = await t.call('plans.get', { id: saved.planId });
    expect(final.tasks.map((x) => [x.id, x.title])).toEqual(after.tasks.map((x) => [x.id, x.title]));
    expect(final.sections.map((s) => s.title)).toEqual(['公共卫生', '医疗卫生服务']);
    expect((await t.call('indicators.list', { planId: saved.planId })).find((i) => i.id === level.id)).toMatchObject({ targetValue: 36, baselineValue: 32 });
    t.close();
  });

  it('a task the clerk deleted after import stays deleted when the same document comes again', async () => {
    const t = await createTestCore();
    const { saved } = await importFile(t, file(DOCUMENTS, 'lanhu-2026-work-points.txt'));
    const tasks = (await t.call('plans.get', { id: saved.planId })).tasks;
    await t.call('tasks.delete', { id: tasks[2]!.id });
    const preview = await t.call('imports.parse', file(DOCUMENTS, 'lanhu-2026-work-points.txt'));
    expect(preview.localEdits).toEqual([{ kind: 'task', draftKey: 't3', number: '3', name: '加强职业健康', fields: ['已删除'] }]);
    await t.call('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners: [], planId: saved.planId, acceptedChanges: null });
    expect((await t.call('plans.get', { id: saved.planId })).tasks.map((x) => x.number)).toEqual(['1', '2', '4']);
    // Deleted with its plan and imported anew: a fresh plan, every task back.
    await t.call('plans.delete', { id: saved.planId });
    const fresh = await t.call('imports.parse', file(DOCUMENTS, 'lanhu-2026-work-points.txt'));
    expect(fresh.existing).toBeNull();
    const owners = fresh.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
    const again = await t.call('imports.save', { draft: draftFromPreview(fresh), source: fresh.source, owners, planId: null, acceptedChanges: null });
    expect((await t.call('plans.get', { id: again.planId })).tasks.map((x) => x.number)).toEqual(['1', '2', '3', '4']);
    t.close();
  });
});
