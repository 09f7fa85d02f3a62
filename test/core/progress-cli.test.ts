import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { addIndicator, quarterFixture } from './progress-fixture';

function query<T>(db: string, sql: string, ...params: unknown[]): T {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(sql).get(...params) as T;
  } finally {
    handle.close();
  }
}

const changes = (db: string) => query<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM change_log').n;

/** The fixture's ledger on disk, with a second 2025 plan whose task 1 is also 疾控科's, and two indicators. */
async function ledger() {
  const db = path.join(tempDir(), 'ledger.sqlite');
  const f = await quarterFixture({ file: db });
  const second = await f.t.call('plans.create', { kind: 'implementation-plan', title: '2025年慢病专项行动方案', yearFrom: 2025, yearTo: 2025 });
  await f.t.call('tasks.create', { planId: second.id, number: '1', title: '建设慢病管理中心', leadDepartmentIds: [f.cdc.id] });
  addIndicator(f.t, { plan_id: f.plan.id, name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3, value_kind: 'proportion', department_id: f.mch.id });
  addIndicator(f.t, { plan_id: f.plan.id, name: '救护培训人次', unit: '人次', comparator: '>=', target_value: 30000, value_kind: 'count', accumulation: 'cumulative', sort_order: 2 });
  f.t.close();
  return { db, f, second };
}

describe('CLI quarterly entry', () => {
  it('progress set resolves the department by alias and the task by number, saves and submits', async () => {
    const { db, f, second } = await ledger();
    const ambiguous = await cli('--db', db, 'progress', 'set', '--task', '1', '--department', '疾病预防控制科', '--period', '2025-Q1', '--text', '已开展监测');
    expect(ambiguous).toMatchObject({ code: 1, out: '' });
    expect(ambiguous.err).toContain('任务序号“1”在多个计划中都有，请用 --plan 指定计划');
    expect(ambiguous.err).toContain(second.id);

    const before = changes(db);
    const saved = await cli('--db', db, 'progress', 'set', '--task', '1', '--plan', f.plan.id, '--department', '疾病预防控制科', '--period', '2025-Q1', '--status', '推进中', '--percent', '30', '--text', '已开展监测', '--submit');
    expect(saved.err).toBe('');
    expect(saved).toMatchObject({ code: 0, out: '已提交：1. 提升居民健康素养（疾控科 2025-Q1，推进中 30%）' });
    expect(changes(db)).toBeGreaterThan(before);

    // A second call changes only what it names; the rest of the entry stays.
    const more = await cli('--db', db, '--json', 'progress', 'set', '--task', '2', '--department', '疾控科', '--period', '2025-Q1', '--problems', '人员不足');
    expect(more.code).toBe(0);
    expect(JSON.parse(more.out)).toMatchObject({ taskId: f.chronic.id, status: '推进中', problemsText: '人员不足', workflowState: 'draft', updatedBy: '张三' });
    const again = await cli('--db', db, '--json', 'progress', 'set', '--task', f.literacy.id, '--department', '疾控科', '--period', '2025-Q1', '--next', '入户调查');
    expect(JSON.parse(again.out)).toMatchObject({ progressText: '已开展监测', percent: 30, nextStepsText: '入户调查', workflowState: 'draft' });
  });

  it('bad input exits 1 with a Chinese message and writes nothing', async () => {
    const { db, f } = await ledger();
    const before = changes(db);
    const attempts = [
      [['progress', 'set', '--task', '1', '--department', '宣传科', '--period', '2025-Q1'], '找不到科室“宣传科”'],
      [['progress', 'set', '--task', '1', '--department', '疾控科', '--period', '2025Q1'], '--period 格式应为 2025-Q1'],
      [['progress', 'set', '--task', '1', '--plan', f.plan.id, '--department', '疾控科', '--period', '2025-Q1', '--status', '进行中'], '--status 应为'],
      [['progress', 'set', '--task', '1', '--plan', f.plan.id, '--department', '疾控科', '--period', '2025-Q1', '--percent', '150'], '完成百分比不能超过100'],
      [['progress', 'set', '--task', '3', '--department', '疾控科', '--period', '2025-Q1'], '疾控科在2025-Q1没有序号为“3”的牵头任务'],
      [['progress', 'set', '--task', f.maternal.id, '--department', '疾控科', '--period', '2025-Q1'], '不由疾控科牵头'],
      [['progress', '--task', '1', '--department', '疾控科', '--period', '2025-Q1'], '请写明操作'],
      [['value', 'set', '--indicator', '婴儿死亡率', '--period', '2025-Q1', '--value', '1001'], '数值应在0到1000之间'],
      [['value', 'set', '--indicator', '救护培训人次', '--period', '2025-Q1', '--value', '12.5'], '应为整数'],
      [['value', 'set', '--indicator', '床位数', '--period', '2025-Q1', '--value', '5'], '找不到指标“床位数”'],
      [['value', 'set', '--indicator', '婴儿死亡率', '--period', '2025-Q1', '--value', '三'], '--value 必须是数字'],
      [['status'], '请用 --period 指定季度'],
    ] as const;
    for (const [argv, message] of attempts) {
      const result = await cli('--db', db, ...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.out, argv.join(' ')).toBe('');
      expect(result.err, argv.join(' ')).toContain(message);
    }
    expect(changes(db)).toBe(before);
  });

  it('value set and status --period print lights with their reasons; --json gives the contract result', async () => {
    const { db, f } = await ledger();
    const value = await cli('--db', db, 'value', 'set', '--indicator', '婴儿死亡率', '--period', '2025-Q1', '--value', '3.4', '--note', '快报数');
    expect(value).toMatchObject({ code: 0, out: '已填报：婴儿死亡率 2025-Q1 = 3.4‰（红灯：婴儿死亡率 3.4‰，高于目标3‰（越低越好））' });
    await cli('--db', db, 'value', 'set', '--indicator', '救护培训人次', '--period', '2024-Q4', '--value', '1000');
    const jump = await cli('--db', db, 'value', 'set', '--indicator', '救护培训人次', '--period', '2025-Q1', '--value', '8000');
    expect(jump.code).toBe(0);
    expect(jump.out).toContain('注意：本期数值8000与上期1000相差超过3倍');
    await cli('--db', db, 'progress', 'set', '--task', '3', '--department', '妇幼科', '--period', '2025-Q1', '--status', '已完成', '--percent', '100', '--submit');
    // Submitted, not yet approved: counted only with --include-submitted.
    const strict = JSON.parse((await cli('--db', db, 'status', '--period', '2025-Q1', '--json')).out) as { counts: { done: number; awaitingReview: number } };
    expect(strict.counts).toMatchObject({ done: 0, awaitingReview: 1 });

    const json = await cli('--db', db, 'status', '--period', '2025-Q1', '--include-submitted', '--json');
    expect(json.code).toBe(0);
    const status = JSON.parse(json.out) as { period: string; asOf: string; tasks: { taskId: string; light: { color: string; reason: string } }[]; indicators: { name: string; value: number | null; light: { color: string; reason: string } }[] };
    expect(status.period).toBe('2025-Q1');
    expect(status.indicators.find((i) => i.name === '婴儿死亡率')).toMatchObject({ value: 3.4, light: { color: 'red', reason: '婴儿死亡率 3.4‰，高于目标3‰（越低越好）' } });
    expect(status.tasks.find((t) => t.taskId === f.maternal.id)?.light).toEqual({ color: 'green', reason: '“保障母婴安全”已完成' });
    expect(status.tasks).toHaveLength(4);

    const text = await cli('--db', db, 'status', '--period', '2025-Q1', '--include-submitted');
    const lines = text.out.split('\n');
    expect(lines).toHaveLength(1 + status.tasks.length + status.indicators.length);
    expect(lines).toContain('红灯  指标 婴儿死亡率（3.4‰）：婴儿死亡率 3.4‰，高于目标3‰（越低越好）');
    expect(lines).toContain('绿灯  任务 3. 保障母婴安全（妇幼科）：已完成，“保障母婴安全”已完成');
    expect(lines[0]).toContain('已完成1项');

    const info = await cli('--db', db, 'info', '--json');
    expect(JSON.parse(info.out)).toMatchObject({ initialized: true, installation: { officeName: '渝北区卫生健康委' } });
  });
});
