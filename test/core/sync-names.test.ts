import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePath } from '../../electron/cli/sync-commands';
import { createTestCore, tempDir } from '../helpers/core';
import { addIndicator, fields, localNoon, quarterFixture } from './progress-fixture';

/** 数据交换 as a clerk reads it: what a preview names, and the names of the files it suggests. */
describe('package previews and file names', () => {
  it('names each previewed entry by task number, title and department, not only "2025-Q1 推进中"', async () => {
    const office = await quarterFixture();
    const dept = await createTestCore({ departmentName: '疾控科', now: () => localNoon('2025-04-21') });
    const assignment = await office.t.call('sync.export', { kind: 'assignment', departmentId: office.cdc.id, period: '2025-Q1' });
    const first = await dept.call('sync.preview', { files: assignment.files });
    expect(first.tables.find((t) => t.table === 'tasks')?.examples).toEqual(['新增：1. 提升居民健康素养', '新增：2. 推进慢病防控']);
    await dept.call('sync.import', { files: assignment.files, trustFingerprint: first.origin.fingerprint });

    const key = { departmentId: office.cdc.id, period: '2025-Q1' };
    await dept.call('progress.save', { ...key, taskId: office.literacy.id, fields: fields(), submit: true });
    await dept.call('progress.save', { ...key, taskId: office.chronic.id, fields: fields({ percent: 50 }), submit: true });
    const back = await dept.call('sync.export', { kind: 'return', period: '2025-Q1' });
    const preview = await office.t.call('sync.preview', { files: back.files });
    const examples = preview.tables.find((t) => t.table === 'progress_reports')?.examples ?? [];
    expect(examples.sort()).toEqual(['新增：1. 提升居民健康素养（疾控科 2025-Q1 推进中）', '新增：2. 推进慢病防控（疾控科 2025-Q1 推进中）']);
    office.t.close();
    dept.close();
  });

  it('labels an entry whose task arrives later in the same package, and an indicator value by its indicator', async () => {
    const office = await quarterFixture();
    await office.t.call('progress.save', { taskId: office.maternal.id, departmentId: office.mch.id, period: '2025-Q1', fields: fields({ status: '已完成', percent: 100 }), submit: false });
    const rate = addIndicator(office.t, { plan_id: office.plan.id, name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3, value_kind: 'proportion' });
    await office.t.call('indicators.setValue', { indicatorId: rate, period: '2025-Q1', value: 2.8, note: '' });
    const receiver = await createTestCore({ officeName: '渝北区卫生健康委' });
    const full = await office.t.call('sync.export', { kind: 'full' });
    const preview = await receiver.call('sync.preview', { files: full.files });
    expect(preview.tables.find((t) => t.table === 'progress_reports')?.examples).toEqual(['新增：3. 保障母婴安全（妇幼科 2025-Q1 已完成）']);
    expect(preview.tables.find((t) => t.table === 'indicator_values')?.examples).toEqual(['新增：婴儿死亡率 2025-Q1：2.8‰']);
    office.t.close();
    receiver.close();
  });

  it('suggests a different file name for every package, even two 下发 in the same second', async () => {
    const office = await quarterFixture();
    const names = [];
    for (let i = 0; i < 3; i++) names.push((await office.t.call('sync.export', { kind: 'assignment', departmentId: office.cdc.id, period: '2025-Q2' })).files[0]!.fileName);
    // The fixture's clock stands still: the date and time are the same, a counter tells them apart.
    expect(names[0]).toMatch(/^疾控科-下发-2025-Q2-20250420-\d{6}\.tlpkg$/);
    expect(names[1]).toBe(names[0]!.replace('.tlpkg', '-2.tlpkg'));
    expect(names[2]).toBe(names[0]!.replace('.tlpkg', '-3.tlpkg'));

    // Another kind has its own name; the same kind again counts on.
    const fullNames = [];
    for (let i = 0; i < 2; i++) fullNames.push((await office.t.call('sync.export', { kind: 'full' })).files[0]!.fileName);
    expect(fullNames[0]).toMatch(/^渝北区卫生健康委-全量-20250420-\d{6}\.tlpkg$/);
    expect(fullNames[1]).toBe(fullNames[0]!.replace('.tlpkg', '-2.tlpkg'));

    // A moment later the time itself differs.
    office.setToday('2025-04-21');
    const later = (await office.t.call('sync.export', { kind: 'assignment', departmentId: office.cdc.id, period: '2025-Q2' })).files[0]!.fileName;
    expect(later).toMatch(/^疾控科-下发-2025-Q2-20250421-\d{6}\.tlpkg$/);
    office.t.close();
  });
});

describe('CLI receipt file', () => {
  it('is written beside the package under a free name, never over an existing file', () => {
    const dir = tempDir();
    const receipt = path.join(dir, '疾控科-回执-20250420-120000.tlpkg');
    expect(freePath(receipt)).toBe(receipt);
    fs.writeFileSync(receipt, '先前的回执');
    expect(freePath(receipt)).toBe(path.join(dir, '疾控科-回执-20250420-120000-2.tlpkg'));
    fs.writeFileSync(path.join(dir, '疾控科-回执-20250420-120000-2.tlpkg'), '');
    expect(freePath(receipt)).toBe(path.join(dir, '疾控科-回执-20250420-120000-3.tlpkg'));
    expect(fs.readFileSync(receipt, 'utf8')).toBe('先前的回执');
  });
});
