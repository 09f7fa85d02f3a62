import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLedger } from './fake-ledger';
import { renderApp } from './render-app';

describe('first start', () => {
  it('shows the setup screen, calls system.init and then shows the app frame', async () => {
    const fake = new FakeLedger({ initialized: false });
    renderApp(fake);

    const officeName = await screen.findByLabelText('单位名称');
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();
    fireEvent.change(officeName, { target: { value: '渝北区卫生健康委' } });
    fireEvent.change(screen.getByLabelText('单位代码'), { target: { value: '11500112MB1234567X' } });
    fireEvent.change(screen.getByLabelText('本机所属科室'), { target: { value: '疾病预防控制科' } });
    fireEvent.click(screen.getByRole('button', { name: '开始使用' }));

    const nav = await screen.findByRole('navigation', { name: '主导航' });
    for (const label of ['总览', '任务台账', '计划与任务', '指标', '季度填报', '各单位对比', '导入计划', '数据交换', '报表', '设置']) {
      expect(within(nav).getByRole('button', { name: label })).toBeTruthy();
    }
    expect(fake.callsNamed('system.init')).toEqual([{ officeName: '渝北区卫生健康委', officeCode: '11500112MB1234567X', departmentName: '疾病预防控制科' }]);
    const header = screen.getByRole('banner');
    expect(within(header).getByText('渝北区卫生健康委')).toBeTruthy();
    expect(within(header).getByText('疾病预防控制科')).toBeTruthy();
    // The landing page says what to do next.
    expect(await screen.findByText('还没有计划。先导入工作要点、五年规划或实施方案，各科室再按季度填报进展，这里就会显示统计和图表。')).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('button', { name: '导入计划' })).toBeTruthy();
  });

  it('leaves the optional fields out and shows the contract error next to an empty office name', async () => {
    const fake = new FakeLedger({ initialized: false });
    renderApp(fake);
    fireEvent.click(await screen.findByRole('button', { name: '开始使用' }));

    const officeName = screen.getByLabelText('单位名称');
    const error = await screen.findByText('单位名称不能为空');
    expect(officeName.getAttribute('aria-invalid')).toBe('true');
    expect(officeName.getAttribute('aria-describedby')).toContain(error.id);
    expect(fake.callsNamed('system.init')).toEqual([{ officeName: '' }]);
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();
  });

  it('is a real form with a submit button, so Enter submits it', async () => {
    const fake = new FakeLedger({ initialized: false });
    renderApp(fake);
    const officeName = await screen.findByLabelText('单位名称');
    fireEvent.change(officeName, { target: { value: '江北区卫生健康委' } });
    fireEvent.submit(officeName.closest('form')!);
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeTruthy();
  });
});
