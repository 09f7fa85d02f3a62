import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import type { EntryFields } from '../../shared/api/progress';
import type { Task } from '../../shared/api/plans';
import { launchApp, type App } from './harness';
import { callCore, officeWithWorkPoints } from './seed';

/** A past quarter: the reporting deadline (10 days after its end) has passed. */
const PERIOD = '2025-Q2';

const fields = (over: Partial<EntryFields>): EntryFields => ({ status: '推进中', percent: 50, progressText: '', problemsText: '', nextStepsText: '', ...over });

/**
 * 总览 and 任务台账 while a quarter is partly reported, as an office sees it mid-cycle: of the
 * Yubei work points' shared tasks one lead reported (approved) and the other did not, one shared
 * task has a submitted entry waiting for review, one entry was returned; the rest did not report.
 */
describe('partial reporting in 总览 and 任务台账, in Chromium', () => {
  let app: App;
  let shared: Task[];
  const call = <N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> => callCore(app, name, args);
  const approve = async (task: Task, departmentId: string, over: Partial<EntryFields>) => {
    const saved = await call('progress.save', { period: PERIOD, taskId: task.id, departmentId, fields: fields(over), submit: true });
    await call('progress.review', { id: saved.id, decision: 'approve', comment: '' });
  };

  beforeAll(async () => {
    app = await launchApp();
    const plan = await officeWithWorkPoints(app);
    await call('settings.update', { role: 'reviewer' });
    shared = plan.tasks.filter((t) => t.leadDepartmentIds.length > 1);
    const single = plan.tasks.filter((t) => t.leadDepartmentIds.length === 1);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    // Shared tasks: the first lead reported and was approved, the second did not report.
    await approve(shared[0]!, shared[0]!.leadDepartmentIds[0]!, { percent: 60, progressText: '完成年度目标的六成，形成工作方案。' });
    await approve(shared[1]!, shared[1]!.leadDepartmentIds[0]!, { status: '滞后', percent: 20, progressText: '启动调研。', problemsText: '经费尚未到位。' });
    // The second lead's entry waits for the office.
    await approve(shared[2]!, shared[2]!.leadDepartmentIds[0]!, { status: '已完成', percent: 100, progressText: '已全面完成。' });
    await call('progress.save', { period: PERIOD, taskId: shared[2]!.id, departmentId: shared[2]!.leadDepartmentIds[1]!, fields: fields({ percent: 55, progressText: '按计划推进。' }), submit: true });
    // Single-lead tasks: done, on pace, returned.
    await approve(single[0]!, single[0]!.leadDepartmentIds[0]!, { status: '已完成', percent: 100, progressText: '已完成。' });
    await approve(single[1]!, single[1]!.leadDepartmentIds[0]!, { percent: 55, progressText: '按序时推进。' });
    const back = await call('progress.save', { period: PERIOD, taskId: single[2]!.id, departmentId: single[2]!.leadDepartmentIds[0]!, fields: fields({ progressText: '无。' }), submit: true });
    await call('progress.review', { id: back.id, decision: 'return', comment: '请写明具体进展' });
    await app.page.reload();
    await app.page.getByRole('navigation', { name: '主导航' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  const cardValue = (label: string) =>
    app.page.locator('.stat-card, .stat-mark', { has: app.page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat-value').innerText();

  it('总览 counts states on approved entries and marks the partly reported, the late, the waiting and the returned', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: '总览', level: 1 }).waitFor();
    await page.getByLabel('季度', { exact: true }).selectOption(PERIOD);
    const summary = await call('dashboard.summary', { period: PERIOD });
    const cards = summary.cards;
    expect(cards.done + cards.onPace + cards.behind + cards.notReported).toBe(cards.tasks);
    // The three shared tasks: the waiting entry does not count yet, so its task is partly reported too.
    expect(cards.partial).toBe(3);
    expect(cards.awaitingReview).toBe(1);
    expect(cards.returned).toBe(1);
    await expect.poll(() => cardValue('任务总数')).toBe(String(cards.tasks));
    for (const [label, value] of [
      ['已完成', cards.done],
      ['按序时推进', cards.onPace],
      ['滞后', cards.behind],
      ['未填报', cards.notReported],
      ['部分科室未报', cards.partial],
      ['逾期未报', cards.late],
      ['待审核', cards.awaitingReview],
      ['已退回', cards.returned],
    ] as const) {
      expect(await cardValue(label), label).toBe(String(value));
    }
    await app.screenshot('partial-dashboard');

    // 含待审核: the waiting entry counts; the same switch holds on 任务台账.
    await page.getByRole('checkbox', { name: '含待审核' }).check();
    const withSubmitted = await call('dashboard.summary', { period: PERIOD, includeSubmitted: true });
    expect(withSubmitted.cards.partial).toBe(2);
    await expect.poll(() => cardValue('部分科室未报')).toBe('2');
    await app.screenshot('partial-dashboard-with-submitted');
    await page.getByRole('checkbox', { name: '含待审核' }).uncheck();
    await expect.poll(() => cardValue('部分科室未报')).toBe('3');
    expect(app.consoleErrors.join('\n')).toBe('');
  });

  it('部分科室未报 opens 任务台账 with those tasks, each lead’s part in the 本季度情况 cell', async () => {
    const { page } = app;
    await page.locator('.stat-mark', { hasText: '部分科室未报' }).click();
    await page.getByRole('heading', { name: /^任务台账/, level: 1 }).waitFor();
    const rows = page.getByRole('table', { name: '任务台账' }).locator('.ledger-row');
    await expect.poll(() => rows.count()).toBe(3);
    const departments = new Map((await call('departments.list', {})).map((d) => [d.id, d.name]));
    const first = rows.filter({ has: page.locator(`.ledger-title[title="${shared[0]!.title}"]`) });
    const parts = await first.locator('.ledger-leads').innerText();
    expect(parts).toContain(`${departments.get(shared[0]!.leadDepartmentIds[0]!)}：按序时推进`);
    expect(parts).toContain(`${departments.get(shared[0]!.leadDepartmentIds[1]!)}：逾期未报`);
    await expect(first.locator('.ledger-badge-partial').innerText()).resolves.toBe('部分科室未报');
    await app.screenshot('partial-ledger');

    // Without the chip: the whole quarter, unreported rows grey.
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    await app.screenshot('partial-ledger-all');
    expect(app.consoleErrors.join('\n')).toBe('');
  });
});
