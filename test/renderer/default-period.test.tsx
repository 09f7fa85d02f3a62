import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultPeriodText } from '../../renderer/src/quarterly/period';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

const TODAY = new Date(2025, 2, 3, 9, 30);
const span = (yearFrom: number | null, yearTo: number | null) => ({ yearFrom, yearTo });

describe('the quarter pages open on', () => {
  it("is today's when a plan covers this year or there is none, else the newest plan's last quarter", () => {
    expect(defaultPeriodText(TODAY, null)).toBe('2025-Q1');
    expect(defaultPeriodText(TODAY, [])).toBe('2025-Q1');
    expect(defaultPeriodText(TODAY, [span(null, null)])).toBe('2025-Q1');
    expect(defaultPeriodText(TODAY, [span(2021, 2025), span(2019, 2020)])).toBe('2025-Q1');
    expect(defaultPeriodText(TODAY, [span(2025, null)])).toBe('2025-Q1');
    // Every plan ended: the final quarter of the one that ended last.
    expect(defaultPeriodText(TODAY, [span(2021, 2023), span(2024, 2024), span(2016, 2020)])).toBe('2024-Q4');
    expect(defaultPeriodText(TODAY, [span(null, 2022)])).toBe('2022-Q4');
    // Only plans that start later: their first quarter; an ended one wins over a future one.
    expect(defaultPeriodText(TODAY, [span(2026, 2030), span(2027, 2027)])).toBe('2026-Q1');
    expect(defaultPeriodText(TODAY, [span(2026, 2030), span(2021, 2023)])).toBe('2023-Q4');
  });

  it('every page: 总览, 季度填报 and 指标 open on 2023年第四季度 when the only plan ended in 2023', async () => {
    const fake = new FakeLedger({ clerkName: '李娟' });
    const cdc = await fake.act('departments.create', { name: '疾病预防控制科', aliases: [] });
    fake.setOwnDepartment(cdc.id, '疾病预防控制科');
    const plan = await fake.act('plans.create', { kind: 'implementation-plan', title: '健康渝北行动实施方案（2021—2023年）', yearFrom: 2021, yearTo: 2023 });
    await fake.act('tasks.create', { planId: plan.id, number: '1', title: '开展健康素养监测', leadDepartmentIds: [cdc.id] });
    const { store } = renderApp(fake, { now: () => TODAY });
    await screen.findByRole('navigation', { name: '主导航' });
    expect(store.getState().viewFilter.period).toBe('2023-Q4');
    expect(store.getState().quarterPeriod).toBe('2023-Q4');
    expect(store.getState().indicatorYear).toBe(2023);

    await openPage('季度填报');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('2023年第四季度'));
    expect(await screen.findByRole('article', { name: '第1项任务' })).toBeTruthy();
    expect(fake.callsNamed('progress.sheet')[0]).toMatchObject({ period: '2023-Q4' });
  });

  it("stays on today's quarter while a plan covers it, and a later choice is not undone", async () => {
    const fake = new FakeLedger();
    await fake.act('plans.create', { kind: 'work-points', title: '2025年全区卫生健康工作要点', yearFrom: 2025, yearTo: 2025 });
    const { store } = renderApp(fake, { now: () => TODAY });
    await screen.findByRole('navigation', { name: '主导航' });
    expect(store.getState().viewFilter.period).toBe('2025-Q1');
    store.getState().setViewFilter({ period: '2024-Q4' });
    await store.getState().loadStatus();
    expect(store.getState().viewFilter.period).toBe('2024-Q4');
  });
});
