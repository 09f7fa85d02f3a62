import { describe, expect, it, vi } from 'vitest';
import type { DirectoryEntry } from '../../shared/api/directory';
import type { PlanDetail, PlanSummary } from '../../shared/api/plans';
import type { Entry, IndicatorRow, SheetTask } from '../../shared/api/progress';
import type { SystemStatus } from '../../shared/api/system';
import { buildGrid, directionText, gridColumns, isYearlyPlan, parseNumberInput, previousValue, targetText } from '../../renderer/src/indicators/grid';
import { taskProgress, yearEndPeriod } from '../../renderer/src/plans/carry-over';
import { createKeyedDebouncer, type Timers } from '../../renderer/src/quarterly/autosave';
import { attachmentProblem } from '../../renderer/src/quarterly/attachments';
import { applyDraft, baseForm, changedFromPrevious, checkForm, emptyForm, formFromFields, parsePercent, toDraftFields, toEntryFields } from '../../renderer/src/quarterly/entry-form';
import { entryErrorsFrom } from '../../renderer/src/quarterly/field-errors';
import { clockTime, currentPeriodText, defaultDepartmentId, periodChoices } from '../../renderer/src/quarterly/period';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const plan = (overrides: Partial<PlanSummary> = {}): PlanSummary => ({
  id: id(1),
  kind: 'work-points',
  title: '2025年全区卫生健康工作要点',
  docNumber: null,
  issuer: null,
  issuedOn: null,
  yearFrom: 2025,
  yearTo: 2025,
  taskCount: 3,
  ...overrides,
});

const entry = (overrides: Partial<Entry> = {}): Entry => ({
  id: id(50),
  taskId: id(10),
  departmentId: id(20),
  period: '2025-Q1',
  status: '推进中',
  percent: 30,
  progressText: '完成摸底调查',
  problemsText: '人手不足',
  nextStepsText: '开展培训',
  workflowState: 'submitted',
  reviewComment: null,
  updatedAt: null,
  updatedBy: null,
  attachments: [],
  ...overrides,
});

const department = (n: number, name: string, aliases: string[] = []): DirectoryEntry => ({ id: id(n), name, aliases, sortOrder: n });

const status = (departmentId: string | null, departmentName: string | null): SystemStatus => ({
  initialized: true,
  installation: { installationId: id(90), officeId: id(91), officeName: '渝北区卫生健康委', officeCode: null, departmentId, departmentName, fingerprint: 'X' },
  schemaVersion: 1,
  appVersion: '0.1.0',
  databasePath: '/tmp/x',
});

describe('quarter defaults', () => {
  it('takes the quarter from the local date', () => {
    expect(currentPeriodText(new Date(2025, 0, 1))).toBe('2025-Q1');
    expect(currentPeriodText(new Date(2025, 2, 31, 23, 59))).toBe('2025-Q1');
    expect(currentPeriodText(new Date(2025, 3, 1))).toBe('2025-Q2');
    expect(currentPeriodText(new Date(2025, 11, 31))).toBe('2025-Q4');
  });

  it('offers the quarters of every plan year and around today, newest first', () => {
    const choices = periodChoices(new Date(2025, 4, 1), [plan({ yearFrom: 2021, yearTo: 2025 })]);
    expect(choices[0]).toEqual({ value: '2025-Q4', label: '2025年第四季度' });
    expect(choices.at(-1)).toEqual({ value: '2021-Q1', label: '2021年第一季度' });
    expect(choices).toHaveLength(20);
    // A selected quarter outside the range is still offered.
    expect(periodChoices(new Date(2025, 4, 1), null, '2019-Q3').some((c) => c.value === '2019-Q3')).toBe(true);
  });

  it("defaults to this PC's department, by id, then by name or alias, else the first", () => {
    const list = [department(1, '办公室'), department(2, '疾病预防控制科', ['疾控科'])];
    expect(defaultDepartmentId(status(id(2), '疾病预防控制科'), list)).toBe(id(2));
    expect(defaultDepartmentId(status(id(99), '疾控科'), list)).toBe(id(2));
    expect(defaultDepartmentId(status(null, null), list)).toBe(id(1));
    expect(defaultDepartmentId(null, [])).toBeNull();
  });

  it('shows autosave times as HH:mm', () => {
    expect(clockTime(new Date(2025, 2, 3, 9, 5).toISOString())).toBe('09:05');
    expect(clockTime('not a date')).toBe('');
  });
});

describe('entry form', () => {
  it('reads percents as clerks type them', () => {
    expect(parsePercent('')).toBeNull();
    expect(parsePercent('50')).toBe(50);
    expect(parsePercent('50%')).toBe(50);
    expect(parsePercent('７５．５')).toBe(75.5);
    expect(parsePercent('一半')).toBeUndefined();
    expect(parsePercent('-3')).toBeUndefined();
  });

  it('checks percent and length, and wants 进展情况 before submitting', () => {
    expect(checkForm({ ...emptyForm, percent: '120' }, false)).toEqual({ percent: '完成百分比不能超过100' });
    expect(checkForm({ ...emptyForm, percent: 'abc' }, false).percent).toBe('完成百分比必须是0到100之间的数字');
    expect(checkForm({ ...emptyForm, problemsText: '字'.repeat(5001) }, false).problemsText).toBe('存在问题不能超过5000个字');
    expect(checkForm(emptyForm, false)).toEqual({});
    expect(checkForm(emptyForm, true)).toEqual({ progressText: '提交前请填写进展情况' });
    expect(toEntryFields({ ...emptyForm, percent: '40%', progressText: '完成' })).toEqual({ status: '未启动', percent: 40, progressText: '完成', problemsText: '', nextStepsText: '' });
  });

  it('lays an autosaved draft over the saved entry, except on a locked one', () => {
    const saved = entry({ workflowState: 'returned' });
    const draft = { progressText: '补充了数据', percent: null, savedAt: '2025-03-03T01:00:00Z' };
    expect(applyDraft(formFromFields(saved), draft)).toMatchObject({ status: '推进中', percent: '', progressText: '补充了数据', problemsText: '人手不足' });
    expect(baseForm({ entry: saved, draft }).progressText).toBe('补充了数据');
    expect(baseForm({ entry: entry({ workflowState: 'approved' }), draft }).progressText).toBe('完成摸底调查');
    expect(baseForm({ entry: null, draft: null })).toEqual(emptyForm);
  });

  it('autosaves what it can: a percent that is not a number yet is left out', () => {
    expect(toDraftFields({ ...emptyForm, percent: '5０%', progressText: 'x' })).toEqual({ status: '未启动', percent: 50, progressText: 'x', problemsText: '', nextStepsText: '' });
    expect(toDraftFields({ ...emptyForm, percent: '五十' })).not.toHaveProperty('percent');
    expect(toDraftFields({ ...emptyForm, percent: '150' })).not.toHaveProperty('percent');
  });

  it('finds the fields that differ from last quarter', () => {
    const previous = entry();
    const same = formFromFields(previous);
    expect([...changedFromPrevious(same, previous)]).toEqual([]);
    expect([...changedFromPrevious({ ...same, percent: '30%', progressText: ' 完成摸底调查 ' }, previous)]).toEqual([]);
    expect([...changedFromPrevious({ ...same, percent: '60', nextStepsText: '全面推开' }, previous)]).toEqual(['percent', 'nextStepsText']);
    expect([...changedFromPrevious(same, null)]).toEqual([]);
  });

  it('maps the core’s field paths onto the form', () => {
    expect(entryErrorsFrom({ code: 'INVALID_ARGUMENT', message: 'x', fields: { 'fields.percent': '完成百分比不能超过100', 'fields.progressText': '太长', taskId: '编号格式不正确' } })).toEqual({
      percent: '完成百分比不能超过100',
      progressText: '太长',
    });
    expect(entryErrorsFrom({ code: 'CONFLICT', message: 'x' })).toEqual({});
  });
});

describe('autosave debounce', () => {
  function fakeTimers() {
    let now = 0;
    let next = 1;
    const queue = new Map<number, { at: number; run: () => void }>();
    const timers: Timers = {
      setTimeout: (run, ms) => {
        const handle = next++;
        queue.set(handle, { at: now + ms, run });
        return handle;
      },
      clearTimeout: (handle) => void queue.delete(handle as number),
      now: () => now,
    };
    const advance = async (ms: number) => {
      now += ms;
      for (const [handle, timer] of [...queue.entries()].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          queue.delete(handle);
          timer.run();
        }
      }
      await Promise.resolve();
      await Promise.resolve();
    };
    return { timers, advance };
  }

  it('runs once typing pauses, per key', async () => {
    const { timers, advance } = fakeTimers();
    const run = vi.fn(async (_key: string) => {});
    const debounced = createKeyedDebouncer(run, { wait: 800, maxWait: 5000, timers });
    debounced.schedule('a');
    await advance(500);
    debounced.schedule('a');
    debounced.schedule('b');
    await advance(500);
    expect(run).not.toHaveBeenCalled();
    await advance(300);
    expect(run.mock.calls.map((c) => c[0]).sort()).toEqual(['a', 'b']);
    expect(debounced.pending()).toEqual([]);
  });

  it('does not wait longer than maxWait while the clerk keeps typing', async () => {
    const { timers, advance } = fakeTimers();
    const run = vi.fn(async (_key: string) => {});
    const debounced = createKeyedDebouncer(run, { wait: 800, maxWait: 2000, timers });
    for (let i = 0; i < 6; i++) {
      debounced.schedule('a');
      await advance(400);
    }
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('flushes what waits at once and awaits it; cancel drops a waiting run', async () => {
    const { timers } = fakeTimers();
    const done: string[] = [];
    const debounced = createKeyedDebouncer(
      async (key: string) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done.push(key);
      },
      { timers },
    );
    debounced.schedule('a');
    debounced.schedule('b');
    debounced.cancel('b');
    await debounced.flush();
    expect(done).toEqual(['a']);
    expect(debounced.pending()).toEqual([]);
  });

  it('never overlaps two runs for one key', async () => {
    const { timers } = fakeTimers();
    let active = 0;
    let most = 0;
    const debounced = createKeyedDebouncer(
      async () => {
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
      },
      { timers },
    );
    debounced.schedule('a');
    const first = debounced.flush();
    debounced.schedule('a');
    await Promise.all([first, debounced.flush()]);
    expect(most).toBe(1);
  });
});

const indicator = (overrides: Partial<IndicatorRow> = {}): IndicatorRow => ({
  id: id(70),
  planId: id(1),
  taskId: null,
  departmentId: id(20),
  name: '孕产妇死亡率',
  unit: '/10万',
  comparator: '<=',
  targetValue: 10,
  targetValueMax: null,
  targetYear: 2025,
  baselineValue: 12.5,
  baselineYear: 2020,
  valueKind: 'rate',
  accumulation: 'point',
  pace: null,
  values: {},
  ...overrides,
});

describe('indicator grid', () => {
  it('has a column per quarter of the year, or per year of a five-year plan', () => {
    expect(gridColumns(plan(), 2025).map((c) => c.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(gridColumns(null, 2024)[0]).toEqual({ period: '2024-Q1', label: '2024年一季度', year: '2024年', name: '一季度' });
    const fiveYear = plan({ kind: 'five-year-plan', yearFrom: 2021, yearTo: 2025 });
    expect(isYearlyPlan(fiveYear)).toBe(true);
    expect(gridColumns(fiveYear, 2025).map((c) => c.label)).toEqual(['2021年', '2022年', '2023年', '2024年', '2025年']);
  });

  it('says which way is better and writes the target', () => {
    expect(directionText('>=')).toBe('↑越高越好');
    expect(directionText('<')).toBe('↓越低越好');
    expect(directionText('between')).toBe('区间');
    expect(targetText(indicator())).toBe('≤10/10万');
    expect(targetText(indicator({ comparator: 'between', targetValue: 90, targetValueMax: 95, unit: '%' }))).toBe('90—95%');
    expect(targetText(indicator({ targetValue: null }))).toBe('');
  });

  it('reads numbers with commas and full-width digits', () => {
    expect(parseNumberInput('30,000')).toBe(30000);
    expect(parseNumberInput('９５．５')).toBe(95.5);
    expect(parseNumberInput('-2.5')).toBe(-2.5);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('约95')).toBeUndefined();
  });

  it('puts each value and light in its column, and finds the previous value', () => {
    const light = { color: 'green' as const, reason: '控制在目标以内' };
    const row = indicator({ values: { '2025-Q1': { value: 9, note: null, light }, '2025-Q3': { value: 8, note: '快报', light } } });
    const grid = buildGrid([row], gridColumns(plan(), 2025));
    expect(grid[0]!.cells.map((c) => c.value)).toEqual([9, null, 8, null]);
    expect(grid[0]!.cells[2]).toMatchObject({ note: '快报', light });
    expect(previousValue(row, '2025-Q3')).toBe(9);
    expect(previousValue(row, '2025-Q1')).toBeNull();
  });
});

describe('attachments and year end', () => {
  it('explains files that cannot be attached', () => {
    expect(attachmentProblem('会议纪要.pdf', 1000)).toBeNull();
    expect(attachmentProblem('照片.JPG', 1000)).toBeNull();
    expect(attachmentProblem('通知.doc', 1000)).toContain('旧版 Word 文档');
    expect(attachmentProblem('a.zip', 1000)).toContain('格式不能作为佐证材料');
    expect(attachmentProblem('a.pdf', 21 * 1024 * 1024)).toContain('超过20MB');
    expect(attachmentProblem('a.pdf', 0)).toContain('空文件');
  });

  it('reads the year end from the plan, or today if the year is not over', () => {
    expect(yearEndPeriod(plan(), new Date(2026, 0, 10))).toBe('2025-Q4');
    expect(yearEndPeriod(plan(), new Date(2025, 7, 1))).toBe('2025-Q3');
  });

  it('counts a task as unfinished unless every department reported it done', () => {
    const task = (n: number) => ({ id: id(n), planId: id(1), sectionId: null, number: String(n), sortOrder: n, title: `任务${n}`, text: '', deadline: null, leadDepartmentIds: [], responsibleUnits: [] });
    const detail: PlanDetail = { plan: plan(), sections: [], tasks: [task(11), task(12), task(13), task(14)] };
    const sheetTask = (n: number, current: Entry | null, previous: Entry | null = null) => ({ id: id(n), entry: current, previous }) as unknown as SheetTask;
    const progress = taskProgress(detail, [
      { tasks: [sheetTask(11, entry({ status: '已完成' })), sheetTask(12, null, entry({ status: '已办结' })), sheetTask(13, entry({ status: '推进中' }))] },
      { tasks: [sheetTask(11, entry({ status: '已办结' })), sheetTask(12, null)] },
    ]);
    expect(progress.get(id(11))).toEqual({ statuses: ['已完成', '已办结'], unfinished: false });
    expect(progress.get(id(12))).toEqual({ statuses: ['已办结', null], unfinished: true });
    expect(progress.get(id(13))!.unfinished).toBe(true);
    expect(progress.get(id(14))).toEqual({ statuses: [], unfinished: true });
  });
});
