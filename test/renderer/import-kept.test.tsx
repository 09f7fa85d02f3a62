import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ParsedDraft, PlanDraft } from '../../shared/api/imports';
import { FakeLedger } from './fake-ledger';
import { WORK_POINTS, WORK_POINTS_REVISED } from './fixtures/import-text';
import { card, pasteAndRead, seedAll } from './import-steps';
import { renderApp } from './render-app';

/*
 * 本机已修改，保留: the review sends what the parser read beside the clerk's draft, and a later import
 * of the document shows which records the clerk changed (kept, not overwritten).
 */


/** Import WORK_POINTS with task 2 renamed on the review screen. */
async function importRenamed(fake: FakeLedger) {
  renderApp(fake);
  await pasteAndRead(WORK_POINTS);
  expect(within(card('第2项任务')).queryByText('本机已修改，保留')).toBeNull();
  fireEvent.change(within(card('第2项任务')).getByLabelText('任务名称'), { target: { value: '提升卫生应急救援能力' } });
  fireEvent.click(screen.getByRole('button', { name: '保存到台账' }));
  await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
}

describe('导入计划：本机已修改，保留', () => {
  it('sends the parse beside the corrected draft, and the same document again marks the renamed task', async () => {
    const fake = new FakeLedger();
    await seedAll(fake, ['中医科']);
    await importRenamed(fake);
    const [first] = fake.callsNamed('imports.save') as { draft: PlanDraft; parsed: ParsedDraft }[];
    expect(first!.draft.tasks[1]!.title).toBe('提升卫生应急救援能力');
    expect(first!.parsed.tasks.map((t) => t.title)).toEqual(['强化疫情防控能力建设', '提升应急救援能力', '推进家庭医生签约服务', '改善医疗服务']);
    expect(first!.parsed.targets).toHaveLength(3);

    await pasteAndRead(WORK_POINTS);
    const notice = screen.getByText(/该文件已导入过/).closest('.notice') as HTMLElement;
    const kept = within(notice).getByRole('list', { name: '本机已修改，保留' });
    expect(within(kept).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['本机已修改，保留任务 第2项“提升卫生应急救援能力”：任务名称']);
    expect(within(card('第2项任务')).getByText('本机已修改，保留').getAttribute('title')).toContain('任务名称在本机修改过');
    expect(within(card('第1项任务')).queryByText('本机已修改，保留')).toBeNull();
  });

  it('a revision shows the kept field on its change', async () => {
    const fake = new FakeLedger();
    await seedAll(fake, ['中医科']);
    await importRenamed(fake);
    await pasteAndRead(WORK_POINTS_REVISED);
    fireEvent.click(screen.getByRole('button', { name: '作为修订版与已有计划“2025年全区卫生健康工作要点”比较' }));
    const list = await screen.findByRole('list', { name: '修订内容' });
    const reworded = within(list).getByRole('checkbox', { name: '改写：第2项' }).closest('li') as HTMLElement;
    expect(within(reworded).getByText('本机已修改，保留').closest('p')!.textContent).toBe('本机已修改，保留任务名称在本机修改过，保存时不会被新版本覆盖。');
    const owners = within(list).getByRole('checkbox', { name: '牵头科室变化：第3项' }).closest('li') as HTMLElement;
    expect(within(owners).queryByText('本机已修改，保留')).toBeNull();
  });
});
