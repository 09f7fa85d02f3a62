import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import { fullShot, launchApp, SCREENSHOT_DIR, type App } from './harness';
import { callCore, importPlan, initOffice, reportInPattern, sample, setIndicatorValue, YUBEI_WORK_POINTS } from './seed';

/** A past quarter: lights are judged at its last day, whatever today is. */
const PERIOD = '2025-Q3';
/** 总览 and 中期评估 run long: full-page shots may grow taller than other pages'. */
const MAX_SHOT_HEIGHT = 6000;

/**
 * 总览 and 中期评估 in Chromium: the office imports the Yubei 2025 work points and the Yuzhong
 * 14th five-year plan, departments report 2025 Q3 in a fixed pattern, indicator values are set;
 * a bar click lands on the ledger filtered to the tasks the bar counted.
 */
describe('总览 in Chromium against the browser host', () => {
  let app: App;

  const call = <N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> => callCore(app, name, args);

  beforeAll(async () => {
    app = await launchApp();
    await initOffice(app);
    await importPlan(app, YUBEI_WORK_POINTS);
    await importPlan(app, sample('yuzhong-health-14th-five-year-plan.txt'), { kind: 'five-year-plan', yearFrom: 2021, yearTo: 2025, title: '渝中区卫生健康事业发展“十四五”规划' });
    const plans = await call('plans.list', {});
    const work = plans.find((p) => p.kind !== 'five-year-plan')!;
    const five = plans.find((p) => p.kind === 'five-year-plan')!;

    // Quarterly entries in a fixed pattern: done, on pace, a little behind, far behind, none.
    const detail = await call('plans.get', { id: work.id });
    const pattern = [
      { status: '已完成', percent: 100 },
      { status: '推进中', percent: 80 },
      { status: '推进中', percent: 68 },
      { status: '滞后', percent: 30 },
      null,
    ] as const;
    await reportInPattern(app, detail, PERIOD, pattern, (step, _index, task) => ({
      progressText: `三季度按计划推进第${task.number}项工作。`,
      problemsText: step.status === '滞后' ? '资金未到位，进度滞后。' : '',
      nextStepsText: '',
    }));

    // Indicator values: each indicator moves from its baseline toward its target at its own pace.
    for (const plan of [work, five]) {
      const indicators = await call('indicators.list', { planId: plan.id });
      for (const [index, indicator] of indicators.entries()) {
        const target = indicator.targetValue;
        if (target == null) continue;
        const base = indicator.baselineValue ?? target * (indicator.comparator.startsWith('<') ? 1.3 : 0.7);
        const pace = [1.05, 0.9, 0.6, 1][index % 4]!;
        const periods = plan.id === five.id ? ['2021', '2022', '2023', '2024'] : ['2025-Q1', '2025-Q2', '2025-Q3'];
        for (const [step, period] of periods.entries()) {
          // Five-year: one fifth of the way a year; quarterly: closing in on the year's target.
          const share = plan.id === five.id ? (step + 1) / 5 : 0.7 + 0.15 * step;
          const value = Math.round((base + (target - base) * share * pace) * 100) / 100;
          if (value < 0 || (indicator.unit === '%' && value > 100)) continue;
          await setIndicatorValue(app, indicator.id, period, value);
        }
      }
    }
    await app.page.reload();
    await app.page.getByRole('navigation', { name: '主导航' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the quarter’s cards as the core counts them, charts and the lagging list', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: '总览', level: 1 }).waitFor();
    await page.getByLabel('季度', { exact: true }).selectOption(PERIOD);
    const summary = await call('dashboard.summary', { period: PERIOD });
    expect(summary.cards.tasks).toBeGreaterThan(10);
    const cardValue = (label: string) => page.locator('.stat-card', { has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat-value');
    await expect.poll(() => cardValue('任务总数').innerText()).toBe(String(summary.cards.tasks));
    expect(await cardValue('已完成').innerText()).toBe(String(summary.cards.done));
    expect(await cardValue('滞后').innerText()).toBe(String(summary.cards.behind));
    expect(await cardValue('未填报').innerText()).toBe(String(summary.cards.notReported));
    await page.getByRole('heading', { name: '各科室任务灯色' }).waitFor();
    await page.getByRole('heading', { name: /滞后事项/ }).waitFor();
    await page.locator('.indicator-card').first().waitFor();
    // Chinese text in the charts is drawn with a CJK font (its glyphs are wider than Latin fallbacks).
    const tick = page.locator('.chart-card svg text', { hasText: summary.byDepartment[0]!.name }).first();
    expect((await tick.boundingBox())!.width).toBeGreaterThan(summary.byDepartment[0]!.name.length * 9);
    await fullShot(app, 'dashboard', { maxHeight: MAX_SHOT_HEIGHT });
    expect(app.consoleErrors.join('\n')).toBe('');
  });

  it('saves a chart as a PNG with its title', async () => {
    const { page } = app;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存图片：各科室任务灯色' }).click()]);
    expect(download.suggestedFilename()).toBe('各科室任务灯色.png');
    const file = path.join(SCREENSHOT_DIR, 'dashboard-chart.png');
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Twice the on-screen size: at least 2 × the chart's width.
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(800);
  });

  it('prints without navigation or buttons, the charts within an A4 page width', async () => {
    const { page } = app;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav[aria-label="主导航"]').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /^保存图片/ }).first().isVisible()).toBe(false);
    await page.setViewportSize({ width: 794, height: 1123 });
    const widest = await page.locator('.dashboard-page svg.recharts-surface').evaluateAll((svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(794);
    await fullShot(app, 'dashboard-print', { width: 794, maxHeight: MAX_SHOT_HEIGHT });
    await page.setViewportSize({ width: 794, height: 1123 });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'dashboard-print.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 800 });
  });

  it('a department bar segment opens 任务台账 with exactly the tasks it counted', async () => {
    const { page } = app;
    await page.getByLabel('季度', { exact: true }).selectOption(PERIOD);
    const summary = await call('dashboard.summary', { period: PERIOD });
    const department = summary.byDepartment.find((d) => d.red > 0)!;
    expect(department).toBeTruthy();
    await page.getByRole('button', { name: `${department.name} 红灯 ${department.red}项` }).click();
    await page.getByRole('heading', { name: /^任务台账/, level: 1 }).waitFor();
    const listed = await call('ledger.query', { period: PERIOD, departmentIds: [department.departmentId], lights: ['red'] });
    expect(listed.rows.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.ledger-count').innerText()).toContain(`筛选后 ${listed.rows.length} 项`);
    await app.screenshot('dashboard-to-ledger');
  });

  it('中期评估 draws the five-year plan’s indicators with their paths and flags', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '总览' }).click();
    await page.getByRole('tab', { name: '中期评估' }).click();
    const plans = await call('plans.list', {});
    const five = plans.find((p) => p.kind === 'five-year-plan')!;
    const midterm = await call('dashboard.midterm', { planId: five.id });
    expect(midterm.indicators.length).toBeGreaterThan(3);
    await expect.poll(() => page.locator('.midterm-charts .chart-card').count()).toBe(midterm.indicators.length);
    const flags = midterm.indicators.flatMap((i) => i.flags);
    if (flags.length > 0) await page.getByText(flags[0]!, { exact: false }).first().waitFor();
    await fullShot(app, 'midterm', { maxHeight: MAX_SHOT_HEIGHT });
    expect(app.consoleErrors.join('\n')).toBe('');
  });
});
