import { describe, expect, it } from 'vitest';
import { planDraft } from '../../shared/api/imports';
import type { DirectoryEntry } from '../../shared/api/directory';
import { parsePlan } from '../../shared/parse';
import { bytesToBase64 } from '../../renderer/src/imports/base64';
import { saveBlockers } from '../../renderer/src/imports/blockers';
import { buildDraft, toPlanDraft } from '../../renderer/src/imports/build-draft';
import { addTask, freshKey, mergeIntoPrevious, moveTask, removeTask, sentences, splitTask, titleFromText } from '../../renderer/src/imports/draft-ops';
import { sourceParagraphs, taskBlocks } from '../../renderer/src/imports/highlights';
import { ownerDecisions, ownerRows, unresolvedOwners } from '../../renderer/src/imports/owners';
import { chineseMagnitude } from '../../renderer/src/imports/labels';
import { inlineDiff } from '../../renderer/src/imports/text-diff';
import { planYears } from '../../renderer/src/imports/years';
import { WORK_POINTS } from './fixtures/import-text';

const parse = () => parsePlan({ text: WORK_POINTS });
const draft = () => buildDraft(parse());
const dept = (n: number, name: string, aliases: string[] = []): DirectoryEntry => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name, aliases, sortOrder: n });

describe('base64 of a file', () => {
  /** The plain way, one character per byte, for comparison. */
  const naive = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));

  it('matches the plain encoding for every length around the chunk size', () => {
    for (const length of [0, 1, 2, 3, 24575, 24576, 24577, 50000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);
      expect(bytesToBase64(bytes)).toBe(naive(bytes));
    }
  });

  it('encodes 20 MB without overflowing the stack', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024).map((_, i) => i % 251);
    const encoded = bytesToBase64(bytes);
    expect(encoded.length).toBe(Math.ceil(bytes.length / 3) * 4);
    // The tail from a 3-byte boundary encodes the same as on its own.
    const tail = bytes.length - (bytes.length % 3) - 3000;
    expect(encoded.slice((tail / 3) * 4)).toBe(naive(bytes.subarray(tail)));
  });
});

describe('plan years', () => {
  it('reads spans, five-year plans, single years, then the issue date', () => {
    expect(planYears('渝中区卫生健康事业发展“十四五”规划', '2022-01-10')).toEqual({ yearFrom: 2021, yearTo: 2025 });
    expect(planYears('“十五五”卫生健康规划', null)).toEqual({ yearFrom: 2026, yearTo: 2030 });
    expect(planYears('全民健康素养提升三年行动方案（2024—2027年）', null)).toEqual({ yearFrom: 2024, yearTo: 2027 });
    expect(planYears('规划（2021-2025）', null)).toEqual({ yearFrom: 2021, yearTo: 2025 });
    expect(planYears('2025年全区卫生健康工作要点', '2025-03-08')).toEqual({ yearFrom: 2025, yearTo: 2025 });
    expect(planYears('进一步完善医疗卫生服务体系实施方案', '2025-02-20')).toEqual({ yearFrom: 2025, yearTo: 2025 });
    expect(planYears(null, null)).toEqual({ yearFrom: null, yearTo: null });
  });
});

describe('draft from the parse', () => {
  it('is a valid PlanDraft: metadata, sections, tasks without due, targets without offsets', () => {
    const sent = toPlanDraft(draft());
    expect(planDraft.safeParse(sent).success).toBe(true);
    expect(sent).toMatchObject({ title: '2025年全区卫生健康工作要点', kind: 'work-points', yearFrom: 2025, yearTo: 2025 });
    expect(sent.tasks).toHaveLength(4);
    expect(sent.tasks[0]).not.toHaveProperty('due');
    expect(sent.targets[0]).not.toHaveProperty('start');
    expect(sent.targets[0]).not.toHaveProperty('uid');
    expect(sent.targets.map((t) => [t.taskKey, t.comparator, t.value])).toEqual([
      ['t1', '>=', 38],
      ['t2', '<=', 10],
      ['t3', '>=', 85],
    ]);
  });

  it('a plan without a title gets an empty one (the clerk must fill it)', () => {
    const d = buildDraft({ ...parse(), title: null });
    expect(d.title).toBe('');
    const blockers = saveBlockers(d, [], { existing: false, mode: 'new', changes: null, draftVersion: 0 });
    expect(blockers).toContain('请填写计划标题。');
  });
});

describe('draft edits', () => {
  it('merges a task into the previous one: texts joined, owners united, targets moved', () => {
    const merged = mergeIntoPrevious(draft(), 't2');
    expect(merged.tasks.map((t) => t.key)).toEqual(['t1', 't3', 't4']);
    const first = merged.tasks[0]!;
    expect(first.title).toBe('强化疫情防控能力建设');
    expect(first.text.split('\n')).toHaveLength(2);
    expect(first.text).toContain('提升应急救援能力');
    expect(first.leadDepartments).toEqual(['疾控科', '信息统计科', '办公室（安稳办）']);
    expect(first.responsibleUnits).toEqual(['委属各单位']);
    expect(merged.targets.filter((t) => t.taskKey === 't1').map((t) => t.metric)).toEqual(['居民健康素养水平', '孕产妇死亡率']);
  });

  it('does nothing when merging the first task', () => {
    const d = draft();
    expect(mergeIntoPrevious(d, 't1')).toBe(d);
  });

  it('splits a task at an offset: the new task gets the rest, a unique key and the targets in it', () => {
    const d = draft();
    const text = d.tasks[1]!.text;
    const at = text.indexOf('孕产妇死亡率');
    const { draft: split, key } = splitTask(d, 't2', at);
    expect(key).toBe('t2-b');
    expect(split.tasks.map((t) => t.key)).toEqual(['t1', 't2', 't2-b', 't3', 't4']);
    expect(split.tasks[1]!.text).toBe(text.slice(0, at).trimEnd());
    expect(split.tasks[2]).toMatchObject({ text: text.slice(at), title: '孕产妇死亡率控制在10/10万以下', sectionKey: 's1', leadDepartments: ['办公室（安稳办）'] });
    expect(split.targets.find((t) => t.metric === '孕产妇死亡率')!.taskKey).toBe('t2-b');
    // Splitting again makes another unique key, not t2-b-b.
    const again = splitTask(split, 't2', split.tasks[1]!.text.indexOf('优化'));
    expect(again.key).toBe('t2-c');
    expect(new Set(again.draft.tasks.map((t) => t.key)).size).toBe(again.draft.tasks.length);
    expect(planDraft.safeParse(toPlanDraft(again.draft)).success).toBe(true);
  });

  it('refuses a split with nothing on one side', () => {
    const d = draft();
    expect(splitTask(d, 't2', 0)).toEqual({ draft: d, key: null });
    expect(splitTask(d, 't2', d.tasks[1]!.text.length)).toEqual({ draft: d, key: null });
  });

  it('lists sentences with offsets for splitting at a chosen sentence', () => {
    const text = '加强队伍建设。优化预案；开展演练。（牵头科室：办公室）';
    const list = sentences(text);
    expect(list.map((s) => s.text)).toEqual(['加强队伍建设。', '优化预案；', '开展演练。', '（牵头科室：办公室）']);
    expect(text.slice(list[1]!.start)).toBe('优化预案；开展演练。（牵头科室：办公室）');
    expect(titleFromText('（2）优化预案。其余')).toBe('优化预案');
  });

  it('moves a task to the end of another section, adds and removes tasks', () => {
    const moved = moveTask(draft(), 't1', 's2');
    expect(moved.tasks.map((t) => `${t.key}:${t.sectionKey}`)).toEqual(['t2:s1', 't3:s2', 't4:s2', 't1:s2']);
    const { draft: added, key } = addTask(moved, 's1');
    expect(key).toBe('n1');
    expect(added.tasks.map((t) => t.key)).toEqual(['t2', 'n1', 't3', 't4', 't1']);
    expect(freshKey(added, null)).toBe('n2');
    const removed = removeTask(draft(), 't2');
    expect(removed.tasks.map((t) => t.key)).toEqual(['t1', 't3', 't4']);
    expect(removed.targets.some((t) => t.taskKey === 't2')).toBe(false);
  });
});

describe('source highlights', () => {
  it('finds each task block, and marks targets by direction and owner names', () => {
    const p = parse();
    const blocks = taskBlocks(p.normalizedText, p.tasks);
    expect([...blocks.keys()]).toEqual(['t1', 't2', 't3', 't4']);
    const paragraphs = sourceParagraphs(p);
    expect(paragraphs.map((x) => x.taskKey)).toEqual([null, null, 't1', 't2', null, 't3', 't4']);
    expect(paragraphs.filter((x) => x.heading).map((x) => x.index)).toEqual([1, 4]);
    const marks = (i: number) => paragraphs[i]!.segments.filter((s) => s.mark).map((s) => `${s.mark}:${s.text}`);
    expect(marks(2)).toEqual(['ge:居民健康素养水平提升至38%', 'lead:疾控科', 'lead:信息统计科', 'unit:委属各单位']);
    expect(marks(3)).toEqual(['le:孕产妇死亡率控制在10/10万以下', 'lead:办公室（安稳办）', 'unit:委属各单位']);
    // Segments put back together are the paragraph, so nothing is lost or doubled.
    const lines = p.normalizedText.split('\n');
    paragraphs.forEach((x, i) => expect(x.segments.map((s) => s.text).join('')).toBe(lines[i]));
  });

  it('keeps a 100-page document to one element per paragraph and stays fast', () => {
    const big = Array.from({ length: 120 }, () => WORK_POINTS).join('\n');
    const p = parsePlan({ text: big });
    const started = performance.now();
    const paragraphs = sourceParagraphs(p);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(paragraphs).toHaveLength(big.split('\n').length);
  });
});

describe('owner names', () => {
  it('uses the core match, matches new names by alias, and waits for decisions on the rest', () => {
    const d = draft();
    const cdc = dept(1, '疾病预防控制科', ['疾控科']);
    const medical = dept(2, '医政科');
    const office = dept(3, '办公室');
    const preview = [
      { name: '疾控科', departmentId: cdc.id, departmentName: cdc.name },
      { name: '信息统计科', departmentId: null, departmentName: null },
      { name: '办公室（安稳办）', departmentId: null, departmentName: null },
      { name: '基层科', departmentId: null, departmentName: null },
      { name: '医政科', departmentId: medical.id, departmentName: medical.name },
    ];
    const rows = ownerRows(d, preview, [cdc, medical, office], {});
    expect(rows.map((r) => [r.name, r.taskCount, r.match?.name ?? null])).toEqual([
      ['疾控科', 1, '疾病预防控制科'],
      ['信息统计科', 1, null],
      ['办公室（安稳办）', 1, null],
      ['基层科', 1, null],
      ['医政科', 1, '医政科'],
    ]);
    expect(rows.find((r) => r.name === '办公室（安稳办）')!.suggestion?.name).toBe('办公室');
    expect(unresolvedOwners(rows)).toEqual(['信息统计科', '办公室（安稳办）', '基层科']);

    const decided = ownerRows(d, preview, [cdc, medical, office], {
      信息统计科: { action: 'create' },
      '办公室（安稳办）': { action: 'map', departmentId: office.id },
      疾控科: { action: 'create' },
    });
    expect(unresolvedOwners(decided)).toEqual(['基层科']);
    // Names the core matches by itself send no decision.
    expect(ownerDecisions(decided)).toEqual([
      { name: '信息统计科', action: 'create' },
      { name: '办公室（安稳办）', action: 'map', departmentId: office.id },
    ]);
    // A name typed in during review matches by alias, in full or half width.
    const renamed = { ...d, tasks: d.tasks.map((t) => (t.key === 't3' ? { ...t, leadDepartments: ['疾控科 '] } : t)) };
    expect(ownerRows(renamed, [], [cdc], {}).find((r) => r.name === '疾控科 ')!.match?.id).toBe(cdc.id);
  });

  it('explains in Chinese why a save is blocked', () => {
    const d = draft();
    const rows = ownerRows(d, [], [], {});
    const blockers = saveBlockers(d, rows, { existing: true, mode: null, changes: null, draftVersion: 0 });
    expect(blockers.join('')).toContain('还有 5 个牵头科室名称没有对应到本单位的科室');
    expect(blockers.join('')).toContain('请先选择：作为修订版与已有计划比较，或作为新计划导入。');
    const stale = saveBlockers(d, [], { existing: true, mode: 'revision', changes: { draftVersion: 1 }, draftVersion: 2 });
    expect(stale).toEqual(['比较之后又修改了任务，请点“重新比较”，核对修订内容后再保存。']);
  });
});

describe('reworded text', () => {
  it('shows only the changed part with a little context', () => {
    const before = `${'加强传染病监测预警，'.repeat(6)}居民健康素养水平提升至38%。${'完善家庭医生团队服务机制。'.repeat(5)}`;
    const after = before.replace('38%', '40%');
    const diff = inlineDiff(before, after);
    expect(diff).toMatchObject({ removed: '38', added: '40' });
    expect(diff.prefix.startsWith('…')).toBe(true);
    expect(diff.prefix.endsWith('居民健康素养水平提升至')).toBe(true);
    expect(diff.suffix.endsWith('…')).toBe(true);
    expect(inlineDiff('abc', 'abc')).toEqual({ prefix: 'abc', removed: '', added: '', suffix: '' });
    expect(inlineDiff('开展演练', '开展应急演练')).toEqual({ prefix: '开展', removed: '', added: '应急', suffix: '演练' });
  });
});

describe('large values', () => {
  it('reads as 亿 and 万', () => {
    expect(chineseMagnitude(100000000000)).toBe('1000亿');
    expect(chineseMagnitude(500000)).toBe('50万');
    expect(chineseMagnitude(12345)).toBe('1.2345万');
    expect(chineseMagnitude(9999)).toBeNull();
  });
});
