import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../shared/api/directory';
import { parsePlan } from '../../shared/parse';
import { buildDraft } from '../../renderer/src/imports/build-draft';
import { setLeads } from '../../renderer/src/imports/draft-ops';
import { newDepartmentNames, ownerDecisions, ownerRows, spreadChoice, unresolvedOwners } from '../../renderer/src/imports/owners';
import type { OwnerChoice } from '../../renderer/src/imports/types';

const dept = (n: number, name: string, aliases: string[] = []): DirectoryEntry => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name, aliases, sortOrder: n });

/** Owners printed several ways: 公卫科, with a bracketed note, a longer body containing 办公室, and (task 4, as typed in review) 公卫科 with a full-width space. */
const TEXT = [
  '2025年全区卫生健康工作要点',
  '一、公共卫生',
  '1.强化传染病防控。加强监测预警。（牵头科室：公卫科，责任单位：委属各单位）',
  '2.开展爱国卫生运动。推进卫生城市建设。（牵头科室：公卫科（爱卫办），责任单位：各镇街）',
  '3.做好应急救护培训。开展救护员培训。（牵头科室：区红十字会办公室，责任单位：各镇街）',
  '4.推进健康城市建设。完善健康环境。（牵头科室：公卫科，责任单位：各镇街）',
  '5.做好信访维稳。落实安全生产责任。（牵头科室：办公室（安稳办），责任单位：委属各单位）',
].join('\n');
function draft() {
  const parsed = buildDraft(parsePlan({ text: TEXT }));
  return { ...parsed, tasks: parsed.tasks.map((t) => (t.key === 't4' ? { ...t, leadDepartments: ['公卫\u3000科'] } : t)) };
}

describe('owner suggestions', () => {
  it('suggests only the same name without its bracketed note, never one a name merely contains', () => {
    const office = dept(1, '办公室');
    const rows = ownerRows(draft(), [], [office], {});
    expect(rows.map((r) => r.name)).toEqual(['公卫科', '公卫科（爱卫办）', '区红十字会办公室', '公卫\u3000科', '办公室（安稳办）']);
    const by = (name: string) => rows.find((r) => r.name === name)!;
    expect(by('区红十字会办公室').suggestion).toBeNull();
    expect(by('办公室（安稳办）').suggestion?.name).toBe('办公室');
    // 公卫科 is not inside 公共卫生科 either: no guess at all.
    expect(ownerRows(draft(), [], [dept(2, '公共卫生科')], {}).every((r) => r.suggestion === null)).toBe(true);
  });

  it('matches the departments as they are now: an alias added during the review counts', () => {
    const health = dept(2, '公共卫生科');
    const preview = [{ name: '公卫科', departmentId: null, departmentName: null }];
    expect(ownerRows(draft(), preview, [health], {})[0]!.match).toBeNull();
    const later = { ...health, aliases: ['公卫科'] };
    const rows = ownerRows(draft(), preview, [later], {});
    expect(rows[0]!.match?.id).toBe(health.id);
    // The same name with a full-width space matches too.
    expect(rows.find((r) => r.name === '公卫\u3000科')!.match?.id).toBe(health.id);
    // A mapped row counts as its future alias: 公卫科（爱卫办） is offered the same department.
    const mapped = ownerRows(draft(), [], [health], { 公卫科: { action: 'map', departmentId: health.id } });
    expect(mapped.find((r) => r.name === '公卫科（爱卫办）')!.suggestion?.id).toBe(health.id);
  });

  it('drops a mapping to a department deleted since (a restored review)', () => {
    const rows = ownerRows(draft(), [], [], { 公卫科: { action: 'map', departmentId: dept(9, '已删除').id } });
    expect(rows[0]!.choice).toBeNull();
    expect(unresolvedOwners(rows)).toContain('公卫科');
  });
});

describe('a new department from one row', () => {
  it('applies to every row printed the same way, and is offered to rows that normalise to it', () => {
    const d = draft();
    const rows0 = ownerRows(d, [], [], {});
    let choices: Record<string, OwnerChoice> = spreadChoice(rows0, {}, '公卫科', { action: 'create' });
    expect(choices).toEqual({ 公卫科: { action: 'create' }, '公卫\u3000科': { action: 'create', as: '公卫科' } });
    const rows = ownerRows(d, [], [], choices);
    expect(newDepartmentNames(rows)).toEqual(['公卫科']);
    const bracketed = rows.find((r) => r.name === '公卫科（爱卫办）')!;
    expect(bracketed.choice).toBeNull();
    expect(bracketed.joinSuggestion).toBe('公卫科');
    expect(rows.find((r) => r.name === '区红十字会办公室')!.joinSuggestion).toBeNull();

    choices = spreadChoice(rows, choices, '公卫科（爱卫办）', { action: 'create', as: '公卫科' });
    choices = spreadChoice(ownerRows(d, [], [], choices), choices, '区红十字会办公室', { action: 'create' });
    choices = spreadChoice(ownerRows(d, [], [], choices), choices, '办公室（安稳办）', { action: 'create' });
    const decided = ownerRows(d, [], [], choices);
    expect(unresolvedOwners(decided)).toEqual([]);
    expect(ownerDecisions(decided)).toEqual([
      { name: '公卫科', action: 'create' },
      { name: '公卫科（爱卫办）', action: 'create', departmentName: '公卫科' },
      { name: '区红十字会办公室', action: 'create' },
      // Same name once normalised: no rename needed, the core matches it by itself.
      { name: '公卫\u3000科', action: 'create' },
      { name: '办公室（安稳办）', action: 'create' },
    ]);

    // Undoing the new 公卫科 releases the rows that joined it.
    const undone = spreadChoice(decided, choices, '公卫科', null);
    expect(Object.keys(undone).sort()).toEqual(['办公室（安稳办）', '区红十字会办公室'].sort());
  });

  it('maps rows printed the same way to the same department', () => {
    const health = dept(2, '公共卫生科');
    const rows = ownerRows(draft(), [], [health], {});
    const choices = spreadChoice(rows, {}, '公卫科', { action: 'map', departmentId: health.id });
    expect(choices['公卫\u3000科']).toEqual({ action: 'map', departmentId: health.id });
    expect(choices['公卫科（爱卫办）']).toBeUndefined();
  });
});

describe('several tasks at once', () => {
  it('sets or adds 牵头科室 on the chosen tasks only, never listing a name twice', () => {
    const d = draft();
    const replaced = setLeads(d, ['t1', 't3'], ['疾控科', '疾控科'], 'replace');
    expect(replaced.tasks.map((t) => t.leadDepartments)).toEqual([['疾控科'], ['公卫科（爱卫办）'], ['疾控科'], ['公卫\u3000科'], ['办公室（安稳办）']]);
    const added = setLeads(replaced, ['t1', 't2'], ['疾控科', '医政科'], 'add');
    expect(added.tasks.slice(0, 2).map((t) => t.leadDepartments)).toEqual([['疾控科', '医政科'], ['公卫科（爱卫办）', '疾控科', '医政科']]);
    expect(added.tasks[4]).toBe(d.tasks[4]);
  });
});
