import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DepartmentRecordInfo } from '../../shared/api/departments';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

/** `departments` and `department add|alias|rename|merge`, by name or alias, on a database on disk. */
describe('CLI departments', () => {
  it('adds, aliases, renames and merges departments, and lists them with their merged state', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    const run = (...args: string[]) => cli('--db', db, ...args);
    expect((await run('init', '--office', '渝北区卫生健康委', '--code', '500112')).code).toBe(0);
    expect(JSON.parse((await run('--json', 'info')).out)).toMatchObject({ installation: { officeCode: '500112', departmentId: null } });

    expect(await run('department', 'add', '--name', '疾病预防控制科')).toMatchObject({ code: 0, out: '已新增科室：疾病预防控制科' });
    expect((await run('department', 'add', '--name', '疾控中心科')).code).toBe(0);
    expect((await run('department', 'add', '--name', '妇幼科')).code).toBe(0);
    expect(await run('department', 'alias', '--department', '疾病预防控制科', '--alias', '疾控科')).toMatchObject({ code: 0, out: '已添加别名：疾病预防控制科（别名：疾控科）' });
    // --department takes an alias as well.
    expect(await run('department', 'rename', '--department', '疾控科', '--name', '疾病预防控制处')).toMatchObject({
      code: 0,
      out: '已改名：疾病预防控制处（别名：疾控科、疾病预防控制科）（原名称保留为别名，编号不变）',
    });
    const merged = await run('department', 'merge', '--from', '疾控中心科', '--into', '疾病预防控制科');
    expect(merged.err).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('已将“疾控中心科”合并到“疾病预防控制处”');

    const listed = JSON.parse((await run('--json', 'departments')).out) as DepartmentRecordInfo[];
    expect(listed.map((d) => [d.name, d.aliases, d.mergedInto?.name ?? null])).toEqual([
      ['疾病预防控制处', ['疾控科', '疾病预防控制科', '疾控中心科'], null],
      ['妇幼科', [], null],
      ['疾控中心科', [], '疾病预防控制处'],
    ]);
    expect(listed.every((d) => d.fromOffice && !d.bound && /^[0-9a-f-]{36}$/.test(d.id))).toBe(true);
    const text = await run('departments');
    expect(text.out.split('\n')).toEqual([
      `${listed[0]!.id}  疾病预防控制处  别名：疾控科、疾病预防控制科、疾控中心科`,
      `${listed[1]!.id}  妇幼科`,
      `${listed[2]!.id}  疾控中心科  已合并到“疾病预防控制处”`,
    ]);
  });

  it('says what is wrong, in Chinese, and writes nothing', async () => {
    const db = path.join(tempDir(), 'office.sqlite');
    const run = (...args: string[]) => cli('--db', db, ...args);
    await run('init', '--office', '渝北区卫生健康委');
    await run('department', 'add', '--name', '疾病预防控制科');
    await run('department', 'add', '--name', '妇幼科');
    const before = (await run('--json', 'departments')).out;
    const cases: [string[], string][] = [
      [['department', 'rename', '--department', '疾控处', '--name', '疾控科'], '找不到科室“疾控处”，可用：疾病预防控制科、妇幼科'],
      [['department', 'merge', '--from', '妇幼科'], '请用 --into 指定科室名称或别名'],
      [['department', 'merge', '--from', '妇幼科', '--into', '妇幼科'], '不能把科室合并到它自己'],
      [['department', 'alias', '--department', '妇幼科', '--alias', '疾病预防控制科'], '已存在名为“疾病预防控制科”的科室'],
      [['department', 'add', '--name', '妇幼科'], '已存在名为“妇幼科”的科室'],
      [['department', 'split', '--name', '妇幼科'], '不认识的操作“split”'],
      [['department'], '请指定操作：add、alias、rename 或 merge'],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(message);
    }
    expect((await run('--json', 'departments')).out).toBe(before);
    // After a merge the old name is the target's alias, so it names the target.
    await run('department', 'merge', '--from', '妇幼科', '--into', '疾病预防控制科');
    expect(await run('department', 'alias', '--department', '妇幼科', '--alias', '妇幼')).toMatchObject({ code: 0, out: '已添加别名：疾病预防控制科（别名：妇幼科、妇幼）' });
  });

  it('init without --department sets up the office PC, which reviews; with it, a department PC', async () => {
    const dir = tempDir();
    const office = path.join(dir, 'office.sqlite');
    const dept = path.join(dir, 'dept.sqlite');
    await cli('--db', office, 'init', '--office', '渝北区卫生健康委');
    await cli('--db', dept, 'init', '--office', '渝北区卫生健康委', '--department', '疾控科');
    const office2 = JSON.parse((await cli('--db', office, '--json', 'departments')).out) as unknown[];
    expect(office2).toEqual([]);
    const own = JSON.parse((await cli('--db', dept, '--json', 'departments')).out) as DepartmentRecordInfo[];
    expect(own).toEqual([expect.objectContaining({ name: '疾控科', bound: true, fromOffice: false })]);
    expect((await cli('--db', dept, 'departments')).out).toContain('疾控科  本机所属科室  本机新建，未发给办公室');
  });
});
