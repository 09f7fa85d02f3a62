import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

describe('CLI', () => {
  it('init then dump --json', async () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    const init = await cli('--db', db, 'init', '--office', '渝北区卫生健康委', '--department', '疾控科');
    expect(init.code).toBe(0);
    expect(init.out).toContain('已初始化：渝北区卫生健康委 · 疾控科');
    expect(init.out).toMatch(/本机识别码：\d{4} \d{4} \d{4} \d{4}/);
    const dump = await cli('--db', db, 'dump', '--json');
    expect(dump.code).toBe(0);
    const parsed = JSON.parse(dump.out) as { tables: { offices: { name: string }[]; departments: { name: string }[] } };
    expect(parsed.tables.offices.map((o) => o.name)).toEqual(['渝北区卫生健康委']);
    expect(parsed.tables.departments.map((d) => d.name)).toEqual(['疾控科']);
    const again = await cli('--db', db, 'dump', '--json');
    expect(again.out).toBe(dump.out);
  });

  it('bad input exits 1 with a Chinese message on stderr and writes nothing', async () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    const missing = await cli('--db', db, 'init');
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toContain('请用 --office 指定单位名称');
    const unknownOption = await cli('--db', db, 'init', '--office', 'x', '--colour', 'red');
    expect(unknownOption.code).toBe(1);
    expect(unknownOption.err).toContain('不认识的选项 --colour');
    const unknownCommand = await cli('--db', db, 'frobnicate');
    expect(unknownCommand.code).toBe(1);
    expect(unknownCommand.err).toContain('未知命令');
    // No database file yet: only init creates one (the refused init above did not leave one behind).
    const noFile = await cli('--db', db, 'plans');
    expect(noFile.code).toBe(1);
    expect(noFile.err).toContain('不存在');
    expect(fs.existsSync(db)).toBe(false);
    // An existing database not yet set up (an empty file opens as one).
    fs.writeFileSync(db, '');
    const beforeInit = await cli('--db', db, 'plans');
    expect(beforeInit.code).toBe(1);
    expect(beforeInit.err).toContain('尚未完成初始化');
    const status = await cli('--db', db, 'info', '--json');
    expect(JSON.parse(status.out)).toMatchObject({ initialized: false });
    const twice = await cli('--db', db, 'init', '--office', '甲');
    expect(twice.code).toBe(0);
    const third = await cli('--db', db, 'init', '--office', '乙');
    expect(third).toMatchObject({ code: 1 });
    expect(third.err).toContain('本机已完成初始化');
    const badNumber = await cli('--db', db, 'generate', '--offices', 'many');
    expect(badNumber.code).toBe(1);
    expect(badNumber.err).toContain('--offices 必须是整数');
  });

  it('generate reports progress on stderr and counts on stdout', async () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    await cli('--db', db, 'init', '--office', '市卫生健康委');
    const result = await cli('--db', db, 'generate', '--offices', '2', '--years', '1', '--tasks', '10');
    expect(result.code).toBe(0);
    expect(result.out).toContain('已生成：2个单位，2个计划，20项任务');
    expect(result.err).toContain('正在生成');
  });

  it('runs as `npm run -s cli` from the package scripts, with exit codes', () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    const ok = execFileSync('npm', ['run', '-s', 'cli', '--', '--db', db, 'init', '--office', '渝中区卫生健康委', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(ok)).toMatchObject({ initialized: true, installation: { officeName: '渝中区卫生健康委' } });
    const bad = spawnSync('npm', ['run', '-s', 'cli', '--', '--db', db, 'init', '--office', '再来一次'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('本机已完成初始化');
  });
});
