import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

async function addDepartment(name: string, aliases = '') {
  fireEvent.change(screen.getByLabelText('科室名称'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('科室别名'), { target: { value: aliases } });
  fireEvent.click(screen.getByRole('button', { name: '添加科室' }));
}

describe('设置', () => {
  it('adds a department with aliases and shows it in the list', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await openPage('设置');
    await screen.findByText('还没有科室');

    await addDepartment('疾病预防控制科', '疾控科、防控科');

    const table = await screen.findByRole('table', { name: '科室列表' });
    const row = within(table).getByText('疾病预防控制科').closest('tr')!;
    expect(within(row).getByText('疾控科')).toBeTruthy();
    expect(within(row).getByText('防控科')).toBeTruthy();
    expect(fake.callsNamed('departments.create')).toEqual([{ name: '疾病预防控制科', aliases: ['疾控科', '防控科'] }]);
    // The form is emptied for the next one, and a success toast confirms.
    await waitFor(() => expect((screen.getByLabelText('科室名称') as HTMLInputElement).value).toBe(''));
    expect(await screen.findByText('已添加科室“疾病预防控制科”')).toBeTruthy();
  });

  it('shows a DUPLICATE error next to the name field, in Chinese, not as a toast', async () => {
    const fake = new FakeLedger();
    await fake.act('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
    renderApp(fake);
    await openPage('设置');
    await screen.findByRole('table', { name: '科室列表' });

    await addDepartment('疾控科');

    const message = '“疾控科”已是科室“疾病预防控制科”的别名';
    const error = await screen.findByText(message);
    const input = screen.getByLabelText('科室名称');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    expect(error.closest('.field')).toBe(input.closest('.field'));
    // What the clerk typed stays for correction.
    expect((input as HTMLInputElement).value).toBe('疾控科');
    expect(screen.queryAllByRole('alert').filter((el) => el.classList.contains('toast'))).toHaveLength(0);
  });

  it('renames a department and edits its aliases in a dialog', async () => {
    const fake = new FakeLedger();
    await fake.act('departments.create', { name: '医政科', aliases: [] });
    renderApp(fake);
    await openPage('设置');
    const table = await screen.findByRole('table', { name: '科室列表' });
    fireEvent.click(within(within(table).getByText('医政科').closest('tr')!).getByRole('button', { name: '编辑' }));

    const dialog = await screen.findByRole('dialog', { name: '编辑科室' });
    fireEvent.change(within(dialog).getByLabelText('名称'), { target: { value: '医政医管科' } });
    fireEvent.change(within(dialog).getByLabelText('别名'), { target: { value: '医政科, 医管科' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = within(table).getByText('医政医管科').closest('tr')!;
    expect(within(row).getByText('医政科')).toBeTruthy();
    expect(within(row).getByText('医管科')).toBeTruthy();
  });

  it('deletes a unit only after confirmation', async () => {
    const fake = new FakeLedger();
    await fake.act('units.create', { name: '区疾病预防控制中心', aliases: ['区疾控中心'] });
    renderApp(fake);
    await openPage('设置');
    const table = await screen.findByRole('table', { name: '责任单位列表' });
    fireEvent.click(within(within(table).getByText('区疾病预防控制中心').closest('tr')!).getByRole('button', { name: '删除' }));

    const dialog = await screen.findByRole('alertdialog', { name: '确认删除' });
    expect(within(dialog).getByText(/责任单位“区疾病预防控制中心”/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }));
    await screen.findByText('还没有责任单位');
    expect(fake.callsNamed('units.delete')).toHaveLength(1);
  });

  it('saves the clerk name and role, shows it in the header, and shows the fingerprint', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await openPage('设置');
    expect(await screen.findByText('K7QF-3M9X-PD2A')).toBeTruthy();
    expect(screen.getByText('本机识别码')).toBeTruthy();
    expect(screen.getByText(/并不限制权限/)).toBeTruthy();

    fireEvent.change(await screen.findByLabelText('填报人'), { target: { value: '张三' } });
    fireEvent.click(screen.getByLabelText('审核员'));
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));

    const header = screen.getByRole('banner');
    expect(await within(header).findByText('填报人：张三')).toBeTruthy();
    expect(within(header).getByText('审核员')).toBeTruthy();
    expect(fake.callsNamed('settings.update')).toEqual([{ officeName: '渝北区卫生健康委', officeCode: null, clerkName: '张三', role: 'reviewer' }]);
  });
});
