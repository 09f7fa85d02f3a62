import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { fields, quarterFixture } from './progress-fixture';

function query<T>(db: string, sql: string, ...params: unknown[]): T {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(sql).get(...params) as T;
  } finally {
    handle.close();
  }
}

const changes = (db: string) => query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM change_log').n;
const stateOf = (db: string, taskId: string, departmentId: string) =>
  query<{ workflow_state: string; review_comment: string | null } | undefined>(db, "SELECT workflow_state, review_comment FROM progress_reports WHERE task_id = ? AND department_id = ? AND period = '2025-Q1'", taskId, departmentId);

/**
 * The office's ledger on disk, this PC reviewing: 疾控科 submitted task 1 and saved task 2 as a
 * draft; 妇幼科 wrote nothing; a second plan also has a task 1 led by 疾控科, submitted.
 */
async function ledger() {
  const db = path.join(tempDir(), 'ledger.sqlite');
  const f = await quarterFixture({ file: db });
  await f.t.call('settings.update', { role: 'reviewer' });
  const second = await f.t.call('plans.create', { kind: 'implementation-plan', title: '2025年慢病专项行动方案', yearFrom: 2025, yearTo: 2025 });
  const centre = await f.t.call('tasks.create', { planId: second.id, number: '1', title: '建设慢病管理中心', leadDepartmentIds: [f.cdc.id] });
  const key = { departmentId: f.cdc.id, period: '2025-Q1' };
  await f.t.call('progress.save', { ...key, taskId: f.literacy.id, fields: fields(), submit: true });
  await f.t.call('progress.save', { ...key, taskId: f.chronic.id, fields: fields(), submit: false });
  await f.t.call('progress.save', { ...key, taskId: centre.id, fields: fields({ progressText: '已选址' }), submit: true });
  f.t.close();
  return { db, f, second, centre };
}

describe('CLI review', () => {
  it('approves a submitted entry found by task number (and --plan) and department alias', async () => {
    const { db, f, second, centre } = await ledger();
    const ambiguous = await cli('--db', db, 'review', '--task', '1', '--department', '疾控科', '--period', '2025-Q1', '--approve');
    expect(ambiguous).toMatchObject({ code: 1, out: '' });
    expect(ambiguous.err).toContain('任务序号“1”在多个计划中都有，请用 --plan 指定计划');

    const before = changes(db);
    const approved = await cli('--db', db, 'review', '--task', '1', '--plan', f.plan.id, '--department', '疾病预防控制科', '--period', '2025-Q1', '--approve');
    expect(approved.err).toBe('');
    expect(approved).toMatchObject({ code: 0, out: '已审核：1. 提升居民健康素养（疾控科 2025-Q1）' });
    expect(stateOf(db, f.literacy.id, f.cdc.id)).toEqual({ workflow_state: 'approved', review_comment: null });
    expect(changes(db)).toBeGreaterThan(before);

    // --plan also takes the plan's title, as printed by `plans`; --json gives the contract's entry.
    const json = await cli('--db', db, '--json', 'review', '--task', '1', '--plan', second.title, '--department', '疾控科', '--period', '2025-Q1', '--approve', '--comment', '按期推进');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ taskId: centre.id, departmentId: f.cdc.id, workflowState: 'approved', reviewComment: '按期推进' });

    const twice = await cli('--db', db, 'review', '--task', '1', '--plan', f.plan.id, '--department', '疾控科', '--period', '2025-Q1', '--approve');
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('已审核通过，无需重复审核');
  });

  it('returns a submitted entry with the comment the department will see', async () => {
    const { db, f, centre } = await ledger();
    const returned = await cli('--db', db, 'review', '--task', centre.id, '--department', '疾控科', '--period', '2025-Q1', '--return', '--comment', '请补充选址依据');
    expect(returned.err).toBe('');
    expect(returned).toMatchObject({ code: 0, out: '已退回：1. 建设慢病管理中心（疾控科 2025-Q1），意见：请补充选址依据' });
    expect(stateOf(db, centre.id, f.cdc.id)).toEqual({ workflow_state: 'returned', review_comment: '请补充选址依据' });
  });

  it('refuses in Chinese, writing nothing: not submitted, unknown task, missing decision or comment', async () => {
    const { db, f } = await ledger();
    const before = changes(db);
    const base = ['--department', '疾控科', '--period', '2025-Q1'];
    const attempts = [
      [['review', '--task', '2', ...base, '--approve'], '疾控科 2025-Q1的任务“2. 推进慢病防控”的进展还是草稿，尚未提交，无法审核'],
      [['review', '--task', '3', '--department', '妇幼科', '--period', '2025-Q1', '--approve'], '妇幼科 2025-Q1的任务“3. 保障母婴安全”还没有填报进展，尚未提交，无法审核'],
      [['review', '--task', '9', ...base, '--approve'], '疾控科在2025-Q1没有序号为“9”的牵头任务'],
      [['review', '--task', f.maternal.id, ...base, '--approve'], '找不到编号为'],
      [['review', '--task', '1', '--plan', f.plan.id, ...base], '请用 --approve（通过）或 --return（退回）写明审核结果'],
      [['review', '--task', '1', '--plan', f.plan.id, ...base, '--approve', '--return', '--comment', 'x'], '--approve 和 --return 只能选一个'],
      [['review', '--task', '1', '--plan', f.plan.id, ...base, '--return'], '退回时请用 --comment 写明原因'],
      [['review', '--task', '1', '--plan', f.plan.id, ...base, '--return', '--comment', '  '], '退回时请用 --comment 写明原因'],
      [['review', '--task', '1', '--plan', f.plan.id, '--department', '宣传科', '--period', '2025-Q1', '--approve'], '找不到科室“宣传科”'],
      [['review', '--task', '1', '--plan', f.plan.id, '--department', '疾控科', '--period', '2025Q1', '--approve'], '--period 格式应为 2025-Q1'],
    ] as const;
    for (const [argv, message] of attempts) {
      const result = await cli('--db', db, ...argv);
      expect(result.code, `${argv.join(' ')}: ${result.err}`).toBe(1);
      expect(result.out, argv.join(' ')).toBe('');
      expect(result.err, argv.join(' ')).toContain(message);
    }
    expect(changes(db)).toBe(before);
    expect(stateOf(db, f.literacy.id, f.cdc.id)?.workflow_state).toBe('submitted');
  });

  it('is listed in --help', async () => {
    const help = await cli('--help');
    expect(help.out).toContain('review --task <序号或编号> [--plan <计划编号或标题>] --department <科室> --period 2025-Q1 (--approve');
  });
});
