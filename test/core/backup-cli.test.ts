import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { flipHeader } from './backup-fixture';

const planTitles = async (db: string) => (JSON.parse((await cli('--db', db, '--json', 'plans')).out) as { title: string }[]).map((p) => p.title).sort();

describe('CLI 备份与恢复', () => {
  it('backup, backup --list, backup --out, restore by id and from a .tlbak file; a bad file is refused', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    const before = await planTitles(db);
    expect(before).toHaveLength(1);

    const made = await cli('--db', db, 'backup');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^已备份：\d{8}-\d{6}-\d{3}-manual .*手动备份.*计划 1 个/);

    const usb = tempDir('tl-usb-');
    const saved = await cli('--db', db, '--json', 'backup', '--out', usb);
    expect(saved.code).toBe(0);
    const exported = (JSON.parse(saved.out) as { exported: { file: string } }).exported.file;
    expect(path.dirname(exported)).toBe(usb);
    expect(exported.endsWith('.tlbak')).toBe(true);

    const listed = await cli('--db', db, 'backup', '--list');
    expect(listed.code).toBe(0);
    // Two manual backups and the one taken before the plan import.
    expect(listed.out).toContain('导入计划前');
    expect(listed.out.match(/-manual {2}.*手动备份/g)).toHaveLength(2);
    expect(listed.out).toContain('自动备份保留最近 10 份');
    const list = JSON.parse((await cli('--db', db, '--json', 'backup', '--list')).out) as { backups: { id: string; reason: string }[] };
    const importBackup = list.backups.find((b) => b.reason === 'import')!;

    // Back to before the plan import, by id.
    const undone = await cli('--db', db, 'restore', importBackup.id);
    expect(undone.err).toContain('正在核对备份');
    expect(undone.code).toBe(0);
    expect(undone.out).toContain('已恢复到');
    expect(undone.out).toMatch(/新识别码：\d{4} \d{4} \d{4} \d{4}/);
    expect(await planTitles(db)).toEqual([]);

    // And forward again, from the file on the USB stick.
    const fromFile = await cli('--db', db, 'restore', exported);
    expect(fromFile.code).toBe(0);
    expect(await planTitles(db)).toEqual(before);

    const junk = path.join(dir, 'junk.tlbak');
    fs.writeFileSync(junk, '不是备份');
    const refused = await cli('--db', db, 'restore', junk);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('不是目标台账的备份文件');
    expect(await planTitles(db)).toEqual(before);
    expect((await cli('--db', db, 'restore')).code).toBe(1);
  });

  it('lists and restores backups of a database too damaged to open, and nothing else runs on it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    expect((await cli('--db', db, 'backup')).code).toBe(0);
    flipHeader(db);
    const refused = await cli('--db', db, 'plans');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('损坏');
    const list = JSON.parse((await cli('--db', db, '--json', 'backup', '--list')).out) as { backups: { id: string; reason: string }[] };
    const manual = list.backups.find((b) => b.reason === 'manual')!;
    const restored = await cli('--db', db, 'restore', manual.id);
    expect(restored.err).not.toContain('错误');
    expect(restored.code).toBe(0);
    expect(await planTitles(db)).toHaveLength(1);
  });
});
