import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReviewState } from '../../shared/api/imports';
import { FakeLedger } from './fake-ledger';
import { WORK_POINTS, WORK_POINTS_REVISED } from './fixtures/import-text';
import { card, pasteAndRead, seedAll } from './import-steps';
import { openPage, renderApp } from './render-app';

type DraftSave = { source: { sha256: string }; preview: unknown; state: ReviewState };

const draftSaves = (fake: FakeLedger) => fake.callsNamed('imports.saveReviewDraft') as DraftSave[];
const lastState = (fake: FakeLedger) => draftSaves(fake).at(-1)?.state;

/** What a reload does to the renderer: the page and its store are gone; the core keeps what it was sent. */
async function reload(fake: FakeLedger) {
  act(() => window.dispatchEvent(new Event('pagehide')));
  cleanup();
  return renderApp(fake);
}

describe('导入审核的自动保存', () => {
  it('offers an interrupted review back after a reload, with every edit: tree, owners, targets and revision ticks', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    await fake.act('departments.create', { name: '中医科', aliases: [] });
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);
    // The parse is kept at once, with the preview; a save of the plan clears it.
    await waitFor(() => expect(draftSaves(fake)).toHaveLength(1));
    expect(draftSaves(fake)[0]!.preview).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存到台账' }));
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    expect(await fake.act('imports.reviewDrafts', {})).toEqual([]);

    // A revised text: compare, untick one change, rename a task, edit a target, add an owner and create its department.
    await pasteAndRead(WORK_POINTS_REVISED);
    fireEvent.click(screen.getByRole('button', { name: /作为修订版/ }));
    const list = await screen.findByRole('list', { name: '修订内容' });
    fireEvent.click(within(list).getByRole('checkbox', { name: '删除：第4项' }));
    fireEvent.click(screen.getByRole('tab', { name: /任务/ }));
    fireEvent.change(within(card('第1项任务')).getByLabelText('任务名称'), { target: { value: '强化疫情防控' } });
    fireEvent.click(within(card('第3项任务')).getByRole('button', { name: '展开第3项任务' }));
    const target = within(within(card('第3项任务')).getByRole('listitem', { name: '指标 重点人群签约服务覆盖率' }));
    fireEvent.change(target.getByLabelText('目标值'), { target: { value: '90' } });
    fireEvent.click(within(card('第3项任务')).getByRole('button', { name: '+ 添加' }));
    fireEvent.change(within(card('第3项任务')).getByLabelText('搜索科室'), { target: { value: '卫生监督科' } });
    fireEvent.click(within(card('第3项任务')).getByRole('button', { name: /按原文添加“卫生监督科”/ }));
    fireEvent.click(screen.getByRole('tab', { name: /科室对应/ }));
    fireEvent.click(screen.getByRole('button', { name: '新建科室“卫生监督科”' }));
    // Edits are saved once the clerk pauses.
    await waitFor(() => expect(lastState(fake)?.ownerChoices).toEqual({ 卫生监督科: { action: 'create' } }), { timeout: 5000 });
    await waitFor(() => expect(lastState(fake)?.draft.tasks[0]!.title).toBe('强化疫情防控'), { timeout: 5000 });
    expect(await screen.findByText(/核对进度已自动保存 \d\d:\d\d/)).toBeTruthy();
    // Later saves send the edits only, not the parse again.
    expect(draftSaves(fake).at(-1)!.preview).toBeNull();

    // The window reloads: the import page offers the review back.
    await reload(fake);
    await openPage('导入计划');
    const resume = await screen.findByRole('button', { name: /^继续上次未完成的导入审核（粘贴的文字，\d{4}-\d\d-\d\d \d\d:\d\d）$/ });
    expect(screen.getByText(/^“2025年全区卫生健康工作要点”，4 项任务。/)).toBeTruthy();
    fireEvent.click(resume);
    await screen.findByRole('heading', { name: '核对导入内容', level: 1 });
    expect((within(card('第1项任务')).getByLabelText('任务名称') as HTMLInputElement).value).toBe('强化疫情防控');
    fireEvent.click(within(card('第3项任务')).getByRole('button', { name: '展开第3项任务' }));
    expect((within(within(card('第3项任务')).getByRole('listitem', { name: '指标 重点人群签约服务覆盖率' })).getByLabelText('目标值') as HTMLInputElement).value).toBe('90');
    expect(within(card('第3项任务')).getByText('卫生监督科').closest('li')!.className).toContain('owner-chip-create');
    fireEvent.click(screen.getByRole('tab', { name: /科室对应/ }));
    expect(within(screen.getByRole('table', { name: '科室对应' })).getByRole('row', { name: /^卫生监督科/ }).textContent).toContain('将新建科室');
    fireEvent.click(screen.getByRole('tab', { name: '修订比较' }));
    const restored = await screen.findByRole('list', { name: '修订内容' });
    expect((within(restored).getByRole('checkbox', { name: '删除：第4项' }) as HTMLInputElement).checked).toBe(false);
    expect((within(restored).getByRole('checkbox', { name: '新增：第4项' }) as HTMLInputElement).checked).toBe(true);
    // The task was edited after the comparison: saving asks to compare again, as before the reload.
    fireEvent.click(screen.getByRole('button', { name: '保存到台账' }));
    expect((await screen.findByRole('alert')).textContent).toContain('比较之后又修改了任务');

    // Saving clears the draft: nothing is offered afterwards.
    fireEvent.click(screen.getByRole('button', { name: '重新比较' }));
    await waitFor(() => expect(fake.callsNamed('imports.diff')).toHaveLength(2));
    await within(await screen.findByRole('list', { name: '修订内容' })).findByRole('checkbox', { name: '改写：第1项' });
    fireEvent.click(screen.getByRole('button', { name: '保存到台账' }));
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    expect(await fake.act('imports.reviewDrafts', {})).toEqual([]);
    await openPage('导入计划');
    await screen.findByText('把计划文件拖到这里', { exact: false });
    expect(screen.queryByRole('button', { name: /继续上次未完成的导入审核/ })).toBeNull();
  });

  it('sends the waiting edits when the window closes, and drops the review on 放弃 or 重新选择文件', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);
    await waitFor(() => expect(draftSaves(fake)).toHaveLength(1));
    fireEvent.change(within(card('第2项任务')).getByLabelText('任务名称'), { target: { value: '提升卫生应急能力' } });
    // Closed before the pause ends: pagehide sends it at once.
    await reload(fake);
    await waitFor(() => expect(lastState(fake)?.draft.tasks[1]!.title).toBe('提升卫生应急能力'));

    await openPage('导入计划');
    fireEvent.click(await screen.findByRole('button', { name: '放弃“粘贴的文字”的导入审核' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /继续上次未完成的导入审核/ })).toBeNull());
    expect(await fake.act('imports.reviewDrafts', {})).toEqual([]);

    // 重新选择文件 abandons the review too.
    fireEvent.click(screen.getByRole('tab', { name: '粘贴文字' }));
    fireEvent.change(screen.getByLabelText('计划全文'), { target: { value: WORK_POINTS } });
    fireEvent.click(screen.getByRole('button', { name: '识别粘贴的文字' }));
    await screen.findByRole('heading', { name: '核对导入内容', level: 1 });
    await waitFor(async () => expect(await fake.act('imports.reviewDrafts', {})).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: '重新选择文件' }));
    await screen.findByText('把计划文件拖到这里', { exact: false });
    await waitFor(async () => expect(await fake.act('imports.reviewDrafts', {})).toEqual([]));
  });
});

describe('导入审核的科室对应', () => {
  it('a new department takes the bracketed variant of its name, and an alias added in 设置 meanwhile applies', async () => {
    const fake = new FakeLedger();
    await fake.act('departments.create', { name: '疾病预防控制科', aliases: [] });
    const office = await fake.act('departments.create', { name: '办公室', aliases: [] });
    await fake.act('departments.create', { name: '医政科', aliases: [] });
    await fake.act('departments.create', { name: '信息统计科', aliases: [] });
    renderApp(fake);
    const text = WORK_POINTS.replace('（牵头科室：基层科，', '（牵头科室：公卫科，').replace('（牵头科室：医政科，', '（牵头科室：公卫科（爱卫办）、区红十字会办公室，');
    await pasteAndRead(text);
    fireEvent.click(screen.getByRole('tab', { name: /科室对应/ }));
    const table = () => screen.getByRole('table', { name: '科室对应' });
    const row = (name: string) => within(table()).getByRole('row', { name: new RegExp(`^${name.replace(/[()（）]/g, '.')} `) });
    // 区红十字会办公室 merely contains 办公室: no suggestion. 办公室（安稳办） is 办公室 with a note: suggested.
    expect(within(row('区红十字会办公室')).queryByRole('button', { name: /可能是/ })).toBeNull();
    expect(within(row('办公室（安稳办）')).getByRole('button', { name: '可能是“办公室”，点此对应' })).toBeTruthy();

    fireEvent.click(within(table()).getByRole('button', { name: '新建科室“公卫科”' }));
    const join = await within(row('公卫科（爱卫办）')).findByRole('button', { name: '可能是新建的“公卫科”，点此对应' });
    // The select offers the new department as well.
    const select = within(table()).getByLabelText('“区红十字会办公室”对应到已有科室') as HTMLSelectElement;
    expect([...select.querySelectorAll('optgroup option')].map((o) => o.textContent)).toEqual(['公卫科（新建）']);
    fireEvent.click(join);
    expect(row('公卫科（爱卫办）').textContent).toContain('对应到新建科室“公卫科”');
    fireEvent.click(screen.getByRole('tab', { name: /任务/ }));
    expect(within(card('第4项任务')).getByText('公卫科（爱卫办）').closest('li')!.className).toContain('owner-chip-create');
    fireEvent.click(screen.getByRole('tab', { name: /科室对应/ }));

    // Meanwhile, in 设置 (here: another window), 疾控科 becomes an alias of 疾病预防控制科.
    expect(row('疾控科').textContent).toContain('待处理');
    const cdc = fake.departmentNamed('疾病预防控制科')!;
    await act(() => fake.act('departments.update', { id: cdc.id, aliases: ['疾控科'] }));
    await waitFor(() => expect(row('疾控科').textContent).toContain('已对应“疾病预防控制科”'));
    // Back from another program, the window reads the departments again.
    const reads = fake.callsNamed('departments.list').length;
    act(() => window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(fake.callsNamed('departments.list').length).toBe(reads + 1));

    fireEvent.change(within(table()).getByLabelText('“区红十字会办公室”对应到已有科室'), { target: { value: 'new:公卫科' } });
    fireEvent.click(within(row('办公室（安稳办）')).getByRole('button', { name: '可能是“办公室”，点此对应' }));
    expect(screen.queryByText(/个科室名称待对应/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存到台账' }));
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    const saved = fake.callsNamed('imports.save').at(-1) as { owners: unknown[] };
    expect(saved.owners).toEqual([
      { name: '办公室（安稳办）', action: 'map', departmentId: office.id },
      { name: '公卫科', action: 'create' },
      { name: '公卫科（爱卫办）', action: 'create', departmentName: '公卫科' },
      { name: '区红十字会办公室', action: 'create', departmentName: '公卫科' },
    ]);
    expect(fake.departmentNamed('公卫科')!.aliases).toEqual(['公卫科（爱卫办）', '区红十字会办公室']);
    expect(fake.departmentNamed('区红十字会办公室')).toBeUndefined();
  });

  it('sets 牵头科室 on several ticked tasks at once', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    renderApp(fake);
    // A plan that prints no lead departments at all, like many five-year plans.
    await pasteAndRead(WORK_POINTS.replace(/牵头科室：.*?，责任单位/g, '责任单位'));
    expect(within(card('第1项任务')).getByRole('group', { name: '第1项任务的牵头科室' }).querySelectorAll('.owner-chip')).toHaveLength(0);
    const bulk = screen.getByRole('group', { name: '批量设置牵头科室' });
    fireEvent.click(within(bulk).getByRole('button', { name: '选择没有牵头科室的任务（4）' }));
    expect(within(bulk).getByText('已选 4 项任务')).toBeTruthy();
    // Untick one; then start over and tick 1, shift-click 3: the range 1–3.
    fireEvent.click(within(card('第4项任务')).getByRole('checkbox', { name: '选择第4项任务' }));
    expect(within(bulk).getByText('已选 3 项任务')).toBeTruthy();
    fireEvent.click(within(bulk).getByRole('button', { name: '取消选择' }));
    fireEvent.click(within(card('第1项任务')).getByRole('checkbox', { name: '选择第1项任务' }));
    fireEvent.click(within(card('第3项任务')).getByRole('checkbox', { name: '选择第3项任务' }), { shiftKey: true });
    expect(within(bulk).getByText('已选 3 项任务')).toBeTruthy();
    expect((within(card('第2项任务')).getByRole('checkbox', { name: '选择第2项任务' }) as HTMLInputElement).checked).toBe(true);
    expect((within(card('第4项任务')).getByRole('checkbox', { name: '选择第4项任务' }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(within(bulk).getByRole('button', { name: '+ 选择科室' }));
    fireEvent.change(within(bulk).getByLabelText('搜索科室'), { target: { value: '疾控' } });
    fireEvent.click(within(bulk).getByRole('button', { name: /疾病预防控制科/ }));
    fireEvent.click(within(bulk).getByRole('button', { name: '+ 选择科室' }));
    fireEvent.change(within(bulk).getByLabelText('搜索科室'), { target: { value: '医政' } });
    fireEvent.click(within(bulk).getByRole('button', { name: '医政科' }));
    fireEvent.click(within(bulk).getByRole('button', { name: '设为所选任务的牵头科室' }));
    expect(await within(bulk).findByText('已为 3 项任务设置牵头科室：疾病预防控制科、医政科')).toBeTruthy();
    const chips = (n: number) => [...within(card(`第${n}项任务`)).getByRole('group', { name: `第${n}项任务的牵头科室` }).querySelectorAll('.owner-chip')].map((li) => li.firstChild?.textContent);
    for (const n of [1, 2, 3]) expect(chips(n)).toEqual(['疾病预防控制科', '医政科']);
    expect(chips(4)).toEqual([]);

    // Add one more to task 4 and 3, keeping 3's.
    fireEvent.click(within(card('第3项任务')).getByRole('checkbox', { name: '选择第3项任务' }));
    fireEvent.click(within(card('第4项任务')).getByRole('checkbox', { name: '选择第4项任务' }));
    fireEvent.click(within(bulk).getByRole('button', { name: '+ 选择科室' }));
    fireEvent.change(within(bulk).getByLabelText('搜索科室'), { target: { value: '基层' } });
    fireEvent.click(within(bulk).getByRole('button', { name: '基层科' }));
    fireEvent.click(within(bulk).getByRole('button', { name: '追加到牵头科室' }));

    fireEvent.click(screen.getByRole('button', { name: '保存到台账' }));
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    const saved = fake.callsNamed('imports.save').at(-1) as { draft: { tasks: { leadDepartments: string[] }[] } };
    expect(saved.draft.tasks.map((t) => t.leadDepartments)).toEqual([
      ['疾病预防控制科', '医政科'],
      ['疾病预防控制科', '医政科'],
      ['疾病预防控制科', '医政科', '基层科'],
      ['基层科'],
    ]);
  });
});
