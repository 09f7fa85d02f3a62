import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/api';
import { formatHlc } from '../../shared/domain/hlc';
import { indicatorValueId, progressReportId } from '../../electron/core/ids';
import { CHANGES_ENTRY } from '../../shared/sync/manifest';
import type { ChangeRecord } from '../../electron/sync/changes';
import { readPackage, writePackage } from '../../electron/sync/container';
import { createTestCore, type TestCore } from '../helpers/core';
import { receive } from './department-fixture';
import { addIndicator, fields, localNoon, quarterFixture } from './progress-fixture';

/*
 * Issue 14, finding 4: who may change what. Packages signed by an office PC, a department PC and
 * a relaying office PC each try every table; only what the matrix allows lands, and a refused
 * package leaves the receiving database byte-identical.
 */

type Files = CallResult<'sync.export'>['files'];

let tick = 0;
const when = localNoon('2025-04-21');

/** One field change as `origin` would have written it. */
function change(origin: { installationId: string; officeId: string }, tbl: string, rowId: string, col: string, value: unknown, actor = '张三'): ChangeRecord {
  const hlc = formatHlc({ wall: when + ++tick, counter: 0, node: origin.installationId });
  return { hlc, tbl, row_id: rowId, col, value: JSON.stringify(value), supersedes: '[]', origin_office_id: origin.officeId, origin_installation_id: origin.installationId, actor, batch: hlc };
}

/** A package signed with `signer`'s own key, carrying exactly `changes` (as a tampered export would). */
async function signedBy(signer: TestCore, changes: ChangeRecord[]): Promise<Files> {
  const template = await signer.call('sync.export', { kind: 'full' });
  const original = readPackage(new Uint8Array(Buffer.from(template.files[0]!.contentBase64, 'base64')));
  const entries = new Map(original.entries);
  for (const name of [...entries.keys()]) if (name.startsWith('attachments/')) entries.delete(name);
  entries.set(CHANGES_ENTRY, new TextEncoder().encode(JSON.stringify(changes)));
  const me = signer.core.requireIdentity();
  const bytes = writePackage(
    { manifest: { ...original.manifest, packageId: randomUUID(), counts: { changes: changes.length, attachments: 0 } }, entries },
    { publicKeyPem: me.publicKey, privateKeyPem: me.privateKey },
  );
  return [{ fileName: '测试.tlpkg', contentBase64: Buffer.from(bytes).toString('base64') }];
}

/** The database file's bytes after a full checkpoint: what "byte-identical" compares. */
function fileHash(t: TestCore): string {
  t.core.db.pragma('wal_checkpoint(TRUNCATE)');
  return createHash('sha256').update(fs.readFileSync(t.core.db.name)).digest('hex');
}

interface Case {
  readonly name: string;
  readonly allowed: boolean;
  readonly changes: () => ChangeRecord[];
  /** For an allowed case: the field that must now hold the value. */
  readonly lands?: { tbl: string; rowId: string; col: string; value: unknown };
}

async function expectOutcome(receiver: TestCore, signer: TestCore, c: Case): Promise<void> {
  const changes = c.changes();
  const files = await signedBy(signer, changes);
  if (c.allowed) {
    const preview = await receiver.raw('sync.preview', { files });
    expect(preview.ok, `${c.name}: ${!preview.ok && preview.error.message}`).toBe(true);
    await receiver.call('sync.import', { files });
    if (c.lands) {
      const row = receiver.core.db.prepare(`SELECT ${c.lands.col} AS v FROM ${c.lands.tbl} WHERE id = ?`).get(c.lands.rowId) as { v: unknown } | undefined;
      expect(row?.v, c.name).toBe(c.lands.value);
    }
    return;
  }
  const before = fileHash(receiver);
  const preview = await receiver.raw('sync.preview', { files });
  expect(preview.ok === false && preview.error.code, c.name).toBe('FORBIDDEN');
  expect(preview.ok === false && preview.error.message, c.name).toMatch(/超出了该电脑的权限.*已拒绝整个数据包，未导入任何内容/);
  const imported = await receiver.raw('sync.import', { files });
  expect(imported.ok === false && imported.error.code, c.name).toBe('FORBIDDEN');
  expect(fileHash(receiver), `${c.name}: the database changed`).toBe(before);
}

async function world() {
  const office = await quarterFixture({ today: '2025-04-21' });
  const dept = await createTestCore({ departmentName: '疾控科', now: () => localNoon('2025-04-21') });
  const second = await createTestCore({ officeName: '渝北区卫生健康委', now: () => localNoon('2025-04-21') });
  const cdcIndicator = addIndicator(office.t, { plan_id: office.plan.id, task_id: office.literacy.id, department_id: office.cdc.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 34, value_kind: 'percent' });
  const mchIndicator = addIndicator(office.t, { plan_id: office.plan.id, task_id: office.maternal.id, department_id: office.mch.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, value_kind: 'rate' });
  // 下发 to 疾控科, its 上报 back (the office now trusts it); the second office PC's full package (trusted too).
  await receive(dept, (await office.t.call('sync.export', { kind: 'assignment', departmentId: office.cdc.id, period: '2025-Q2' })).files);
  const own = await dept.call('progress.save', { period: '2025-Q2', taskId: office.literacy.id, departmentId: office.cdc.id, fields: fields({ percent: 30 }), submit: true });
  await receive(office.t, (await dept.call('sync.export', { kind: 'return', period: '2025-Q2' })).files);
  const other = await office.t.call('progress.save', { period: '2025-Q2', taskId: office.maternal.id, departmentId: office.mch.id, fields: fields({ percent: 50 }), submit: true });
  await receive(second, (await office.t.call('sync.export', { kind: 'full' })).files);
  await receive(office.t, (await second.call('sync.export', { kind: 'full' })).files);
  const ids = (t: TestCore) => t.core.requireIdentity();
  return { office, dept, second, own, other, cdcIndicator, mchIndicator, ids };
}

describe('authority per signer', () => {
  it('a department PC changes only its own department’s entries, values and evidence; everything else is refused whole', async () => {
    const w = await world();
    const { office, dept } = w;
    const d = w.ids(dept);
    const o = w.ids(office.t);
    const newRow = () => randomUUID();
    const cases: Case[] = [
      { name: 'own entry', allowed: true, changes: () => [change(d, 'progress_reports', w.own.id, 'percent', 45)], lands: { tbl: 'progress_reports', rowId: w.own.id, col: 'percent', value: 45 } },
      { name: 'own installation label', allowed: true, changes: () => [change(d, 'installations', d.installationId, 'label', '疾控科-2号机')], lands: { tbl: 'installations', rowId: d.installationId, col: 'label', value: '疾控科-2号机' } },
      (() => {
        const id = indicatorValueId(w.cdcIndicator, o.officeId, '2025-Q2');
        return { name: 'value of its indicator', allowed: true, changes: () => [change(d, 'indicator_values', id, 'indicator_id', w.cdcIndicator), change(d, 'indicator_values', id, 'office_id', o.officeId), change(d, 'indicator_values', id, 'period', '2025-Q2'), change(d, 'indicator_values', id, 'value', 31.5)], lands: { tbl: 'indicator_values', rowId: id, col: 'value', value: 31.5 } };
      })(),
      (() => {
        const id = newRow();
        return { name: 'evidence on its entry', allowed: true, changes: () => [change(d, 'attachments', id, 'owner_table', 'progress_reports'), change(d, 'attachments', id, 'owner_id', w.own.id), change(d, 'attachments', id, 'file_name', '监测报告.pdf')], lands: { tbl: 'attachments', rowId: id, col: 'file_name', value: '监测报告.pdf' } };
      })(),
      { name: 'office record', allowed: false, changes: () => [change(d, 'offices', o.officeId, 'name', '某某单位')] },
      { name: 'the office PC’s installation', allowed: false, changes: () => [change(d, 'installations', o.installationId, 'label', '伪造')] },
      { name: 'itself an office PC', allowed: false, changes: () => [change(d, 'installations', d.installationId, 'department_id', null)] },
      { name: 'department list', allowed: false, changes: () => [change(d, 'departments', office.cdc.id, 'name', '疾控中心')] },
      { name: 'unit', allowed: false, changes: () => [change(d, 'units', newRow(), 'office_id', o.officeId)] },
      { name: 'plan title', allowed: false, changes: () => [change(d, 'plans', office.plan.id, 'title', '伪造的计划')] },
      { name: 'section', allowed: false, changes: () => [change(d, 'sections', office.literacy.sectionId!, 'title', '伪造')] },
      { name: 'task title (the finding)', allowed: false, changes: () => [change(d, 'tasks', office.literacy.id, 'title', '伪造的任务')] },
      { name: 'indicator target', allowed: false, changes: () => [change(d, 'indicators', w.cdcIndicator, 'target_value', 10)] },
      { name: 'approves its own entry', allowed: false, changes: () => [change(d, 'progress_reports', w.own.id, 'workflow_state', 'approved')] },
      { name: 'writes the review comment', allowed: false, changes: () => [change(d, 'progress_reports', w.own.id, 'review_comment', '同意')] },
      { name: 'another department’s entry', allowed: false, changes: () => [change(d, 'progress_reports', w.other.id, 'percent', 5)] },
      { name: 'moves its entry to another department', allowed: false, changes: () => [change(d, 'progress_reports', w.own.id, 'department_id', office.mch.id)] },
      (() => {
        const id = indicatorValueId(w.mchIndicator, o.officeId, '2025-Q2');
        return { name: 'value of another department’s indicator', allowed: false, changes: () => [change(d, 'indicator_values', id, 'indicator_id', w.mchIndicator), change(d, 'indicator_values', id, 'office_id', o.officeId), change(d, 'indicator_values', id, 'value', 1)] };
      })(),
      (() => {
        const id = newRow();
        return { name: 'evidence on another department’s entry', allowed: false, changes: () => [change(d, 'attachments', id, 'owner_table', 'progress_reports'), change(d, 'attachments', id, 'owner_id', w.other.id), change(d, 'attachments', id, 'file_name', 'x.pdf')] };
      })(),
      { name: 'office setting', allowed: false, changes: () => [change(d, 'settings', newRow(), 'office_id', o.officeId)] },
      { name: 'metric', allowed: false, changes: () => [change(d, 'metrics', newRow(), 'office_id', o.officeId)] },
      { name: 'metric link', allowed: false, changes: () => [change(d, 'metric_links', newRow(), 'office_id', o.officeId)] },
      // An entry under an id of its own choosing would stand beside the approved one and hide it.
      (() => {
        const id = newRow();
        return { name: 'entry under a forged id', allowed: false, changes: () => [change(d, 'progress_reports', id, 'task_id', office.literacy.id), change(d, 'progress_reports', id, 'department_id', office.cdc.id), change(d, 'progress_reports', id, 'period', '2025-Q2'), change(d, 'progress_reports', id, 'percent', 0)] };
      })(),
      (() => {
        const id = progressReportId(office.maternal.id, office.cdc.id, '2025-Q2');
        return { name: 'entry for a task it does not lead', allowed: false, changes: () => [change(d, 'progress_reports', id, 'task_id', office.maternal.id), change(d, 'progress_reports', id, 'department_id', office.cdc.id), change(d, 'progress_reports', id, 'period', '2025-Q2'), change(d, 'progress_reports', id, 'percent', 10)] };
      })(),
      (() => {
        const id = newRow();
        return { name: 'value under a forged id', allowed: false, changes: () => [change(d, 'indicator_values', id, 'indicator_id', w.cdcIndicator), change(d, 'indicator_values', id, 'office_id', o.officeId), change(d, 'indicator_values', id, 'period', '2025-Q2'), change(d, 'indicator_values', id, 'value', 1)] };
      })(),
      // The reproduced attack: a change claiming the office's own installation and its director.
      { name: 'claims the office PC itself', allowed: false, changes: () => [change(o, 'tasks', office.literacy.id, 'title', '伪造的任务', '区卫健委主任')] },
      // An allowed change does not carry a forbidden one along.
      { name: 'a forbidden change among allowed ones', allowed: false, changes: () => [change(d, 'progress_reports', w.own.id, 'percent', 60), change(d, 'tasks', office.literacy.id, 'title', '夹带')] },
    ];
    for (const c of cases) await expectOutcome(office.t, dept, c);
    // The reproduced attack leaves the title and history as they were.
    expect((await office.t.call('history.record', { table: 'tasks', id: office.literacy.id })).map((h) => h.actor)).not.toContain('区卫健委主任');
    // History names the package and the signer that delivered each change, beside the claimed actor.
    const entry = await office.t.call('history.record', { table: 'progress_reports', id: w.own.id });
    const delivered = entry.find((h) => h.column === 'percent' && h.newValue === 45)!;
    expect(delivered.via).toEqual({ fileName: '测试.tlpkg', signer: '渝北区卫生健康委 疾控科', fingerprint: (await dept.call('system.status', {})).installation!.fingerprint });
    const local = (await office.t.call('history.record', { table: 'tasks', id: office.literacy.id })).filter((h) => h.via === null);
    expect(local.length).toBeGreaterThan(0);
    for (const t of [office.t, dept, w.second]) t.close();
  });

  it('an office PC changes its office’s records on a department PC, but never another office’s or the department PC’s own', async () => {
    const w = await world();
    const { office, dept } = w;
    const o = w.ids(office.t);
    const d = w.ids(dept);
    const cases: Case[] = [
      { name: 'task title', allowed: true, changes: () => [change(o, 'tasks', office.literacy.id, 'title', '提升全区居民健康素养')], lands: { tbl: 'tasks', rowId: office.literacy.id, col: 'title', value: '提升全区居民健康素养' } },
      { name: 'review', allowed: true, changes: () => [change(o, 'progress_reports', w.own.id, 'workflow_state', 'approved')], lands: { tbl: 'progress_reports', rowId: w.own.id, col: 'workflow_state', value: 'approved' } },
      { name: 'a plan of another office', allowed: false, changes: () => [change(o, 'plans', randomUUID(), 'office_id', randomUUID())] },
      { name: 'claims the department PC itself', allowed: false, changes: () => [change(d, 'progress_reports', w.own.id, 'percent', 99)] },
    ];
    for (const c of cases) await expectOutcome(dept, office.t, c);
    for (const t of [office.t, dept, w.second]) t.close();
  });

  it('a relay passes on only what the original PC could change, and a department PC relays nothing it was not given', async () => {
    const w = await world();
    const { office, dept, second } = w;
    const d = w.ids(dept);
    const unknown = { installationId: randomUUID(), officeId: w.ids(office.t).officeId };
    const foreign = { installationId: randomUUID(), officeId: randomUUID() };
    const relay: Case[] = [
      { name: 'the department’s own entry via the second office PC', allowed: true, changes: () => [change(d, 'progress_reports', w.own.id, 'percent', 70)], lands: { tbl: 'progress_reports', rowId: w.own.id, col: 'percent', value: 70 } },
      { name: 'an unknown PC of the same office vouched for by an office PC', allowed: true, changes: () => [change(unknown, 'tasks', office.chronic.id, 'title', '推进慢性病综合防控')], lands: { tbl: 'tasks', rowId: office.chronic.id, col: 'title', value: '推进慢性病综合防控' } },
      { name: 'the department PC changing a task, relayed', allowed: false, changes: () => [change(d, 'tasks', office.literacy.id, 'title', '转交的伪造')] },
      { name: 'an unknown PC claiming another office', allowed: false, changes: () => [change(foreign, 'tasks', office.literacy.id, 'title', '外单位')] },
    ];
    for (const c of relay) await expectOutcome(office.t, second, c);
    const fromDepartment: Case = { name: 'a department PC relaying an unknown PC', allowed: false, changes: () => [change(unknown, 'progress_reports', w.own.id, 'percent', 1)] };
    await expectOutcome(office.t, dept, fromDepartment);
    for (const t of [office.t, dept, second]) t.close();
  });

  it('refuses a change superseding more than a record’s heads could be (memory and database amplification)', async () => {
    const w = await world();
    const d = w.ids(w.dept);
    const bloated = { ...change(d, 'progress_reports', w.own.id, 'percent', 46), supersedes: JSON.stringify(Array.from({ length: 300 }, (_, i) => formatHlc({ wall: when - i - 1, counter: 0, node: d.installationId }))) };
    const files = await signedBy(w.dept, [bloated]);
    const before = fileHash(w.office.t);
    const refused = await w.office.t.raw('sync.preview', { files });
    expect(refused.ok === false && refused.error.message).toContain('前序修改列表不正确');
    expect(fileHash(w.office.t)).toBe(before);
    for (const t of [w.office.t, w.dept, w.second]) t.close();
  });

  it('a department PC keeps its edits of office data at home and says so, so its 上报 is never refused', async () => {
    const w = await world();
    const { office, dept } = w;
    await dept.call('tasks.update', { id: office.literacy.id, title: '本机改的标题' });
    await dept.call('progress.save', { period: '2025-Q2', taskId: office.literacy.id, departmentId: office.cdc.id, fields: fields({ percent: 55 }), submit: true });
    const back = await dept.call('sync.export', { kind: 'return', period: '2025-Q2' });
    expect(back.summary).toContain('本机对办公室数据（计划、任务、指标等）的 1 处修改未放入数据包');
    await receive(office.t, back.files);
    const task = office.t.core.db.prepare('SELECT title FROM tasks WHERE id = ?').pluck().get(office.literacy.id);
    expect(task).toBe('提升居民健康素养');
    expect(office.t.core.db.prepare('SELECT percent FROM progress_reports WHERE id = ?').pluck().get(w.own.id)).toBe(55);
    for (const t of [office.t, dept, w.second]) t.close();
  });
});
