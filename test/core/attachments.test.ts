import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentFolder, MAX_ATTACHMENT_BYTES } from '../../electron/services/attachments';
import { progressReportId } from '../../electron/core/ids';
import { tempDir } from '../helpers/core';
import { changeCount, fields, quarterFixture } from './progress-fixture';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('会议纪要 minutes '.repeat(50))]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const jpg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 1)]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function setup() {
  const dir = tempDir();
  const f = await quarterFixture({ file: path.join(dir, 'ledger.sqlite') });
  const key = { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2' };
  return { f, dir, key };
}

describe('attachments', () => {
  it('stores the bytes once by SHA-256 beside the database and creates the entry as a draft', async () => {
    const { f, dir, key } = await setup();
    await f.t.call('progress.saveDraft', { ...key, fields: { progressText: '已印发通知', status: '推进中' } });
    const added = await f.t.call('attachments.add', { ...key, fileName: '会议纪要.pdf', contentBase64: pdf.toString('base64') });
    expect(added).toMatchObject({ fileName: '会议纪要.pdf', mime: 'application/pdf', size: pdf.length, sha256: sha(pdf) });
    const stored = path.join(dir, 'attachments', sha(pdf));
    expect(fs.readFileSync(stored).equals(pdf)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'attachments'))).toEqual([sha(pdf)]);

    const entryId = progressReportId(f.literacy.id, f.cdc.id, '2025-Q2');
    const row = f.t.core.db.prepare('SELECT owner_table, owner_id, deleted FROM attachments WHERE id = ?').get(added.id);
    expect(row).toEqual({ owner_table: 'progress_reports', owner_id: entryId, deleted: 0 });
    const sheet = await f.t.call('progress.sheet', { period: '2025-Q2', departmentId: f.cdc.id });
    expect(sheet.tasks[0]!.entry).toMatchObject({ id: entryId, workflowState: 'draft', progressText: '已印发通知', attachments: [added] });

    // The same photo on another task's entry: one file on disk, two records.
    const photo = await f.t.call('attachments.add', { ...key, fileName: '现场照片.JPG', contentBase64: jpg.toString('base64') });
    expect(photo.mime).toBe('image/jpeg');
    await f.t.call('attachments.add', { ...key, taskId: f.chronic.id, fileName: '现场照片.jpg', contentBase64: jpg.toString('base64') });
    expect(fs.readdirSync(path.join(dir, 'attachments')).sort()).toEqual([sha(pdf), sha(jpg)].sort());

    const read = await f.t.call('attachments.read', { id: added.id });
    expect(read).toEqual({ fileName: '会议纪要.pdf', mime: 'application/pdf', contentBase64: pdf.toString('base64') });
    f.t.close();
  });

  it('refuses types outside pdf/docx/xlsx/jpg/png, content that does not match the extension, empty and oversized files', async () => {
    const { f, dir, key } = await setup();
    const before = changeCount(f.t);
    const add = (fileName: string, bytes: Buffer) => f.t.raw('attachments.add', { ...key, fileName, contentBase64: bytes.toString('base64') });
    const exe = await add('工具.exe', Buffer.from('MZ....'));
    expect(exe).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '只能上传 PDF、Word（.docx）、Excel（.xlsx）、JPG 或 PNG 格式的佐证材料，“工具.exe”不是这些格式' } });
    const doc = await add('通知.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(doc).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '.doc 是旧版 Word 格式，请在 Word 或 WPS 中“另存为”.docx 后再上传' } });
    const renamed = await add('照片.pdf', png);
    expect(renamed).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '“照片.pdf”的内容不是PDF 文件，可能已损坏或改过扩展名，请用原程序重新导出后再上传' } });
    const fakeDocx = await add('方案.docx', pdf);
    expect(fakeDocx).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const fakePng = await add('图.png', jpg);
    expect(fakePng).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await add('空.pdf', Buffer.alloc(0))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '“空.pdf”是空文件，请检查后重新选择' } });
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    big.write('%PDF-1.4');
    expect(await add('扫描件.pdf', big)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '“扫描件.pdf”超过20MB，请压缩或拆分后再上传' } });
    expect(changeCount(f.t)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'attachments'))).toBe(false);
    // Allowed types pass.
    expect((await f.t.call('attachments.add', { ...key, fileName: '方案.docx', contentBase64: docx.toString('base64') })).mime).toContain('wordprocessingml');
    expect((await f.t.call('attachments.add', { ...key, fileName: '图.png', contentBase64: png.toString('base64') })).mime).toBe('image/png');
    f.t.close();
  });

  it('says the file is lost when it is missing on disk', async () => {
    const { f, dir, key } = await setup();
    const added = await f.t.call('attachments.add', { ...key, fileName: '会议纪要.pdf', contentBase64: pdf.toString('base64') });
    fs.rmSync(path.join(dir, 'attachments', added.sha256));
    const result = await f.t.raw('attachments.read', { id: added.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message).toMatch(/^佐证材料文件已丢失/);
    f.t.close();
  });

  it('removes by tombstone, and neither adds nor removes on an approved entry', async () => {
    const { f, key } = await setup();
    const added = await f.t.call('attachments.add', { ...key, fileName: '会议纪要.pdf', contentBase64: pdf.toString('base64') });
    const extra = await f.t.call('attachments.add', { ...key, fileName: '照片.png', contentBase64: png.toString('base64') });
    await f.t.call('attachments.remove', { id: extra.id });
    expect(f.t.core.db.prepare('SELECT deleted FROM attachments WHERE id = ?').get(extra.id)).toEqual({ deleted: 1 });
    const history = await f.t.call('history.record', { table: 'attachments', id: extra.id });
    expect(history.at(-1)).toMatchObject({ column: 'deleted', newValue: true, actor: '张三' });
    expect(await f.t.raw('attachments.read', { id: extra.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    await f.t.call('settings.update', { role: 'reviewer' });
    const entry = await f.t.call('progress.save', { ...key, fields: fields(), submit: true });
    expect(entry.attachments.map((a) => a.id)).toEqual([added.id]);
    await f.t.call('progress.review', { id: entry.id, decision: 'approve' });
    expect(await f.t.raw('attachments.remove', { id: added.id })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await f.t.raw('attachments.add', { ...key, fileName: '补充.pdf', contentBase64: pdf.toString('base64') })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    f.t.close();
  });

  it('keeps the files of an in-memory database in a temp folder', async () => {
    const f = await quarterFixture({ file: ':memory:' });
    const key = { taskId: f.literacy.id, departmentId: f.cdc.id, period: '2025-Q2' };
    const added = await f.t.call('attachments.add', { ...key, fileName: '纪要.pdf', contentBase64: pdf.toString('base64') });
    const folder = attachmentFolder(f.t.core);
    expect(folder.startsWith(path.resolve(tempDir('tl-probe-'), '..'))).toBe(true);
    expect(fs.readdirSync(folder)).toEqual([added.sha256]);
    expect((await f.t.call('attachments.read', { id: added.id })).contentBase64).toBe(pdf.toString('base64'));
    f.t.close();
  });
});
