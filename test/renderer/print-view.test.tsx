import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedgerApi } from '../../shared/api';
import { lightFill as dashboardFill } from '../../renderer/src/charts/colors';
import { lightFill } from '../../shared/reports/chart-colors';
import { ledgerColumns } from '../../shared/reports/columns';
import { draftReport, indicatorsWithData } from '../../shared/reports/draft';
import { PrintView } from '../../renderer/src/print/PrintView';
import { isPrintHash, parsePrintHash, printHash } from '../../renderer/src/print/print-url';
import { titleSegments } from '../../renderer/src/print/SummaryPrint';
import type { CoreApi } from './core-api';
import { seededDashboard, seededPartial } from './dashboard-fixture';
import { readFileSync } from 'node:fs';

let open: CoreApi | null = null;
afterEach(() => {
  cleanup();
  open?.close();
  open = null;
  const root = document.documentElement;
  for (const key of ['printReady', 'printError', 'printErrorCode']) delete root.dataset[key];
  document.title = '';
});

async function seeded() {
  const fixture = await seededDashboard();
  open = fixture.api;
  return fixture;
}

const Q2 = { period: '2025-Q2' };
const ready = () => waitFor(() => expect(document.documentElement.dataset['printReady']).toBe('true'));

describe('print hash', () => {
  it('round-trips kind, scope and the dialog flag; anything else is refused in Chinese', () => {
    const scope = { period: '2025-Q1', departmentIds: ['3f365e7e-635c-4c6e-8d36-470716cfce50'], search: '托育' };
    const hash = printHash('summary', scope, { dialog: true });
    expect(isPrintHash(hash)).toBe(true);
    expect(parsePrintHash(hash)).toEqual({ ok: true, request: { kind: 'summary', scope, dialog: true } });
    expect(isPrintHash('#ledger')).toBe(false);
    expect(isPrintHash('#printer')).toBe(false);
    const bad = [
      '#print?kind=pie&scope=%7B%7D',
      `#print?kind=ledger&scope=${encodeURIComponent('{nope')}`,
      `#print?kind=ledger&scope=${encodeURIComponent(JSON.stringify({ period: '2025年' }))}`,
      '#print',
    ];
    for (const hash of bad) {
      const parsed = parsePrintHash(hash);
      expect(parsed.ok, hash).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^打印地址中的/);
    }
  });
});

describe('print hash with the report date', () => {
  it('carries the 情况报告’s date; a day that is not one is refused in Chinese', () => {
    const hash = printHash('summary', Q2, { date: '2025-04-12' });
    expect(parsePrintHash(hash)).toEqual({ ok: true, request: { kind: 'summary', scope: Q2, date: '2025-04-12', dialog: false } });
    for (const date of ['2025-02-30', '2025/04/12', '']) {
      const parsed = parsePrintHash(printHash('summary', Q2).replace('#print?', `#print?date=${encodeURIComponent(date)}&`));
      expect(parsed, date).toEqual({ ok: false, message: '打印地址中的报告日期无效，请从“报表”页面重新打开' });
    }
  });
});

describe('ledger print view', () => {
  it('lays out the quarter as the core models it: shared headers, section rows, every task, lights in the dashboard colours', async () => {
    const { api } = await seeded();
    render(<PrintView api={api} hash={printHash('ledger', Q2)} />);
    const table = await screen.findByRole('table', { name: '重点工作台账' });
    await ready();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('渝北区卫生健康委《2025年工作要点》重点工作台账（2025年第二季度）');
    expect(screen.getByText('范围：全区')).toBeTruthy();
    expect(document.title).toBe('渝北区卫生健康委_2025年第二季度重点工作台账');

    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(ledgerColumns.map((c) => c.header));
    const model = await api.invoke('report.model', { kind: 'ledger', scope: Q2 });
    if (!model.ok) throw new Error(model.error.message);
    // Section rows then their tasks, in document order.
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('th')?.textContent ?? row.querySelector('td')?.textContent)).toEqual(['一、健康促进', '1', '2', '二、医疗服务', '3', '4']);
    for (const task of model.value.tasks) {
      const row = rows.find((r) => r.querySelector('td')?.textContent === task.number)!;
      const cells = within(row).getAllByRole('cell').map((td) => td.textContent);
      expect(cells).toEqual(ledgerColumns.map((column) => String(column.value(task) ?? '')));
      const light = row.querySelector<HTMLElement>('.print-col-light')!;
      // The dashboard's colour (renderer/src/charts/colors.ts) and the shared report palette agree.
      expect(light.style.backgroundColor).toBe(dashboardFill[task.light.color]);
      expect(light.style.backgroundColor).toBe(lightFill[task.light.color]);
      expect(light.textContent).toMatch(/^[红黄绿灰]灯$/);
    }
    // Task 4 nobody reported is 未填报, never 滞后.
    expect(screen.getByText('合计：共4项，其中已完成1项，按序时推进1项，滞后1项，未填报1项。')).toBeTruthy();
  });

  it('prints one department alone when the scope says so, with its name in the title', async () => {
    const { api, mch } = await seeded();
    render(<PrintView api={api} hash={printHash('ledger', { ...Q2, departmentIds: [mch.id] })} />);
    await ready();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('渝北区卫生健康委妇幼科《2025年工作要点》重点工作台账（2025年第二季度）');
    const table = screen.getByRole('table', { name: '重点工作台账' });
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent?.slice(0, 1))).toEqual(['二', '3']);
  });

  it('prints indicators and reminders from the shared columns', async () => {
    const { api } = await seeded();
    const view = render(<PrintView api={api} hash={printHash('indicators', Q2)} />);
    const indicators = await screen.findByRole('table', { name: '指标完成情况表' });
    await ready();
    const mortality = within(indicators).getByText('孕产妇死亡率').closest('tr')!;
    expect(within(mortality).getAllByRole('cell').map((td) => td.textContent)).toEqual(['1', '孕产妇死亡率', '/10万', '越低越好', '14', '', '≤10/10万', '', '12', '8.5', expect.any(String), '是', '妇幼科']);
    view.unmount();
    delete document.documentElement.dataset['printReady'];

    render(<PrintView api={api} hash={printHash('reminders', Q2)} />);
    const reminders = await screen.findByRole('table', { name: '催办清单' });
    await ready();
    const titles = within(reminders).getAllByRole('row').slice(1).map((row) => row.querySelector('.print-col-title')?.textContent);
    // 保障母婴安全 (behind: yellow); 改善医疗服务 was not reported but the reporting deadline has not passed.
    expect(titles).toEqual(['保障母婴安全']);
    expect(within(reminders).getAllByRole('columnheader').map((th) => th.textContent)).toContain('催办类别');
    expect(reminders.querySelector('.print-col-kind')!.textContent).toBe('滞后');
    expect(screen.getByText(/^截至第二季度，以下滞后事项共1项次，涉及1个科室/)).toBeTruthy();
  });

  it('prints each lead’s text under its name on its own line, 部分科室未报 in 状态, and 逾期未报 and 已退回修改 as 催办类别', async () => {
    const fixture = await seededPartial();
    open = fixture.api;
    const Q1 = { period: fixture.period };
    const view = render(<PrintView api={fixture.api} hash={printHash('ledger', Q1)} />);
    const table = await screen.findByRole('table', { name: '重点工作台账' });
    await ready();
    const shared = within(table).getByText('推进慢病防控').closest('tr')!;
    expect(shared.querySelector('.print-col-progress')!.textContent).toBe('【疾控科】建成慢病管理中心。\n【医政科】逾期未报');
    expect(shared.querySelector('.print-col-status')!.textContent).toBe('按序时推进（40%）\n部分科室未报：医政科');
    // The returned entry's text never reads as progress.
    const returned = within(table).getByText('改善医疗服务').closest('tr')!;
    expect(returned.querySelector('.print-col-progress')!.textContent).toBe('已退回修改');
    expect(returned.querySelector('.print-col-light')!.textContent).toBe('灰灯');
    // Line breaks in a cell are kept on paper.
    expect(readFileSync('renderer/src/print/print.css', 'utf8')).toMatch(/\.print-table td \{\s*white-space: pre-line;/);
    view.unmount();
    delete document.documentElement.dataset['printReady'];

    render(<PrintView api={fixture.api} hash={printHash('reminders', Q1)} />);
    const reminders = await screen.findByRole('table', { name: '催办清单' });
    await ready();
    const rows = within(reminders).getAllByRole('row').slice(1).map((row) => [row.querySelector('.print-col-title')?.textContent, row.querySelector('.print-col-kind')?.textContent, row.querySelector('.print-col-light')?.textContent]);
    expect(rows).toEqual(expect.arrayContaining([['推进慢病防控', '逾期未报', '灰灯'], ['改善医疗服务', '已退回修改', '灰灯']]));
    expect(screen.getByText(/^截至第一季度，以下(.*、)?逾期未报、已退回修改事项共\d+项次/)).toBeTruthy();
  });
});

describe('summary print view', () => {
  it('prints the drafted 情况报告 with its charts as images', async () => {
    const { api } = await seeded();
    render(<PrintView api={api} hash={printHash('summary', Q2)} />);
    await ready();
    const model = await api.invoke('report.model', { kind: 'summary', scope: Q2 });
    if (!model.ok) throw new Error(model.error.message);
    const draft = draftReport(model.value);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(draft.title);
    expect(screen.getByText(draft.summary)).toBeTruthy();
    for (const chapter of draft.chapters) expect(screen.getByRole('heading', { level: 2, name: chapter.heading })).toBeTruthy();
    const figures = screen.getAllByRole('img');
    expect(figures.map((img) => img.getAttribute('alt'))).toEqual(draft.chapters.flatMap((c) => c.figures.map((f) => f.caption)));
    for (const img of figures) expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    // The table lists the indicators with data only (the draft counts the others in a sentence).
    const table = screen.getByRole('table', { name: '主要指标完成情况' });
    const withData = indicatorsWithData(model.value);
    expect(withData.length).toBeGreaterThan(0);
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.querySelector('td')?.textContent)).toEqual(withData.map((i) => i.name));
    // Every drafted sentence is on the page, as in the Word report.
    const page = document.body.textContent ?? '';
    for (const p of draft.chapters.flatMap((c) => [...c.paragraphs, ...c.parts.flatMap((part) => part.paragraphs)])) expect(page).toContain(`${p.lead}${p.text}`);
    expect(screen.getByText(draft.signature.date)).toBeTruthy();
  });

  it('signs with the report date in the address, as the Word report does', async () => {
    const { api } = await seeded();
    render(<PrintView api={api} hash={printHash('summary', Q2, { date: '2025-04-12' })} />);
    await ready();
    const signature = document.querySelector('.official-signature')!;
    expect([...signature.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['渝北区卫生健康委', '2025年4月12日']);
  });

  it('breaks a title only where a 公文 title may break', () => {
    expect(titleSegments('渝北区卫生健康委关于2025年第二季度重点工作推进情况的报告')).toEqual(['渝北区卫生健康委关于', '2025年第二季度', '重点工作', '推进情况', '的报告']);
    expect(titleSegments('情况报告')).toEqual(['情况报告']);
  });
});

describe('signals', () => {
  it('says why it cannot print, for the desktop shell to pass on', async () => {
    const { api } = await seeded();
    render(<PrintView api={api} hash={printHash('ledger', { period: '2025-Q2', officeId: '3f365e7e-635c-4c6e-8d36-470716cfce50' })} />);
    await waitFor(() => expect(document.documentElement.dataset['printErrorCode']).toBe('NOT_FOUND'));
    expect(document.documentElement.dataset['printReady']).toBeUndefined();
    expect((await screen.findByRole('alert')).textContent).toContain(document.documentElement.dataset['printError']);
  });

  it('refuses a broken address without asking the core', async () => {
    const api: LedgerApi = { invoke: vi.fn(), onEvent: () => () => {} };
    render(<PrintView api={api} hash="#print?kind=ledger&scope=%7Bx" />);
    expect((await screen.findByRole('alert')).textContent).toBe('无法生成打印视图：打印地址中的报表范围无法识别，请从“报表”页面重新打开');
    expect(document.documentElement.dataset['printErrorCode']).toBe('INVALID_ARGUMENT');
    expect(api.invoke).not.toHaveBeenCalled();
  });

  it('opens the print dialog once laid out when asked to (browser host), and only then', async () => {
    const { api } = await seeded();
    const print = vi.fn(() => expect(document.documentElement.dataset['printReady']).toBe('true'));
    render(<PrintView api={api} hash={printHash('ledger', Q2, { dialog: true })} print={print} />);
    await ready();
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    cleanup();
    delete document.documentElement.dataset['printReady'];
    const quiet = vi.fn();
    render(<PrintView api={api} hash={printHash('ledger', Q2)} print={quiet} />);
    await ready();
    expect(quiet).not.toHaveBeenCalled();
    // The toolbar's button prints on demand.
    screen.getByRole('button', { name: '打印' }).click();
    expect(quiet).toHaveBeenCalledTimes(1);
  });
});
