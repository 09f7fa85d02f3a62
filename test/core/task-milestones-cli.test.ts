import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { createTestCore, tempDir } from '../helpers/core';

function stored(db: string): { milestones: string | null; changes: number } {
  const handle = new Database(db, { readonly: true });
  try {
    const row = handle.prepare("SELECT milestones FROM tasks WHERE number = '1' AND deleted = 0").get() as { milestones: string | null };
    const changes = (handle.prepare("SELECT COUNT(*) AS n FROM change_log WHERE tbl = 'tasks' AND col = 'milestones'").get() as { n: number }).n;
    return { milestones: row.milestones, changes };
  } finally {
    handle.close();
  }
}

describe('task edit --milestone (节点目标)', () => {
  it('sets, replaces and removes quarterly milestones with an optional percent, and refuses bad ones writing nothing', async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const t = await createTestCore({ file: db });
    const plan = await t.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    await t.call('tasks.create', { planId: plan.id, number: '1', title: '建设区域医疗中心' });
    t.close();

    const set = await cli('--db', db, 'task', 'edit', '--task', '1', '--milestone', '2025-Q2=完成方案@40', '--milestone', '2025-Q4=建成投用@100%', '--milestone', '2025-Q3=主体完工');
    expect(set.err).toBe('');
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toContain('节点目标：2025年第二季度 完成方案，应完成40%；2025年第三季度 主体完工；2025年第四季度 建成投用，应完成100%');
    expect(JSON.parse(stored(db).milestones!)).toEqual([
      { period: '2025-Q2', text: '完成方案', percent: 40 },
      { period: '2025-Q3', text: '主体完工', percent: null },
      { period: '2025-Q4', text: '建成投用', percent: 100 },
    ]);

    // Naming a quarter replaces it, an empty right side removes it; the other quarters stay.
    const changed = await cli('--db', db, '--json', 'task', 'edit', '--task', '1', '--milestone', '2025-Q2=印发方案@30', '--milestone', '2025-Q3=');
    expect(changed.code).toBe(0);
    expect((JSON.parse(changed.out) as { milestones: unknown }).milestones).toEqual([
      { period: '2025-Q2', text: '印发方案', percent: 30 },
      { period: '2025-Q4', text: '建成投用', percent: 100 },
    ]);

    const before = stored(db);
    const refusals = [
      [['--milestone', '2025Q2=完成方案'], '--milestone 格式应为 2025-Q2=<节点目标>[@<完成比例>]'],
      [['--milestone', '2025-Q2=完成方案@四成'], '--milestone 2025-Q2 的完成比例应为0到100之间的数字'],
      [['--milestone', '2025-Q2=甲', '--milestone', '2025-Q2=乙'], '季度 2025-Q2 写了不止一次'],
      [['--milestone', '2025-Q3=试运行@120'], '节点目标的完成比例应是0到100之间的数字'],
      [['--milestone', '2025-Q3=试运行@20'], '节点目标的完成比例不能低于之前季度的比例'],
      [['--milestone', '2026-Q1=验收'], '节点目标的季度2026-Q1不在任务的年份（2025年）之内'],
    ] as const;
    for (const [args, message] of refusals) {
      const result = await cli('--db', db, 'task', 'edit', '--task', '1', ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(message);
    }
    expect(stored(db)).toEqual(before);

    const cleared = await cli('--db', db, 'task', 'edit', '--task', '1', '--clear-milestones');
    expect(cleared).toMatchObject({ code: 0 });
    expect(cleared.out).toContain('节点目标：无');
    expect(stored(db)).toEqual({ milestones: null, changes: before.changes + 1 });

    // --clear-milestones with --milestone starts over from the quarters given.
    await cli('--db', db, 'task', 'edit', '--task', '1', '--milestone', '2025-Q1=摸底@10');
    const fresh = await cli('--db', db, 'task', 'edit', '--task', '1', '--clear-milestones', '--milestone', '2025-Q3=@50');
    expect(fresh.code).toBe(0);
    expect(JSON.parse(stored(db).milestones!)).toEqual([{ period: '2025-Q3', text: '', percent: 50 }]);
  });
});
