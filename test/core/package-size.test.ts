import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PACKAGE_FILE_MB, MAX_PACKAGE_TOTAL_MB, packageSizeProblem } from '../../shared/sync/limits';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

/** Issue 14, finding 11: a 600 MB .tlpkg said "无法读取文件…"; it is refused from its size, saying what to do. */

const MB = 1024 * 1024;

/** A sparse file of `mb` MB: its size is real, its bytes are not written. */
function sparse(dir: string, name: string, mb: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, mb * MB);
  return file;
}

describe('package size limits', () => {
  it('names the file, its size, the limit and what to do', () => {
    expect(packageSizeProblem([{ name: '下发.tlpkg', size: 20 * MB }])).toBeNull();
    expect(packageSizeProblem([{ name: '下发.tlpkg', size: MAX_PACKAGE_FILE_MB * MB }])).toBeNull();
    expect(packageSizeProblem([{ name: '下发.tlpkg', size: 150 * MB }])).toBe(
      `数据包“下发.tlpkg”有 150 MB，超过单个文件 ${MAX_PACKAGE_FILE_MB} MB 的上限，无法读取，未作任何改动。请让对方导出时选择分卷，每卷不超过 ${MAX_PACKAGE_FILE_MB} MB，收到后把全部分卷一起导入。`,
    );
    // Parts within the limit, together too much; a single 600 MB file is both.
    const parts = [1, 2, 3, 4].map((n) => ({ name: `全量.part${n}of4.tlpkg`, size: 90 * MB }));
    expect(packageSizeProblem(parts)).toContain(`所选数据包共 360 MB，超过一次可导入的 ${MAX_PACKAGE_TOTAL_MB} MB`);
    const whole = packageSizeProblem([{ name: '全量.tlpkg', size: 600 * MB }]);
    expect(whole).toContain('共 600 MB');
    expect(whole).toContain(`导出时选择分卷，每卷不超过 ${MAX_PACKAGE_FILE_MB} MB`);
    expect(whole).toContain('未作任何改动');
  });

  it('the CLI refuses a 600 MB package and a 150 MB one before reading them', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    // Commands other than init and restore refuse a database file that does not exist.
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    for (const command of ['import', 'verify']) {
      const huge = await cli('--db', db, command, sparse(dir, '全量.tlpkg', 600));
      expect(huge.code, command).toBe(1);
      expect(huge.err).toContain(`所选数据包共 600 MB，超过一次可导入的 ${MAX_PACKAGE_TOTAL_MB} MB，无法读取，未作任何改动`);
      expect(huge.err).not.toContain('无法读取文件');
      const large = await cli('--db', db, command, sparse(dir, '下发.tlpkg', 150));
      expect(large.code, command).toBe(1);
      expect(large.err).toContain(`数据包“下发.tlpkg”有 150 MB，超过单个文件 ${MAX_PACKAGE_FILE_MB} MB 的上限`);
    }
    // A missing file is still a path problem.
    const missing = await cli('--db', db, 'import', path.join(dir, '没有.tlpkg'));
    expect(missing.err).toContain('无法读取文件');
  });
});
