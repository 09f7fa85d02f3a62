import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { assign, officeFixture } from '../core/department-fixture';
import { createCoreApi, type CoreApi } from './core-api';
import { openPage, renderApp } from './render-app';

/*
 * 设置 against the real core: a department PC chooses its department from the office's list
 * once the 下发 arrived; the office merges two records for one 科室.
 */

const open: { close(): void }[] = [];
afterEach(() => {
  for (const pc of open.splice(0)) pc.close();
});

async function departmentPc(departmentName: string): Promise<CoreApi> {
  const api = await createCoreApi({ departmentName });
  open.push(api);
  return api;
}

describe('科室 in 设置', () => {
  it('a department PC whose typed name the office does not know chooses from the office’s list', async () => {
    const office = await officeFixture();
    open.push(office.t);
    const dept = await departmentPc('疾控中心');
    renderApp(dept);
    await openPage('设置');
    // Before the office's list arrives there is nothing to choose from.
    expect(await screen.findByText('导入办公室的下发数据包后，可从办公室的科室名单中选择本机所属科室')).toBeTruthy();

    await assign(office.t, dept.test, office.cdc.id);
    // The core's change events reach the page (the test bridge delivers them with the next call); 设置 reloads its list.
    await dept.invoke('system.status', {});
    const binding = await screen.findByRole('form', { name: '本机所属科室' });
    expect(within(binding).getByRole('alert').textContent).toBe('本机设置的科室“疾控中心”不在办公室的科室名单中，请选择本机所属科室。');
    const select = within(binding).getByRole('combobox', { name: '选择本机所属科室' }) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual(['请选择…', '疾病预防控制科', '妇幼科']);
    expect(within(binding).getByRole('button', { name: '更改' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(select, { target: { value: office.cdc.id } });
    fireEvent.click(within(binding).getByRole('button', { name: '更改' }));
    expect(await screen.findByText('本机所属科室已更改')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('banner')).getByText('疾病预防控制科')).toBeTruthy());
    expect(dept.callsNamed('departments.bind')).toEqual([{ id: office.cdc.id }]);
    expect(dept.test.core.requireIdentity().departmentId).toBe(office.cdc.id);
    await waitFor(() => expect(within(screen.getByRole('form', { name: '本机所属科室' })).queryByRole('alert')).toBeNull());
    // No merge on a department PC: the office keeps the list.
    expect(within(screen.getByRole('table', { name: '科室列表' })).queryByRole('button', { name: '合并到…' })).toBeNull();
  });

  it('the office merges a duplicate into the department it belongs to', async () => {
    const office = await createCoreApi({});
    open.push(office);
    const cdc = await office.test.call('departments.create', { name: '疾病预防控制科', aliases: [] });
    const dup = await office.test.call('departments.create', { name: '疾控科', aliases: [] });
    await office.test.call('departments.create', { name: '妇幼科', aliases: [] });
    renderApp(office);
    await openPage('设置');
    const table = await screen.findByRole('table', { name: '科室列表' });
    fireEvent.click(within(within(table).getByText('疾控科').closest('tr')!).getByRole('button', { name: '合并到…' }));
    const dialog = await screen.findByRole('dialog', { name: '合并科室“疾控科”' });
    fireEvent.change(within(dialog).getByLabelText('合并到'), { target: { value: cdc.id } });
    expect(within(dialog).getByText(/“疾控科”的季度进展、佐证材料、牵头任务和指标将转到“疾病预防控制科”/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '合并' }));

    expect(await screen.findByText('已将“疾控科”合并到“疾病预防控制科”')).toBeTruthy();
    expect(office.callsNamed('departments.merge')).toEqual([{ fromId: dup.id, intoId: cdc.id }]);
    await waitFor(() => expect(within(screen.getByRole('table', { name: '科室列表' })).queryByText('疾控科', { selector: '.col-name' })).toBeNull());
    const row = within(screen.getByRole('table', { name: '科室列表' })).getByText('疾病预防控制科').closest('tr')!;
    expect(within(row).getByText('疾控科')).toBeTruthy();
    expect((await office.test.call('departments.all', {})).find((d) => d.id === dup.id)?.mergedInto).toEqual({ id: cdc.id, name: '疾病预防控制科' });
  });
});
