import { readPackage, writePackage } from '../../electron/sync/container';
import type { CallArgs, CallResult } from '../../shared/api';
import type { DirectoryEntry } from '../../shared/api/directory';
import type { PlanSummary, Task } from '../../shared/api/plans';
import { CHANGES_ENTRY } from '../../shared/sync/manifest';
import { createTestCore, type TestCore } from '../helpers/core';
import { localNoon } from './progress-fixture';

/*
 * Two (or three) databases exchanging real signed packages, for the department identity tests:
 * the office calls 疾控 "疾病预防控制科" (the document prints 疾控科, kept as an alias), a
 * department PC was set up with whatever its clerk typed.
 */

export interface Change {
  tbl: string;
  row_id: string;
  col: string;
  value: string;
  origin_installation_id: string;
}

type Files = CallResult<'sync.export'>['files'];

/** A PC set up the way setup does it (system.init with the given fields), with a clerk and a fixed clock. */
export async function setUp(init: CallArgs<'system.init'>, clerk = '张三', today = '2025-04-21'): Promise<TestCore> {
  const t = await createTestCore({ init: false, now: () => localNoon(today) });
  await t.call('system.init', init);
  await t.call('settings.update', { clerkName: clerk });
  return t;
}

export interface OfficeFixture {
  t: TestCore;
  cdc: DirectoryEntry;
  mch: DirectoryEntry;
  plan: PlanSummary;
  /** Led by 疾病预防控制科. */
  literacy: Task;
  /** Led by 疾病预防控制科 and 妇幼科. */
  chronic: Task;
}

export async function officeFixture(init: Partial<CallArgs<'system.init'>> = {}): Promise<OfficeFixture> {
  const t = await setUp({ officeName: '渝北区卫生健康委', pcRole: 'office', ...init }, '李主任', '2025-04-20');
  const cdc = await t.call('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
  const mch = await t.call('departments.create', { name: '妇幼科' });
  const plan = await t.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const section = await t.call('sections.create', { planId: plan.id, label: '一、', title: '推进健康渝北建设' });
  const literacy = await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const chronic = await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '2', title: '推进慢病防控', deadline: '2025年12月底', leadDepartmentIds: [cdc.id, mch.id] });
  return { t, cdc, mch, plan, literacy, chronic };
}

/** Import files on `to`, confirming the sender's fingerprint as the clerk does on the phone. */
export async function receive(to: TestCore, files: Files): Promise<CallResult<'sync.import'>> {
  const preview = await to.call('sync.preview', { files });
  return to.call('sync.import', { files, trustFingerprint: preview.origin.fingerprint });
}

/** The office's 下发 for one department, imported on the department PC. */
export async function assign(office: TestCore, dept: TestCore, departmentId: string, period = '2025-Q2'): Promise<CallResult<'sync.import'>> {
  const assignment = await office.call('sync.export', { kind: 'assignment', departmentId, period });
  return receive(dept, assignment.files);
}

/** The department PC's 上报, imported at the office; returns the import and what the package carried. */
export async function report(dept: TestCore, office: TestCore, period = '2025-Q2'): Promise<{ imported: CallResult<'sync.import'>; changes: Change[] }> {
  const back = await dept.call('sync.export', { kind: 'return', period });
  return { imported: await receive(office, back.files), changes: changesIn(back.files) };
}

export function changesIn(files: Files): Change[] {
  const pkg = readPackage(new Uint8Array(Buffer.from(files[0]!.contentBase64, 'base64')));
  return JSON.parse(new TextDecoder().decode(pkg.entries.get(CHANGES_ENTRY))) as Change[];
}

/**
 * What an older version of the app sent: every change this PC holds, strays included, in a
 * package signed with its own key (the current export would leave the stray out).
 */
export async function unfilteredPackage(dept: TestCore): Promise<Files> {
  const full = await dept.call('sync.export', { kind: 'full' });
  const original = readPackage(new Uint8Array(Buffer.from(full.files[0]!.contentBase64, 'base64')));
  const changes = dept.core.db.prepare('SELECT hlc, tbl, row_id, col, value, supersedes, origin_office_id, origin_installation_id, actor, batch FROM change_log ORDER BY hlc').all();
  const entries = new Map(original.entries);
  entries.set(CHANGES_ENTRY, new TextEncoder().encode(JSON.stringify(changes)));
  const identity = dept.core.requireIdentity();
  const bytes = writePackage(
    { manifest: { ...original.manifest, packageId: crypto.randomUUID(), counts: { ...original.manifest.counts, changes: changes.length } }, entries },
    { publicKeyPem: identity.publicKey, privateKeyPem: identity.privateKey },
  );
  return [{ fileName: '旧版上报.tlpkg', contentBase64: Buffer.from(bytes).toString('base64') }];
}

/** Live department names of a PC's office, in list order. */
export async function departmentNames(t: TestCore): Promise<string[]> {
  return (await t.call('departments.list', {})).map((d) => d.name);
}
