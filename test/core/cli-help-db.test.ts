import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

/* Review of issue 14: `help` was an unknown command, and any command on a mistyped --db created an empty database there. */
describe('CLI help and a missing database', () => {
  it('`help` lists every command, `help <命令>` and `<命令> --help` describe one, without touching a database', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const all = await cli('--db', db, 'help');
    expect([all.code, all.err]).toEqual([0, '']);
    for (const name of ['init', 'export', 'report', 'backup', 'restore']) expect(all.out).toContain(`  ${name}`);
    const one = await cli('help', 'export');
    expect([one.code, one.err]).toEqual([0, '']);
    expect(one.out).toContain('export --kind assignment|return|full|receipt|sheet');
    expect(one.out).toContain('导出数据包');
    expect(one.out).not.toContain('import-plan');
    expect((await cli('--db', db, 'report', '--help')).out).toContain('report --template <接收单位>');
    const unknown = await cli('help', 'frobnicate');
    expect([unknown.code, unknown.out]).toEqual([1, '']);
    expect(unknown.err).toContain('未知命令“frobnicate”');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('only init and restore create the database file; every other command names the missing file and leaves nothing behind', async () => {
    const dir = tempDir();
    const db = path.join(dir, '办公室.sqlite');
    for (const argv of [['info'], ['--json', 'info'], ['status'], ['plans'], ['dump', '--json'], ['backup', '--list'], ['export', '--kind', 'full', '--out', path.join(dir, 'a.tlpkg')]]) {
      const run = await cli('--db', db, ...argv);
      expect(run.code).toBe(1);
      expect(run.out).toBe('');
      expect(run.err).toContain(`数据库文件“${db}”不存在，未作任何改动`);
      expect(run.err).toContain('init --office');
      expect(fs.readdirSync(dir)).toEqual([]);
    }
    // A refused init on a new file leaves no empty database either; a good one creates it.
    expect((await cli('--db', db, 'init')).code).toBe(1);
    expect(fs.existsSync(db)).toBe(false);
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    const info = await cli('--db', db, 'info');
    expect([info.code, info.out.includes('单位：渝北区卫生健康委')]).toEqual([0, true]);
    // Restoring a backup onto a new PC creates its database too.
    const usb = tempDir('tl-usb-');
    expect((await cli('--db', db, 'backup', '--out', path.join(usb, '备份.tlbak'))).code).toBe(0);
    const fresh = path.join(tempDir(), 'ledger.sqlite');
    expect((await cli('--db', fresh, 'restore', path.join(usb, '备份.tlbak'))).code).toBe(0);
    expect((await cli('--db', fresh, 'info')).out).toContain('单位：渝北区卫生健康委');
  }, 60_000);
});
