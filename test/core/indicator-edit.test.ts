import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromPreview } from '../../electron/cli/commands';
import { countRows, createTestCore, type TestCore } from '../helpers/core';

/*
 * Indicators are editable after import (name, comparator, target or range, unit, 基数 and its year,
 * target year, kind, owner): checked with Chinese field errors, recorded in the change log, synced.
 */

const PLAN = path.resolve('test', 'fixtures', 'documents', 'lanhu-2026-work-points.txt');

async function imported(options: { departmentName?: string } = {}) {
  const t = await createTestCore(options);
  const preview = await t.call('imports.parse', { fileName: path.basename(PLAN), contentBase64: fs.readFileSync(PLAN).toString('base64') });
  const owners = preview.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
  const saved = await t.call('imports.save', { draft: draftFromPreview(preview), source: preview.source, owners, planId: null, acceptedChanges: null });
  const indicators = await t.call('indicators.list', { planId: saved.planId });
  const byName = (name: string) => indicators.find((i) => i.name === name)!;
  return { t, planId: saved.planId, literacy: byName('居民健康素养水平'), reporting: byName('传染病报告及时率') };
}

async function refusal(t: TestCore, args: Record<string, unknown>) {
  const result = await t.raw('indicators.update', args);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(args)}`);
  return { code: result.error.code, message: result.error.message, fields: result.error.fields ?? {} };
}

describe('editing an indicator after import', () => {
  it('refuses what would leave the target unusable, naming the field in Chinese, and writes nothing', async () => {
    const { t, literacy } = await imported();
    const before = countRows(t.core, 'change_log');
    const id = literacy.id;
    expect(await refusal(t, { id, name: '  ' })).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { name: '指标名称不能为空' } });
    expect(await refusal(t, { id, comparator: 'between' })).toMatchObject({ fields: { targetValueMax: '区间目标需要填写上限' } });
    expect(await refusal(t, { id, comparator: 'between', targetValue: 40, targetValueMax: 35 })).toMatchObject({ fields: { targetValueMax: '目标上限不能小于下限' } });
    expect((await refusal(t, { id, targetValue: 120 })).fields.targetValue).toContain('数值应在0到100之间');
    expect((await refusal(t, { id, baselineValue: -3 })).fields.baselineValue).toContain('基数');
    expect(await refusal(t, { id, baselineYear: 2024 })).toMatchObject({ fields: { baselineValue: '填写了基数年份，请同时填写基数' } });
    expect(await refusal(t, { id, baselineValue: 30, baselineYear: 2027, targetYear: 2026 })).toMatchObject({ fields: { baselineYear: '基数年份不能晚于目标年份' } });
    expect(await refusal(t, { id, comparator: '≥' })).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { comparator: '比较方式不正确' } });
    expect(await refusal(t, { id, targetValue: '三十' })).toMatchObject({ fields: { targetValue: '目标值必须是数字' } });
    expect(countRows(t.core, 'change_log')).toBe(before);
    t.close();
  });

  it('saves every field with a change record per field, shown in the history and the dump', async () => {
    const { t, literacy } = await imported();
    const cdc = (await t.call('departments.list', {})).find((d) => d.name === '疾控科')!;
    const row = await t.call('indicators.update', {
      id: literacy.id,
      name: '全区居民健康素养水平',
      comparator: 'between',
      targetValue: 35,
      targetValueMax: 40,
      unit: '%',
      baselineValue: 32.5,
      baselineYear: 2025,
      targetYear: 2026,
      valueKind: 'proportion',
      departmentId: cdc.id,
    });
    expect(row).toMatchObject({ name: '全区居民健康素养水平', comparator: 'between', targetValue: 35, targetValueMax: 40, baselineValue: 32.5, baselineYear: 2025, targetYear: 2026, departmentId: cdc.id });
    // 中期评估 no longer counts it as 缺少基数.
    expect((await t.call('indicators.list', {})).find((i) => i.id === literacy.id)?.baselineValue).toBe(32.5);

    const history = await t.call('history.record', { table: 'indicators', id: literacy.id });
    // Oldest first: the last entry of a column is its latest change.
    const latest = new Map(history.map((h) => [h.column, h]));
    expect(latest.get('name')).toMatchObject({ actor: '张三', oldValue: '居民健康素养水平', newValue: '全区居民健康素养水平' });
    expect(latest.get('baseline_value')).toMatchObject({ oldValue: null, newValue: 32.5 });
    expect(latest.get('target_value_max')).toMatchObject({ newValue: 40 });
    const dump = JSON.parse(await t.call('system.dump', {})) as { changes: { tbl: string; row_id: string; col: string; value: unknown; actor: string }[] };
    const edits = dump.changes.filter((c) => c.tbl === 'indicators' && c.row_id === literacy.id && c.actor === '张三').map((c) => [c.col, c.value]);
    expect(edits).toEqual(expect.arrayContaining([['baseline_value', 32.5], ['baseline_year', 2025], ['comparator', 'between'], ['name', '全区居民健康素养水平']]));

    // Another comparator drops the range's upper end; clearing the baseline clears its year.
    const single = await t.call('indicators.update', { id: literacy.id, comparator: '>=', baselineValue: null });
    expect(single).toMatchObject({ comparator: '>=', targetValue: 35, targetValueMax: null, baselineValue: null, baselineYear: null });
    t.close();
  });

  it('travels to the department PC by sync, with its history', async () => {
    const office = await imported();
    const cdc = (await office.t.call('departments.list', {})).find((d) => d.name === '疾控科')!;
    const dept = await createTestCore({ departmentName: '疾控科' });
    const assignment = await office.t.call('sync.export', { kind: 'assignment', departmentId: cdc.id, period: '2026-Q1' });
    const preview = await dept.call('sync.preview', { files: assignment.files });
    await dept.call('sync.import', { files: assignment.files, trustFingerprint: preview.origin.fingerprint });
    expect((await dept.call('indicators.list', {})).find((i) => i.id === office.reporting.id)).toMatchObject({ targetValue: 95, baselineValue: null });

    await office.t.call('indicators.update', { id: office.reporting.id, targetValue: 98, baselineValue: 93.2, baselineYear: 2025 });
    const update = await office.t.call('sync.export', { kind: 'assignment', departmentId: cdc.id, period: '2026-Q1' });
    await dept.call('sync.import', { files: update.files });
    expect((await dept.call('indicators.list', {})).find((i) => i.id === office.reporting.id)).toMatchObject({ targetValue: 98, baselineValue: 93.2, baselineYear: 2025 });
    const history = await dept.call('history.record', { table: 'indicators', id: office.reporting.id });
    expect(history.filter((h) => h.column === 'baseline_value').map((h) => [h.actor, h.newValue])).toContainEqual(['张三', 93.2]);
    office.t.close();
    dept.close();
  });
});
