import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { createTestCore, tempDir } from '../helpers/core';

const PLAN = path.resolve('test', 'fixtures', 'documents', 'lanhu-2026-work-points.txt');

function query<T>(db: string, sql: string, ...params: unknown[]): T[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(sql).all(...params) as T[];
  } finally {
    handle.close();
  }
}

const changes = (db: string) => query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM change_log')[0]!.n;

/** A ledger with the 澜湖 plan imported by the CLI, and a second plan that also has a task 1. */
async function ledger() {
  const db = path.join(tempDir(), 'ledger.sqlite');
  const t = await createTestCore({ file: db });
  const second = await t.call('plans.create', { kind: 'implementation-plan', title: '2026年慢病专项行动方案', yearFrom: 2026, yearTo: 2026 });
  await t.call('tasks.create', { planId: second.id, number: '1', title: '建设慢病管理中心' });
  t.close();
  const imported = await cli('--db', db, '--json', 'import-plan', PLAN);
  expect(imported.code).toBe(0);
  return { db, planId: (JSON.parse(imported.out) as { planId: string }).planId };
}

describe('CLI corrections after an import', () => {
  it('task edit renames, sets leads and the deadline of task n; a re-import of the document keeps them', async () => {
    const { db, planId } = await ledger();
    const ambiguous = await cli('--db', db, 'task', 'edit', '--task', '1', '--title', '抓好重点传染病防控');
    expect(ambiguous).toMatchObject({ code: 1, out: '' });
    expect(ambiguous.err).toContain('任务序号“1”在多个计划中都有，请用 --plan 指定计划');

    const before = changes(db);
    const refusals = [
      [['task', 'edit', '--task', '1', '--plan', planId], '请至少写明一项要修改的内容'],
      [['task', 'edit', '--task', '9', '--plan', planId, '--title', '某任务'], '找不到序号为“9”的任务'],
      [['task', 'edit', '--task', '1', '--plan', '不存在的计划', '--title', '某任务'], '找不到计划“不存在的计划”'],
      [['task', 'edit', '--task', '1', '--plan', planId, '--leads', '疾控科、宣传科'], '找不到科室“宣传科”'],
      [['task', '--task', '1', '--plan', planId, '--title', '某任务'], '请写明操作，例如 task edit'],
    ] as const;
    for (const [args, message] of refusals) {
      const result = await cli('--db', db, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(message);
    }
    expect(changes(db)).toBe(before);

    const edited = await cli('--db', db, 'task', 'edit', '--task', '1', '--plan', '澜湖区2026年卫生健康工作要点', '--title', '抓好重点传染病防控', '--leads', '疾控科,医政科', '--deadline', '2026年9月底前');
    expect(edited.err).toBe('');
    expect(edited).toMatchObject({ code: 0, out: '已修改任务：1. 抓好重点传染病防控（牵头：疾控科、医政科；时限：2026年9月底前）\n计划：澜湖区2026年卫生健康工作要点' });
    const row = () => query<{ title: string; deadline: string; due_date: string; leads: string }>(db, "SELECT title, deadline, due_date, lead_department_ids AS leads FROM tasks WHERE plan_id = ? AND number = '1' AND deleted = 0", planId)[0]!;
    expect(row()).toMatchObject({ title: '抓好重点传染病防控', deadline: '2026年9月底前', due_date: '2026-09-30' });
    expect(JSON.parse(row().leads)).toHaveLength(2);
    expect(query<{ col: string; actor: string }>(db, "SELECT col, actor FROM change_log WHERE tbl = 'tasks' AND actor = '张三' AND col IN ('title', 'deadline') ORDER BY hlc DESC LIMIT 2").map((c) => c.col).sort()).toEqual(['deadline', 'title']);

    // The same document again: updated, the corrections kept.
    const again = await cli('--db', db, 'import-plan', PLAN);
    expect(again.code).toBe(0);
    expect(again.out).toContain('已更新计划');
    expect(row()).toMatchObject({ title: '抓好重点传染病防控', deadline: '2026年9月底前' });
    expect(JSON.parse(row().leads)).toHaveLength(2);
  });

  it('indicator edit sets a range, the baseline and its year, with comparator words; refusals write nothing', async () => {
    const { db } = await ledger();
    const before = changes(db);
    const refusals = [
      [['indicator', 'edit', '--indicator', '传染病报告及时率'], '请至少写明一项要修改的内容'],
      [['indicator', 'edit', '--indicator', '门诊量', '--value', '3'], '找不到指标“门诊量”'],
      [['indicator', 'edit', '--indicator', '传染病报告及时率', '--comparator', '差不多', '--value', '3'], '--comparator 应为'],
      [['indicator', 'edit', '--indicator', '传染病报告及时率', '--value', '九十八'], '--value 必须是数字'],
      [['indicator', 'edit', '--indicator', '传染病报告及时率', '--comparator', '不低于', '--value', '96-99'], '--comparator 应为 between'],
      [['indicator', 'edit', '--indicator', '传染病报告及时率', '--value', '120'], '数值应在0到100之间'],
      [['indicator', 'edit', '--indicator', '传染病报告及时率', '--baseline-year', '2025'], '填写了基数年份，请同时填写基数'],
    ] as const;
    for (const [args, message] of refusals) {
      const result = await cli('--db', db, ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(message);
    }
    expect(changes(db)).toBe(before);

    const range = await cli('--db', db, 'indicator', 'edit', '--indicator', '传染病报告及时率', '--value', '96-99', '--baseline', '93.2', '--baseline-year', '2025');
    expect(range.err).toBe('');
    expect(range).toMatchObject({ code: 0, out: '已修改指标：传染病报告及时率（目标 96—99%，基数 93.2%（2025年））' });
    const words = await cli('--db', db, '--json', 'indicator', 'edit', '--indicator', '居民健康素养水平', '--name', '全区居民健康素养水平', '--comparator', '不低于', '--value', '36', '--unit', '%', '--target-year', '2026');
    expect(words.code).toBe(0);
    expect(JSON.parse(words.out)).toMatchObject({ name: '全区居民健康素养水平', comparator: '>=', targetValue: 36, targetValueMax: null, targetYear: 2026 });
    const rows = () => query<{ name: string; comparator: string; target_value: number; target_value_max: number | null; baseline_value: number | null; baseline_year: number | null }>(db, 'SELECT name, comparator, target_value, target_value_max, baseline_value, baseline_year FROM indicators WHERE deleted = 0 ORDER BY sort_order');
    const expected = [
      { name: '传染病报告及时率', comparator: 'between', target_value: 96, target_value_max: 99, baseline_value: 93.2, baseline_year: 2025 },
      { name: '全区居民健康素养水平', comparator: '>=', target_value: 36, target_value_max: null, baseline_value: null, baseline_year: null },
    ];
    expect(rows()).toEqual(expected);

    // The same document again: the clerk's corrections stay.
    expect((await cli('--db', db, 'import-plan', PLAN)).code).toBe(0);
    expect(rows()).toEqual(expected);
  });
});
