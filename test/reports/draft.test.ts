import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReportEntry, ReportModel, ReportTask } from '../../shared/api/reports';
import type { LightColor } from '../../shared/domain/progress-status';
import { chineseDate, chineseNumber, draftReport, sentence, shortTitle } from '../../shared/reports/draft';

/*
 * The drafted text from hand-made models: which sentences appear for which data, zero parts
 * left out, chapters present only when they have something to say and numbered in order.
 */

const planId = randomUUID();

function entry(departmentName: string, overrides: Partial<ReportEntry> = {}): ReportEntry {
  return { departmentName, status: '推进中', percent: 40, progress: '按计划推进', problems: '', nextSteps: '', workflowState: 'submitted', ...overrides };
}

function task(number: string, title: string, options: { color?: LightColor; pace?: ReportTask['pace']; entries?: ReportEntry[]; section?: string; plan?: string; reason?: string } = {}): ReportTask {
  const entries = options.entries ?? [entry('疾控科')];
  const pace = options.pace ?? (entries.length === 0 ? '未填报' : '是');
  return {
    taskId: randomUUID(),
    planId: options.plan ?? planId,
    planTitle: options.plan ? '另一计划' : '2025年工作要点',
    sectionId: options.section === undefined ? null : options.section,
    sectionTitle: options.section === undefined ? null : `部分${options.section}`,
    sectionLabel: '',
    number,
    title,
    departments: entries.length > 0 ? entries.map((e) => e.departmentName) : ['疾控科'],
    units: [],
    deadline: '2025年12月底',
    status: entries[0]?.status ?? '未填报',
    light: { color: options.color ?? 'green', reason: options.reason ?? `“${title}”完成40%，符合序时进度25%` },
    percent: entries[0]?.percent ?? null,
    overdue: false,
    pace,
    entries,
  };
}

function model(tasks: ReportTask[], overrides: Partial<ReportModel> = {}): ReportModel {
  const counts = { total: tasks.length, done: 0, onPace: 0, behind: 0, notReported: 0, other: 0, red: 0, yellow: 0, overdue: 0 };
  for (const t of tasks) {
    if (t.pace === '已完成') counts.done++;
    else if (t.pace === '是') counts.onPace++;
    else if (t.pace === '否') counts.behind++;
    else if (t.pace === '未填报') counts.notReported++;
    else counts.other++;
  }
  return {
    kind: 'summary',
    officeName: '渝北区卫生健康委',
    period: '2025-Q2',
    periodLabel: '2025年第二季度',
    quarterLabel: '第二季度',
    asOf: '2025-06-30',
    generatedAt: new Date(2025, 6, 8, 12).toISOString(),
    scopeLabel: '全区',
    departmentName: null,
    plans: [{ id: planId, title: '2025年工作要点' }],
    tasks,
    counts,
    indicators: [],
    indicatorCounts: { total: 0, met: 0, close: 0, notMet: 0, noData: 0 },
    reminders: [],
    ...overrides,
  };
}

describe('draftReport', () => {
  it('leaves zero parts out of the opening and says when everything is done', () => {
    const done = (n: string) => task(n, `任务${n}`, { pace: '已完成', entries: [entry('疾控科', { status: '已完成', percent: 100 })] });
    const mixed = draftReport(model([done('1'), task('2', '任务2'), task('3', '任务3', { entries: [] })]));
    expect(mixed.summary).toBe('截至第二季度，全区3项重点工作中，已完成1项，按序时推进1项，尚未填报进展1项。现将有关情况报告如下。');
    expect(draftReport(model([done('1'), done('2')])).summary).toBe('截至第二季度，全区2项重点工作已全部完成。现将有关情况报告如下。');
    const other = draftReport(model([task('1', '任务1', { pace: '—', color: 'grey' })]));
    expect(other.summary).toBe('截至第二季度，全区1项重点工作中，暂未纳入序时评价1项。现将有关情况报告如下。');
  });

  it('adds the indicator counts, all met in one phrase', () => {
    const indicatorCounts = { total: 4, met: 4, close: 0, notMet: 0, noData: 0 };
    expect(draftReport(model([task('1', '任务1')], { indicatorCounts })).summary).toBe('截至第二季度，全区1项重点工作中，按序时推进1项；4项主要指标均已达到目标。现将有关情况报告如下。');
    const some = draftReport(model([], { indicatorCounts: { total: 3, met: 1, close: 0, notMet: 0, noData: 2 } }));
    expect(some.summary).toBe('截至第二季度，全区暂无纳入台账的重点工作；3项主要指标中，达到目标1项，暂无数据2项。现将有关情况报告如下。');
  });

  it('numbers only the chapters it has: no tasks and no indicators leave just 下一步', () => {
    const empty = draftReport(model([]));
    expect(empty.chapters.map((c) => c.heading)).toEqual(['一、下一步工作打算']);
    expect(empty.chapters[0]!.paragraphs).toEqual([{ lead: '', text: '继续加强统筹调度和督促检查，确保全年目标任务按期完成。' }]);
    const full = draftReport(model([task('1', '任务1')]));
    expect(full.chapters.map((c) => c.heading)).toEqual(['一、总体进展', '二、各部分推进情况', '三、存在的问题', '四、下一步工作打算']);
    expect(full.chapters[2]!.paragraphs[0]!.text).toBe('本季度各项重点工作均已完成或按序时推进，暂未发现滞后事项和突出问题。');
    expect(full.chapters[0]!.figures.map((f) => f.caption)).toEqual(['图1　各牵头科室重点工作进度灯分布', '图2　重点工作状态分布']);
  });

  it('drafts one part per section with each task led by its number and short title', () => {
    const tasks = [
      task('1', '提升居民健康素养。持续开展健康之声直播活动，居民健康素养水平提升至38%。', { section: 'a', entries: [entry('疾控科', { progress: '开展直播12场\n监测点全覆盖；' })] }),
      task('2', '推进慢病防控', { section: 'a', entries: [entry('疾控科', { percent: 30, progress: '完成摸底' }), entry('医政科', { percent: 50, progress: '' })] }),
      task('（三）', '无编号任务', { section: 'b', entries: [entry('妇幼科', { status: '已完成', percent: 100, progress: '已完成建设。' })], pace: '已完成' }),
    ];
    const chapter = draftReport(model(tasks)).chapters.find((c) => c.key === 'sections')!;
    expect(chapter.parts.map((p) => p.heading)).toEqual(['（一）部分a', '（二）部分b']);
    expect(chapter.parts[0]!.paragraphs).toEqual([
      { lead: '1.提升居民健康素养。', text: '开展直播12场。' },
      { lead: '', text: '监测点全覆盖。（完成40%）' },
      { lead: '2.推进慢病防控。', text: '疾控科：完成摸底。（完成30%）' },
      { lead: '', text: '医政科：填报状态为推进中，未填写进展情况。（完成50%）' },
    ]);
    // A number that is not a plain number gives way to the place in the part.
    expect(chapter.parts[1]!.paragraphs).toEqual([{ lead: '1.无编号任务。', text: '已完成建设。（已完成）' }]);
  });

  it('names the plan beside the section when the report covers several plans', () => {
    const chapter = draftReport(model([task('1', '任务1', { section: 'a' }), task('1', '任务2', { section: 'a', plan: randomUUID() })])).chapters.find((c) => c.key === 'sections')!;
    expect(chapter.parts.map((p) => p.heading)).toEqual(['（一）部分a（2025年工作要点）', '（二）部分a（另一计划）']);
  });

  it('lists lagging items with the light’s reason (without the repeated title) and the problems', () => {
    const late = task('5', '深化爱国卫生运动', { pace: '否', color: 'yellow', reason: '“深化爱国卫生运动”完成18%，略低于序时进度25%', entries: [entry('公卫科', { percent: 18, problems: '镇街参与不均衡；', nextSteps: '开展病媒生物防制' })] });
    const draft = draftReport(model([late, task('6', '任务6', { entries: [entry('公卫科', { problems: '人手不足', nextSteps: '开展病媒生物防制' })] })]));
    expect(draft.lagging).toEqual([expect.objectContaining({ number: '5', color: 'yellow', reason: '完成18%，略低于序时进度25%', problems: '镇街参与不均衡' })]);
    const problems = draft.chapters.find((c) => c.key === 'problems')!;
    expect(problems.paragraphs[0]!.text).toBe('本季度重点工作中，进度滞后1项。');
    expect(problems.parts.map((p) => p.heading)).toEqual(['（一）进度滞后的工作', '（二）各科室反映的困难和问题']);
    expect(problems.parts[0]!.paragraphs[1]).toEqual({ lead: '1.深化爱国卫生运动（公卫科）。', text: '完成18%，略低于序时进度25%。存在问题：镇街参与不均衡。' });
    // Problems of tasks on pace are grouped by department; the same 下步打算 of two tasks is said once.
    expect(problems.parts[1]!.paragraphs).toEqual([{ lead: '1.公卫科。', text: '人手不足。' }]);
    const next = draft.chapters.find((c) => c.key === 'nextSteps')!;
    expect(next.paragraphs).toContainEqual({ lead: '1.公卫科。', text: '开展病媒生物防制。' });
    expect(next.paragraphs.at(-1)!.text).toContain('对进度滞后和尚未填报的工作');
  });

  it('adds indicator bars for a handful of indicators only (the table carries many better)', () => {
    const indicator = (n: number) => ({ indicatorId: randomUUID(), planTitle: '', name: `指标${n}`, unit: '%', comparator: '>=' as const, direction: 'up' as const, directionLabel: '越高越好', baselineValue: null, baselineYear: null, targetValue: 90, targetValueMax: null, targetYear: 2025, targetText: '≥90%', departmentName: null, points: [], value: 95, completion: '', met: '是' as const, light: { color: 'green' as const, reason: '' } });
    const chapterOf = (count: number) => draftReport(model([], { indicators: Array.from({ length: count }, (_, i) => indicator(i)), indicatorCounts: { total: count, met: count, close: 0, notMet: 0, noData: 0 } })).chapters.find((c) => c.key === 'indicators')!;
    expect(chapterOf(20).figures).toEqual([{ chart: 'indicators', caption: '图1　主要指标完成情况' }]);
    expect(chapterOf(21).figures).toEqual([]);
    expect(chapterOf(21).paragraphs[0]!.text).toBe('纳入监测的21项主要指标均已达到目标，详见下表。');
  });

  it('titles and signs for the office, or for one department', () => {
    const draft = draftReport(model([task('1', '任务1')], { departmentName: '疾控科', scopeLabel: '疾控科' }));
    expect(draft.title).toBe('渝北区卫生健康委疾控科关于2025年第二季度重点工作推进情况的报告');
    expect(draft.signature).toEqual({ office: '渝北区卫生健康委疾控科', date: '2025年7月8日' });
    expect(draft.summary.startsWith('截至第二季度，疾控科1项重点工作中')).toBe(true);
  });
});

describe('text helpers', () => {
  it('write numbers, dates and sentences the Chinese way', () => {
    expect([1, 9, 10, 11, 20, 35, 99].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '三十五', '九十九']);
    expect(chineseDate(new Date(2025, 3, 20, 12).toISOString())).toBe('2025年4月20日');
    expect(['完成摸底', '完成摸底；', '完成摸底。', '  ', '是否完成？'].map(sentence)).toEqual(['完成摸底。', '完成摸底。', '完成摸底。', '', '是否完成？']);
    expect(shortTitle('推进家庭医生签约服务。完善家庭医生团队网格化服务机制')).toBe('推进家庭医生签约服务');
    expect(shortTitle('加强传染病多渠道监测预警，推进传染病监测系统运用及国家传染病智能监测预警前置软件部署工作')).toBe('加强传染病多渠道监测预警');
  });
});
