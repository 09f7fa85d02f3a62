import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import type { LedgerFilterInput } from '../../shared/api/ledger';
import type { ReportKind } from '../../shared/api/reports';
import { ATTACHMENT_TITLE } from '../../shared/reports/draft';
import { lightFill } from '../../shared/reports/chart-colors';
import { ledgerColumns } from '../../shared/reports/columns';
import { printWidth } from '../../renderer/src/print/print-width';
import { printHash } from '../../renderer/src/print/print-url';
import { hexToRgb, pdfInfo, pdfText, pdfWords, rasterPage, renderPngs, withoutSpaces, type PdfWord } from '../reports/pdf-tools';
import { launchApp, SCREENSHOT_DIR, type App } from './harness';
import { callCore, officeWithWorkPoints, reportInPattern, setIndicatorValue } from './seed';

/** A past quarter: lights are judged at its last day, whatever today is. */
const PERIOD = '2025-Q2';

const PROGRESS = [
  '已制定年度工作方案并印发各医疗卫生单位，召开专题推进会1次。',
  '完成辖区内机构摸底调查，建立工作台账，对照目标逐项推进，累计开展督导检查12次，发现并整改问题23个。',
  '按照市卫生健康委统一部署，会同区财政局、区医保局等部门细化任务分工，明确时间节点，目前项目已完成招标，进入实施阶段，预计三季度完成主体建设。',
];
const PROBLEMS = ['资金拨付进度偏慢，部分设备采购尚未完成。', '专业技术人员不足，基层机构承接能力有限。'];
const NEXT = ['加快推进项目建设，确保按期完成。', '加强与相关部门沟通协调，定期调度工作进展。'];

/** Chromium's print of the print view, exactly as the desktop shell asks for it (electron/main/print.ts pdfOptions). */
async function printToPdf(page: Page, kind: ReportKind, file: string): Promise<void> {
  const bytes = await page.pdf({ format: 'A4', landscape: kind !== 'summary', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
  fs.writeFileSync(file, bytes);
}

/**
 * The words printed inside one column of the 台账, page after page, top to bottom. The column's
 * edges follow from the shared column widths (as the print view widens them) over the printable width (A4 landscape less 10 mm
 * each side); a section row spans the whole table and so falls in no column.
 */
function ledgerColumnWords(words: readonly PdfWord[], key: string): string[] {
  const pt = (mm: number) => (mm * 72) / 25.4;
  const total = ledgerColumns.reduce((sum, column) => sum + printWidth(column), 0);
  const index = ledgerColumns.findIndex((column) => column.key === key);
  const before = ledgerColumns.slice(0, index).reduce((sum, column) => sum + printWidth(column), 0);
  const left = pt(10) + (pt(277) * before) / total;
  const right = left + (pt(277) * printWidth(ledgerColumns[index]!)) / total;
  return words
    .filter((word) => word.x0 >= left - 1 && word.x1 <= right + 1)
    .sort((a, b) => a.page - b.page || a.y0 - b.y0 || a.x0 - b.x0)
    .map((word) => word.text);
}

/** Pages as PNG, to look at (earlier runs' pages of the same stem removed first). */
async function renderPages(file: string, stem: string): Promise<string[]> {
  const ours = () => fs.readdirSync(SCREENSHOT_DIR).filter((name) => name.startsWith(`${stem}-`) && name.endsWith('.png'));
  for (const old of ours()) fs.rmSync(path.join(SCREENSHOT_DIR, old));
  await renderPngs(file, path.join(SCREENSHOT_DIR, stem));
  return ours();
}

/** Does the page, rendered, hold pixels of this colour (a light cell's fill, a chart's bar)? */
async function pageHasColour(file: string, hex: string, page = 1): Promise<boolean> {
  const { rgb: pixels } = await rasterPage(file, page, 40);
  const [r, g, b] = hexToRgb(hex);
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if (Math.abs(pixels[i]! - r) < 6 && Math.abs(pixels[i + 1]! - g) < 6 && Math.abs(pixels[i + 2]! - b) < 6) return true;
  }
  return false;
}

/**
 * The print view behind 导出 PDF, printed by Chromium as the desktop shell prints it: the
 * office's 2025 work points (39 tasks in sections, many departments) with a quarter of reports.
 */
describe('print view → PDF in Chromium', () => {
  let app: App;
  let tasks: { number: string; title: string }[] = [];
  const scope: LedgerFilterInput = { period: PERIOD };

  const call = <N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> => callCore(app, name, args);

  /** A fresh tab on the print view's URL (a hash change alone would not reload the app). */
  async function openPrintView(kind: ReportKind): Promise<Page> {
    const page = await app.page.context().newPage();
    page.on('pageerror', (error) => app.consoleErrors.push(error.message));
    await page.goto(`${app.host.url}${printHash(kind, scope)}`);
    await page.locator('html[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    return page;
  }

  beforeAll(async () => {
    app = await launchApp();
    const detail = await officeWithWorkPoints(app);
    tasks = detail.tasks.map((t) => ({ number: t.number ?? '', title: t.title }));
    // Done, on pace, behind, far behind, and every fifth task without a report.
    const pattern = [
      { status: '已完成', percent: 100 },
      { status: '推进中', percent: 60 },
      { status: '推进中', percent: 35 },
      { status: '滞后', percent: 10 },
      null,
    ] as const;
    await reportInPattern(app, detail, PERIOD, pattern, (step, index) => ({
      progressText: PROGRESS[index % PROGRESS.length]!,
      problemsText: step.status === '滞后' ? PROBLEMS[index % PROBLEMS.length]! : '',
      nextStepsText: step.status === '已完成' ? '' : NEXT[index % NEXT.length]!,
    }));
    // Indicator values for half the indicators: some met, some short of the target.
    const indicators = await call('indicators.list', { planId: detail.plan.id });
    for (const [index, indicator] of indicators.entries()) {
      const target = indicator.targetValue;
      if (target == null || index % 2 === 1) continue;
      const share = [1.1, 0.8, 0.5][index % 3]!;
      const value = indicator.comparator.startsWith('<') ? Math.round(target * (2 - share) * 100) / 100 : Math.round(target * share * 100) / 100;
      if (indicator.unit === '%' && value > 100) continue;
      await setIndicatorValue(app, indicator.id, PERIOD, value);
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  it('prints the 台账 on A4 landscape pages with every task, the header on each page, page numbers and coloured lights', async () => {
    expect(tasks.length).toBeGreaterThanOrEqual(30);
    const departments = await call('departments.list', {});
    expect(departments.length).toBeGreaterThanOrEqual(5);

    const page = await openPrintView('ledger');
    await expect(page.title()).resolves.toBe('渝北区卫生健康委_2025年第二季度重点工作台账');
    const file = path.join(SCREENSHOT_DIR, 'print-ledger.pdf');
    await printToPdf(page, 'ledger', file);
    await page.close();

    const { pages, report: size } = await pdfInfo(file);
    expect(pages).toBeGreaterThan(1);
    expect(size).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);

    const text = withoutSpaces(await pdfText(file, 'layout'));
    expect(text).toContain('渝北区卫生健康委《2025年全区卫生健康工作要点》重点工作台账（2025年第二季度）');
    // Column by column: 序号 reads every number in order, 工作任务 every title in order, nothing else.
    const words = await pdfWords(file);
    expect(ledgerColumnWords(words, 'number').filter((word) => /^\d+$/.test(word))).toEqual(tasks.map((task) => task.number));
    const titles = ledgerColumnWords(words, 'title').filter((word) => word !== '工作任务');
    expect(titles.join('')).toBe(tasks.map((task) => withoutSpaces(task.title)).join(''));
    for (let n = 1; n <= pages; n++) {
      const own = withoutSpaces(await pdfText(file, 'layout', n));
      expect(own, `第${n}页的表头`).toContain('序号工作任务牵头科室');
      expect(own, `第${n}页的页码`).toContain(`第${n}页/共${pages}页`);
    }
    expect(await pageHasColour(file, lightFill.red)).toBe(true);
    expect(await pageHasColour(file, lightFill.green)).toBe(true);
    expect(await renderPages(file, 'print-ledger')).toHaveLength(pages);
  });

  it('prints the 指标 and 催办 tables', async () => {
    for (const kind of ['indicators', 'reminders'] as const) {
      const page = await openPrintView(kind);
      const file = path.join(SCREENSHOT_DIR, `print-${kind}.pdf`);
      await printToPdf(page, kind, file);
      await page.close();
      expect((await pdfInfo(file)).pages).toBeGreaterThanOrEqual(1);
      await renderPages(file, `print-${kind}`);
    }
    const model = await call('report.model', { kind: 'reminders', scope });
    const text = withoutSpaces(await pdfText(path.join(SCREENSHOT_DIR, 'print-reminders.pdf'), 'layout'));
    for (const group of model.reminders) for (const item of group.items) expect(text).toContain(withoutSpaces(item.title));
  });

  it('prints the 情况报告 as a 公文: A4 portrait, the drafted text, charts, "— n —" page numbers', async () => {
    const page = await openPrintView('summary');
    const file = path.join(SCREENSHOT_DIR, 'print-summary.pdf');
    await printToPdf(page, 'summary', file);
    await page.close();

    const { pages, report: size } = await pdfInfo(file);
    expect(pages).toBeGreaterThan(1);
    expect(size).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const model = await call('report.model', { kind: 'summary', scope });
    const text = withoutSpaces(await pdfText(file, 'layout'));
    // The opening sentence carries the counts of the model.
    expect(text).toContain(`全区${model.counts.total}项重点工作`);
    expect(text).toContain(`已完成${model.counts.done}项`);
    for (let n = 1; n <= pages; n++) expect(withoutSpaces(await pdfText(file, 'layout', n)), `第${n}页的页码`).toContain(`—${n}—`);
    // Charts are the 附件 after the 落款, on a page of their own, drawn in the lights' colours.
    let attachment = 0;
    for (let n = pages; n >= 1 && attachment === 0; n--) if (withoutSpaces(await pdfText(file, 'layout', n)).startsWith('附件')) attachment = n;
    expect(attachment, '附件 page').toBeGreaterThan(1);
    expect(withoutSpaces(await pdfText(file, 'layout', attachment - 1))).toContain(`附件：${ATTACHMENT_TITLE}`);
    expect(await pageHasColour(file, lightFill.green, attachment)).toBe(true);
    expect(await pageHasColour(file, lightFill.red, attachment)).toBe(true);
    expect(await renderPages(file, 'print-summary')).toHaveLength(pages);
  });

  it('in the browser, 导出 PDF on 报表 opens the print view in a new tab for the browser’s print dialog', async () => {
    const { page } = app;
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '报表' }).click();
    await page.getByLabel('期间', { exact: true }).selectOption(PERIOD);
    await page.getByText(`本季度共 ${tasks.length} 项重点工作`).waitFor();
    await page.getByRole('button', { name: '生成', exact: true }).click();
    const exportPdf = page.getByRole('button', { name: '导出 PDF' });
    await exportPdf.waitFor();
    const [tab] = await Promise.all([page.waitForEvent('popup'), exportPdf.click()]);
    // The new tab is the app's own page (with its token) on the print view, which then asks for the dialog.
    await tab.locator('html[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    expect(new URL(tab.url()).hash).toMatch(/^#print\?kind=ledger&scope=.*&dialog=1$/);
    const rows = tab.getByRole('table', { name: '重点工作台账' }).locator('tr.print-row');
    await expect(rows.count()).resolves.toBe(tasks.length);
    await page.getByText('已在新标签页打开打印预览，请在打印对话框中选择“另存为 PDF”。').waitFor();
    await app.screenshot('print-button');
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.screenshot({ path: path.join(SCREENSHOT_DIR, 'print-browser-tab.png') });
    await tab.close();
  });

  it('raised no errors in the page', () => {
    expect(app.consoleErrors.join('\n')).toBe('');
  });
});
