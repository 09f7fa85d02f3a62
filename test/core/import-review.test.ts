import { describe, expect, it } from 'vitest';
import type { ParsePreview, ReviewState } from '../../shared/api/imports';
import { draftFromPreview } from '../../electron/cli/commands';
import { MAX_REVIEW_DRAFTS } from '../../electron/services/import-drafts';
import { countRows, createTestCore, type TestCore } from '../helpers/core';

/** A short 工作要点 whose owners include a bracketed variant (公卫科（爱卫办）) and a longer name containing 办公室. */
const PLAN = [
  '2025年全区卫生健康工作要点',
  '一、加强公共卫生体系建设',
  '1.强化疫情防控能力建设。加强传染病监测预警。（牵头科室：公卫科，责任单位：委属各单位）',
  '2.开展爱国卫生运动。推进卫生城市建设。（牵头科室：公卫科（爱卫办），责任单位：各镇街）',
  '3.做好应急救护培训。开展救护员培训。（牵头科室：区红十字会办公室，责任单位：各镇街）',
  '4.推进健康城市建设。完善健康环境。（牵头科室：公卫科，责任单位：各镇街）',
].join('\n');

/** The review state a clerk leaves behind: a renamed task and an owner decision. */
function stateOf(preview: ParsePreview, title = '强化传染病防控'): ReviewState {
  const draft = draftFromPreview(preview);
  return {
    draft: {
      ...draft,
      tasks: draft.tasks.map((t, i) => ({ ...t, title: i === 0 ? title : t.title, group: t.group ?? null, deadline: t.deadline ?? null })),
      targets: draft.targets.map((t, i) => ({ ...t, uid: `g${i}` })),
    },
    draftVersion: 3,
    ownerChoices: { 公卫科: { action: 'create' }, '公卫科（爱卫办）': { action: 'create', as: '公卫科' } },
    mode: 'new',
    changes: null,
    accepted: [],
    keyRedirects: {},
  };
}

async function parsed(t: TestCore, text = PLAN) {
  return t.call('imports.parse', { pastedText: text });
}

describe('import review drafts (local autosave)', () => {
  it('saves the parse once and the edits on every save, lists and restores them, outside the change log', async () => {
    let now = Date.parse('2025-04-02T02:00:00Z');
    const t = await createTestCore({ now: () => now });
    const preview = await parsed(t);
    const changes = countRows(t.core, 'change_log');

    // Without the parse the core cannot restore the review later, so it asks for it.
    const bare = await t.raw('imports.saveReviewDraft', { source: preview.source, preview: null, state: stateOf(preview) });
    expect(bare).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const first = await t.call('imports.saveReviewDraft', { source: preview.source, preview, state: stateOf(preview) });
    expect(first).toEqual({ id: preview.source.sha256, savedAt: '2025-04-02T02:00:00.000Z' });
    now += 60_000;
    await t.call('imports.saveReviewDraft', { source: preview.source, preview: null, state: stateOf(preview, '强化传染病监测') });

    expect(await t.call('imports.reviewDrafts', {})).toEqual([
      { id: preview.source.sha256, fileName: '粘贴的文字', format: 'paste', title: '2025年全区卫生健康工作要点', tasks: 4, savedAt: '2025-04-02T02:01:00.000Z' },
    ]);
    const restored = await t.call('imports.openReviewDraft', { id: preview.source.sha256 });
    expect(restored.preview.parse.tasks).toHaveLength(4);
    expect(restored.preview.source).toEqual(preview.source);
    expect(restored.state.draft.tasks[0]!.title).toBe('强化传染病监测');
    expect(restored.state.ownerChoices['公卫科（爱卫办）']).toEqual({ action: 'create', as: '公卫科' });
    expect(restored.state.draftVersion).toBe(3);
    // Local only: nothing in the change log, so nothing syncs.
    expect(countRows(t.core, 'change_log')).toBe(changes);
    t.close();
  });

  it('is cleared when the import is saved, and when it is discarded', async () => {
    const t = await createTestCore();
    const preview = await parsed(t);
    await t.call('imports.saveReviewDraft', { source: preview.source, preview, state: stateOf(preview) });
    const other = await parsed(t, PLAN.replace('推进健康城市建设', '推进健康县城建设'));
    await t.call('imports.saveReviewDraft', { source: other.source, preview: other, state: stateOf(other) });
    expect((await t.call('imports.reviewDrafts', {})).map((d) => d.id)).toEqual([other.source.sha256, preview.source.sha256]);

    const owners = preview.owners.map((o) => ({ name: o.name, action: 'create' as const }));
    await t.call('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners, planId: null, acceptedChanges: null });
    expect((await t.call('imports.reviewDrafts', {})).map((d) => d.id)).toEqual([other.source.sha256]);
    expect(await t.raw('imports.openReviewDraft', { id: preview.source.sha256 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await t.call('imports.discardReviewDraft', { id: other.source.sha256 });
    expect(await t.call('imports.reviewDrafts', {})).toEqual([]);
    expect(countRows(t.core, 'drafts')).toBe(0);
    t.close();
  });

  it(`keeps the newest ${MAX_REVIEW_DRAFTS} unfinished reviews, one per source file`, async () => {
    const t = await createTestCore();
    const previews: ParsePreview[] = [];
    for (let i = 0; i < MAX_REVIEW_DRAFTS + 2; i++) {
      const preview = await parsed(t, PLAN.replace('推进卫生城市建设', `推进卫生城市建设第${i + 1}批`));
      previews.push(preview);
      await t.call('imports.saveReviewDraft', { source: preview.source, preview, state: stateOf(preview) });
      // Saving the same file again replaces its review rather than adding one.
      await t.call('imports.saveReviewDraft', { source: preview.source, preview: null, state: stateOf(preview, `第${i + 1}次`) });
    }
    const list = await t.call('imports.reviewDrafts', {});
    expect(list.map((d) => d.id)).toEqual(previews.slice(-MAX_REVIEW_DRAFTS).reverse().map((p) => p.source.sha256));
    // Each kept review holds its parse and its edits; the dropped ones leave nothing behind.
    expect(countRows(t.core, 'drafts')).toBe(MAX_REVIEW_DRAFTS * 2);
    expect(await t.raw('imports.openReviewDraft', { id: previews[0]!.source.sha256 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Quarterly drafts share the table and are left alone.
    expect(t.core.db.prepare("SELECT COUNT(*) FROM drafts WHERE key NOT LIKE 'import-%'").pluck().get()).toBe(0);
    t.close();
  });

  it('refuses a parse that belongs to another file', async () => {
    const t = await createTestCore();
    const preview = await parsed(t);
    const other = await parsed(t, PLAN.replace('公卫科', '疾控科'));
    const result = await t.raw('imports.saveReviewDraft', { source: preview.source, preview: other, state: stateOf(preview) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await t.call('imports.reviewDrafts', {})).toEqual([]);
    t.close();
  });
});

describe('owner names in an import', () => {
  it('a new department from one row takes the rows that join it: one department, the printed name its alias', async () => {
    const t = await createTestCore();
    const preview = await parsed(t);
    expect(preview.owners.map((o) => [o.name, o.departmentId])).toEqual([
      ['公卫科', null],
      ['公卫科（爱卫办）', null],
      ['区红十字会办公室', null],
    ]);
    const saved = await t.call('imports.save', {
      draft: draftFromPreview(preview),
      source: preview.source,
      owners: [
        // The joining row comes first: the department is created once whichever row comes first.
        { name: '公卫科（爱卫办）', action: 'create', departmentName: '公卫科' },
        { name: '公卫科', action: 'create' },
        { name: '区红十字会办公室', action: 'create' },
      ],
      planId: null,
      acceptedChanges: null,
    });
    expect(saved.createdDepartments).toEqual(['公卫科', '区红十字会办公室']);
    const departments = await t.call('departments.list', {});
    const health = departments.find((d) => d.name === '公卫科')!;
    expect(health.aliases).toEqual(['公卫科（爱卫办）']);
    const plan = await t.call('plans.get', { id: saved.planId });
    // Tasks 1, 2 and 4 all lead by the one 公卫科.
    expect(plan.tasks.map((task) => task.leadDepartmentIds)).toEqual([[health.id], [health.id], [departments.find((d) => d.name === '区红十字会办公室')!.id], [health.id]]);

    // Next time the bracketed name is recognised by itself.
    const again = await parsed(t, PLAN.replace('推进健康城市建设', '推进健康城区建设'));
    expect(again.owners.find((o) => o.name === '公卫科（爱卫办）')!.departmentId).toBe(health.id);
    t.close();
  });

  it('joins an existing department when the new name is one already', async () => {
    const t = await createTestCore();
    const existing = await t.call('departments.create', { name: '公卫科', aliases: [] });
    const preview = await parsed(t, PLAN.replace(/（牵头科室：公卫科，/g, '（牵头科室：区红十字会办公室，'));
    const saved = await t.call('imports.save', {
      draft: draftFromPreview(preview),
      source: preview.source,
      owners: [
        { name: '公卫科（爱卫办）', action: 'create', departmentName: '公卫科' },
        { name: '区红十字会办公室', action: 'create' },
      ],
      planId: null,
      acceptedChanges: null,
    });
    expect(saved.createdDepartments).toEqual(['区红十字会办公室']);
    expect((await t.call('departments.list', {})).find((d) => d.id === existing.id)!.aliases).toEqual(['公卫科（爱卫办）']);
    t.close();
  });

  it('does not match a name that merely contains a department name (区红十字会办公室 is not 办公室)', async () => {
    const t = await createTestCore();
    await t.call('departments.create', { name: '办公室', aliases: [] });
    const preview = await parsed(t);
    expect(preview.owners.find((o) => o.name === '区红十字会办公室')!.departmentId).toBeNull();
    t.close();
  });
});

describe('import refusals', () => {
  it('name the file they refuse', async () => {
    const t = await createTestCore();
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const files: [string, Buffer][] = [
      ['2025年工作要点.doc', ole],
      ['计划.wps', ole],
      ['空文件.txt', Buffer.alloc(0)],
      ['图片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])],
    ];
    for (const [fileName, bytes] of files) {
      const result = await t.raw('imports.parse', { fileName, contentBase64: bytes.toString('base64') });
      expect(result.ok, fileName).toBe(false);
      if (!result.ok) expect(result.error.message, fileName).toMatch(new RegExp(`^文件“${fileName.replace('.', '\\.')}”无法导入：`));
    }
    const doc = await t.raw('imports.parse', { fileName: '2025年工作要点.doc', contentBase64: ole.toString('base64') });
    expect(!doc.ok && doc.error.message).toBe('文件“2025年工作要点.doc”无法导入：这是旧版 Word 文档（.doc），无法直接读取。请用 WPS 或 Word 打开它，点“文件 → 另存为”，保存为 .docx 格式后再导入');
    const large = await t.raw('imports.parse', { fileName: '大文件.pdf', contentBase64: 'A'.repeat(70_000_004) });
    expect(!large.ok && large.error.message).toBe('文件“大文件.pdf”太大（超过50MB），请拆分后再导入');
    t.close();
  });
});
