import { describe, expect, it } from 'vitest';
import { defaultStatusSettings, type TaskSpec } from '../../shared/domain/lights';
import { parsePeriod } from '../../shared/domain/period';
import type { TaskStatus, WorkflowState } from '../../shared/domain/progress-status';
import { aggregateTask, countQuarter, reportingDeadline, type AggregationContext, type LeadEntry, type LeadInput } from '../../shared/domain/quarter-state';

/*
 * The aggregation rule for every combination of lead states: none, some, all reported;
 * approved, submitted, returned, draft; done, on pace, behind; before and after the
 * reporting deadline; with and without 含待审核.
 */

const task: TaskSpec = { title: '完善疾病监测体系', due: { date: '2025-12-31', fromYear: 2025, toYear: 2025 }, milestones: null, planYearFrom: 2025, planYearTo: 2025 };
const period = parsePeriod('2025-Q1');
const BEFORE_DEADLINE = '2025-04-05';
const AFTER_DEADLINE = '2025-04-20';

function context(today: string, includeSubmitted: boolean): AggregationContext {
  return { task, period, asOf: '2025-03-31', today, settings: defaultStatusSettings, includeSubmitted };
}

/** Q1 of an annual task expects ~25%: 30% is on pace, 5% is far behind, 已完成 is done. */
const progress = { done: { status: '已完成', percent: 100 }, onPace: { status: '推进中', percent: 30 }, behind: { status: '推进中', percent: 5 } } as const satisfies Record<string, { status: TaskStatus; percent: number }>;
type Progress = keyof typeof progress;
const workflows: readonly WorkflowState[] = ['draft', 'submitted', 'returned', 'approved'];

type Option = { label: string; entry: LeadEntry | null; progress: Progress | null; workflow: WorkflowState | null };
const options: Option[] = [
  { label: 'none', entry: null, progress: null, workflow: null },
  ...workflows.flatMap((workflow) =>
    (Object.keys(progress) as Progress[]).map((p) => ({ label: `${workflow}/${p}`, entry: { ...progress[p], workflow }, progress: p, workflow })),
  ),
];

const names = ['疾病预防控制科', '信息统计科', '医政医管科'];
const lead = (i: number, option: Option): LeadInput => ({ departmentId: `d${i}`, departmentName: names[i]!, entry: option.entry });

/** The rule in the words, independent of the implementation's structure. */
function expected(picked: Option[], includeSubmitted: boolean, late: boolean) {
  const counts = (o: Option) => o.workflow === 'approved' || (o.workflow === 'submitted' && includeSubmitted);
  const counted = picked.filter(counts);
  const states = counted.map((o) => (o.progress === 'done' ? '已完成' : o.progress === 'onPace' ? '按序时推进' : '滞后'));
  const state = states.includes('滞后') ? '滞后' : states.includes('按序时推进') ? '按序时推进' : states.length > 0 ? '已完成' : '未填报';
  const missing = picked.map((o, i) => ({ o, i })).filter(({ o }) => !counts(o)).map(({ i }) => names[i]);
  const lateNames = late ? picked.map((o, i) => ({ o, i })).filter(({ o }) => !counts(o) && o.workflow !== 'submitted').map(({ i }) => names[i]) : [];
  return { state, missing, late: lateNames, partial: counted.length > 0 && counted.length < picked.length };
}

function* combinations(size: number): Generator<Option[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (const rest of combinations(size - 1)) for (const option of options) yield [...rest, option];
}

describe('aggregateTask over every combination of lead states', () => {
  for (const size of [1, 2, 3]) {
    it(`${size} lead(s): state, light, marks and counts follow the rule`, () => {
      let cases = 0;
      for (const picked of combinations(size)) {
        for (const includeSubmitted of [false, true]) {
          for (const today of [BEFORE_DEADLINE, AFTER_DEADLINE]) {
            const result = aggregateTask(picked.map((o, i) => lead(i, o)), context(today, includeSubmitted));
            const want = expected(picked, includeSubmitted, today === AFTER_DEADLINE);
            const label = `${picked.map((o) => o.label).join(' + ')} 含待审核=${includeSubmitted} ${today}`;
            expect(result.state, label).toBe(want.state);
            expect([...result.missing], label).toEqual(want.missing);
            expect([...result.late], label).toEqual(want.late);
            expect(result.partial, label).toBe(want.partial);
            // 未填报 is grey, never red or yellow; 滞后 is red or yellow; done and on pace green.
            if (want.state === '未填报') expect(result.light.color, label).toBe('grey');
            if (want.state === '滞后') expect(['red', 'yellow'], label).toContain(result.light.color);
            if (want.state === '已完成' || want.state === '按序时推进') expect(result.light.color, label).toBe('green');
            // A returned entry is never counted, whatever its text says.
            for (const [i, o] of picked.entries()) if (o.workflow === 'returned') expect(result.leads[i]!.counted, label).toBe(false);
            cases++;
          }
        }
      }
      expect(cases).toBe(options.length ** size * 4);
    });
  }
});

describe('aggregateTask examples as clerks read them', () => {
  const approved = (p: Progress): LeadEntry => ({ ...progress[p], workflow: 'approved' });

  it('one of two leads reported: judged on that report, 部分科室未报 names the other', () => {
    const result = aggregateTask([{ departmentId: 'a', departmentName: '疾控科', entry: approved('onPace') }, { departmentId: 'b', departmentName: '信息科', entry: null }], context(BEFORE_DEADLINE, false));
    expect(result.state).toBe('按序时推进');
    expect(result.partial).toBe(true);
    expect(result.missing).toEqual(['信息科']);
    expect(result.light.reason).toMatch(/^疾控科：/);
    expect(result.late).toEqual([]);
  });

  it('nobody reported: grey 未填报 before the deadline, 逾期未报 after it (still grey, not 滞后)', () => {
    const leads = [{ departmentId: 'a', departmentName: '疾控科', entry: null }];
    const before = aggregateTask(leads, context(BEFORE_DEADLINE, false));
    const after = aggregateTask(leads, context(AFTER_DEADLINE, false));
    expect(before.light).toEqual({ color: 'grey', reason: '疾控科尚未填报本季度进展' });
    expect(after.light.color).toBe('grey');
    expect(after.light.reason).toBe('疾控科逾期未报（报送截止2025-04-10）');
    expect(after.state).toBe('未填报');
  });

  it('a submitted entry waits for review: not counted by default, counted and marked with 含待审核, never late', () => {
    const leads = [{ departmentId: 'a', departmentName: '疾控科', entry: { ...progress.behind, workflow: 'submitted' as const } }];
    const strict = aggregateTask(leads, context(AFTER_DEADLINE, false));
    expect(strict.state).toBe('未填报');
    expect(strict.awaitingReview).toEqual(['疾控科']);
    expect(strict.late).toEqual([]);
    expect(strict.light.reason).toContain('待办公室审核');
    const loose = aggregateTask(leads, context(AFTER_DEADLINE, true));
    expect(loose.state).toBe('滞后');
    expect(loose.leads[0]!.awaitingReview).toBe(true);
  });

  it('the worst counted lead decides: behind beats on pace beats done', () => {
    const result = aggregateTask(
      [
        { departmentId: 'a', departmentName: '疾控科', entry: approved('done') },
        { departmentId: 'b', departmentName: '信息科', entry: approved('behind') },
        { departmentId: 'c', departmentName: '医政科', entry: approved('onPace') },
      ],
      context(BEFORE_DEADLINE, false),
    );
    expect(result.state).toBe('滞后');
    expect(result.deciding?.departmentName).toBe('信息科');
    expect(result.light.color).toBe('red');
  });

  it('a task without lead departments is 未填报 and says why', () => {
    const result = aggregateTask([], context(BEFORE_DEADLINE, false));
    expect(result.state).toBe('未填报');
    expect(result.light.reason).toContain('未指定牵头科室');
  });

  it('the reporting deadline follows the office setting', () => {
    expect(reportingDeadline(parsePeriod('2025-Q4'), 10)).toBe('2026-01-10');
    expect(reportingDeadline(parsePeriod('2025-Q2'), 0)).toBe('2025-06-30');
    const leads = [{ departmentId: 'a', departmentName: '疾控科', entry: null }];
    const tight = aggregateTask(leads, { ...context('2025-04-02', false), settings: { ...defaultStatusSettings, reportGraceDays: 1 } });
    expect(tight.late).toEqual(['疾控科']);
  });
});

describe('countQuarter', () => {
  it('states are disjoint and add up to the total; marks count tasks carrying them', () => {
    const ctx = context(AFTER_DEADLINE, false);
    const tasks = [
      aggregateTask([{ departmentId: 'a', departmentName: 'A', entry: { ...progress.done, workflow: 'approved' } }], ctx),
      aggregateTask([{ departmentId: 'a', departmentName: 'A', entry: { ...progress.onPace, workflow: 'approved' } }, { departmentId: 'b', departmentName: 'B', entry: null }], ctx),
      aggregateTask([{ departmentId: 'a', departmentName: 'A', entry: { ...progress.behind, workflow: 'approved' } }], ctx),
      aggregateTask([{ departmentId: 'a', departmentName: 'A', entry: { ...progress.onPace, workflow: 'returned' } }], ctx),
      aggregateTask([{ departmentId: 'a', departmentName: 'A', entry: { ...progress.onPace, workflow: 'submitted' } }], ctx),
    ];
    const counts = countQuarter(tasks);
    expect(counts).toEqual({ total: 5, done: 1, onPace: 1, behind: 1, notReported: 2, partial: 1, late: 2, awaitingReview: 1, returned: 1 });
    expect(counts.done + counts.onPace + counts.behind + counts.notReported).toBe(counts.total);
  });
});
