import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localNoon, seededPartial, TODAY } from './dashboard-fixture';
import { openPage, renderApp } from './render-app';
import type { CoreApi } from './core-api';

let open: CoreApi | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

const form = () => within(screen.getByRole('region', { name: '生成报表' }));
const csvOf = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');

describe('报表 · 含待审核', () => {
  it('reports approved entries by default; the shared 含待审核 switch adds submitted ones, marked 待审核', async () => {
    const seed = await seededPartial();
    open = seed.api;
    const { store } = renderApp(seed.api, { now: () => localNoon(TODAY) });
    await openPage('报表');
    await screen.findByRole('region', { name: '生成报表' });
    await form().findByLabelText('文件名预览');
    fireEvent.change(form().getByLabelText('期间'), { target: { value: seed.period } });
    await waitFor(() => expect(form().getByLabelText('文件名预览').textContent).toContain('第一季度'));
    fireEvent.click(form().getByRole('radio', { name: 'CSV' }));

    const toggle = form().getByRole('checkbox', { name: /^含待审核\s*（已提交未审核的填报，标注“待审核”）/ }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    await waitFor(() => expect(store.getState().recentReports).toHaveLength(1));
    expect(seed.api.callsNamed('report.build').at(-1)?.scope).toMatchObject({ period: seed.period, includeSubmitted: false });
    const approvedOnly = csvOf(store.getState().recentReports[0]!.contentBase64);
    const line = (csv: string, title: string) => csv.split(/\r?\n/).find((row) => row.includes(title)) ?? '';
    expect(line(approvedOnly, '保障母婴安全')).toContain('待审核（未纳入本报告）');
    expect(line(approvedOnly, '保障母婴安全')).not.toContain('开展孕产妇风险筛查');

    // The same switch as 总览 and 任务台账: ticking it here sets the view filter.
    fireEvent.click(toggle);
    expect(store.getState().viewFilter.includeSubmitted).toBe(true);
    fireEvent.click(form().getByRole('button', { name: '生成' }));
    await waitFor(() => expect(store.getState().recentReports).toHaveLength(2));
    expect(seed.api.callsNamed('report.build').at(-1)?.scope).toMatchObject({ includeSubmitted: true });
    const withSubmitted = csvOf(store.getState().recentReports[0]!.contentBase64);
    expect(line(withSubmitted, '保障母婴安全')).toContain('（待审核）开展孕产妇风险筛查。');
    // A returned entry is never progress, whatever the switch says.
    expect(line(withSubmitted, '改善医疗服务')).toContain('已退回修改');
    expect(line(withSubmitted, '改善医疗服务')).not.toContain('无。');
  });
});
