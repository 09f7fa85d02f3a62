import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPage, renderApp } from './render-app';
import { fields, review, seedQuarter, TODAY } from './quarterly-fixtures';

function card(number: string): HTMLElement {
  return screen.getByRole('article', { name: `第${number}项任务` });
}

function textbox(container: HTMLElement, label: string): HTMLTextAreaElement {
  return within(container).getByLabelText(label) as HTMLTextAreaElement;
}

async function openSheet() {
  await openPage('季度填报');
  return screen.findByRole('article', { name: '第1项任务' });
}

describe('季度填报', () => {
  it("opens on the current quarter and this PC's department, tasks in plan order with lights", async () => {
    const { fake } = await seedQuarter();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('2025年第一季度');
    expect((screen.getByLabelText('科室') as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('疾病预防控制科');
    const titles = screen.getAllByRole('article').map((a) => within(a).getByRole('heading', { level: 3 }).textContent);
    expect(titles).toEqual(['做好免疫规划工作', '做好传染病防控', '开展慢性病筛查']);
    // Nothing reported two months into the year: the light says why, in words.
    expect(within(card('1')).getByText(/尚未启动，序时进度应达/)).toBeTruthy();
    expect(within(card('1')).getByText('未填报')).toBeTruthy();
    expect(fake.callsNamed('progress.sheet')[0]).toEqual({ period: '2025-Q1', departmentId: fake.departmentNamed('疾病预防控制科')!.id });
  });

  it('autosaves typing after a pause, shows the time, and restores it as 修改已自动保存 after a restart', async () => {
    const { fake } = await seedQuarter();
    const first = renderApp(fake, { now: () => TODAY });
    await openSheet();
    fireEvent.change(textbox(card('1'), '进展情况'), { target: { value: '已完成第一轮接种摸底' } });
    expect(fake.callsNamed('progress.saveDraft')).toHaveLength(0);
    expect(screen.getByText('正在自动保存…')).toBeTruthy();
    expect(within(card('1')).getByText('正在自动保存草稿…')).toBeTruthy();
    await waitFor(() => expect(fake.callsNamed('progress.saveDraft')).toHaveLength(1), { timeout: 3000 });
    expect(fake.callsNamed('progress.saveDraft')[0]).toMatchObject({ period: '2025-Q1', fields: { progressText: '已完成第一轮接种摸底', status: '未启动' } });
    expect(await screen.findByText(/^已自动保存 \d\d:\d\d$/)).toBeTruthy();
    // One state: the toolbar says 已自动保存 and the card agrees (no 未保存 under it).
    expect(await within(card('1')).findByText(/^修改已自动保存 /)).toBeTruthy();
    expect(within(card('1')).queryByText(/未保存/)).toBeNull();

    first.unmount();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    expect(textbox(card('1'), '进展情况').value).toBe('已完成第一轮接种摸底');
    expect(within(card('1')).getByText(/^修改已自动保存 /).getAttribute('title')).toBe('草稿只保存在本机；点“保存”记入台账，点“提交”送办公室审核');
    expect(within(card('2')).queryByText(/修改已自动保存|未保存/)).toBeNull();
  });

  it('sends waiting typing at once when the window is hidden or closed', async () => {
    const { fake } = await seedQuarter();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    fireEvent.change(textbox(card('2'), '存在问题'), { target: { value: '冷链设备老化' } });
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await waitFor(() => expect(fake.callsNamed('progress.saveDraft')).toHaveLength(1), { timeout: 300 });
    expect(fake.callsNamed('progress.saveDraft')[0]).toMatchObject({ fields: { problemsText: '冷链设备老化' } });
  });

  it('沿用上季度 copies last quarter as a draft; fields the clerk changes are marked 与上季度不同', async () => {
    const { fake, cdc, tasks } = await seedQuarter();
    await fake.act('progress.save', { taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2024-Q4', fields: fields('全年接种率达95%', { nextStepsText: '做好春季查漏补种' }), submit: true });
    renderApp(fake, { now: () => TODAY });
    const first = await openSheet();
    expect(within(card('2')).queryByRole('button', { name: '沿用上季度' })).toBeNull();
    fireEvent.click(within(first).getByRole('button', { name: '沿用上季度' }));
    await waitFor(() => expect(textbox(card('1'), '进展情况').value).toBe('全年接种率达95%'));
    expect(fake.callsNamed('progress.carryForward')).toEqual([{ departmentId: cdc.id, period: '2025-Q1', taskId: tasks.vaccines.id }]);
    expect(within(card('1')).getByText(/^修改已自动保存 /)).toBeTruthy();
    expect(within(card('1')).queryByText('与上季度不同')).toBeNull();

    fireEvent.change(textbox(card('1'), '下步打算'), { target: { value: '开展入托入学查验' } });
    const marks = within(card('1')).getAllByText('与上季度不同');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.closest('.entry-field')!.querySelector('label')!.textContent).toBe('下步打算');
    expect(marks[0]!.getAttribute('title')).toBe('上季度：做好春季查漏补种');
    expect(textbox(card('1'), '下步打算').closest('.entry-field')!.className).toContain('entry-field-changed');
    expect(textbox(card('1'), '进展情况').closest('.entry-field')!.className).not.toContain('entry-field-changed');
  });

  it('全部沿用上季度 fills only tasks with nothing written this quarter', async () => {
    const { fake, cdc, tasks } = await seedQuarter();
    for (const task of [tasks.vaccines, tasks.outbreaks]) {
      await fake.act('progress.save', { taskId: task.id, departmentId: cdc.id, period: '2024-Q4', fields: fields(`上季度：${task.title}`), submit: true });
    }
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    fireEvent.change(textbox(card('2'), '进展情况'), { target: { value: '本季度已写的内容' } });
    fireEvent.click(screen.getByRole('button', { name: '全部沿用上季度' }));
    await waitFor(() => expect(textbox(card('1'), '进展情况').value).toBe('上季度：做好免疫规划工作'));
    expect(textbox(card('2'), '进展情况').value).toBe('本季度已写的内容');
    expect(await screen.findByText('已为 1 项任务沿用上季度内容；1 项本季度已填写，未覆盖')).toBeTruthy();
  });

  it('Ctrl+S saves the focused task and Ctrl+Enter submits it', async () => {
    const { fake, cdc, tasks } = await seedQuarter();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    const progress = textbox(card('2'), '进展情况');
    fireEvent.change(progress, { target: { value: '完成哨点监测' } });
    fireEvent.change(within(card('2')).getByLabelText('完成百分比'), { target: { value: '30' } });
    fireEvent.change(within(card('2')).getByLabelText('状态'), { target: { value: '推进中' } });
    fireEvent.keyDown(progress, { key: 's', ctrlKey: true });
    await waitFor(() => expect(fake.callsNamed('progress.save')).toHaveLength(1));
    expect(fake.callsNamed('progress.save')[0]).toEqual({
      taskId: tasks.outbreaks.id,
      departmentId: cdc.id,
      period: '2025-Q1',
      fields: { status: '推进中', percent: 30, progressText: '完成哨点监测', problemsText: '', nextStepsText: '' },
      submit: false,
    });
    await waitFor(() => expect(within(card('2')).getByText('草稿')).toBeTruthy());
    expect(within(card('2')).queryByText(/修改已自动保存|未保存/)).toBeNull();

    fireEvent.keyDown(textbox(card('2'), '下步打算'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(within(card('2')).getByText('已提交')).toBeTruthy());
    expect(fake.callsNamed('progress.save')[1]).toMatchObject({ submit: true });
    expect(fake.storedEntry(tasks.outbreaks.id, cdc.id, '2025-Q1')).toMatchObject({ workflowState: 'submitted', percent: 30 });
    // The other tasks were not touched.
    expect(fake.storedEntry(tasks.vaccines.id, cdc.id, '2025-Q1')).toBeNull();
  });

  it('checks before submitting: 进展情况 is needed and the percent must be 0 to 100, next to the field', async () => {
    const { fake } = await seedQuarter();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    fireEvent.change(within(card('1')).getByLabelText('完成百分比'), { target: { value: '120' } });
    fireEvent.click(within(card('1')).getByRole('button', { name: '提交' }));
    expect(await within(card('1')).findByText('完成百分比不能超过100')).toBeTruthy();
    expect(within(card('1')).getByText('提交前请填写进展情况')).toBeTruthy();
    expect(within(card('1')).getByLabelText('完成百分比').getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsNamed('progress.save')).toHaveLength(0);
    // Fixing a field clears its message.
    fireEvent.change(within(card('1')).getByLabelText('完成百分比'), { target: { value: '40' } });
    expect(within(card('1')).queryByText('完成百分比不能超过100')).toBeNull();
  });

  it('shows the office’s return comment, and an approved entry is read-only', async () => {
    const { fake, cdc, tasks } = await seedQuarter();
    const returned = await fake.act('progress.save', { taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2025-Q1', fields: fields('开展接种'), submit: true });
    await review(fake, returned.id, 'return', '请补充接种人数');
    const approved = await fake.act('progress.save', { taskId: tasks.outbreaks.id, departmentId: cdc.id, period: '2025-Q1', fields: fields('完成哨点监测'), submit: true });
    await review(fake, approved.id, 'approve');
    fake.calls.length = 0;
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    expect(within(card('1')).getByText('已退回')).toBeTruthy();
    expect(within(card('1')).getByRole('note').textContent).toBe('办公室退回意见：请补充接种人数');

    const locked = card('2');
    expect(within(locked).getByText('已审核')).toBeTruthy();
    expect(within(locked).getByText('已审核锁定，如需修改请联系办公室解锁')).toBeTruthy();
    expect(textbox(locked, '进展情况').readOnly).toBe(true);
    expect((within(locked).getByLabelText('状态') as HTMLSelectElement).disabled).toBe(true);
    expect(within(locked).queryByRole('button', { name: '保存' })).toBeNull();
    expect(within(locked).queryByRole('button', { name: '添加佐证材料' })).toBeNull();
    fireEvent.change(textbox(locked, '进展情况'), { target: { value: '偷偷改一下' } });
    fireEvent.keyDown(textbox(locked, '进展情况'), { key: 's', ctrlKey: true });
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(textbox(locked, '进展情况').value).toBe('完成哨点监测');
    expect(fake.callsNamed('progress.saveDraft')).toHaveLength(0);
    expect(fake.callsNamed('progress.save')).toHaveLength(0);
    // And the fake, like the core, refuses a save of a locked entry.
    const refused = await fake.invoke('progress.save', { taskId: tasks.outbreaks.id, departmentId: cdc.id, period: '2025-Q1', fields: fields('x') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });

  it('提交全部 says how many it submits and which have no 进展, submits the written and holds the blank back', async () => {
    const { fake, cdc, tasks } = await seedQuarter();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    fireEvent.change(textbox(card('1'), '进展情况'), { target: { value: '接种工作正常推进' } });
    fireEvent.change(within(card('2')).getByLabelText('状态'), { target: { value: '推进中' } });
    fireEvent.change(textbox(card('3'), '进展情况'), { target: { value: '完成筛查方案' } });
    fireEvent.click(screen.getByRole('button', { name: '提交全部' }));
    const dialog = await screen.findByRole('alertdialog', { name: '提交全部' });
    expect(dialog.textContent).toContain(
      '将提交 3 项，其中 1 项未填写进展（第2项），这些暂不提交，填写进展情况后再提交。其余 2 项将提交给办公室审核，提交后仍可修改，修改后需重新提交。',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '提交' }));
    expect(await screen.findByText('已提交 2 项；1 项未填写进展，未提交')).toBeTruthy();
    expect(fake.storedEntry(tasks.vaccines.id, cdc.id, '2025-Q1')?.workflowState).toBe('submitted');
    expect(fake.storedEntry(tasks.screening.id, cdc.id, '2025-Q1')?.workflowState).toBe('submitted');
    expect(fake.storedEntry(tasks.outbreaks.id, cdc.id, '2025-Q1')).toBeNull();
    expect(fake.callsNamed('progress.save').filter((c) => (c as { submit: boolean }).submit)).toHaveLength(2);

    // Only the blank one is left: nothing to confirm, the clerk is told which task waits.
    fireEvent.click(screen.getByRole('button', { name: '提交全部' }));
    expect(await screen.findByText('没有可提交的任务：1 项未填写进展（第2项），请先填写进展情况')).toBeTruthy();
    expect(screen.queryByRole('alertdialog', { name: '提交全部' })).toBeNull();
  });

  it('提交全部 with everything written asks plainly, and a card that cannot autosave says 修改未保存', async () => {
    const { fake } = await seedQuarter();
    const failing = {
      invoke: ((name, args) =>
        name === 'progress.saveDraft' ? Promise.resolve({ ok: false, error: { code: 'DISK_FULL', message: '磁盘已满' } }) : fake.invoke(name, args)) as typeof fake.invoke,
      onEvent: (listener: Parameters<typeof fake.onEvent>[0]) => fake.onEvent(listener),
    };
    renderApp(failing, { now: () => TODAY });
    await openSheet();
    for (const n of ['1', '2', '3']) fireEvent.change(textbox(card(n), '进展情况'), { target: { value: `第${n}项进展` } });
    expect(await within(card('1')).findByText('修改未保存', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('自动保存失败：磁盘已满');
    fireEvent.click(screen.getByRole('button', { name: '提交全部' }));
    const dialog = await screen.findByRole('alertdialog', { name: '提交全部' });
    expect(dialog.textContent).toContain('将提交 3 项给办公室审核。提交后仍可修改，修改后需重新提交。');
  });

  it('attaches evidence: a PDF is sent as base64 and listed; a .doc is refused with advice', async () => {
    const { fake, cdc, tasks } = await seedQuarter();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    const input = within(card('1')).getByLabelText('为第1项选择佐证材料') as HTMLInputElement;
    const pdf = new File(['%PDF-1.4 minimal'], '接种通知.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [pdf] } });
    expect(await within(card('1')).findByRole('button', { name: '接种通知.pdf' })).toBeTruthy();
    const [call] = fake.callsNamed('attachments.add') as { fileName: string; contentBase64: string; taskId: string; departmentId: string }[];
    expect(call).toMatchObject({ fileName: '接种通知.pdf', taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2025-Q1' });
    expect(atob(call!.contentBase64)).toBe('%PDF-1.4 minimal');

    const doc = new File(['x'], '会议纪要.doc');
    fireEvent.change(input, { target: { files: [doc] } });
    expect((await within(card('1')).findByRole('alert')).textContent).toContain('旧版 Word 文档（.doc），请另存为 .docx');
    expect(fake.callsNamed('attachments.add')).toHaveLength(1);

    fireEvent.click(within(card('1')).getByRole('button', { name: '删除佐证材料 接种通知.pdf' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(within(card('1')).queryByRole('button', { name: '接种通知.pdf' })).toBeNull());
  });
});

describe('季度填报：指标数值', () => {
  async function seedIndicators() {
    const seeded = await seedQuarter();
    const rate = seeded.fake.addIndicator({ planId: seeded.plan.id, departmentId: seeded.cdc.id, name: '适龄儿童免疫规划疫苗接种率', unit: '%', comparator: '>=', targetValue: 95, targetYear: 2025, valueKind: 'proportion' });
    const cases = seeded.fake.addIndicator({ planId: seeded.plan.id, departmentId: seeded.cdc.id, name: '救护培训', unit: '人次', comparator: '>=', targetValue: 30000, targetYear: 2025, valueKind: 'count', accumulation: 'cumulative' });
    return { ...seeded, rate, cases };
  }

  function indicatorForm(name: string): HTMLElement {
    return screen.getByRole('form', { name: `${name}2025年一季度数值` });
  }

  it('a proportion over 100 shows the Chinese rule before anything is sent', async () => {
    const { fake } = await seedIndicators();
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    fireEvent.click(screen.getByRole('tab', { name: /指标数值/ }));
    const form = await screen.findByRole('form', { name: '适龄儿童免疫规划疫苗接种率2025年一季度数值' });
    const value = within(form).getByLabelText('2025年一季度数值');
    fireEvent.change(value, { target: { value: '120' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe('该指标是比例（单位%），数值应在0到100之间。如该指标类型不对，可在“指标”页修改指标类型。');
    expect(fake.callsNamed('indicators.setValue')).toHaveLength(0);

    fireEvent.change(value, { target: { value: '96.5' } });
    fireEvent.submit(form);
    await waitFor(() => expect(fake.callsNamed('indicators.setValue')).toEqual([{ indicatorId: expect.any(String), period: '2025-Q1', value: 96.5, note: '' }]));
    expect(await within(indicatorForm('适龄儿童免疫规划疫苗接种率')).findByText(/已达到目标95%/)).toBeTruthy();
  });

  it('the core’s outlier warning is a notice, not a block', async () => {
    const { fake, cases } = await seedIndicators();
    await fake.act('indicators.setValue', { indicatorId: cases, period: '2024-Q4', value: 1000 });
    renderApp(fake, { now: () => TODAY });
    await openSheet();
    fireEvent.click(screen.getByRole('tab', { name: /指标数值/ }));
    const form = await screen.findByRole('form', { name: '救护培训2025年一季度数值' });
    fireEvent.change(within(form).getByLabelText('2025年一季度数值'), { target: { value: '8000' } });
    fireEvent.submit(form);
    expect(await screen.findByText(/相差超过3倍，请核对是否填写有误（已保存；如确认无误可忽略）/)).toBeTruthy();
    expect(fake.callsNamed('indicators.setValue')).toHaveLength(2);
    // A count must be whole.
    fireEvent.change(within(form).getByLabelText('2025年一季度数值'), { target: { value: '8000.5' } });
    fireEvent.submit(form);
    expect(await screen.findByText(/该指标是数量，应为整数/)).toBeTruthy();
  });
});
