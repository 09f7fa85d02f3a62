import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

/*
 * Issue 14, finding 7: `export --out <the open database>` succeeded and destroyed it, and --out
 * replaced any file. Outputs now never go over the open database, keep an existing file unless
 * --force, and are written whole (temporary file, then rename).
 */
describe('CLI outputs', () => {
  it('never writes over the open database, keeps an existing file unless --force, and replaces it whole with it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    const before = (await cli('--db', db, 'dump', '--json')).out;

    for (const target of [db, `${db}-wal`]) {
      const refused = await cli('--db', db, 'export', '--kind', 'assignment', '--department', '疾控科', '--period', '2025-Q1', '--out', target);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('正在使用的数据库文件');
    }
    const report = await cli('--db', db, 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', db, '--force');
    expect([report.code, report.err.includes('正在使用的数据库文件')]).toEqual([1, true]);
    // The database still opens and holds exactly what it held.
    expect((await cli('--db', db, 'dump', '--json')).out).toBe(before);

    const existing = path.join(dir, '台账.csv');
    fs.writeFileSync(existing, '上周的台账');
    const kept = await cli('--db', db, 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', existing);
    expect([kept.code, kept.err.includes('已存在')]).toEqual([1, true]);
    expect(fs.readFileSync(existing, 'utf8')).toBe('上周的台账');
    const replaced = await cli('--db', db, 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', existing, '--force');
    expect(replaced.code).toBe(0);
    expect(fs.readFileSync(existing, 'utf8')).toContain('工作任务');
    // No temporary file is left beside it.
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
