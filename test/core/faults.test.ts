import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { draftFromPreview } from '../../electron/cli/commands';
import { attachmentFolder } from '../../electron/services/attachments';
import { CoreClient } from '../../electron/core/client';
import { loadSqlite } from '../../electron/db/native';
import { createTestCore } from '../helpers/core';
import { dataState, expectFault } from './faults-fixture';
import { fields, localNoon, quarterFixture } from './progress-fixture';

/*
 * Faults of the disk and the database file: each gives a Chinese message that says what to do,
 * writes nothing (every table's rows and the change log as before), and the core answers the
 * next call. Disk full is SQLite's own SQLITE_FULL, forced with PRAGMA max_page_count on a real file.
 */

const Sqlite = loadSqlite();
const PLAN = ['一、健康促进', '1.提升居民健康素养，居民健康素养水平达到30%以上。（牵头科室：疾控科）', '2.推进慢病防控，高血压患者规范管理率达到65%。（牵头科室：疾控科）'].join('\n');
/** A narrative long enough to need new pages (a field takes up to 5,000 characters). */
const LONG = '已开展健康素养监测，覆盖全区11个镇街。'.repeat(230);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** No page beyond those the file has now: the next write that needs one fails with SQLITE_FULL. */
function fillDisk(db: Database): void {
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
}
const freeDisk = (db: Database) => db.pragma('max_page_count = 1073741823');

describe('disk full (SQLITE_FULL)', () => {
  it('a plan import saves nothing, says to free space, and the next import works', async () => {
    const t = await createTestCore();
    await t.call('departments.create', { name: '疾控科', aliases: [] });
    const preview = await t.call('imports.parse', { pastedText: PLAN });
    const args = { draft: draftFromPreview(preview), source: preview.source, owners: [], planId: null, acceptedChanges: null };
    const before = dataState(t.core.db);
    fillDisk(t.core.db);
    expectFault(await t.raw('imports.save', args), 'DISK_FULL', '磁盘空间不足', '清理');
    expect(dataState(t.core.db)).toEqual(before);
    expect(await t.call('plans.list', {})).toEqual([]);
    freeDisk(t.core.db);
    const saved = await t.call('imports.save', args);
    expect((await t.call('plans.get', { id: saved.planId })).tasks).toHaveLength(2);
    t.close();
  });

  it('a progress save and evidence that would start the entry save nothing; the draft is kept', async () => {
    const q = await quarterFixture();
    const { t, literacy, cdc } = q;
    const key = { period: '2025-Q1', taskId: literacy.id, departmentId: cdc.id };
    await t.call('progress.saveDraft', { ...key, fields: { progressText: LONG } });
    const before = dataState(t.core.db);
    fillDisk(t.core.db);
    // The evidence would create the entry from the long draft: neither the entry nor the attachment row is written.
    expectFault(await t.raw('attachments.add', { ...key, fileName: '监测报告.pdf', contentBase64: PDF.toString('base64') }), 'DISK_FULL', '数据没有改动');
    expectFault(await t.raw('progress.save', { ...key, fields: fields({ progressText: LONG }), submit: true }), 'DISK_FULL');
    expect(dataState(t.core.db)).toEqual(before);
    // What the clerk typed is still there, and reading goes on.
    const sheet = await t.call('progress.sheet', { period: '2025-Q1', departmentId: cdc.id });
    expect(sheet.tasks.find((task) => task.id === literacy.id)?.draft?.progressText).toBe(LONG);
    freeDisk(t.core.db);
    await t.call('progress.save', { ...key, fields: fields({ progressText: LONG }), submit: true });
    expect((await t.call('attachments.add', { ...key, fileName: '监测报告.pdf', contentBase64: PDF.toString('base64') })).fileName).toBe('监测报告.pdf');
    t.close();
  });

  it('a sync import takes nothing (no trust, no rows, no acknowledgements) and can be repeated', async () => {
    const office = await quarterFixture();
    const dept = await createTestCore({ departmentName: '疾控科', now: () => localNoon('2025-04-21') });
    const assignment = await office.t.call('sync.export', { kind: 'assignment', departmentId: office.cdc.id, period: '2025-Q2' });
    const preview = await dept.call('sync.preview', { files: assignment.files });
    const args = { files: assignment.files, trustFingerprint: preview.origin.fingerprint };
    const before = dataState(dept.core.db);
    fillDisk(dept.core.db);
    expectFault(await dept.raw('sync.import', args), 'DISK_FULL', '磁盘空间不足');
    expect(dataState(dept.core.db)).toEqual(before);
    expect(await dept.call('sync.peers', {})).toEqual([]);
    freeDisk(dept.core.db);
    await dept.call('sync.import', args);
    expect((await dept.call('ledger.query', { period: '2025-Q2' })).rows).toHaveLength(2);
    office.t.close();
    dept.close();
  });

  it.skipIf(!fs.existsSync('/dev/full'))('a report written to a full disk leaves no half file in the reports folder', async () => {
    const { t } = await quarterFixture();
    const scope = { period: '2025-Q1' };
    const { fileName } = await t.call('report.build', { kind: 'ledger', format: 'xlsx', scope, save: false });
    const folder = path.join(path.dirname(t.core.file), 'reports');
    fs.mkdirSync(folder, { recursive: true });
    // The temporary file is a link to /dev/full: writing it fails with ENOSPC, as on a full disk.
    fs.symlinkSync('/dev/full', path.join(folder, `${fileName}.part`));
    const before = dataState(t.core.db);
    expectFault(await t.raw('report.build', { kind: 'ledger', format: 'xlsx', scope, save: true }), 'DISK_FULL', '报表未保存', '清理磁盘空间');
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(dataState(t.core.db)).toEqual(before);
    const saved = await t.call('report.build', { kind: 'ledger', format: 'xlsx', scope, save: true });
    expect(fs.readdirSync(folder)).toEqual([path.basename(saved.savedPath!)]);
    t.close();
  });
});

describe('locked database', () => {
  it('a write while another program holds the write lock saves nothing, says who to close, and works once the lock is gone', async () => {
    const { t, literacy, cdc } = await quarterFixture();
    // The app waits 5 s for a lock; the test waits 50 ms.
    t.core.db.pragma('busy_timeout = 50');
    const other = new Sqlite(t.core.file);
    other.exec('BEGIN EXCLUSIVE');
    const before = dataState(t.core.db);
    const key = { period: '2025-Q1', taskId: literacy.id, departmentId: cdc.id };
    const started = performance.now();
    expectFault(await t.raw('progress.save', { ...key, fields: fields(), submit: false }), 'DATABASE_LOCKED', '其他目标台账窗口', '重试');
    expectFault(await t.raw('tasks.update', { id: literacy.id, title: '改名' }), 'DATABASE_LOCKED');
    expect(performance.now() - started).toBeLessThan(3000);
    // Reading goes on (WAL: readers are not blocked by a writer).
    expect((await t.call('ledger.query', { period: '2025-Q1' })).rows).toHaveLength(3);
    other.exec('ROLLBACK');
    other.close();
    expect(dataState(t.core.db)).toEqual(before);
    const saved = await t.call('progress.save', { ...key, fields: fields(), submit: false });
    expect([saved.workflowState, saved.percent]).toEqual(['draft', 30]);
    expect((await t.call('ledger.query', { period: '2025-Q1' })).rows.find((r) => r.taskId === literacy.id)?.leads[0]).toMatchObject({ kind: 'draft' });
    t.close();
  });
});

/** Overwrite the first bytes of a table's root page: its b-tree header no longer makes sense. */
function corruptTable(file: string, table: string): void {
  const db = new Sqlite(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (root - 1) * pageSize);
  fs.closeSync(fd);
}

describe('corrupted database file', () => {
  it('a damaged table answers CORRUPT in Chinese while the worker keeps serving everything else', async () => {
    const q = await quarterFixture();
    await q.t.call('progress.save', { period: '2025-Q1', taskId: q.literacy.id, departmentId: q.cdc.id, fields: fields(), submit: false });
    const file = q.t.core.file;
    q.t.close(); // checkpoints the WAL into the file
    corruptTable(file, 'progress_reports');
    const client = await CoreClient.start({ dbPath: file });
    expect(client.openError).toBeNull();
    const ledger = await client.invoke('ledger.query', { period: '2025-Q1' });
    const message = expectFault(ledger, 'CORRUPT', '备份恢复', '诊断信息');
    expect(message).toContain('数据库文件已损坏');
    // The next calls are answered: what does not touch the damaged table works.
    const status = await client.invoke('system.status', {});
    expect(status.ok && status.value.initialized).toBe(true);
    const plans = await client.invoke('plans.list', {});
    expect(plans.ok && plans.value.map((p) => p.title)).toEqual(['渝北区卫生健康委2025年工作要点']);
    expectFault(await client.invoke('ledger.query', { period: '2025-Q1' }), 'CORRUPT');
    // 导出诊断信息 reports what SQLite found.
    const diagnostics = await client.invoke('diagnostics.export', {});
    expect(diagnostics.ok && diagnostics.value.integrity).not.toBe('ok');
    await client.close();
    // Support finds the fault in the local log, by call and code.
    const log = fs.readFileSync(path.join(path.dirname(file), 'logs', 'target-ledger.log'), 'utf8');
    expect(log.match(/WARN +\[worker\] call\.fault call="ledger\.query" code="CORRUPT"/g)).toHaveLength(2);
  });

  it('a file whose header is damaged does not open: CORRUPT in Chinese, and the worker still answers', async () => {
    const { t } = await quarterFixture();
    const file = t.core.file;
    t.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('这不是数据库文件'), 0, undefined, 0);
    fs.closeSync(fd);
    const bytes = fs.readFileSync(file);
    const client = await CoreClient.start({ dbPath: file });
    expect(client.openError?.code).toBe('CORRUPT');
    expect(client.openError?.message).toContain('从最近的备份恢复');
    for (let i = 0; i < 2; i++) expectFault(await client.invoke('system.status', {}), 'CORRUPT', '备份恢复');
    // Logs and versions can still be exported for support.
    const diagnostics = await client.invoke('diagnostics.export', {});
    expect(diagnostics.ok && diagnostics.value.entries).toContain('诊断信息.txt');
    await client.close();
    // Nothing tried to "repair" the file.
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('attachment file missing', () => {
  it('download says the file is lost and what to do; a package without it says so; nothing else changes', async () => {
    const { t, literacy, cdc } = await quarterFixture();
    const key = { period: '2025-Q1', taskId: literacy.id, departmentId: cdc.id };
    const attachment = await t.call('attachments.add', { ...key, fileName: '监测报告.pdf', contentBase64: PDF.toString('base64') });
    fs.rmSync(path.join(attachmentFolder(t.core), attachment.sha256));
    const before = dataState(t.core.db);
    const read = await t.raw('attachments.read', { id: attachment.id });
    expectFault(read, 'NOT_FOUND', '“监测报告.pdf”', '重新上传');
    expect(dataState(t.core.db)).toEqual(before);
    // The package still carries the records; its summary names the file that could not go with it.
    const full = await t.call('sync.export', { kind: 'full' });
    expect(full.summary).toContain('1 份佐证材料的文件在本机已丢失');
    expect(full.summary).toContain('“监测报告.pdf”');
    expect(full.summary).toContain('重新上传');
    const verified = await t.call('sync.verify', { files: full.files });
    expect(verified.attachments).toBe(0);
    // Everything else keeps working, including the entry that owns the lost file.
    const entry = await t.call('progress.save', { ...key, fields: fields(), submit: false });
    expect(entry.attachments.map((a) => a.fileName)).toEqual(['监测报告.pdf']);
    t.close();
  });
});
