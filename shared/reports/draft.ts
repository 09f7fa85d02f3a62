import type { ReportEntry, ReportIndicator, ReportModel, ReportTask } from '../api/reports';
import type { LightColor } from '../domain/progress-status';
import { reportDateText } from '../domain/report-date';
import { brief, chineseDate, chineseNumber, clause, countList, tidy } from './draft-text';
import { entryCounts, unreportedParagraph } from './draft-unreported';

export { chineseDate, chineseNumber, sentence } from './draft-text';

/*
 * The 情况报告 as a draft: every sentence a clerk would otherwise type, drawn from the model and
 * kept as plain text so it can be edited before it is laid out (Word, print view). It reads as a
 * district 办公室 writes to the district government: the counts of the one aggregation rule
 * (model.counts, the numbers of 总览 and the Excel 台账), progress by section in running
 * sentences, lagging items with their problems and measures, one paragraph for what was not
 * reported, the indicators that have data. Only entries that count carry text (approved, or
 * submitted and marked 待审核 when the report includes them); a returned entry is never progress.
 */

/** One paragraph: an optional bold lead ("1.提升居民健康素养（疾控科）。") and the text after it. */
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

/** The 附件's name in the 附件说明 under the text: the figures follow the 落款 (docx-summary). */
export const ATTACHMENT_TITLE = '重点工作推进情况图表';

/** A first-level chapter: "一、总体进展", its paragraphs, figures and parts, in that order. */
export interface DraftChapter {
  readonly key: ChapterKey;
  readonly heading: string;
  readonly paragraphs: readonly DraftParagraph[];
  readonly figures: readonly DraftFigure[];
  readonly parts: readonly DraftPart[];
}

/** A task behind the 序时 pace (state 滞后), with why and what is planned. */
export interface LaggingItem {
  readonly taskId: string;
  readonly number: string;
  readonly title: string;
  readonly departments: readonly string[];
  readonly color: LightColor;
  /** The light's reason without the task's title: 完成18%，略低于序时进度25%. */
  readonly reason: string;
  /** The lagging leads' 存在问题, shortened (named by department when several). */
  readonly problems: string;
  /** Their 下步打算, likewise. */
  readonly nextSteps: string;
  /** The leads whose texts the item quotes (the others' problems are listed with the other problems). */
  readonly sources: readonly string[];
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

/** About how long one lead's progress may run in a section's paragraph (characters). */
const PROGRESS_CHARS = 60;
/** …when several leads share the task: each says less. */
const SHARED_PROGRESS_CHARS = 40;
/** A 存在问题 or 下步打算 clause. */
const ISSUE_CHARS = 60;
/** A section's paragraph is closed after about this many characters (at a task's end). */
const PARAGRAPH_CHARS = 300;
/** 下步打算 items per department (lagging tasks first); the 台账 has every one. */
const STEPS_PER_DEPARTMENT = 5;

/** A task's name as a heading: its first sentence, or first clause when that is still long. */
export function shortTitle(title: string): string {
  const first = clause(title.trim().split(/[。；;]/)[0] ?? '');
  if (first.length <= 40) return first;
  const clauseEnd = first.indexOf('，');
  return clauseEnd >= 6 ? first.slice(0, clauseEnd) : first;
}

/**
 * A task's name as the subject of a sentence ("推进慢病防控方面，…"): shorter than a heading; a
 * name before a colon ("实施健康知识普及行动：…") stands for the task.
 */
export function topicOf(title: string): string {
  const first = shortTitle(title);
  const named = /^([^：:]{4,24})[：:]/.exec(first);
  if (named) return named[1]!;
  if (first.length <= 24) return first;
  const clauseEnd = first.indexOf('，');
  return clauseEnd >= 4 ? first.slice(0, clauseEnd) : first;
}

/** Indicators with a value this period: the rows of the report's table and bars. */
export function indicatorsWithData(model: Pick<ReportModel, 'indicators'>): ReportIndicator[] {
  return model.indicators.filter((indicator) => indicator.value !== null);
}

function titleOf(model: ReportModel): string {
  const who = model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName;
  return `${who}关于${model.periodLabel}重点工作推进情况的报告`;
}

const counted = (model: ReportModel) => (entry: ReportEntry) => entryCounts(entry, model.includeSubmitted);

function indicatorClause(model: ReportModel): string {
  const c = model.indicatorCounts;
  if (c.total === 0) return '';
  if (c.met === c.total) return `${c.total}项主要指标均已达到目标`;
  if (c.noData === c.total) return `${c.total}项主要指标本季度均暂无数据`;
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

/**
 * 截至第一季度，全区39项重点工作中，已完成3项，按序时推进30项，滞后4项，未填报2项。其中，部分科室未报
 * 3项，按已报科室情况计入。…: model.counts exactly, zero parts left out.
 */
function openingSummary(model: ReportModel): string {
  const c = model.counts;
  const start = `截至${model.quarterLabel}，${model.scopeLabel}`;
  const marks = [
    c.partial > 0 ? `部分科室未报${c.partial}项，按已报科室情况计入` : '',
    model.includeSubmitted && c.awaitingReview > 0 ? `待审核${c.awaitingReview}项（科室已报送、办公室尚未审核），已一并计入` : '',
  ].filter(Boolean);
  const note = marks.length > 0 ? `其中，${marks.join('；')}。` : '';
  let tasks: string;
  if (c.total === 0) tasks = `${start}暂无纳入台账的重点工作`;
  else if (c.done === c.total && marks.length === 0) tasks = `${start}${c.total}项重点工作已全部完成`;
  else {
    const parts = countList(
      [
        ['已完成', c.done],
        ['按序时推进', c.onPace],
        ['滞后', c.behind],
        ['未填报', c.notReported],
      ],
      '，',
    );
    tasks = `${start}${c.total}项重点工作中，${parts}`;
  }
  const indicators = indicatorClause(model);
  // The marks are their own sentence, so they cannot be read as part of 未填报.
  const body = note === '' ? (indicators === '' ? `${tasks}。` : `${tasks}；${indicators}。`) : `${tasks}。${note}${indicators === '' ? '' : `${indicators}。`}`;
  return tidy(`${body}现将有关情况报告如下。`);
}

/** Departments and how many of their tasks, most first: 医政科2项、公卫科1项. */
function departmentTally(names: readonly string[]): string {
  const tally = new Map<string, number>();
  for (const name of names) tally.set(name, (tally.get(name) ?? 0) + 1);
  return [...tally]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'))
    .map(([name, n]) => `${name}${n}项`)
    .join('、');
}

/** 一、总体进展: the lights of what was reported, which departments lag, and the two figures. */
function overviewChapter(model: ReportModel, figureNumber: () => number): Omit<DraftChapter, 'heading'> | null {
  if (model.tasks.length === 0) return null;
  const reported = model.tasks.filter((task) => task.state !== '未填报');
  if (reported.length === 0) {
    return { key: 'overview', paragraphs: [{ lead: '', text: '本季度各项重点工作均未报送进展，暂无法评价推进情况。' }], figures: [], parts: [] };
  }
  const byLight: Record<LightColor, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  for (const task of reported) byLight[task.light.color]++;
  const lights = countList(
    [
      ['绿灯', byLight.green],
      ['黄灯', byLight.yellow],
      ['红灯', byLight.red],
    ],
    '，',
  );
  const scope = reported.length === model.tasks.length ? '' : `已报送进展的${reported.length}项工作中，`;
  const notYet = byLight.grey > 0 ? `，尚未到评价时点${byLight.grey}项` : '';
  const overdue = model.counts.overdue > 0 ? `；已超过完成时限仍未完成的${model.counts.overdue}项` : '';
  const paragraphs: DraftParagraph[] = [{ lead: '', text: tidy(`从进度灯看，${scope}${lights}${notYet}${overdue}。`) }];
  const behind = model.tasks.flatMap((task) => task.entries.filter((entry) => counted(model)(entry) && entry.state === '滞后').map((entry) => entry.departmentName));
  paragraphs.push({ lead: '', text: behind.length > 0 ? `进度滞后的工作主要涉及${departmentTally(behind)}。` : '已报送进展的工作均已完成或按序时推进。' });
  const lightsFigure = figureNumber();
  const statusFigure = figureNumber();
  paragraphs.push({ lead: '', text: `各牵头科室工作进度灯分布见附件图${lightsFigure}，推进状态分布见附件图${statusFigure}。` });
  return {
    key: 'overview',
    paragraphs,
    figures: [
      { chart: 'lights', caption: `图${lightsFigure}${CAPTION_GAP}各牵头科室重点工作进度灯分布` },
      { chart: 'status', caption: `图${statusFigure}${CAPTION_GAP}重点工作推进状态分布` },
    ],
    parts: [],
  };
}

const isDone = (entry: Pick<ReportEntry, 'status'>) => entry.status === '已完成' || entry.status === '已办结';

/** "完成40%，进度滞后，待审核": how far a lead is, for the bracket after its text. */
function entryMarks(entry: ReportEntry, text: string): string[] {
  const marks: string[] = [];
  if (isDone(entry)) {
    if (!/(已|全部|全面)(完成|办结)/.test(text)) marks.push('已完成');
  } else {
    if (entry.percent !== null) marks.push(`完成${Math.round(entry.percent)}%`);
    if (entry.state === '滞后') marks.push('进度滞后');
  }
  if (entry.awaitingReview) marks.push('待审核');
  return marks;
}

/** One lead's part of a task's sentence: its progress shortened, and how far it is. */
function leadProgress(entry: ReportEntry, several: boolean): string {
  const text = brief(entry.progress, several ? SHARED_PROGRESS_CHARS : PROGRESS_CHARS);
  let body = text;
  let marks = entryMarks(entry, text);
  if (body === '') {
    // Reported without words: say what the numbers say.
    if (isDone(entry)) body = '已完成';
    else if (entry.percent !== null) body = `完成${Math.round(entry.percent)}%`;
    else body = '已报送，未写明具体进展';
    marks = marks.filter((mark) => mark !== '已完成' && !mark.startsWith('完成'));
  }
  const named = several && !body.startsWith(entry.departmentName) ? `${entry.departmentName}${body}` : body;
  return `${named}${marks.length > 0 ? `（${marks.join('，')}）` : ''}`;
}

const NOT_COUNTED_MARK = { returned: '的填报已退回修改', 'pending-review': '已报送、待审核', missing: '尚未报送', draft: '尚未报送', reported: '' } as const;

/**
 * A task in its section's paragraph: "推进慢病防控方面，疾控科完成……（完成40%）；医政科……
 * （完成5%，进度滞后）；公卫科尚未报送。" — only counted entries speak, the rest are named.
 */
function taskSentence(task: ReportTask, model: ReportModel): string {
  const several = task.entries.length > 1;
  const speaking = task.entries.filter(counted(model));
  const parts = speaking.map((entry) => leadProgress(entry, several));
  const silent = new Map<string, string[]>();
  for (const entry of task.entries) {
    if (counted(model)(entry)) continue;
    const mark = entry.late && (entry.report === 'missing' || entry.report === 'draft') ? '逾期未报' : NOT_COUNTED_MARK[entry.report];
    silent.set(mark, [...(silent.get(mark) ?? []), entry.departmentName]);
  }
  const notes = [...silent].map(([mark, names]) => `${names.join('、')}${mark}`);
  return tidy(`${topicOf(task.title)}方面，${[...parts, ...notes].join('；')}。`);
}

const STATE_ALL: Record<ReportTask['state'], string> = { 已完成: '均已完成', 按序时推进: '均按序时推进', 滞后: '均进度滞后', 未填报: '均未报送本季度进展' };

/** "本部分5项工作中，已完成1项，……。" from the tasks' states (they add up to the section's count). */
function sectionTally(tasks: readonly ReportTask[]): string {
  if (tasks.length === 1) return tasks[0]!.state === '未填报' ? '该项工作本季度未报送进展。' : '';
  const states = new Map<ReportTask['state'], number>();
  for (const task of tasks) states.set(task.state, (states.get(task.state) ?? 0) + 1);
  if (states.size === 1) return `本部分${tasks.length}项工作${STATE_ALL[tasks[0]!.state]}。`;
  const parts = countList(
    (['已完成', '按序时推进', '滞后', '未填报'] as const).map((state) => [state, states.get(state) ?? 0] as const),
    '，',
  );
  return `本部分${tasks.length}项工作中，${parts}。`;
}

/** Sentences into paragraphs of about PARAGRAPH_CHARS, never splitting a sentence. */
function paragraphsOf(sentences: readonly string[]): DraftParagraph[] {
  const out: string[] = [];
  for (const text of sentences) {
    if (text === '') continue;
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + text.length <= PARAGRAPH_CHARS) out[last] = `${out[last]}${text}`;
    else out.push(text);
  }
  return out.map((text) => ({ lead: '', text }));
}

/** 二、各部分推进情况: one part per section (per plan and section when several plans), in sentences. */
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
    paragraphs: paragraphsOf([sectionTally(group.tasks), ...group.tasks.filter((task) => task.state !== '未填报').map((task) => taskSentence(task, model))]),
  }));
  return { key: 'sections', paragraphs: [], figures: [], parts };
}

/** The leads' texts as one clause, each shortened, named by department when several share the task. */
function leadsClause(entries: readonly ReportEntry[], pick: (entry: ReportEntry) => string, several: boolean): string {
  return entries
    .map((entry) => {
      const text = brief(pick(entry), ISSUE_CHARS, '；');
      if (text === '') return '';
      const named = several && !text.startsWith(entry.departmentName) ? `${entry.departmentName}${text}` : text;
      return entry.awaitingReview ? `${named}（待审核）` : named;
    })
    .filter(Boolean)
    .join('；');
}

/** The light's reason as the item's first sentence, without the quoted title the lead already names. */
function reasonText(task: ReportTask): string {
  const reason = clause(task.light.reason.replace(`“${task.title}”`, '')).replace(/报告为滞后/, '报告进度滞后');
  const named = /^([^：]{1,30})：\s*(.*)$/.exec(reason);
  if (named) return `${named[1]}${named[2]}`;
  if (reason.startsWith('报告')) return `${task.departments[0] ?? '牵头科室'}${reason}`;
  return `目前${reason}`;
}

function laggingItems(model: ReportModel): LaggingItem[] {
  return model.tasks
    .filter((task) => task.state === '滞后')
    .map((task) => {
      const speaking = task.entries.filter(counted(model));
      const behind = speaking.filter((entry) => entry.state === '滞后');
      const sources = behind.length > 0 ? behind : speaking;
      // Named by department only when several leads lag (the reason already names a single one).
      const several = sources.length > 1;
      return {
        taskId: task.taskId,
        number: task.number,
        title: task.title,
        departments: task.departments,
        color: task.light.color,
        reason: reasonText(task),
        problems: leadsClause(sources, (entry) => entry.problems, several),
        nextSteps: leadsClause(sources, (entry) => entry.nextSteps, several),
        sources: sources.map((entry) => entry.departmentName),
      };
    });
}

/** Each department's texts in order of first appearance, identical texts once, at most `max`. */
function byDepartment(
  model: ReportModel,
  tasks: readonly ReportTask[],
  pick: (entry: ReportEntry) => string,
  max: number,
  skip: (task: ReportTask, entry: ReportEntry) => boolean = () => false,
): { name: string; texts: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const task of tasks) {
    for (const entry of task.entries.filter(counted(model))) {
      if (skip(task, entry)) continue;
      const text = brief(pick(entry), ISSUE_CHARS, '；');
      if (text === '') continue;
      const texts = groups.get(entry.departmentName) ?? [];
      if (!texts.includes(text) && texts.length < max) texts.push(text);
      groups.set(entry.departmentName, texts);
    }
  }
  return [...groups].map(([name, texts]) => ({ name, texts }));
}

/** 三、存在的问题: lagging items with problems and measures, what was not reported, other problems. */
function problemsChapter(model: ReportModel, lagging: readonly LaggingItem[]): Omit<DraftChapter, 'heading'> | null {
  if (model.tasks.length === 0) return null;
  const parts: { heading: string; paragraphs: DraftParagraph[] }[] = [];
  if (lagging.length > 0) {
    const red = lagging.filter((item) => item.color === 'red').length;
    const yellow = lagging.filter((item) => item.color === 'yellow').length;
    const lights = countList([
      ['红灯', red],
      ['黄灯', yellow],
    ]);
    const paragraphs: DraftParagraph[] = [{ lead: '', text: `${lagging.length}项工作进度滞后${lights ? `（${lights}）` : ''}，具体如下。` }];
    lagging.forEach((item, i) => {
      const problems = item.problems === '' ? '' : `存在问题：${item.problems}。`;
      const steps = item.nextSteps === '' ? '' : `下步措施：${item.nextSteps}。`;
      paragraphs.push({ lead: `${i + 1}.${shortTitle(item.title)}（${item.departments.join('、') || '未指定牵头科室'}）。`, text: tidy(`${item.reason}。${problems}${steps}`) });
    });
    parts.push({ heading: '部分工作进度滞后', paragraphs });
  }
  const unreported = unreportedParagraph(model, (task) => shortTitle(task.title));
  if (unreported !== '') {
    const late = model.tasks.some((task) => task.entries.some((entry) => entry.late && !counted(model)(entry)));
    parts.push({ heading: late ? '部分科室未按时报送进展' : '部分工作尚未报送进展', paragraphs: [{ lead: '', text: tidy(unreported) }] });
  }
  // Problems a lagging item already quotes are not repeated; its other leads' problems are listed here.
  const quoted = new Map(lagging.map((item) => [item.taskId, new Set(item.sources)]));
  const others = byDepartment(model, model.tasks, (entry) => entry.problems, STEPS_PER_DEPARTMENT, (task, entry) => quoted.get(task.taskId)?.has(entry.departmentName) ?? false).filter(
    (group) => group.texts.length > 0,
  );
  if (others.length > 0) {
    parts.push({
      heading: '各科室反映的困难和问题',
      paragraphs: others.length === 1 ? [{ lead: '', text: tidy(`${others[0]!.name}反映：${others[0]!.texts.join('；')}。`) }] : others.map((group, i) => ({ lead: `${i + 1}.${group.name}。`, text: tidy(`${group.texts.join('；')}。`) })),
    });
  }
  if (parts.length === 0) return { key: 'problems', paragraphs: [{ lead: '', text: '本季度各项重点工作均已完成或按序时推进，暂未发现滞后事项和突出问题。' }], figures: [], parts: [] };
  return { key: 'problems', paragraphs: [], figures: [], parts: parts.map((part, i) => ({ heading: `（${chineseNumber(i + 1)}）${part.heading}`, paragraphs: part.paragraphs })) };
}

export const MAX_INDICATOR_BARS = 20;
/** Up to this many indicators without data are named in the sentence that counts them. */
const NAMED_NO_DATA = 3;

const valueOf = (value: number) => String(Math.round(value * 100) / 100);

/** 四、主要指标完成情况: the counts of those with data (the table lists them), the rest in one sentence. */
function indicatorsChapter(model: ReportModel, figureNumber: () => number): Omit<DraftChapter, 'heading'> | null {
  if (model.indicators.length === 0) return null;
  const withData = indicatorsWithData(model);
  const without = model.indicators.filter((indicator) => indicator.value === null);
  const total = model.indicators.length;
  if (withData.length === 0) return { key: 'indicators', paragraphs: [{ lead: '', text: `纳入监测的${total}项主要指标本季度均暂无数据。` }], figures: [], parts: [] };
  const tally = { 是: 0, 接近: 0, 否: 0, 无数据: 0 };
  for (const indicator of withData) tally[indicator.met]++;
  const results =
    tally.是 === withData.length
      ? '均已达到目标'
      : `其中${countList(
          [
            ['达到目标', tally.是],
            ['接近目标', tally.接近],
            ['未达目标', tally.否],
            ['未设定目标值', tally.无数据],
          ],
          '，',
        )}`;
  const scope = without.length === 0 ? `纳入监测的${total}项主要指标` : `纳入监测的${total}项主要指标中，本季度有数据的${withData.length}项`;
  const sentences = [`${scope}${results.startsWith('均') ? '' : '，'}${results}，详见表1。`];
  const short = withData.filter((i) => i.met === '否' || i.met === '接近');
  if (short.length > 0) {
    const names = short.map((i) => `${i.name}（本期${valueOf(i.value!)}${i.unit}，目标${i.targetText || '未设定'}）`);
    sentences.push(`尚未达到目标的有：${names.join('、')}。`);
  }
  if (without.length > 0) {
    const named = without.length <= NAMED_NO_DATA ? `（${without.map((i) => i.name).join('、')}）` : '';
    sentences.push(`另有${without.length}项指标${named}本季度暂无数据。`);
  }
  const paragraphs: DraftParagraph[] = [{ lead: '', text: tidy(sentences.join('')) }];
  // Bars for a handful of indicators help; for many the table says it better.
  if (withData.length > MAX_INDICATOR_BARS) return { key: 'indicators', paragraphs, figures: [], parts: [] };
  const figure = figureNumber();
  return { key: 'indicators', paragraphs, figures: [{ chart: 'indicators', caption: `图${figure}${CAPTION_GAP}主要指标完成情况` }], parts: [] };
}

/** 五、下一步工作打算: each department's 下步打算 (lagging tasks first), then the office's own commitment. */
function nextStepsChapter(model: ReportModel): Omit<DraftChapter, 'heading'> {
  const ordered = [...model.tasks.filter((task) => task.state === '滞后'), ...model.tasks.filter((task) => task.state !== '滞后')];
  const groups = byDepartment(model, ordered, (entry) => entry.nextSteps, STEPS_PER_DEPARTMENT).filter((group) => group.texts.length > 0);
  const paragraphs: DraftParagraph[] = [];
  if (groups.length > 0) {
    paragraphs.push({ lead: '', text: '下一步，各牵头科室将重点抓好以下工作。' });
    // A list of one is not numbered.
    if (groups.length === 1) paragraphs.push({ lead: '', text: tidy(`${groups[0]!.name}：${groups[0]!.texts.join('；')}。`) });
    else groups.forEach((group, i) => paragraphs.push({ lead: `${i + 1}.${group.name}。`, text: tidy(`${group.texts.join('；')}。`) }));
  }
  const c = model.counts;
  const actions = [
    c.behind > 0 ? '对进度滞后的工作逐项分析原因，明确整改措施和完成时限' : '',
    c.notReported + c.partial > 0 || c.returned > 0 ? '督促相关科室及时报送、修改进展情况' : '',
  ].filter(Boolean);
  paragraphs.push({
    lead: '',
    text: actions.length > 0 ? `办公室将加强统筹调度和督促检查，${actions.join('，')}，确保全年目标任务按期完成。` : '继续加强统筹调度和督促检查，确保全年目标任务按期完成。',
  });
  return { key: 'nextSteps', paragraphs, figures: [], parts: [] };
}

/** `date`: the report's date (YYYY-MM-DD) for the 落款; without it, the day the model was read. */
export function draftReport(model: ReportModel, options: { readonly date?: string | undefined } = {}): ReportDraft {
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
    signature: { office: model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName, date: options.date ? reportDateText(options.date) : chineseDate(model.generatedAt) },
  };
}
