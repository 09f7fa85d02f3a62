import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReportEntry, ReportIndicator, ReportModel, ReportTask } from '../../shared/api/reports';
import type { LightColor } from '../../shared/domain/progress-status';
import { countQuarter, type QuarterState } from '../../shared/domain/quarter-state';
import { draftReport, indicatorsWithData, shortTitle, topicOf, type ReportDraft } from '../../shared/reports/draft';
import { brief, chineseDate, chineseNumber, clauses, numberRuns, sentence, tidy } from '../../shared/reports/draft-text';

/*
 * The drafted 情况报告 from hand-made models of the per-lead aggregation: the opening's counts,
 * sections in sentences, lagging items with problems and measures, one paragraph for what was
 * not reported, indicators with data, and no "无" or doubled punctuation anywhere.
 */

const planId = randomUUID();

function entry(departmentName: string, overrides: Partial<ReportEntry> = {}): ReportEntry {
  return {
    departmentName,
    report: 'reported',
    awaitingReview: false,
    late: false,
    state: '按序时推进',
    light: { color: 'green', reason: '' },
    status: '推进中',
    percent: 40,
    progress: '按计划推进',
    problems: '',
    nextSteps: '',
    workflowState: 'approved',
    ...overrides,
  };
}

/** A lead that has not reported (kind and lateness as given), without text as the model gives it. */
function silent(departmentName: string, report: ReportEntry['report'] = 'missing', late = false): ReportEntry {
  return entry(departmentName, { report, late, state: '未填报', status: '未填报', percent: null, progress: '', workflowState: report === 'returned' ? 'returned' : report === 'pending-review' ? 'submitted' : null });
}

const rank: Record<QuarterState, number> = { 已完成: 0, 按序时推进: 1, 滞后: 2, 未填报: 3 };
const counts = (e: ReportEntry) => e.report === 'reported' || e.awaitingReview;

interface TaskOptions {
  entries?: ReportEntry[];
  section?: string;
  plan?: string;
  color?: LightColor;
  reason?: string;
}

/** A task judged as the one rule judges it: the worst counted lead decides, 未填报 when none counts. */
function task(number: string, title: string, options: TaskOptions = {}): ReportTask {
  const entries = options.entries ?? [entry('疾控科')];
  const counted = entries.filter(counts);
  const state = counted.length === 0 ? '未填报' : counted.map((e) => e.state).reduce((a, b) => (rank[b] > rank[a] ? b : a));
  const missing = entries.filter((e) => !counts(e));
  const color: LightColor = options.color ?? (state === '未填报' ? 'grey' : state === '滞后' ? 'red' : 'green');
  return {
    taskId: randomUUID(),
    planId: options.plan ?? planId,
    planTitle: options.plan ? '渝北区卫生健康委2025年民生实事' : '渝北区卫生健康委2025年工作要点',
    sectionId: options.section ?? null,
    sectionTitle: options.section === undefined ? null : `部分${options.section}`,
    sectionLabel: '',
    number,
    title,
    departments: entries.map((e) => e.departmentName),
    units: [],
    deadline: '2025年12月底',
    status: counted[0]?.status ?? '未填报',
    state,
    partial: counted.length > 0 && missing.length > 0,
    missing: missing.map((e) => e.departmentName),
    late: missing.filter((e) => e.late).map((e) => e.departmentName),
    returned: entries.filter((e) => e.report === 'returned').map((e) => e.departmentName),
    awaitingReview: entries.filter((e) => e.report === 'pending-review').map((e) => e.departmentName),
    light: { color, reason: options.reason ?? (state === '未填报' ? `“${title}”尚未填报本季度进展` : state === '滞后' ? `“${title}”完成10%，落后于序时进度25%` : `“${title}”完成40%，符合序时进度25%`) },
    percent: counted[0]?.percent ?? null,
    overdue: false,
    pace: state === '已完成' ? '已完成' : state === '按序时推进' ? '是' : state === '滞后' ? '否' : '未填报',
    entries,
  };
}

function indicator(name: string, value: number | null, met: ReportIndicator['met'] = value === null ? '无数据' : '是'): ReportIndicator {
  return {
    indicatorId: randomUUID(),
    planTitle: '',
    name,
    unit: '%',
    comparator: '>=',
    direction: 'up',
    directionLabel: '越高越好',
    baselineValue: null,
    baselineYear: null,
    targetValue: 90,
    targetValueMax: null,
    targetYear: 2025,
    targetText: '≥90%',
    departmentName: null,
    points: [],
    value,
    completion: '',
    met,
    light: { color: value === null ? 'grey' : met === '是' ? 'green' : 'red', reason: '' },
  };
}

function model(tasks: ReportTask[], overrides: Partial<ReportModel> = {}): ReportModel {
  const indicators = overrides.indicators ?? [];
  const indicatorCounts = { total: indicators.length, met: 0, close: 0, notMet: 0, noData: 0 };
  for (const i of indicators) {
    if (i.met === '是') indicatorCounts.met++;
    else if (i.met === '接近') indicatorCounts.close++;
    else if (i.met === '否') indicatorCounts.notMet++;
    else indicatorCounts.noData++;
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
    plans: [{ id: planId, title: '渝北区卫生健康委2025年工作要点' }],
    tasks,
    includeSubmitted: false,
    counts: {
      ...countQuarter(tasks),
      red: tasks.filter((t) => t.light.color === 'red').length,
      yellow: tasks.filter((t) => t.light.color === 'yellow').length,
      overdue: 0,
    },
    indicatorCounts,
    reminders: [],
    ...overrides,
    indicators,
  };
}

/** Every paragraph of the draft, lead and text together, in reading order. */
function allText(draft: ReportDraft): string[] {
  const out = [draft.title, draft.summary];
  for (const chapter of draft.chapters) {
    out.push(chapter.heading, ...chapter.paragraphs.map((p) => p.lead + p.text));
    for (const part of chapter.parts) out.push(part.heading, ...part.paragraphs.map((p) => p.lead + p.text));
  }
  return out;
}

const chapterOf = (draft: ReportDraft, key: string) => draft.chapters.find((c) => c.key === key)!;
const partOf = (draft: ReportDraft, key: string, heading: string) => chapterOf(draft, key).parts.find((p) => p.heading.endsWith(heading))!;

describe('the opening', () => {
  it('gives model.counts exactly, zero parts left out, and says when everything is done', () => {
    const done = (n: string) => task(n, `任务${n}`, { entries: [entry('疾控科', { state: '已完成', status: '已完成', percent: 100 })] });
    const mixed = draftReport(model([done('1'), task('2', '任务2'), task('3', '任务3', { entries: [silent('疾控科')] })]));
    expect(mixed.summary).toBe('截至第二季度，全区3项重点工作中，已完成1项，按序时推进1项，未填报1项。现将有关情况报告如下。');
    expect(draftReport(model([done('1'), done('2')])).summary).toBe('截至第二季度，全区2项重点工作已全部完成。现将有关情况报告如下。');
    expect(draftReport(model([])).summary).toBe('截至第二季度，全区暂无纳入台账的重点工作。现将有关情况报告如下。');
  });

  it('says 部分科室未报 in its own sentence, and 待审核 only when the report includes submitted entries', () => {
    const shared = task('1', '推进慢病防控', { entries: [entry('疾控科'), silent('医政科', 'missing', true)] });
    const pending = task('2', '保障母婴安全', { entries: [entry('妇幼科', { report: 'pending-review', awaitingReview: true, workflowState: 'submitted' })] });
    const behind = task('3', '深化爱国卫生运动', { entries: [entry('公卫科', { state: '滞后', percent: 10 })] });
    const m = model([shared, pending, behind], { includeSubmitted: true, indicators: [indicator('健康素养', 39), indicator('签约率', null)] });
    expect(m.counts).toMatchObject({ total: 3, onPace: 2, behind: 1, partial: 1, awaitingReview: 1 });
    expect(draftReport(m).summary).toBe(
      '截至第二季度，全区3项重点工作中，按序时推进2项，滞后1项。其中，部分科室未报1项，按已报科室情况计入；待审核1项（科室已报送、办公室尚未审核），已一并计入。' +
        '2项主要指标中，达到目标1项，暂无数据1项。现将有关情况报告如下。',
    );
    // Without 含待审核 the submitted entry does not count: the task is 未填报 and nothing says 待审核.
    const notIncluded = task('2', '保障母婴安全', { entries: [entry('妇幼科', { report: 'pending-review', awaitingReview: false, workflowState: 'submitted', progress: '' })] });
    const plain = draftReport(model([shared, notIncluded, behind]));
    expect(plain.summary).toBe('截至第二季度，全区3项重点工作中，按序时推进1项，滞后1项，未填报1项。其中，部分科室未报1项，按已报科室情况计入。现将有关情况报告如下。');
    expect(allText(plain).join('')).not.toContain('（待审核）');
  });

  it('adds the indicator counts, all met in one phrase', () => {
    const indicators = [indicator('a', 95), indicator('b', 96)];
    expect(draftReport(model([task('1', '任务1')], { indicators })).summary).toBe('截至第二季度，全区1项重点工作中，按序时推进1项；2项主要指标均已达到目标。现将有关情况报告如下。');
  });
});

describe('progress by section', () => {
  it('merges a section’s tasks into sentences: the tally, then each reported task with its concrete progress', () => {
    const tasks = [
      task('1', '提升居民健康素养。持续开展健康之声直播活动，居民健康素养水平提升至38%。', {
        section: 'a',
        entries: [entry('疾控科', { state: '已完成', status: '已完成', percent: 100, progress: '1.开展直播12场；\n2.监测点全覆盖。\n3.无' })],
      }),
      task('2', '推进慢病防控', {
        section: 'a',
        entries: [entry('疾控科', { percent: 30, progress: '完成摸底' }), entry('医政科', { state: '滞后', percent: 5, progress: '选址尚在论证' }), silent('公卫科', 'missing', true)],
      }),
      task('3', '加强精神卫生服务', { section: 'a', entries: [silent('公卫科')] }),
      task('4', '无编号任务', { section: 'b', entries: [entry('妇幼科', { state: '已完成', status: '已完成', percent: 100, progress: '已完成建设。' })] }),
    ];
    const sections = chapterOf(draftReport(model(tasks)), 'sections');
    expect(sections.parts.map((p) => p.heading)).toEqual(['（一）部分a', '（二）部分b']);
    expect(sections.parts[0]!.paragraphs).toEqual([
      {
        lead: '',
        text:
          '本部分3项工作中，已完成1项，滞后1项，未填报1项。' +
          '提升居民健康素养方面，开展直播12场，监测点全覆盖（已完成）。' +
          '推进慢病防控方面，疾控科完成摸底（完成30%）；医政科选址尚在论证（完成5%，进度滞后）；公卫科逾期未报。',
      },
    ]);
    // One task: no tally; "已完成" is not repeated after a text that says so.
    expect(sections.parts[1]!.paragraphs).toEqual([{ lead: '', text: '无编号任务方面，已完成建设。' }]);
  });

  it('never reads a returned entry as progress, and marks submitted text （待审核） only when it is included', () => {
    const returned = entry('妇幼科', { report: 'returned', state: '未填报', status: '未填报', progress: '退回前的进展', workflowState: 'returned' });
    const submitted = (included: boolean) => entry('医政科', { report: 'pending-review', awaitingReview: included, workflowState: 'submitted', progress: '待审核的进展' });
    const tasks = (included: boolean) => [task('1', '医保协同', { section: 'a', entries: [entry('疾控科', { progress: '数据核对' }), returned] }), task('2', '分级诊疗', { section: 'a', entries: [submitted(included)] })];
    const included = allText(draftReport(model(tasks(true), { includeSubmitted: true }))).join('\n');
    expect(included).toContain('医保协同方面，疾控科数据核对（完成40%）；妇幼科的填报已退回修改。');
    expect(included).toContain('分级诊疗方面，待审核的进展（完成40%，待审核）。');
    expect(included).not.toContain('退回前的进展');
    const approvedOnly = allText(draftReport(model(tasks(false)))).join('\n');
    expect(approvedOnly).not.toContain('待审核的进展');
    expect(approvedOnly).not.toContain('退回前的进展');
    expect(approvedOnly).not.toContain('分级诊疗方面');
  });

  it('shortens long texts at clause borders and splits a long section into paragraphs at task ends', () => {
    const long = '组织召开全区慢病防控工作推进会，部署年度重点任务。完成高血压患者随访管理12000人次，糖尿病患者随访管理5000人次。开展慢病筛查进社区活动36场。编印宣传资料5万份，覆盖全区11个镇街和社区卫生服务中心。';
    const many = Array.from({ length: 12 }, (_, i) => task(String(i + 1), `第${i + 1}项任务`, { section: 'a', entries: [entry('疾控科', { progress: long })] }));
    const paragraphs = chapterOf(draftReport(model(many)), 'sections').parts[0]!.paragraphs;
    // About 60 characters: whole clauses, the sentences' ends become commas.
    expect(paragraphs[0]!.text).toContain('第1项任务方面，组织召开全区慢病防控工作推进会，部署年度重点任务，完成高血压患者随访管理12000人次，糖尿病患者随访管理5000人次（完成40%）。');
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const p of paragraphs) expect(p.text.length).toBeLessThanOrEqual(300);
    expect(paragraphs.map((p) => p.text).join('').match(/方面，/g)).toHaveLength(12);
  });

  it('names the plan beside the section when the report covers several plans', () => {
    const sections = chapterOf(draftReport(model([task('1', '任务1', { section: 'a' }), task('1', '任务2', { section: 'a', plan: randomUUID() })])), 'sections');
    expect(sections.parts.map((p) => p.heading)).toEqual(['（一）部分a（渝北区卫生健康委2025年工作要点）', '（二）部分a（渝北区卫生健康委2025年民生实事）']);
  });
});

describe('lagging items', () => {
  it('give the light’s reason, the lagging leads’ problems and measures, without "无"', () => {
    const patriotic = task('5', '深化爱国卫生运动', {
      color: 'yellow',
      reason: '“深化爱国卫生运动”完成18%，略低于序时进度25%',
      entries: [entry('公卫科', { state: '滞后', percent: 18, problems: '镇街参与不均衡；\n无', nextSteps: '开展病媒生物防制' })],
    });
    const chronic = task('2', '推进慢病防控', {
      reason: '医政科：“推进慢病防控”完成5%，落后于序时进度25%',
      entries: [entry('疾控科', { problems: '随访人员不足', nextSteps: '完成随访' }), entry('医政科', { state: '滞后', percent: 5, problems: '暂无', nextSteps: '无' })],
    });
    const hospital = task('8', '推进公立医院改革', { reason: '“推进公立医院改革”报告为滞后', entries: [entry('医政科', { state: '滞后', status: '滞后', problems: '方案未通过审议', nextSteps: '修改完善方案' })] });
    const draft = draftReport(model([patriotic, chronic, hospital]));
    const part = partOf(draft, 'problems', '部分工作进度滞后');
    expect(part.paragraphs).toEqual([
      { lead: '', text: '3项工作进度滞后（红灯2项、黄灯1项），具体如下。' },
      { lead: '1.深化爱国卫生运动（公卫科）。', text: '目前完成18%，略低于序时进度25%。存在问题：镇街参与不均衡。下步措施：开展病媒生物防制。' },
      // The lead that lags wrote nothing but "暂无" and "无": the reason stands alone.
      { lead: '2.推进慢病防控（疾控科、医政科）。', text: '医政科完成5%，落后于序时进度25%。' },
      { lead: '3.推进公立医院改革（医政科）。', text: '医政科报告进度滞后。存在问题：方案未通过审议。下步措施：修改完善方案。' },
    ]);
    expect(draft.lagging.map((item) => item.number)).toEqual(['5', '2', '8']);
    // 疾控科's problem is on a task that lags only through 医政科: it is listed among the other problems.
    expect(partOf(draft, 'problems', '各科室反映的困难和问题').paragraphs).toEqual([{ lead: '', text: '疾控科反映：随访人员不足。' }]);
  });
});

describe('what was not reported', () => {
  it('is one paragraph grouping 30 tasks by department and reason, never a line each', () => {
    const unreported = Array.from({ length: 30 }, (_, i) => {
      const n = i + 1;
      if (n <= 12) return task(String(n), `疾控任务${n}`, { entries: [silent('疾控科', 'missing', true)] });
      if (n <= 20) return task(String(n), `医政任务${n}`, { entries: [silent('医政科', n === 20 ? 'draft' : 'missing', true)] });
      if (n <= 25) return task(String(n), `公卫任务${n}`, { entries: [silent('公卫科', 'returned')] });
      return task(String(n), `妇幼任务${n}`, { entries: [silent('妇幼科', 'pending-review')] });
    });
    const shared = task('31', '加强卫生应急能力建设', { entries: [entry('疾控科'), silent('医政科', 'missing', true)] });
    const draft = draftReport(model([...unreported, shared]));
    const part = partOf(draft, 'problems', '部分科室未按时报送进展');
    expect(part.paragraphs).toEqual([
      {
        lead: '',
        text:
          '本季度重点工作中，未填报30项，部分科室未报1项，涉及4个科室。具体为：疾控科12项（第1—12项）、医政科9项（第13—20、31项）逾期未报；' +
          '公卫科5项（第21—25项）已退回修改，待重新报送；妇幼科5项（第26—30项）已报送、待办公室审核，未纳入本报告统计。',
      },
    ]);
    const text = allText(draft).join('\n');
    expect(text).not.toContain('尚未填报进展情况');
    for (const t of unreported) expect(text).not.toContain(t.title);
    // The sections say how many were not reported, not which.
    expect(chapterOf(draft, 'sections').parts[0]!.paragraphs[0]!.text.startsWith('本部分31项工作中，按序时推进1项，未填报30项。加强卫生应急能力建设方面，')).toBe(true);
  });

  it('says 尚未报送 before the deadline, names tasks without a plain number and cites the plan when there are several', () => {
    const other = randomUUID();
    const draft = draftReport(
      model([task('3', '任务甲', { entries: [silent('疾控科')] }), task('（二）', '推进健康乡村建设。加强村卫生室建设', { entries: [silent('疾控科')] }), task('3', '任务乙', { plan: other, entries: [silent('疾控科')] })], {
        plans: [
          { id: planId, title: '渝北区卫生健康委2025年工作要点' },
          { id: other, title: '渝北区卫生健康委2025年民生实事' },
        ],
      }),
    );
    expect(partOf(draft, 'problems', '部分工作尚未报送进展').paragraphs[0]!.text).toBe(
      '本季度重点工作中，未填报3项。具体为：疾控科3项（《2025年工作要点》第3项、推进健康乡村建设，《2025年民生实事》第3项）尚未报送。',
    );
  });
});

describe('indicators', () => {
  it('tabulate only those with data and count the rest in one sentence', () => {
    const withData = [indicator('健康素养水平', 39, '是'), indicator('签约覆盖率', 60, '否'), indicator('婴儿死亡率', 3.1, '接近')];
    const without = Array.from({ length: 20 }, (_, i) => indicator(`指标${i + 1}`, null));
    const m = model([], { indicators: [...withData, ...without] });
    const chapter = chapterOf(draftReport(m), 'indicators');
    expect(indicatorsWithData(m).map((i) => i.name)).toEqual(['健康素养水平', '签约覆盖率', '婴儿死亡率']);
    expect(chapter.paragraphs).toEqual([
      {
        lead: '',
        text:
          '纳入监测的23项主要指标中，本季度有数据的3项，其中达到目标1项，接近目标1项，未达目标1项，详见表1。' +
          '尚未达到目标的有：签约覆盖率（本期60%，目标≥90%）、婴儿死亡率（本期3.1%，目标≥90%）。另有20项指标本季度暂无数据。',
      },
    ]);
    expect(chapter.figures).toEqual([{ chart: 'indicators', caption: '图1　主要指标完成情况' }]);
    const few = chapterOf(draftReport(model([], { indicators: [indicator('a', 95), indicator('救护培训人次', null)] })), 'indicators');
    expect(few.paragraphs[0]!.text).toBe('纳入监测的2项主要指标中，本季度有数据的1项均已达到目标，详见表1。另有1项指标（救护培训人次）本季度暂无数据。');
  });

  it('say so when none has data (no table, no bars), and leave bars out past 20 with data', () => {
    const none = chapterOf(draftReport(model([], { indicators: [indicator('a', null), indicator('b', null)] })), 'indicators');
    expect(none).toMatchObject({ paragraphs: [{ lead: '', text: '纳入监测的2项主要指标本季度均暂无数据。' }], figures: [] });
    const many = (count: number) => chapterOf(draftReport(model([], { indicators: Array.from({ length: count }, (_, i) => indicator(`指标${i}`, 95)) })), 'indicators');
    expect(many(20).figures).toHaveLength(1);
    expect(many(21).figures).toEqual([]);
    expect(many(21).paragraphs[0]!.text).toBe('纳入监测的21项主要指标均已达到目标，详见表1。');
  });
});

describe('the whole draft', () => {
  it('numbers only the chapters it has: no tasks and no indicators leave just 下一步', () => {
    const empty = draftReport(model([]));
    expect(empty.chapters.map((c) => c.heading)).toEqual(['一、下一步工作打算']);
    expect(empty.chapters[0]!.paragraphs).toEqual([{ lead: '', text: '继续加强统筹调度和督促检查，确保全年目标任务按期完成。' }]);
    const full = draftReport(model([task('1', '任务1')]));
    expect(full.chapters.map((c) => c.heading)).toEqual(['一、总体进展', '二、各部分推进情况', '三、存在的问题', '四、下一步工作打算']);
    expect(chapterOf(full, 'problems').paragraphs[0]!.text).toBe('本季度各项重点工作均已完成或按序时推进，暂未发现滞后事项和突出问题。');
    expect(chapterOf(full, 'overview').figures.map((f) => f.caption)).toEqual(['图1　各牵头科室重点工作进度灯分布', '图2　重点工作推进状态分布']);
  });

  it('pastes no "无", leaves no empty clause and doubles no punctuation, whatever clerks typed', () => {
    const typed = (name: string, state: QuarterState = '按序时推进') =>
      entry(name, { state, progress: '开展培训3场；\n\n无。', problems: '覆盖不足；无。', nextSteps: '暂无', percent: state === '滞后' ? 10 : 40 });
    const tasks = [
      task('1', '任务一', { section: 'a', entries: [typed('疾控科', '滞后'), typed('医政科', '滞后')] }),
      task('2', '任务二', { section: 'a', entries: [typed('疾控科')] }),
      task('3', '任务三', { section: 'a', entries: [entry('公卫科', { progress: '无', problems: '/', nextSteps: '—' })] }),
    ];
    const text = allText(draftReport(model(tasks)));
    for (const line of text) {
      expect(line, line).not.toMatch(/[，；、：。]无[。；，]|：无|；。|，。|。。|；；|，，|（）|方面，。/);
      expect(line, line).not.toMatch(/^无|；无$/);
    }
    const all = text.join('\n');
    expect(all).toContain('存在问题：疾控科覆盖不足；医政科覆盖不足。');
    expect(all).not.toContain('覆盖不足；无');
    // A lead that wrote only "无" still reads as a sentence: the numbers speak for it.
    expect(all).toContain('任务三方面，完成40%。');
  });

  it('lists next steps by department (lagging tasks first) and closes with what the office will do', () => {
    const tasks = [
      task('1', '任务一', { entries: [entry('疾控科', { nextSteps: '开展随访\n开展随访' }), entry('医政科', { nextSteps: '落实资金' })] }),
      task('2', '任务二', { entries: [entry('医政科', { state: '滞后', percent: 5, nextSteps: '修改方案' })] }),
      task('3', '任务三', { entries: [silent('公卫科', 'missing', true)] }),
    ];
    const next = chapterOf(draftReport(model(tasks)), 'nextSteps').paragraphs;
    expect(next).toEqual([
      { lead: '', text: '下一步，各牵头科室将重点抓好以下工作。' },
      { lead: '1.医政科。', text: '修改方案；落实资金。' },
      { lead: '2.疾控科。', text: '开展随访。' },
      { lead: '', text: '办公室将加强统筹调度和督促检查，对进度滞后的工作逐项分析原因，明确整改措施和完成时限，督促相关科室及时报送、修改进展情况，确保全年目标任务按期完成。' },
    ]);
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
    expect(topicOf('实施健康知识普及行动：开展健康科普进社区活动')).toBe('实施健康知识普及行动');
    expect(topicOf('推进紧密型县域医共体建设，完善医共体章程和理事会运行机制')).toBe('推进紧密型县域医共体建设');
  });

  it('take clauses from what clerks type and shorten at their borders', () => {
    expect(clauses('一是开展培训；二是完成摸底。\n（3）无\n4、暂无。\n①建立台账')).toEqual(['开展培训', '完成摸底', '建立台账']);
    expect(clauses('无。')).toEqual([]);
    expect(brief('开展培训3场。完成摸底。建立台账。', 12)).toBe('开展培训3场，完成摸底');
    // A first clause far over the limit is cut at its last comma within the limit, never inside a list of 、.
    expect(brief('召开全区推进会议，部署年度重点任务，明确责任分工和完成时限，建立工作台账和月调度机制并抓好落实', 20)).toBe('召开全区推进会议，部署年度重点任务');
    expect(tidy('覆盖不足；。下步，，推进（）。。')).toBe('覆盖不足。下步，推进。');
    expect(numberRuns([12, 3, 4, 5, 7, 8, 1])).toBe('1、3—5、7、8、12');
  });
});
