import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, CallArgs, CallName, CallResult, LedgerApi } from '../../shared/api';
import { ledgerQueryArgs, ledgerResult, ledgerStatuses, type LedgerResult, type LedgerRow } from '../../shared/api/ledger';
import { planSummary } from '../../shared/api/plans';
import { quarterStates } from '../../shared/domain/quarter-state';
import LedgerPage from '../../renderer/src/ledger/LedgerPage';
import { createLedgerStore } from '../../renderer/src/store';
import { StoreProvider } from '../../renderer/src/store/context';

afterEach(() => cleanup());

const ROWS = 20_000;
const SECTIONS = 40;
const id = (kind: number, n: number) => `00000000-0000-4000-8000-${kind.toString(16).padStart(4, '0')}${n.toString(16).padStart(8, '0')}`;
const PLAN = id(1, 1);
const DEPT = id(2, 1);
const colors = ['green', 'yellow', 'red', 'grey'] as const;

/** 20,000 tasks in 40 sections of one plan, checked against the contract's result schema. */
function bigResult(period: string, limit: number | null): LedgerResult {
  const rows: LedgerRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const section = Math.floor(i / (ROWS / SECTIONS));
    rows.push({
      taskId: id(3, i + 1),
      planId: PLAN,
      planTitle: '2025年全区卫生健康工作要点',
      sectionId: id(4, section + 1),
      sectionTitle: `第${section + 1}部分`,
      number: String(i + 1),
      title: `第${i + 1}号任务：推进基层医疗卫生服务能力提升`,
      departments: [{ id: DEPT, name: '疾病预防控制科' }],
      units: ['区疾病预防控制中心'],
      deadline: '2025年12月底前',
      light: { color: colors[i % 4]!, reason: '按序时进度判断' },
      state: quarterStates[i % quarterStates.length]!,
      leads: [],
      partial: false,
      status: ledgerStatuses[i % ledgerStatuses.length]!,
      percent: i % 101,
      workflowState: null,
      updatedAt: null,
      overdue: false,
      match: null,
    });
  }
  return ledgerResult.parse({
    complete: limit === null || limit >= ROWS,
    period,
    asOf: '2025-03-31',
    officeId: id(5, 1),
    officeName: '渝北区卫生健康委',
    total: ROWS,
    rows: limit === null ? rows : rows.slice(0, limit),
    facets: {
      plans: [{ id: PLAN, label: '2025年全区卫生健康工作要点', count: ROWS }],
      departments: [{ id: DEPT, label: '疾病预防控制科', count: ROWS }],
      sections: Array.from({ length: SECTIONS }, (_, s) => ({ id: id(4, s + 1), planId: PLAN, label: `第${s + 1}部分`, count: ROWS / SECTIONS })),
    },
  });
}

/** Only what the ledger page asks for: its rows and the plan list; `gate` holds queries back. */
function tinyApi(gate: { wait: Promise<void> } = { wait: Promise.resolve() }): LedgerApi {
  const plan = planSummary.parse({ id: PLAN, kind: 'work-points', title: '2025年全区卫生健康工作要点', docNumber: null, issuer: null, issuedOn: null, yearFrom: 2025, yearTo: 2025, taskCount: ROWS });
  return {
    async invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
      if (name === 'ledger.query') {
        const query = ledgerQueryArgs.parse(args);
        await gate.wait;
        return { ok: true, value: bigResult(query.period, query.limit) as CallResult<N> };
      }
      if (name === 'plans.list') return { ok: true, value: [plan] as CallResult<N> };
      return { ok: false, error: { code: 'INTERNAL', message: `测试未提供 ${name}` } };
    },
    onEvent: () => () => undefined,
  };
}

describe('任务台账 windowing', () => {
  it('keeps 20,000 tasks to a screenful of rows in the DOM, and scrolling shows later ones', async () => {
    const store = createLedgerStore(tinyApi(), { now: () => new Date(2025, 2, 15) });
    render(
      <StoreProvider store={store}>
        <LedgerPage />
      </StoreProvider>,
    );
    const table = await screen.findByRole('table', { name: '任务台账' });
    expect(screen.getByText('共 20000 项任务')).toBeTruthy();
    // Header, plan and section headings and the tasks count as rows for assistive technology.
    expect(table.getAttribute('aria-rowcount')).toBe(String(1 + 1 + SECTIONS + ROWS));

    const rows = () => within(table).getAllByRole('row');
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(200);
    expect(within(table).getByText('第1号任务：推进基层医疗卫生服务能力提升')).toBeTruthy();
    expect(within(table).queryByText(/^第15000号任务/)).toBeNull();

    // Scroll three quarters of the way down: the first rows leave, rows near 15,000 arrive.
    const scroller = table.parentElement!;
    const body = table.querySelector<HTMLElement>('.ledger-body')!;
    const height = Number.parseFloat(body.style.height);
    act(() => {
      scroller.scrollTop = Math.round(height * 0.75);
      fireEvent.scroll(scroller);
    });
    await waitFor(() => expect(within(table).queryByText('第1号任务：推进基层医疗卫生服务能力提升')).toBeNull());
    const numbers = within(table)
      .getAllByRole('row')
      .map((row) => Number(row.querySelector('.ledger-col-number')?.textContent))
      .filter((n) => n > 0);
    expect(rows().length).toBeLessThan(200);
    expect(Math.min(...numbers)).toBeGreaterThan(14_500);
    expect(Math.max(...numbers)).toBeLessThan(15_500);

    // Scrolling to the very end reaches the last task.
    act(() => {
      scroller.scrollTop = height;
      fireEvent.scroll(scroller);
    });
    expect(await within(table).findByText('第20000号任务：推进基层医疗卫生服务能力提升')).toBeTruthy();
    expect(rows().length).toBeLessThan(200);
  });

  it('moves with the arrow keys past the rendered rows and opens the focused task with Enter', async () => {
    const store = createLedgerStore(tinyApi(), { now: () => new Date(2025, 2, 15) });
    render(
      <StoreProvider store={store}>
        <LedgerPage />
      </StoreProvider>,
    );
    const table = await screen.findByRole('table', { name: '任务台账' });
    const first = within(table).getByText('第1号任务：推进基层医疗卫生服务能力提升').closest<HTMLElement>('[role="row"]')!;
    // One row in the Tab order, the others reachable by arrows.
    expect(first.tabIndex).toBe(0);
    expect(table.querySelectorAll('[role="row"][tabindex="0"]').length).toBe(1);
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('第20000号任务'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('第19999号任务'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(store.getState().detailTaskId).toBe(id(3, 19_999));
  });

  it('while a new search loads, keeps describing the rows on screen and says it is updating', async () => {
    let release = () => {};
    const gate = { wait: Promise.resolve() };
    const store = createLedgerStore(tinyApi(gate), { now: () => new Date(2025, 2, 15) });
    render(
      <StoreProvider store={store}>
        <LedgerPage />
      </StoreProvider>,
    );
    const table = await screen.findByRole('table', { name: '任务台账' });
    gate.wait = new Promise((resolve) => (release = resolve));
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索任务' }), { target: { value: '基层' } });
    await waitFor(() => expect(store.getState().viewFilter.search).toBe('基层'));
    expect(screen.getByRole('status').textContent).toBe('共 20000 项任务（正在更新…）');
    expect(table.parentElement!.getAttribute('aria-busy')).toBe('true');
    // Marks belong to the search that produced the rows: none yet.
    expect(table.querySelectorAll('mark')).toHaveLength(0);
    release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('共 20000 项任务，筛选后 20000 项'));
    expect(table.querySelectorAll('mark').length).toBeGreaterThan(0);
  });
});
