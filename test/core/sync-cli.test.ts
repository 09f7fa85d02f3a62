import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

describe('CLI 数据交换', () => {
  it('export, verify, import with --trust, the same package again, conflicts and a receipt', async () => {
    const dir = tempDir();
    const office = path.join(dir, 'office.sqlite');
    const dept = path.join(dir, 'dept.sqlite');
    expect((await cli('--db', office, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', office, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    const pkg = path.join(dir, '下发.tlpkg');
    const exported = await cli('--db', office, 'export', '--kind', 'assignment', '--department', '疾控科', '--period', '2025-Q2', '--out', pkg);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(fs.existsSync(pkg)).toBe(true);

    const verified = await cli('--db', office, '--json', 'verify', pkg);
    expect(verified.code).toBe(0);
    const info = JSON.parse(verified.out) as { fingerprint: string; kind: string; changes: number };
    expect(info.kind).toBe('assignment');
    expect(info.changes).toBeGreaterThan(50);

    expect((await cli('--db', dept, 'init', '--office', '渝北区卫生健康委', '--department', '疾控科')).code).toBe(0);
    const untrusted = await cli('--db', dept, 'import', pkg);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err).toContain('请电话与对方核对识别码');
    const dry = await cli('--db', dept, '--json', 'import', pkg, '--dry-run');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out) as { tables: { table: string; new: number }[]; nothingNew: boolean };
    expect(preview.tables.find((t) => t.table === 'tasks')!.new).toBeGreaterThan(3);
    const imported = await cli('--db', dept, '--json', 'import', pkg, '--trust', info.fingerprint);
    expect(imported.code).toBe(0);
    const result = JSON.parse(imported.out) as { receiptFile: string; changes: { new: number } };
    expect(result.changes.new).toBe(info.changes);
    expect(fs.existsSync(result.receiptFile)).toBe(true);
    const again = await cli('--db', dept, 'import', pkg, '--dry-run');
    expect(again.out).toContain('已导入，无新变化');
    expect((await cli('--db', dept, '--json', 'conflicts')).out).toBe('[]');

    // Split for mail: parts in any order import like the whole.
    const split = path.join(dir, '全量.tlpkg');
    const parts = await cli('--db', office, '--json', 'export', '--kind', 'full', '--split-mb', '1', '--out', split);
    expect(parts.code).toBe(0);
    const files = (JSON.parse(parts.out) as { files: string[] }).files;
    const whole = await cli('--db', dept, '--json', 'verify', ...[...files].reverse());
    expect(whole.code).toBe(0);

    // A damaged file is refused in Chinese.
    const bytes = fs.readFileSync(pkg);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    const broken = path.join(dir, '损坏.tlpkg');
    fs.writeFileSync(broken, bytes);
    const refused = await cli('--db', dept, 'import', broken);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/[\u4e00-\u9fa5]/);
  });
});
