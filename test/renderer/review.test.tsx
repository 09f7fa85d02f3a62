import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPage, renderApp } from './render-app';
import { fields, seedQuarter, TODAY } from './quarterly-fixtures';

async function seedSubmitted() {
  const seeded = await seedQuarter({ reviewer: true });
  const { fake, cdc, tasks } = seeded;
  const vaccines = await fake.act('progress.save', { taskId: tasks.vaccines.id, departmentId: cdc.id, period: '2025-Q1', fields: fields('开展接种'), submit: true });
  const outbreaks = await fake.act('progress.save', { taskId: tasks.outbreaks.id, departmentId: cdc.id, period: '2025-Q1', fields: fields('完成哨点监测'), submit: true });
  return { ...seeded, vaccines, outbreaks };
}

function overviewRow(name: string): HTMLElement {
  return within(screen.getByRole('table', { name: '各科室填报情况' })).getByRole('button', { name }).closest('tr')!;
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.textContent);

describe('办公室审核', () => {
  it('a reviewer lands on the review with the note that roles are not permissions, and sees counts per department', async () => {
    const { fake } = await seedSubmitted();
    renderApp(fake, { now: () => TODAY });
    await openPage('季度填报');
    expect(await screen.findByText('角色仅用于区分填报和审核环节，不是权限控制。')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '办公室审核' }).getAttribute('aria-selected')).toBe('true');
    // 应填, 未填, 草稿, 已提交, 已退回, 已审核, 催办
    expect(cells(overviewRow('疾病预防控制科'))).toEqual(['3', '1', '0', '2', '0', '0', '—']);
    expect(cells(overviewRow('医政科'))).toEqual(['1', '1', '0', '0', '0', '0', '—']);
  });

  it('marks late departments for 催办 once the quarter is over', async () => {
    const { fake } = await seedSubmitted();
    fake.setToday('2025-05-01T02:00:00Z');
    renderApp(fake, { now: () => TODAY });
    await openPage('季度填报');
    await screen.findByRole('table', { name: '各科室填报情况' });
    expect(within(overviewRow('医政科')).getByText('催办')).toBeTruthy();
    expect(screen.getByText('2 个科室需催办')).toBeTruthy();
  });

  it('keeps a 退回意见 typed but not sent when the window closes, offers it again, and forgets it once returned', async () => {
    const { fake, cdc, tasks } = await seedSubmitted();
    const open = async () => {
      const view = renderApp(fake, { now: () => TODAY });
      await openPage('季度填报');
      await screen.findByRole('table', { name: '各科室填报情况' });
      fireEvent.click(screen.getByRole('button', { name: '疾病预防控制科' }));
      const first = await screen.findByRole('article', { name: '第1项任务的进展' });
      fireEvent.click(within(first).getByRole('button', { name: '退回' }));
      return { view, dialog: await screen.findByRole('dialog', { name: '退回修改' }) };
    };
    const first = await open();
    fireEvent.change(within(first.dialog).getByLabelText('退回意见'), { target: { value: '请补充接种人数和覆盖率' } });
    await waitFor(() => expect(fake.callsNamed('progress.reasonDraft').some((c) => (c as { text?: string }).text === '请补充接种人数和覆盖率')).toBe(true));
    first.view.unmount();

    const again = await open();
    await waitFor(() => expect((within(again.dialog).getByLabelText('退回意见') as HTMLTextAreaElement).value).toBe('请补充接种人数和覆盖率'));
    expect(within(again.dialog).getByText('已恢复上次未提交的内容')).toBeTruthy();
    fireEvent.click(within(again.dialog).getByRole('button', { name: '退回' }));
    await waitFor(() => expect(fake.storedEntry(tasks.vaccines.id, cdc.id, '2025-Q1')).toMatchObject({ workflowState: 'returned', reviewComment: '请补充接种人数和覆盖率' }));
    await waitFor(() => expect(fake.callsNamed('progress.reasonDraft').at(-1)).toMatchObject({ clear: true }));
  });

  it('returns one entry with a required comment, approves the other, then unlocks it with a reason', async () => {
    const { fake, cdc, tasks } = await seedSubmitted();
    renderApp(fake, { now: () => TODAY });
    await openPage('季度填报');
    await screen.findByRole('table', { name: '各科室填报情况' });
    fireEvent.click(screen.getByRole('button', { name: '疾病预防控制科' }));
    const first = await screen.findByRole('article', { name: '第1项任务的进展' });
    expect(within(first).getByText('开展接种')).toBeTruthy();

    fireEvent.click(within(first).getByRole('button', { name: '退回' }));
    let dialog = await screen.findByRole('dialog', { name: '退回修改' });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    expect(await within(dialog).findByText('请写明退回原因，科室将按意见修改')).toBeTruthy();
    expect(fake.callsNamed('progress.review')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('退回意见'), { target: { value: '请补充接种人数' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '退回修改' })).toBeNull());
    expect(fake.storedEntry(tasks.vaccines.id, cdc.id, '2025-Q1')).toMatchObject({ workflowState: 'returned', reviewComment: '请补充接种人数' });

    const second = screen.getByRole('article', { name: '第2项任务的进展' });
    fireEvent.click(within(second).getByRole('button', { name: '通过' }));
    await waitFor(() => expect(fake.storedEntry(tasks.outbreaks.id, cdc.id, '2025-Q1')?.workflowState).toBe('approved'));
    await waitFor(() => expect(cells(overviewRow('疾病预防控制科'))).toEqual(['3', '1', '0', '0', '1', '1', '—']));
    expect(screen.getByRole('heading', { name: '已退回，等待科室修改（1）' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '已审核（1）' })).toBeTruthy();

    const approved = screen.getByRole('article', { name: '第2项任务的进展' });
    expect(within(approved).queryByRole('button', { name: '通过' })).toBeNull();
    fireEvent.click(within(approved).getByRole('button', { name: '解锁' }));
    dialog = await screen.findByRole('dialog', { name: '解锁已审核的进展' });
    fireEvent.click(within(dialog).getByRole('button', { name: '解锁' }));
    expect(await within(dialog).findByText('请写明解锁原因，将记入修改记录')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('解锁原因'), { target: { value: '区政府要求补充数据' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '解锁' }));
    await waitFor(() => expect(fake.storedEntry(tasks.outbreaks.id, cdc.id, '2025-Q1')?.workflowState).not.toBe('approved'));
    expect(fake.callsNamed('progress.unlock')).toEqual([{ id: expect.any(String), reason: '区政府要求补充数据' }]);
  });

  it('the contract itself refuses a return without a comment', async () => {
    const { fake, vaccines } = await seedSubmitted();
    const refused = await fake.invoke('progress.review', { id: vaccines.id, decision: 'return', comment: '  ' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', fields: { comment: '退回时请写明原因' } } });
  });

  it('a clerk does not see the review tab', async () => {
    const { fake } = await seedQuarter();
    renderApp(fake, { now: () => TODAY });
    await openPage('季度填报');
    await screen.findByRole('article', { name: '第1项任务' });
    expect(screen.queryByRole('tab', { name: '办公室审核' })).toBeNull();
  });
});
