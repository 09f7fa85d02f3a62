import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TemplatesPanel } from '../../renderer/src/reports/templates/TemplatesPanel';
import { createLedgerStore } from '../../renderer/src/store';
import { StoreProvider } from '../../renderer/src/store/context';
import { countRows } from '../helpers/core';
import { cityForm } from '../reports/template-forms';
import { seededDashboard } from './dashboard-fixture';
import { joinEntries } from '../../shared/reports/columns';
import { releaseAfterEachTest } from './exchange-downloads';

const { open, catchDownloads } = releaseAfterEachTest();

const Q2 = '2025-Q2';

async function setup() {
  const seeded = await seededDashboard();
  open.push(seeded.api);
  const store = createLedgerStore(seeded.api);
  render(
    <StoreProvider store={store}>
      <TemplatesPanel scope={{ period: Q2 }} />
    </StoreProvider>,
  );
  return { ...seeded, store };
}

async function formFile(name = '市卫健委季度报表.xlsx'): Promise<File> {
  return new File([await cityForm().xlsx.writeBuffer()], name);
}

const panel = () => within(screen.getByRole('region', { name: '上级表样' }));
const wizard = () => within(screen.getByRole('region', { name: '添加上级表样' }));
const select = (label: string) => wizard().getByLabelText(label) as HTMLSelectElement;

/** The form's column titles as the mapping table shows them (second cell of each row). */
const headerTexts = () =>
  within(wizard().getByRole('table', { name: '各列对应字段' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]!.textContent);

async function pick(file: File) {
  fireEvent.change(wizard().getByLabelText('选择上级表样文件'), { target: { files: [file] } });
}

describe('上级表样 panel against the core', () => {
  it('adds the city’s form with the suggested fields and one change, fills it for the scope, offers 另存为, and deletes it after asking', async () => {
    const { api } = await setup();
    const downloads = catchDownloads();
    expect(await panel().findByText('还没有上级表样。')).toBeTruthy();

    fireEvent.click(panel().getByRole('button', { name: '添加上级表样' }));
    await pick(await formFile());
    await wizard().findByRole('table', { name: '各列对应字段' });
    // What the core read: the header on row 3, each column with its title and our guess.
    expect((wizard().getByLabelText('表头所在行') as HTMLInputElement).value).toBe('4');
    expect(headerTexts()).toEqual(['序号', '牵头单位', '重点任务', '推进情况／进展情况', '推进情况／存在问题', '下一步工作', '是否按序时推进', '备注', '联系人']);
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((letter) => select(`${letter}列对应字段`).value)).toEqual([
      'number',
      'departments',
      'title',
      'progress',
      'problems',
      'nextSteps',
      'pace',
      '',
      '',
    ]);
    expect(within(wizard().getByRole('table', { name: '表样预览' })).getAllByRole('row')[0]!.textContent).toBe('1____年第__季度全市卫生健康重点工作推进情况表');

    // 备注 gets our 状态; an indicator field beside task fields is refused before saving.
    fireEvent.change(select('H列对应字段'), { target: { value: 'status' } });
    fireEvent.change(select('I列对应字段'), { target: { value: 'indicatorValue' } });
    expect(wizard().getByRole('status').textContent).toContain('只能填写重点工作或指标中的一种');
    expect((wizard().getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(select('I列对应字段'), { target: { value: '' } });
    expect(wizard().getByRole('status').textContent).toBe('每行填写一项重点工作，共8列。');

    // No recipient: said next to the field, nothing stored.
    fireEvent.click(wizard().getByRole('button', { name: '保存' }));
    expect((await wizard().findByRole('alert')).textContent).toContain('请填写接收单位');
    expect(countRows(api.test.core, 'report_templates')).toBe(0);

    fireEvent.change(wizard().getByLabelText('接收单位'), { target: { value: '市卫生健康委' } });
    fireEvent.click(wizard().getByRole('button', { name: '保存' }));
    const item = await panel().findByRole('listitem', { name: '市卫生健康委' });
    await waitFor(() => expect(screen.queryByRole('region', { name: '添加上级表样' })).toBeNull());
    expect(item.textContent).toContain('市卫健委季度报表.xlsx');
    expect(item.textContent).toContain('H列→状态');
    expect(api.callsNamed('report.templates.save').at(-1)).toMatchObject({
      recipient: '市卫生健康委',
      sheetName: '重点工作',
      headerRow: 4,
      mapping: expect.arrayContaining([{ column: 8, field: 'status' }, { column: 4, field: 'progress' }]),
    });
    expect(countRows(api.test.core, 'report_templates')).toBe(1);

    // 按此表样生成 for the page's scope: the sentence and where the file went, then a copy as a download.
    fireEvent.click(within(item).getByRole('button', { name: '按此表样生成' }));
    const result = await within(item).findByRole('status');
    expect(api.callsNamed('report.fill').at(-1)).toMatchObject({ scope: { period: Q2 }, save: true });
    expect(result.textContent).toContain('4项重点工作');
    expect(result.textContent).toMatch(/已保存到：.*reports.*市卫生健康委_渝北区卫生健康委_2025年第二季度重点工作台账\.xlsx/);
    fireEvent.click(within(result).getByRole('button', { name: '另存为…' }));
    expect(downloads.files.map((f) => f.fileName)).toEqual(['市卫生健康委_渝北区卫生健康委_2025年第二季度重点工作台账.xlsx']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await downloads.file()).arrayBuffer());
    const sheet = workbook.getWorksheet('重点工作')!;
    const model = await api.test.call('report.model', { kind: 'ledger', scope: { period: Q2 } });
    expect([6, 7, 8, 9].map((row) => [sheet.getCell(`C${row}`).value, sheet.getCell(`D${row}`).value ?? ''])).toEqual(
      // The 台账's own words: a lead that did not report says 未填报, never an empty cell that reads as nothing to say.
      model.tasks.map((task) => [task.title, joinEntries(task.entries, (e) => e.progress)]),
    );
    expect(sheet.getCell('H6').value).toBe('已完成');
    // 4 改善医疗服务: nobody reported.
    expect(sheet.getCell('D9').value).toBe('未填报');
    expect(sheet.getCell('A1').value).toBe('2025年第二季度全市卫生健康重点工作推进情况表');

    // 删除 asks first; 取消 keeps it, 删除 removes it.
    fireEvent.click(within(item).getByRole('button', { name: '删除' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('“市卫生健康委”的表样');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(countRows(api.test.core, 'report_templates')).toBe(1);
    fireEvent.click(within(item).getByRole('button', { name: '删除' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await panel().findByText('还没有上级表样。')).toBeTruthy();
    expect(countRows(api.test.core, 'report_templates')).toBe(0);
  });

  it('says in place why a file cannot be a form, stores nothing, and takes another file after', async () => {
    const { api } = await setup();
    fireEvent.click(await panel().findByRole('button', { name: '添加上级表样' }));
    await pick(new File([new TextEncoder().encode('序号,工作任务\n1,提升居民健康素养')], '表样.xlsx'));
    const alert = await wizard().findByRole('alert');
    expect(alert.textContent).toContain('无法使用这个文件');
    expect(alert.textContent).toMatch(/表样\.xlsx.*扩展名/);
    expect(countRows(api.test.core, 'report_templates')).toBe(0);

    await pick(await formFile());
    expect(await wizard().findByRole('table', { name: '各列对应字段' })).toBeTruthy();
    expect(wizard().queryByRole('alert')).toBeNull();
  });

  it('reads the columns of another header row when the clerk changes it, keeping the fields chosen by column', async () => {
    await setup();
    fireEvent.click(await panel().findByRole('button', { name: '添加上级表样' }));
    await pick(await formFile());
    await wizard().findByRole('table', { name: '各列对应字段' });
    fireEvent.change(wizard().getByLabelText('表头所在行'), { target: { value: '5' } });
    expect(headerTexts()).toEqual(['序号', '牵头单位', '重点任务', '进展情况', '存在问题', '下一步工作', '是否按序时推进', '备注', '联系人']);
    expect(select('D列对应字段').value).toBe('progress');
    expect(wizard().getByText('自动识别为第4行')).toBeTruthy();
    await waitFor(() => expect(wizard().getByRole('table', { name: '表样预览' }).querySelector('.templates-preview-header th')?.textContent).toBe('5'));
  });
});
