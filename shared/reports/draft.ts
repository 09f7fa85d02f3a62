import type { ReportModel, ReportTask } from '../api/reports';
import { lightLabels, type LightColor } from '../domain/progress-status';

/*
 * The 情况报告 as a draft: every sentence a clerk would otherwise type, drawn from the model and
 * kept as plain text so it can be edited before it is laid out (Word, print view). Numbers come
 * from the model's counts only; nothing here is laid out or styled beyond which words open a
 * paragraph in bold (the 三级标题 "1.任务名。" that leads a paragraph).
 */

/** One paragraph: an optional bold lead ("1.提升居民健康素养。") and the text after it. */
export interface DraftParagraph {
  readonly lead: string;
  readonly text: string;
}

/** A second-level part: "（一）推进健康渝北建设" and its paragraphs. */
export interface DraftPart {
  readonly heading: string;
  readonly paragraphs: readonly DraftParagraph[];
}

export type DraftChart = 'lights' | 'status' | 'indicators';

export interface DraftFigure {
  readonly chart: DraftChart;
  /** 图1 各牵头科室重点工作进度灯分布 (a full-width space after the number). */
  readonly caption: string;
}

/** Between a caption's number and its words, a full-width space as Chinese documents set it. */
export const CAPTION_GAP = '\u3000';

export type ChapterKey = 'overview' | 'sections' | 'problems' | 'indicators' | 'nextSteps';

/** A first-level chapter: "一、总体进展", its paragraphs, figures and parts, in that order. */
export interface DraftChapter {
  readonly key: ChapterKey;
  readonly heading: string;
  readonly paragraphs: readonly DraftParagraph[];
  readonly figures: readonly DraftFigure[];
  readonly parts: readonly DraftPart[];
}

/** A task behind the 序时 pace, with why. */
export interface LaggingItem {
  readonly taskId: string;
  readonly number: string;
  readonly title: string;
  readonly departments: readonly string[];
  readonly color: LightColor;
  readonly reason: string;
  readonly problems: string;
}

export interface ReportDraft {
  readonly title: string;
  /** The opening paragraph: 截至第一季度，全区39项重点工作中，已完成X项…… */
  readonly summary: string;
  /** Chapters present for this data, numbered 一、二、… in order (empty ones are left out). */
  readonly chapters: readonly DraftChapter[];
  readonly lagging: readonly LaggingItem[];
  readonly signature: { readonly office: string; readonly date: string };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return n === 0 ? '〇' : DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** 2025年4月20日 from an ISO time, in this PC's calendar day. */
export function chineseDate(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

const END_PUNCTUATION = /[。！？!?]$/;
const TRAILING_SOFT = /[\s，,；;、：:。.]+$/;

/** The text as one or more finished sentences: trimmed, closed with 。. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (END_PUNCTUATION.test(trimmed)) return trimmed;
  return `${trimmed.replace(TRAILING_SOFT, '')}。`;
}

/** Without closing punctuation, to be joined with ；. */
function clause(text: string): string {
  return text.trim().replace(TRAILING_SOFT, '');
}

/** The paragraphs a clerk typed (blank lines dropped), each a finished sentence. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => sentence(line))
    .filter((line) => line !== '');
}

/** A task's name as a heading: its first sentence, or first clause when that is still long. */
export function shortTitle(title: string): string {
  const first = clause(title.trim().split(/[。；;]/)[0] ?? '');
  if (first.length <= 40) return first;
  const clauseEnd = first.indexOf('，');
  return clauseEnd >= 6 ? first.slice(0, clauseEnd) : first;
}

/** "1." from the plan's own number when it is a plain number, else the place in the list. */
function numberLabel(number: string, index: number): string {
  return /^\d+$/.test(number.trim()) ? `${number.trim()}.` : `${index}.`;
}

/** "红灯2项、黄灯1项" with the zero parts left out. */
function countList(parts: readonly (readonly [string, number])[], separator = '、'): string {
  return parts
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}项`)
    .join(separator);
}

/** The reason without the task's own quoted title (the paragraph already names it). */
function reasonText(task: Pick<ReportTask, 'title' | 'light'>): string {
  return clause(task.light.reason.replace(`“${task.title}”`, '').replace(/：\s*/, '：'));
}

function titleOf(model: ReportModel): string {
  const who = model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName;
  return `${who}关于${model.periodLabel}重点工作推进情况的报告`;
}

function indicatorClause(model: ReportModel): string {
  const c = model.indicatorCounts;
  if (c.total === 0) return '';
  if (c.met === c.total) return `${c.total}项主要指标均已达到目标`;
  const parts = countList(
    [
      ['达到目标', c.met],
      ['接近目标', c.close],
      ['未达目标', c.notMet],
      ['暂无数据', c.noData],
    ],
    '，',
  );
  return `${c.total}项主要指标中，${parts}`;
}

/** 截至第一季度，全区39项重点工作中，已完成3项，按序时推进30项，滞后4项，尚未填报进展2项；…… */
function openingSummary(model: ReportModel): string {
  const c = model.counts;
  const start = `截至${model.quarterLabel}，${model.scopeLabel}`;
  let tasks: string;
  if (c.total === 0) tasks = `${start}暂无纳入台账的重点工作`;
  else if (c.done === c.total) tasks = `${start}${c.total}项重点工作已全部完成`;
  else {
    const parts = countList(
      [
        ['已完成', c.done],
        ['按序时推进', c.onPace],
        ['滞后', c.behind],
        ['尚未填报进展', c.notReported],
      ],
      '，',
    );
    tasks = `${start}${c.total}项重点工作中，${parts}`;
  }
  const indicators = indicatorClause(model);
  const body = indicators === '' ? tasks : `${tasks}；${indicators}`;
  return `${body}。现将有关情况报告如下。`;
}

function departmentsOf(task: ReportTask): string {
  return task.departments.length > 0 ? task.departments.join('、') : '未指定牵头科室';
}

/** 一、总体进展: lights, where the red and yellow ones are, and the two figures. */
function overviewChapter(model: ReportModel, figureNumber: () => number): Omit<DraftChapter, 'heading'> | null {
  if (model.tasks.length === 0) return null;
  const byLight: Record<LightColor, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  for (const task of model.tasks) byLight[task.light.color]++;
  const lights = countList((['green', 'yellow', 'red', 'grey'] as const).map((color) => [lightLabels[color], byLight[color]] as const));
  const overdue = model.counts.overdue > 0 ? `；已超过完成时限仍未完成的${model.counts.overdue}项` : '';
  const paragraphs: DraftParagraph[] = [{ lead: '', text: `从进度灯看，${lights}${overdue}。` }];
  const worrying = new Map<string, { red: number; yellow: number }>();
  for (const task of model.tasks) {
    if (task.light.color !== 'red' && task.light.color !== 'yellow') continue;
    for (const name of new Set(task.departments)) {
      const row = worrying.get(name) ?? { red: 0, yellow: 0 };
      row[task.light.color]++;
      worrying.set(name, row);
    }
  }
  const departments = [...worrying]
    .sort(([, a], [, b]) => b.red - a.red || b.yellow - a.yellow)
    .map(([name, row]) => `${name}（${countList([['红灯', row.red], ['黄灯', row.yellow]])}）`);
  paragraphs.push({ lead: '', text: departments.length > 0 ? `红灯、黄灯工作主要涉及${departments.join('、')}。` : '各牵头科室均无红灯、黄灯工作。' });
  const lightsFigure = figureNumber();
  const statusFigure = figureNumber();
  paragraphs.push({ lead: '', text: `各牵头科室工作进度灯分布见图${lightsFigure}，工作状态分布见图${statusFigure}。` });
  return {
    key: 'overview',
    paragraphs,
    figures: [
      { chart: 'lights', caption: `图${lightsFigure}${CAPTION_GAP}各牵头科室重点工作进度灯分布` },
      { chart: 'status', caption: `图${statusFigure}${CAPTION_GAP}重点工作状态分布` },
    ],
    parts: [],
  };
}

/** "（已完成）", "（完成30%）": how far a department says it is, after its text. */
function entryTail(entry: ReportTask['entries'][number], behind: boolean): string {
  if (entry.status === '已完成' || entry.status === '已办结') return '（已完成）';
  if (entry.percent === null) return behind ? '（进度滞后）' : '';
  return `（完成${Math.round(entry.percent)}%${behind ? '，进度滞后' : ''}）`;
}

/**
 * A task's progress: "1.任务名。" then what each lead department wrote (its own paragraph when
 * there are several leads), each closed by how far that department is.
 */
function taskParagraphs(task: ReportTask, index: number): DraftParagraph[] {
  const lead = `${numberLabel(task.number, index)}${shortTitle(task.title)}。`;
  if (task.entries.length === 0) return [{ lead, text: '本季度尚未填报进展情况。' }];
  // With one lead the task's pace is that department's; with several the reasons are in 存在的问题.
  const behind = task.pace === '否' && task.entries.length === 1;
  const texts: string[] = [];
  for (const entry of task.entries) {
    const own = lines(entry.progress);
    const body = own.length > 0 ? own : [`填报状态为${entry.status}，未填写进展情况。`];
    if (task.entries.length > 1) body[0] = `${entry.departmentName}：${body[0]}`;
    body[body.length - 1] = `${body[body.length - 1]}${entryTail(entry, behind)}`;
    texts.push(...body);
  }
  return texts.map((text, i) => ({ lead: i === 0 ? lead : '', text }));
}

/** 二、各部分推进情况: one part per section (per plan and section when several plans). */
function sectionsChapter(model: ReportModel): Omit<DraftChapter, 'heading'> | null {
  if (model.tasks.length === 0) return null;
  const severalPlans = new Set(model.tasks.map((t) => t.planId)).size > 1;
  const groups: { key: string; name: string; tasks: ReportTask[] }[] = [];
  for (const task of model.tasks) {
    const key = `${task.planId}/${task.sectionId ?? ''}`;
    let group = groups.find((g) => g.key === key);
    if (!group) {
      const section = task.sectionTitle?.trim() || '其他工作';
      const name = severalPlans ? `${section}（${task.planTitle}）` : section;
      groups.push((group = { key, name, tasks: [] }));
    }
    group.tasks.push(task);
  }
  const parts = groups.map((group, g) => ({
    heading: `（${chineseNumber(g + 1)}）${group.name}`,
    paragraphs: group.tasks.flatMap((task, i) => taskParagraphs(task, i + 1)),
  }));
  return { key: 'sections', paragraphs: [], figures: [], parts };
}

/** A department's several lines as one clause: 人员不足；经费不足. */
function oneClause(text: string): string {
  return text
    .split(/\r?\n/)
    .map(clause)
    .filter((line) => line !== '')
    .join('；');
}

function problemsOf(task: ReportTask): string {
  const texts = task.entries.filter((e) => e.problems.trim() !== '');
  if (texts.length === 0) return '';
  if (task.entries.length === 1) return oneClause(texts[0]!.problems);
  return texts.map((e) => `${e.departmentName}：${oneClause(e.problems)}`).join('；');
}

function laggingItems(model: ReportModel): LaggingItem[] {
  return model.tasks
    .filter((task) => task.pace === '否')
    .map((task) => ({
      taskId: task.taskId,
      number: task.number,
      title: task.title,
      departments: task.departments,
      color: task.light.color,
      reason: reasonText(task),
      problems: problemsOf(task),
    }));
}

/** Text per department in order of first appearance, identical texts once. */
function byDepartment(tasks: readonly ReportTask[], pick: (entry: ReportTask['entries'][number]) => string): { name: string; texts: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const task of tasks) {
    for (const entry of task.entries) {
      for (const line of pick(entry).split(/\r?\n/)) {
        const text = clause(line);
        if (text === '') continue;
        const texts = groups.get(entry.departmentName) ?? [];
        if (!texts.includes(text)) texts.push(text);
        groups.set(entry.departmentName, texts);
      }
    }
  }
  return [...groups].map(([name, texts]) => ({ name, texts }));
}

const MAX_LISTED = 30;

/** 三、存在的问题: the lagging items with reasons, the tasks nobody reported, other problems. */
function problemsChapter(model: ReportModel, lagging: readonly LaggingItem[]): Omit<DraftChapter, 'heading'> | null {
  if (model.tasks.length === 0) return null;
  const parts: { heading: string; paragraphs: DraftParagraph[] }[] = [];
  if (lagging.length > 0) {
    const red = lagging.filter((item) => item.color === 'red').length;
    const yellow = lagging.length - red;
    const paragraphs: DraftParagraph[] = [{ lead: '', text: `${lagging.length}项工作进度滞后（${countList([['红灯', red], ['黄灯', yellow]])}），具体如下。` }];
    lagging.forEach((item, i) => {
      const problems = item.problems === '' ? '' : `存在问题：${item.problems}。`;
      paragraphs.push({ lead: `${i + 1}.${shortTitle(item.title)}（${item.departments.join('、') || '未指定牵头科室'}）。`, text: `${item.reason}。${problems}` });
    });
    parts.push({ heading: '进度滞后的工作', paragraphs });
  }
  const unreported = model.tasks.filter((task) => task.pace === '未填报');
  if (unreported.length > 0) {
    const listed = unreported.slice(0, MAX_LISTED).map((task) => `${shortTitle(task.title)}（${departmentsOf(task)}）`);
    const more = unreported.length > MAX_LISTED ? `等${unreported.length}项` : '';
    parts.push({ heading: '尚未填报进展的工作', paragraphs: [{ lead: '', text: `${unreported.length}项工作本季度尚未填报进展情况：${listed.join('、')}${more}。` }] });
  }
  const laggingIds = new Set(lagging.map((item) => item.taskId));
  const others = byDepartment(
    model.tasks.filter((task) => !laggingIds.has(task.taskId)),
    (entry) => entry.problems,
  );
  if (others.length > 0) {
    parts.push({
      heading: '各科室反映的困难和问题',
      paragraphs: others.map((group, i) => ({ lead: `${i + 1}.${group.name}。`, text: `${group.texts.join('；')}。` })),
    });
  }
  if (parts.length === 0) return { key: 'problems', paragraphs: [{ lead: '', text: '本季度各项重点工作均已完成或按序时推进，暂未发现滞后事项和突出问题。' }], figures: [], parts: [] };
  const intro = countList(
    [
      ['进度滞后', lagging.length],
      ['尚未填报进展', unreported.length],
    ],
    '，',
  );
  return {
    key: 'problems',
    paragraphs: intro === '' ? [] : [{ lead: '', text: `本季度重点工作中，${intro}。` }],
    figures: [],
    parts: parts.map((part, i) => ({ heading: `（${chineseNumber(i + 1)}）${part.heading}`, paragraphs: part.paragraphs })),
  };
}

export const MAX_INDICATOR_BARS = 20;

/** 四、主要指标完成情况: the counts and the indicators short of target (the table follows). */
function indicatorsChapter(model: ReportModel, figureNumber: () => number): Omit<DraftChapter, 'heading'> | null {
  if (model.indicators.length === 0) return null;
  const paragraphs: DraftParagraph[] = [{ lead: '', text: `纳入监测的${indicatorClause(model)}，详见下表。` }];
  const short = model.indicators.filter((i) => i.met === '否' || i.met === '接近');
  if (short.length > 0) {
    const names = short.map((i) => `${i.name}（本期${i.value ?? '—'}${i.value === null ? '' : i.unit}，目标${i.targetText || '未设定'}）`);
    paragraphs.push({ lead: '', text: `尚未达到目标的指标：${names.join('、')}。` });
  }
  // Bars for a handful of indicators help; for many the table says it better.
  if (model.indicators.length > MAX_INDICATOR_BARS) return { key: 'indicators', paragraphs, figures: [], parts: [] };
  const figure = figureNumber();
  return { key: 'indicators', paragraphs, figures: [{ chart: 'indicators', caption: `图${figure}${CAPTION_GAP}主要指标完成情况` }], parts: [] };
}

/** 五、下一步工作打算: each department's 下步打算, then the usual closing commitment. */
function nextStepsChapter(model: ReportModel): Omit<DraftChapter, 'heading'> {
  const groups = byDepartment(model.tasks, (entry) => entry.nextSteps);
  const paragraphs: DraftParagraph[] = [];
  if (groups.length > 0) {
    paragraphs.push({ lead: '', text: '下一步，各牵头科室将重点抓好以下工作。' });
    groups.forEach((group, i) => paragraphs.push({ lead: `${i + 1}.${group.name}。`, text: `${group.texts.join('；')}。` }));
  }
  const behind = model.counts.behind + model.counts.notReported;
  paragraphs.push({
    lead: '',
    text:
      behind > 0
        ? '对进度滞后和尚未填报的工作，逐项分析原因，明确整改措施和完成时限，加强督促检查，确保全年目标任务按期完成。'
        : '继续加强统筹调度和督促检查，确保全年目标任务按期完成。',
  });
  return { key: 'nextSteps', paragraphs, figures: [], parts: [] };
}

export function draftReport(model: ReportModel): ReportDraft {
  let figures = 0;
  const figureNumber = () => ++figures;
  const lagging = laggingItems(model);
  const headings: Record<ChapterKey, string> = {
    overview: '总体进展',
    sections: '各部分推进情况',
    problems: '存在的问题',
    indicators: '主要指标完成情况',
    nextSteps: '下一步工作打算',
  };
  const chapters = [overviewChapter(model, figureNumber), sectionsChapter(model), problemsChapter(model, lagging), indicatorsChapter(model, figureNumber), nextStepsChapter(model)]
    .filter((chapter): chapter is Omit<DraftChapter, 'heading'> => chapter !== null)
    .map((chapter, i) => ({ ...chapter, heading: `${chineseNumber(i + 1)}、${headings[chapter.key]}` }));
  return {
    title: titleOf(model),
    summary: openingSummary(model),
    chapters,
    lagging,
    signature: { office: model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName, date: chineseDate(model.generatedAt) },
  };
}
