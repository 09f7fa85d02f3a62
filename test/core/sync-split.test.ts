import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_PACKAGE_FILE_MB } from '../../shared/sync/limits';
import { fields, quarterFixture } from './progress-fixture';

/*
 * Issue 14, finding 11: a receiver reads at most 100 MB per file, so an export larger than that is
 * split into parts even when the clerk did not ask, and a part size above it is refused.
 */
describe('exports a receiver can read', () => {
  it('splits a 114 MB package into parts of at most 100 MB by itself, and refuses a larger part size', async () => {
    const office = await quarterFixture();
    const entry = await office.t.call('progress.save', { period: '2025-Q2', taskId: office.literacy.id, departmentId: office.cdc.id, fields: fields(), submit: true });
    // Six scans of 19 MB that do not compress (random bytes after a PNG signature).
    for (let i = 0; i < 6; i++) {
      const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(19 * 1024 * 1024)]);
      await office.t.call('attachments.add', { period: '2025-Q2', taskId: entry.taskId, departmentId: office.cdc.id, fileName: `扫描件${i + 1}.png`, contentBase64: bytes.toString('base64') });
    }
    const exported = await office.t.call('sync.export', { kind: 'full' });
    expect(exported.files.length).toBe(2);
    expect(exported.summary).toContain('分为 2 个文件');
    for (const file of exported.files) expect(Buffer.from(file.contentBase64, 'base64').length).toBeLessThanOrEqual(MAX_PACKAGE_FILE_MB * 1024 * 1024);
    const verified = await office.t.call('sync.verify', { files: exported.files });
    expect(verified.attachments).toBe(6);

    const refused = await office.t.raw('sync.export', { kind: 'full', splitMb: 500 });
    expect(refused.ok === false && refused.error.message).toContain('分卷大小不能超过100 MB');
    office.t.close();
  }, 120_000);
});
