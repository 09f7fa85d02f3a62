import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLedger } from './fake-ledger';
import { renderApp } from './render-app';

const NAV = ['总览', '任务台账', '计划与任务', '指标', '季度填报', '各单位对比', '导入计划', '数据交换', '报表', '设置'];

describe('first start', () => {
  it('asks 办公室 or 科室; a 科室 PC names its department and its home points at the office’s 下发 package', async () => {
    const fake = new FakeLedger({ initialized: false });
    renderApp(fake);

    const officeName = await screen.findByLabelText('单位名称');
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();
    const question = screen.getByRole('group', { name: '本机用途' });
    expect((within(question).getByRole('radio', { name: /^办公室/ }) as HTMLInputElement).checked).toBe(true);
    // The department is asked only of a 科室 PC.
    expect(screen.queryByLabelText('本机所属科室')).toBeNull();
    fireEvent.change(officeName, { target: { value: '渝北区卫生健康委' } });
    fireEvent.change(screen.getByLabelText('单位代码'), { target: { value: '11500112MB1234567X' } });
    fireEvent.click(within(question).getByRole('radio', { name: /^科室/ }));
    fireEvent.change(screen.getByLabelText('本机所属科室'), { target: { value: '疾控科' } });
    fireEvent.click(screen.getByRole('button', { name: '开始使用' }));

    const nav = await screen.findByRole('navigation', { name: '主导航' });
    for (const label of NAV) expect(within(nav).getByRole('button', { name: label })).toBeTruthy();
    expect(within(nav).queryByRole('button', { name: '办公室审核' })).toBeNull();
    expect(fake.callsNamed('system.init')).toEqual([{ officeName: '渝北区卫生健康委', officeCode: '11500112MB1234567X', pcRole: 'department', departmentName: '疾控科' }]);
    const header = screen.getByRole('banner');
    expect(within(header).getByText('渝北区卫生健康委')).toBeTruthy();
    expect(within(header).getByText('疾控科')).toBeTruthy();
    // Home: not 导入计划, but the office's package.
    expect(await screen.findByText('请导入办公室的下发数据包')).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).queryByRole('button', { name: '导入计划' })).toBeNull();
    fireEvent.click(within(main).getByRole('button', { name: '导入下发数据包' }));
    expect((await screen.findByRole('tab', { name: '导入数据包' })).getAttribute('aria-selected')).toBe('true');
  });

  it('the office PC reviews from the navigation without a role switch, and its home offers 导入计划', async () => {
    const fake = new FakeLedger({ initialized: false });
    renderApp(fake);
    fireEvent.change(await screen.findByLabelText('单位名称'), { target: { value: '渝北区卫生健康委' } });
    fireEvent.click(screen.getByRole('button', { name: '开始使用' }));

    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(fake.callsNamed('system.init')).toEqual([{ officeName: '渝北区卫生健康委', pcRole: 'office' }]);
    expect(fake.callsNamed('settings.update')).toEqual([]);
    expect((await fake.act('settings.get', {})).role).toBe('reviewer');
    expect(await screen.findByText('还没有计划。先导入工作要点、五年规划或实施方案，各科室再按季度填报进展，这里就会显示统计和图表。')).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('button', { name: '导入计划' })).toBeTruthy();

    fireEvent.click(within(nav).getByRole('button', { name: '办公室审核' }));
    const tab = await screen.findByRole('tab', { name: '办公室审核' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(within(nav).getByRole('button', { name: '办公室审核' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('button', { name: '季度填报' }).getAttribute('aria-current')).toBeNull();
    // 季度填报 opens the entries; 办公室审核 stays one click away.
    fireEvent.click(within(nav).getByRole('button', { name: '季度填报' }));
    expect((await screen.findByRole('tab', { name: /^任务进展/ })).getAttribute('aria-selected')).toBe('true');
  });

  it('leaves the optional fields out and shows the contract error next to an empty office name', async () => {
    const fake = new FakeLedger({ initialized: false });
    renderApp(fake);
    fireEvent.click(await screen.findByRole('button', { name: '开始使用' }));

    const officeName = screen.getByLabelText('单位名称');
    const error = await screen.findByText('单位名称不能为空');
    expect(officeName.getAttribute('aria-invalid')).toBe('true');
    expect(officeName.getAttribute('aria-describedby')).toContain(error.id);
    expect(fake.callsNamed('system.init')).toEqual([{ officeName: '', pcRole: 'office' }]);
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();
  });

  it('a 科室 PC without its department is told so next to the field', async () => {
    const fake = new FakeLedger({ initialized: false });
    renderApp(fake);
    fireEvent.change(await screen.findByLabelText('单位名称'), { target: { value: '渝北区卫生健康委' } });
    fireEvent.click(screen.getByRole('radio', { name: /^科室/ }));
    fireEvent.click(screen.getByRole('button', { name: '开始使用' }));
    const error = await screen.findByText('科室电脑请填写本机所属科室');
    expect(screen.getByLabelText('本机所属科室').getAttribute('aria-describedby')).toContain(error.id);
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
