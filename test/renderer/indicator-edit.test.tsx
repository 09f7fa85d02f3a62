import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPage, renderApp } from './render-app';
import { seedQuarter, TODAY } from './quarterly-fixtures';

function row(name: string): HTMLElement {
  return screen.getByText(name, { selector: '.grid-name' }).closest('tr')!;
}

describe('指标：修改指标', () => {
  it('edits name, range, unit and 基数 from the indicator row, sending only what changed, with field errors in the dialog', async () => {
    const { fake, plan, cdc } = await seedQuarter();
    const signing = fake.addIndicator({ planId: plan.id, departmentId: cdc.id, name: '家庭医生签约率', unit: '%', comparator: '>=', targetValue: 75, targetYear: 2025, valueKind: 'proportion' });
    renderApp(fake, { now: () => TODAY });
    await openPage('指标');
    await screen.findByRole('table', { name: '指标数值' });
    expect([...row('家庭医生签约率').querySelectorAll('td')].map((td) => td.textContent).slice(2, 4)).toEqual(['—', '≥75（2025年）']);

    fireEvent.click(within(row('家庭医生签约率')).getByRole('button', { name: '修改指标家庭医生签约率' }));
    const dialog = await screen.findByRole('dialog', { name: '修改指标：家庭医生签约率' });
    expect((within(dialog).getByLabelText('指标名称') as HTMLInputElement).value).toBe('家庭医生签约率');
    fireEvent.change(within(dialog).getByLabelText('指标名称'), { target: { value: '重点人群家庭医生签约率' } });
    fireEvent.change(within(dialog).getByLabelText('比较方式'), { target: { value: 'between' } });
    fireEvent.change(within(dialog).getByLabelText('目标上限'), { target: { value: '70' } });
    fireEvent.change(within(dialog).getByLabelText('基数'), { target: { value: '六十' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    // A word where a number belongs is caught before anything is sent.
    expect((await within(dialog).findByRole('alert')).textContent).toBe('请输入数字');
    expect(fake.callsNamed('indicators.update')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('基数'), { target: { value: '62.5' } });
    fireEvent.change(within(dialog).getByLabelText('基数年份'), { target: { value: '2024' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('目标上限不能小于下限');

    fireEvent.change(within(dialog).getByLabelText('目标上限'), { target: { value: '80' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsNamed('indicators.update').at(-1)).toEqual({ id: signing, name: '重点人群家庭医生签约率', comparator: 'between', targetValueMax: 80, baselineValue: 62.5, baselineYear: 2024 });
    const cells = [...row('重点人群家庭医生签约率').querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(1, 4)).toEqual(['区间', '62.5（2024年）', '75—80（2025年）']);
  });
});
