import type { TemplateField } from '../../shared/api/reports';
import { fieldRows, type TemplateRows } from './template-fields';

/*
 * Which of our fields a superior's column title means. Titles come as people type them:
 * full-width brackets, spaces to centre a word (序  号), line breaks inside (牵头\n单位), notes in
 * brackets (完成时限（时间节点）), a year in front (2025年目标值).
 */

const SYNONYMS: Readonly<Record<TemplateField, readonly string[]>> = {
  number: ['序号', '编号', '序', '排序'],
  section: ['所属部分', '类别', '板块', '领域', '工作类别', '任务类别', '分类', '所属领域', '项目类别'],
  title: ['工作任务', '重点任务', '工作内容', '任务', '任务名称', '重点工作', '工作事项', '目标任务', '主要任务', '具体任务', '任务内容', '重点工作任务', '事项', '工作项目', '项目名称'],
  departments: ['牵头科室', '责任科室', '牵头单位', '牵头处室', '责任处室', '牵头部门', '责任部门', '主责科室', '主责单位', '责任科室(单位)'],
  units: ['责任单位', '配合单位', '协作单位', '配合科室', '配合部门', '实施单位', '参与单位', '协办单位'],
  deadline: ['完成时限', '时间节点', '完成时间', '时限', '计划完成时间', '时间安排', '截止时间', '时限要求', '完成时限要求'],
  progress: ['进展情况', '推进情况', '完成情况', '工作进展', '进展', '落实情况', '工作推进情况', '目前进展', '工作完成情况', '推进落实情况', '工作开展情况', '开展情况', '执行情况'],
  problems: ['存在问题', '困难问题', '存在的问题', '问题', '困难和问题', '存在困难', '问题和困难', '存在的困难和问题', '主要问题'],
  nextSteps: ['下步打算', '下一步工作', '下步工作', '下一步打算', '下步计划', '下一步计划', '下步措施', '下一步措施', '下步工作打算', '下一步工作计划', '下一步工作打算'],
  status: ['状态', '完成状态', '推进状态', '任务状态', '进展状态', '是否完成'],
  percent: ['完成进度', '进度', '完成比例', '完成百分比', '进度百分比'],
  light: ['灯色', '亮灯', '亮灯情况', '预警', '预警等级', '灯', '红黄绿灯'],
  pace: ['是否按序时推进', '是否按序时进度推进', '序时进度', '是否按时序推进', '是否按期推进', '序时推进情况'],
  plan: ['所属计划', '计划名称', '文件名称', '所属文件', '任务来源'],
  indicatorName: ['指标', '指标名称', '指标内容', '主要指标', '指标项目', '考核指标', '指标项'],
  indicatorUnit: ['单位', '计量单位', '指标单位'],
  indicatorBaseline: ['基数', '基期值', '基准值', '现状值', '基线值', '基期', '基数值'],
  indicatorTarget: ['目标', '目标值', '年度目标', '目标任务值', '预期目标', '年度目标值', '目标要求'],
  indicatorValue: ['完成值', '实际值', '本期完成值', '完成数', '当前值', '实际完成值', '监测值', '季度完成值', '实际完成', '本期值', '完成数值'],
  indicatorCompletion: ['完成情况', '进展情况', '推进情况'],
  indicatorMet: ['是否达标', '是否完成', '达标情况', '是否达到目标', '是否完成目标'],
};

/** NFKC (full-width to half-width), no whitespace at all, lower case, no decoration marks. */
function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*※★:：]/g, '')
    .toLowerCase();
}

/** Without bracketed notes: 完成时限(时间节点) → 完成时限, 完成值(%) → 完成值. */
function withoutNotes(normalised: string): string {
  return normalised.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '');
}

const NORMALISED = Object.entries(SYNONYMS).flatMap(([field, words]) => words.map((word) => ({ field: field as TemplateField, word: normaliseHeader(word) })));

export type HeaderContext = TemplateRows | 'any';

function allowed(field: TemplateField, context: HeaderContext): boolean {
  if (context === 'any') return true;
  const rows = fieldRows(field);
  return rows === 'either' || rows === context;
}

interface Candidate {
  readonly field: TemplateField;
  readonly score: number;
}

/**
 * Every field the title may mean, best first: an exact title beats one that merely contains a
 * known word; among those, the word at the end (the head noun in Chinese: 工作任务完成情况 is a
 * 完成情况) and then the longer word wins.
 */
export function headerCandidates(text: string, context: HeaderContext = 'any'): TemplateField[] {
  const full = normaliseHeader(text);
  if (full === '' || full.length > 30) return [];
  const bare = withoutNotes(full) || full;
  const scored: Candidate[] = [];
  for (const { field, word } of NORMALISED) {
    if (!allowed(field, context)) continue;
    if (bare === word || full === word) scored.push({ field, score: 1000 });
    else if (word.length >= 2 && bare.includes(word)) scored.push({ field, score: (bare.endsWith(word) ? 100 : 0) + word.length });
  }
  scored.sort((a, b) => b.score - a.score);
  return [...new Set(scored.map((c) => c.field))];
}

export function matchHeader(text: string, context: HeaderContext = 'any'): TemplateField | null {
  return headerCandidates(text, context)[0] ?? null;
}

/** Whether the title is surely one of ours (for finding the header row), not a sentence that contains a word. */
export function isKnownHeader(text: string): boolean {
  const full = normaliseHeader(text);
  if (full.length > 16) return false;
  return matchHeader(text) !== null;
}

/**
 * Tasks or indicators, from the titles that can mean only one of the two (完成情况 and 单位 could
 * be either and do not vote).
 */
export function contextOfHeaders(headers: readonly string[]): TemplateRows {
  let tasks = 0;
  let indicators = 0;
  for (const header of headers) {
    const kinds = new Set(headerCandidates(header).map(fieldRows).filter((k) => k !== 'either'));
    if (kinds.size !== 1) continue;
    if (kinds.has('indicators')) indicators++;
    else tasks++;
  }
  return indicators > tasks ? 'indicators' : 'tasks';
}
