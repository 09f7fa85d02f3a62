import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { planDraft } from '../../shared/api/imports';
import { FakeLedger } from './fake-ledger';
import { WORK_POINTS, WORK_POINTS_REVISED } from './fixtures/import-text';
import { card, pasteAndRead, seedAll } from './import-steps';
import { openPage, renderApp } from './render-app';

type SaveArgs = { draft: ReturnType<typeof planDraft.parse>; owners: unknown[]; planId: string | null; acceptedChanges: string[] | null };

const savedArgs = (fake: FakeLedger) => fake.callsNamed('imports.save') as SaveArgs[];

async function save() {
  fireEvent.click(screen.getByRole('button', { name: '保存到台账' }));
}

describe('导入计划', () => {
  it('取消 ends a long read: the page returns to choosing a file and the late result is dropped', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    const release = fake.holdParse();
    renderApp(fake);
    await openPage('导入计划');
    fireEvent.click(await screen.findByRole('tab', { name: '粘贴文字' }));
    fireEvent.change(screen.getByLabelText('计划全文'), { target: { value: WORK_POINTS } });
    fireEvent.click(screen.getByRole('button', { name: '识别粘贴的文字' }));
    fireEvent.click(await screen.findByRole('button', { name: '取消' }));
    expect(fake.callsNamed('imports.cancelParse')).toHaveLength(1);
    await screen.findByRole('button', { name: '识别粘贴的文字' });
    act(() => release());
    // The parse the core finished anyway is not shown.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('heading', { name: '核对导入内容', level: 1 })).toBeNull();
  });

  it('reads pasted text and shows the source beside the tasks, sections, owners and targets', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    const release = fake.holdParse();
    renderApp(fake);
    await openPage('导入计划');
    expect(await screen.findByText(/另存为/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '粘贴文字' }));
    fireEvent.change(screen.getByLabelText('计划全文'), { target: { value: WORK_POINTS } });
    fireEvent.click(screen.getByRole('button', { name: '识别粘贴的文字' }));
    // While the core reads, the page says so and shows the job's progress.
    expect(await screen.findByText('正在识别粘贴的文字…')).toBeTruthy();
    expect((await screen.findByRole('progressbar', { name: '正在读取文件' })).getAttribute('aria-valuenow')).toBe('1');
    act(() => release());
    await screen.findByRole('heading', { name: '核对导入内容', level: 1 });

    expect(screen.getByText('识别出 2 个章节、4 项任务、3 个指标')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '任务（4）' }).getAttribute('aria-selected')).toBe('true');
    const plan = screen.getByRole('region', { name: '导入后的计划' });
    expect((within(plan).getByLabelText('计划标题') as HTMLInputElement).value).toBe('2025年全区卫生健康工作要点');
    expect((within(plan).getByLabelText('计划类型') as HTMLSelectElement).value).toBe('work-points');
    expect((within(plan).getByLabelText('起始年份') as HTMLInputElement).value).toBe('2025');
    const first = within(plan).getByRole('region', { name: '一、 加强公共卫生体系建设' });
    expect(within(first).getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual(['第1项任务', '第2项任务']);
    expect((within(card('第1项任务')).getByLabelText('任务名称') as HTMLInputElement).value).toBe('强化疫情防控能力建设');
    expect(within(card('第1项任务')).getByRole('group', { name: '第1项任务的牵头科室' }).textContent).toContain('疾控科');
    expect(within(card('第1项任务')).getByText('1 个指标')).toBeTruthy();

    // The source marks targets by direction and owner names; a click selects the task.
    const source = screen.getByRole('region', { name: '原文' });
    const lower = within(source).getByText('孕产妇死亡率控制在10/10万以下');
    expect(lower.className).toBe('hl hl-le');
    expect(within(source).getByText('居民健康素养水平提升至38%').className).toBe('hl hl-ge');
    expect(within(source).getAllByText('办公室（安稳办）')[0]!.className).toBe('hl hl-lead');
    fireEvent.click(lower);
    expect(card('第2项任务').className).toContain('task-card-selected');
    expect(lower.closest('p')!.className).toContain('source-task-active');
  });

  it('sends the edited draft: a changed owner, a renamed task and an edited target', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);

    const third = within(card('第3项任务'));
    fireEvent.click(third.getByRole('button', { name: '移除牵头科室 基层科' }));
    fireEvent.click(third.getByRole('button', { name: '+ 添加' }));
    fireEvent.change(third.getByLabelText('搜索科室'), { target: { value: '医政' } });
    fireEvent.click(third.getByRole('button', { name: '医政科' }));
    fireEvent.change(third.getByLabelText('任务名称'), { target: { value: '全面推进家庭医生签约服务' } });
    fireEvent.click(third.getByRole('button', { name: '展开第3项任务' }));
    const target = within(third.getByRole('listitem', { name: '指标 重点人群签约服务覆盖率' }));
    fireEvent.change(target.getByLabelText('目标值'), { target: { value: '90' } });

    await save();
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    const [args] = savedArgs(fake);
    expect(planDraft.safeParse(args!.draft).success).toBe(true);
    expect(args!.draft.tasks[2]).toMatchObject({ key: 't3', title: '全面推进家庭医生签约服务', leadDepartments: ['医政科'], responsibleUnits: ['各镇街'] });
    expect(args!.draft.targets.find((t) => t.taskKey === 't3')!.value).toBe(90);
    expect(args).toMatchObject({ owners: [], planId: null, acceptedChanges: null });

    // Saved: 计划与任务 shows the plan with the changed owner, and a toast with the counts.
    expect(screen.getByRole('navigation', { name: '主导航' }).querySelector('[aria-current="page"]')!.textContent).toBe('计划与任务');
    expect(await screen.findByText('已保存计划“2025年全区卫生健康工作要点”：4 项任务、3 个指标')).toBeTruthy();
    const row = (await screen.findByText('全面推进家庭医生签约服务', { selector: '.task-title' })).closest('tr')!;
    expect(within(row).getByText('医政科')).toBeTruthy();
  });

  it('blocks saving until every unknown owner name is mapped or created', async () => {
    const fake = new FakeLedger();
    const cdc = await fake.act('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
    const medical = await fake.act('departments.create', { name: '医政科', aliases: [] });
    const office = await fake.act('departments.create', { name: '办公室', aliases: [] });
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);

    expect(screen.getByRole('tab', { name: /科室对应/ }).textContent).toContain('待处理 3');
    expect(within(card('第2项任务')).getByText('办公室（安稳办）').closest('li')!.className).toContain('owner-chip-unknown');
    await save();
    const alert = await screen.findByText(/还有 3 个牵头科室名称没有对应到本单位的科室/);
    expect(alert.textContent).toContain('信息统计科、办公室（安稳办）、基层科');
    expect(fake.callsNamed('imports.save')).toHaveLength(0);
    // The owners tab opens by itself.
    expect(screen.getByRole('tab', { name: /科室对应/ }).getAttribute('aria-selected')).toBe('true');

    const table = screen.getByRole('table', { name: '科室对应' });
    expect(within(table).getByRole('row', { name: /疾控科/ }).textContent).toContain('已对应“疾病预防控制科”');
    fireEvent.click(within(table).getByRole('button', { name: '可能是“办公室”，点此对应' }));
    fireEvent.change(within(table).getByLabelText('“基层科”对应到已有科室'), { target: { value: medical.id } });
    await save();
    expect(await screen.findByText(/还有 1 个牵头科室名称/)).toBeTruthy();
    expect(fake.callsNamed('imports.save')).toHaveLength(0);
    fireEvent.click(within(table).getByRole('button', { name: '新建科室“信息统计科”' }));
    expect(screen.queryByText(/个科室名称待对应/)).toBeNull();

    await save();
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    expect(savedArgs(fake)[0]!.owners).toEqual([
      { name: '信息统计科', action: 'create' },
      { name: '办公室（安稳办）', action: 'map', departmentId: office.id },
      { name: '基层科', action: 'map', departmentId: medical.id },
    ]);
    expect(fake.departmentNamed('信息统计科')).toBeTruthy();
    // The mapped printed names are remembered as aliases for the next import.
    expect(fake.departmentNamed('办公室')!.aliases).toEqual(['办公室（安稳办）']);
    expect(fake.departmentNamed('医政科')!.aliases).toEqual(['基层科']);
    expect(await screen.findByText(/新建科室 1 个（信息统计科）/)).toBeTruthy();
    expect(cdc.id).toBeTruthy();
  });

  it('merges a task into the previous one and splits one at a chosen sentence', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);

    // Merge 2 into 1, after confirming.
    fireEvent.click(within(card('第2项任务')).getByRole('button', { name: '展开第2项任务' }));
    fireEvent.click(within(card('第2项任务')).getByRole('button', { name: '并入上一项' }));
    const dialog = await screen.findByRole('alertdialog', { name: '并入上一项' });
    fireEvent.click(within(dialog).getByRole('button', { name: '合并' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: '第2项任务' })).toBeNull());
    expect(within(card('第1项任务')).getByText('2 个指标')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '任务（3）' })).toBeTruthy();

    // Split 3 from its second sentence on.
    const third = within(card('第3项任务'));
    fireEvent.click(third.getByRole('button', { name: '展开第3项任务' }));
    const sentence = third.getByLabelText('从这一句起拆为新任务') as HTMLSelectElement;
    const option = [...sentence.options].find((o) => o.textContent?.startsWith('第2句'))!;
    fireEvent.change(sentence, { target: { value: option.value } });
    fireEvent.click(third.getByRole('button', { name: '按句拆分' }));
    const piece = await screen.findByRole('article', { name: '任务“重点人群签约服务覆盖率提升至85%”' });
    expect(within(piece).getByText('1 个指标')).toBeTruthy();
    expect(third.queryByText('1 个指标')).toBeNull();

    // Split 4 at the cursor.
    const fourth = within(card('第4项任务'));
    fireEvent.click(fourth.getByRole('button', { name: '展开第4项任务' }));
    const text = fourth.getByLabelText('任务内容') as HTMLTextAreaElement;
    text.setSelectionRange(text.value.indexOf('开展'), text.value.indexOf('开展'));
    fireEvent.click(fourth.getByRole('button', { name: '在光标处拆分' }));
    await screen.findByRole('article', { name: '任务“开展便民惠民服务”' });

    await save();
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    const { draft } = savedArgs(fake)[0]!;
    expect(draft.tasks.map((t) => t.key)).toEqual(['t1', 't3', 't3-b', 't4', 't4-b']);
    expect(draft.tasks[0]!.leadDepartments).toEqual(['疾控科', '信息统计科', '办公室（安稳办）']);
    expect(draft.tasks[0]!.text).toContain('提升应急救援能力');
    expect(draft.targets.map((t) => t.taskKey)).toEqual(['t1', 't1', 't3-b']);
    expect(draft.tasks[4]!.text).toBe('开展便民惠民服务。（牵头科室：医政科，责任单位：委属各单位）');
  });

  it('recognises the same document imported again and updates that plan', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);
    await save();
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    const planId = savedArgs(fake)[0]!.planId ?? (await fake.act('plans.list', {}))[0]!.id;

    await pasteAndRead(WORK_POINTS);
    expect(screen.getByText('该文件已导入过（计划“2025年全区卫生健康工作要点”）。保存将更新该计划，已填报的进展保持不变。')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 's', ctrlKey: true });
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    expect(savedArgs(fake)[1]).toMatchObject({ planId, acceptedChanges: null });
    expect(await fake.act('plans.list', {})).toHaveLength(1);
    expect(await screen.findByText(/已更新计划/)).toBeTruthy();
  });

  it('compares a revised version and applies only the ticked changes', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    await fake.act('departments.create', { name: '中医科', aliases: [] });
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);
    await save();
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    const planId = (await fake.act('plans.list', {}))[0]!.id;

    await pasteAndRead(WORK_POINTS_REVISED);
    await save();
    expect(await screen.findByText(/请先选择：作为修订版与已有计划比较，或作为新计划导入。/)).toBeTruthy();
    expect(fake.callsNamed('imports.save')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '作为修订版与已有计划“2025年全区卫生健康工作要点”比较' }));
    const list = await screen.findByRole('list', { name: '修订内容' });
    const boxes = within(list).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(
      expect.arrayContaining(['改写：第2项', '牵头科室变化：第3项', '新增：第4项', '删除：第4项']),
    );
    expect(boxes.every((b) => b.checked)).toBe(true);
    expect(within(list).getByText('基层科')).toBeTruthy();
    // Keep the old task 4: untick its removal.
    fireEvent.click(within(list).getByRole('checkbox', { name: '删除：第4项' }));
    expect(screen.getByText(/已选 4 处/)).toBeTruthy();

    await save();
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    expect(fake.callsNamed('imports.diff')).toHaveLength(1);
    const args = savedArgs(fake)[1]!;
    expect(args.planId).toBe(planId);
    expect(args.acceptedChanges).toHaveLength(4);
    expect(args.acceptedChanges!.some((id) => id.startsWith('removed:'))).toBe(false);
    expect(args.acceptedChanges!.filter((id) => id.startsWith('added:'))).toEqual(['added:t4']);
    const titles = fake.planTasks(planId).map((t) => t.title);
    expect(titles).toContain('改善医疗服务');
    expect(titles).toContain('加强中医药服务');
    expect(fake.planTasks(planId).find((t) => t.number === '2')!.text).toContain('分类分层级开展应急演练');
  });

  it('asks to compare again after an edit made since the comparison', async () => {
    const fake = new FakeLedger();
    await seedAll(fake);
    await fake.act('departments.create', { name: '中医科', aliases: [] });
    renderApp(fake);
    await pasteAndRead(WORK_POINTS);
    await save();
    await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 });
    await pasteAndRead(WORK_POINTS_REVISED);
    fireEvent.click(screen.getByRole('button', { name: /作为修订版/ }));
    await screen.findByRole('list', { name: '修订内容' });
    fireEvent.click(screen.getByRole('tab', { name: /任务/ }));
    fireEvent.change(within(card('第1项任务')).getByLabelText('任务名称'), { target: { value: '强化疫情防控' } });
    await save();
    expect(await screen.findByText(/比较之后又修改了任务/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '修订比较' }));
    fireEvent.click(screen.getByRole('button', { name: '重新比较' }));
    await waitFor(() => expect(fake.callsNamed('imports.diff')).toHaveLength(2));
    expect(await within(await screen.findByRole('list', { name: '修订内容' })).findByRole('checkbox', { name: '改写：第1项' })).toBeTruthy();
  });

  it('lists what the reader noticed, such as a skipped number, as a notice', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await pasteAndRead(WORK_POINTS.replace('4.改善医疗服务', '6.改善医疗服务'));
    const notice = screen.getByRole('note', { name: '识别提示' });
    expect(notice.textContent).toContain('识别时发现 1 处需要核对');
    expect(notice.textContent).toContain('第3项之后是第6项，中间的序号缺失，请核对原文');
  });

  it('shows why a file cannot be read next to the drop zone and saves nothing', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await openPage('导入计划');
    const input = await screen.findByLabelText('选择计划文件');
    const file = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])], '2025年工作要点.doc', { type: 'application/msword' });
    fireEvent.change(input, { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('文件“2025年工作要点.doc”无法导入：这是旧版 Word 文档（.doc），无法直接读取。请用 WPS 或 Word 打开它，点“文件 → 另存为”，保存为 .docx 格式后再导入');
    expect(fake.callsNamed('imports.parse')).toEqual([{ fileName: '2025年工作要点.doc', contentBase64: '0M8R4A==' }]);
    expect(fake.callsNamed('imports.save')).toHaveLength(0);
  });

  it('reads a picked text file and names it in the review', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await openPage('导入计划');
    const input = await screen.findByLabelText('选择计划文件');
    fireEvent.change(input, { target: { files: [new File([WORK_POINTS], '工作要点.txt', { type: 'text/plain' })] } });
    await screen.findByRole('heading', { name: '核对导入内容', level: 1 });
    expect(screen.getByText(/工作要点\.txt（文本文件/)).toBeTruthy();
  });
});
