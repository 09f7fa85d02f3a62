import type { Comparator, ValueKind } from './types';
import { matchingOpen } from './brackets';
import { ForwardFinder, LastOf } from './scan';

/** A target found in a piece of text; offsets are relative to that text. */
export interface FoundTarget {
  metric: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  valueKind: ValueKind;
  targetYear: number | null;
  phrase: string;
  start: number;
  end: number;
}

const UNITS = [
  '/10万', '/万', '‰', '%', '万元', '亿元', '元', '人次', '剂次', '平方米', '㎡', '千克', '公里', '分钟', '小时', '岁', '个', '家', '所', '名', '人', '张', '项', '支', '次', '分', '级', 'U', '台', '套', '床', '户', '场', '篇', '批', '种', '例', '天', '辆', '间', '处', '条', '件', '册', '本', '位', '期', '轮', '倍', '年',
];
const UNIT_PATTERN = UNITS.map((u) => u.replace(/[/%]/g, (c) => `\\${c}`)).join('|');
const NUMBER = '\\d+(?:\\.\\d+)?';
const RANGE_SEP = '[-—–~至到]';
/** number, optional range, optional 万/亿, optional unit. "1/10万" is a unit written with its 1. */
const VALUE = new RegExp(`(?<![\\d.+/A-Za-z])(${NUMBER})(?:\\s*(${RANGE_SEP})\\s*(${NUMBER}))?(万|亿)?(1?\\/10万|${UNIT_PATTERN})?(?![\\d.])`, 'g');

const GE_BEFORE = /(突破|达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|扩大到|扩大至|不低于|不少于|至少|≥|保持在|稳定在|维持在|上升到|上升至)$/;
const LE_BEFORE = /(控制在|控制到|不超过|不高于|降至|降低到|降低至|下降到|下降至|减少到|减少至|压缩到|压缩至|低于|≤)$/;
const GT_BEFORE = /(>|高于|超过|大于)$/;
const LT_BEFORE = /(<|小于)$/;
const EQ_BEFORE = /(=|为|是)$/;
const WORK_VERBS = '新增|新建|建成|建设|建立|创建|打造|培育|共建|培训|完成|开展|设立|举办|招募|采购布局|采购|配置|引进|引入|培养|遴选|组建|落实|推广|争创|获批|立项|评选|选树|签约|接种|检查|筛查|举行|开设|设置|增设|改造|申报|推进|支持|加强|建|配备|扩建|新增设|发展|实施';
const WORK_IN_CLAUSE = new RegExp(`(${WORK_VERBS})`);
const WORK_AFTER = /^(设立|完成|建成|覆盖|达标|实现|开展|纳入|参加|接种|签约|落实|配备|建立|达到)/;
const WORK_BEFORE = /(新增|新建|建成|建设|创建|打造|培育|培训|完成|开展|设立|举办|招募|采购布局|采购|配置|引进|培养|遴选|达标|覆盖|实现|组建|落实|推广|争创|获批|立项|评选|选树|签约|接种|检查|筛查|实施|举行|开设|设置|增设|新改扩建|改造|提供|服务|救治|新增设)[^，。；、\d]{0,16}$/;
const GE_AFTER = /^(及以上|以上|或以上|以上水平)/;
const LE_AFTER = /^(以下|以内|及以下|或以下)/;
const ABOUT_AFTER = /^左右/;
const QUALIFIER_AFTER = /^(及以上|以上|及以下|以下)(?:的|老年人|人群|儿童|人口|居民|患者|孕产妇|职工|企业|用人单位|医疗机构|医院|公立医院|综合性?医院|规模)/;
const EXISTING_BEFORE = /(现有|已有|已建|已建成|巩固|全区共|共有|截至|截止|第[一二三四五六七八九十\d]+批|原有|目前|现已|累计已)[^，。；]{0,12}$/;
const SKIP_UNIT_CONTEXT = /^(年|月|日|号|时|周岁以下的|届|周年)/;

const LOWER_IS_BETTER = /(死亡率|发病率|患病率|感染率|吸烟率|近视率|肥胖率|超重率|病死率|能耗|支出|费用)/;

function comparatorFromContext(before: string, after: string): Comparator | null {
  if (ABOUT_AFTER.test(after) || /(约|近|大约)$/.test(before)) return '=';
  if (GE_BEFORE.test(before)) return LE_AFTER.test(after) ? '<=' : '>=';
  if (LE_BEFORE.test(before)) return GE_AFTER.test(after) ? '>=' : '<=';
  if (GT_BEFORE.test(before)) return '>';
  if (LT_BEFORE.test(before)) return '<';
  if (GE_AFTER.test(after)) return '>=';
  if (LE_AFTER.test(after)) return '<=';
  if (ABOUT_AFTER.test(after)) return '=';
  // "孕产妇死亡率为0" states a value; "为2000名学生接种" counts work to do.
  if (EQ_BEFORE.test(before)) return /^($|[，。；、）\n])/.test(after) ? '=' : '>=';
  return null;
}

export function valueKindOf(metric: string, unit: string): ValueKind {
  if (/(增长|增速|增幅|年均增)/.test(metric) && (unit === '%' || unit === '‰')) return 'growth';
  if (unit === '/10万' || unit === '/万' || (unit === '‰' && /(死亡|发病|患病|出生)/.test(metric))) return 'rate';
  if (unit === '%' || unit === '‰') return 'proportion';
  if (/^(元|万元|亿元)$/.test(unit)) return 'amount';
  if (/^(个|家|所|名|人|人次|张|项|支|次|台|套|床|户|场|篇|批|种|例|辆|间|处|条|件|册|本|位|期|轮)$/.test(unit)) return 'count';
  return 'other';
}

export function normalizeUnit(unit: string): string {
  if (unit === '1/10万') return '/10万';
  return unit;
}

/** A default comparator for a bare number in an indicator table: lower-is-better metrics get ≤. */
export function defaultTableComparator(metric: string): Comparator {
  return LOWER_IS_BETTER.test(metric) ? '<=' : '>=';
}

const GE_IN_CLAUSE = /(达到|提高到|提高至|提升到|提升至|增加到|增加至|不低于|不少于|至少)/;
const LE_IN_CLAUSE = /(控制在|不超过|不高于|降至|降低到|降低至|下降到|下降至)/;
const ONLY_WORK_VERBS = new RegExp(`^(${WORK_VERBS})+$`);
const QUALIFIED_GOAL = /(建成|达到|实现|开展|设立|完成|覆盖|达标)/g;
const SHARE_OF_WHO = /(达到|建成|实现|完成|设立|成为|享受|覆盖|纳入)/g;
const AFTER_SEPARATOR = /[，。；、（\n]|和|及/g;

/**
 * A metric is at most this long: the words before a number reach back to the last clause break,
 * but never further than this (a "clause" of thousands of characters names no metric, and
 * walking back through it for every number made long paragraphs quadratic). The plan draft
 * allows 300 characters for a metric name.
 */
export const MAX_METRIC_CHARS = 300;
/** A list of values joined by 、 ("95%、90%…") longer than this is not one metric list. */
export const MAX_VALUE_RUN = 100;

const CLAUSE_BREAKS = '，。；：！？\n（）';

/** The metric: the words before the number back to the last clause break, minus lead-in verbs. */
function metricBefore(text: string, index: number): { metric: string; start: number } {
  const limit = Math.max(0, index - MAX_METRIC_CHARS);
  let start = index;
  while (start > limit) {
    const ch = text[start - 1]!;
    // "市级重点学科（专科）1—3个": a bracketed aside is part of the metric.
    if (ch === '）') {
      const open = matchingOpen(text, start - 1, limit);
      if (open >= 0) {
        start = open;
        continue;
      }
    }
    if (CLAUSE_BREAKS.includes(ch)) break;
    start--;
  }
  let metric = text.slice(start, index);
  const lead = /^(确保|力争|争取|全年|全区|年内|到20\d\d年(底)?|20\d\d年(底)?|使|推动|实现|并|且|其中|同时|进一步|努力|着力|持续|不断)+/.exec(metric);
  if (lead) {
    metric = metric.slice(lead[0].length);
    start += lead[0].length;
  }
  return { metric, start };
}

function stripComparatorWords(metric: string): string {
  return metric
    .replace(/(达到|达|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|扩大到|扩大至|不低于|不少于|至少|保持在|稳定在|维持在|控制在|控制到|不超过|不高于|降至|降低到|降低至|下降到|下降至|低于|高于|超过|分别|均|各|为|≥|≤|>|<|=)+$/, '')
    .trim();
}

/** The year a target is for: "到2025年，…" earlier in its sentence, else the paragraph's. */
class TargetYears {
  private readonly sentenceEnds: LastOf;
  private readonly years: ForwardFinder;

  constructor(
    private readonly text: string,
    private readonly paragraphYear: number | null,
  ) {
    this.sentenceEnds = new LastOf(text, '。；');
    this.years = new ForwardFinder(text, /(?:到|至|在)?(20\d\d)年(?:底|末|前)?[，,]?/g);
  }

  at(index: number): number | null {
    const sentenceStart = this.sentenceEnds.before(index) + 1;
    const found = this.years.firstWithin(sentenceStart, index);
    if (found) {
      const after = found.index + found.match[0].length;
      if (/(到|至|年底|年末|前)/.test(found.match[0] + this.text.slice(after, Math.min(after + 2, index)))) return Number(found.match[1]);
    }
    return this.paragraphYear;
  }
}

interface ValueMatch {
  index: number;
  end: number;
  value: number;
  valueMax: number | null;
  unit: string;
  raw: string;
}

function scale(value: number, multiplier: string | undefined): number {
  if (multiplier === '万') return Math.round(value * 10000 * 1e6) / 1e6;
  if (multiplier === '亿') return Math.round(value * 100000000 * 1e6) / 1e6;
  return value;
}

/**
 * Find quantitative targets in one task's text (or one goal paragraph). The comparator comes
 * from the words around the number (达, 控制在…以下, 不少于, ranges, 左右); metric lists
 * ("A、B、C达100%", "A、B分别达到95%、90%", "A、B各1家") yield one target per metric.
 */
export function findTargets(text: string, options: { paragraphYear?: number | null; excluded?: { start: number; end: number }[] } = {}): FoundTarget[] {
  const found: FoundTarget[] = [];
  const values: ValueMatch[] = [];
  const excluded = new SpanSet(options.excluded ?? []);
  for (const match of text.matchAll(VALUE)) {
    const index = match.index!;
    if (excluded.has(index)) continue;
    const [raw, first, sep, second, multiplier, unitRaw] = match;
    const unit = normalizeUnit(unitRaw ?? '');
    const after = text.slice(index + raw.length);
    const before = text.slice(Math.max(0, index - 24), index);
    if (unit === '年' || SKIP_UNIT_CONTEXT.test(after) || /^(20|19)\d\d$/.test(first!) && unit === '') continue;
    if (/〔$|（$/.test(before) && /^[〕）]/.test(after)) continue;
    if (/[-+*=]$/.test(before) || /^[+*=]/.test(after) || /^\d/.test(after)) continue;
    if (/\d{7,}/.test(raw) || /^-\d/.test(after)) continue;
    if (/第$/.test(before) || /^(号|条|款|部分|章|批|期|轮|届|代|季度|月|日|是|类|线)/.test(after)) continue;
    if (/^(个|项)?(?:百分点)/.test(after) && unit === '') continue;
    if (unit === '' && !/^(万|亿)/.test(after)) continue;
    if (/(每|近|前|后|约)$/.test(before) && unit !== '' && /^(年|月|天|小时|分钟)$/.test(unit)) continue;
    values.push({
      index,
      end: index + raw.length,
      value: scale(Number(first), multiplier),
      valueMax: sep && second ? scale(Number(second), multiplier) : null,
      unit,
      raw,
    });
  }

  // Every lookup below is asked at increasing positions (see scan.ts).
  const semicolons = new ForwardFinder(text, /[，。；]/g);
  const qualifiedGoals = new ForwardFinder(text, QUALIFIED_GOAL);
  const clauseBreaks = new LastOf(text, '，。；！？\n');
  const geInClause = new ForwardFinder(text, new RegExp(GE_IN_CLAUSE.source, 'g'));
  const leInClause = new ForwardFinder(text, new RegExp(LE_IN_CLAUSE.source, 'g'));
  const workInClause = new ForwardFinder(text, new RegExp(WORK_IN_CLAUSE.source, 'g'));
  const shareOfWho = new ForwardFinder(text, SHARE_OF_WHO);
  const afterNoun = new NounAfter(text);
  const years = new TargetYears(text, options.paragraphYear ?? null);
  const clauseEnd = (from: number) => semicolons.at(from)?.index ?? text.length;

  for (let v = 0; v < values.length; v++) {
    const value = values[v]!;
    const before = text.slice(Math.max(0, value.index - 24), value.index);
    const afterText = text.slice(value.end);
    // Age qualifiers ("65岁及以上老年人") and "10人及以上的单位" describe who, not how many.
    // "10%以上的社区卫生服务站建成中医阁" is a target; "65岁及以上老年人" only says who.
    const qualifiedGoal = (value.unit === '%' || value.unit === '‰') && qualifiedGoals.within(value.end, clauseEnd(value.end));
    if (QUALIFIER_AFTER.test(afterText) && !GE_BEFORE.test(before) && !LE_BEFORE.test(before) && !qualifiedGoal) continue;
    if (value.unit === '岁' && !GE_BEFORE.test(before) && !LE_BEFORE.test(before) && !GT_BEFORE.test(before)) continue;
    if (EXISTING_BEFORE.test(before) && !GE_BEFORE.test(before) && !LE_BEFORE.test(before)) continue;
    // A current figure ("接近0.2%") and the name of a concept ("15分钟服务圈") are not goals.
    if (/(接近|目前为|现为)$/.test(before)) continue;
    if (/^(分钟|公里)$/.test(value.unit) && /^[^，。；]{0,8}圈/.test(afterText)) continue;
    if (/由$/.test(before.replace(/[^，。；]*$/, '')) || /由[\d.%‰]*$/.test(before)) continue;

    // "A、B分别达到95%、90%": a run of values joined by 、 belongs to one list.
    if (v > 0 && /^[、和及]$/.test(text.slice(values[v - 1]!.end, value.index))) continue;
    const run: ValueMatch[] = [value];
    while (run.length < values.length - v && run.length < MAX_VALUE_RUN && /^[、和及]$/.test(text.slice(run.at(-1)!.end, values[v + run.length]!.index))) run.push(values[v + run.length]!);

    let comparator: Comparator | null;
    const runEnd = run.at(-1)!.end;
    const tail = text.slice(runEnd);
    if (value.valueMax !== null) comparator = 'between';
    else comparator = comparatorFromContext(before, tail);
    if (comparator === null) {
      const clauseStart = clauseBreaks.before(value.index) + 1;
      if (WORK_BEFORE.test(before) || /^(以上|左右)/.test(tail)) comparator = '>=';
      else if (geInClause.within(clauseStart, value.index)) comparator = '>=';
      else if (leInClause.within(clauseStart, value.index)) comparator = '<=';
      else if (workInClause.within(clauseStart, value.index) || ((value.unit === '%' || value.unit === '‰') && WORK_AFTER.test(tail))) comparator = '>=';
      // "70%的社区卫生服务中心达到国家基本标准"
      else if ((value.unit === '%' || value.unit === '‰') && tail.startsWith('的') && shareOfWho.within(runEnd + 1, clauseEnd(runEnd + 1))) comparator = '>=';
      else if (/(（即|即|[、和及与])$/.test(before) && found.length > 0 && found.at(-1)!.end >= value.index - 40) comparator = '>=';
      else continue;
    }
    const { metric: rawMetric, start } = metricBefore(text, value.index);
    // "100%设立老年医学科", "（即1个托育服务管理中心、1个示范中心）": when the words before the
    // number do not name a thing, the metric is the noun phrase after it.
    const before_ = stripComparatorWords(rawMetric);
    const after_ = afterNoun.at(runEnd);
    const weak = before_.length <= 1 || /[、\d]/.test(before_.replace(/^每[千万百]?[^\d]*\d+岁?/, '')) || ONLY_WORK_VERBS.test(before_);
    // "二级及以上综合性医院100%设立老年医学科": who, then what they all do.
    const sharePhrase = (value.unit === '%' || value.unit === '‰') && WORK_AFTER.test(tail);
    const metricText = sharePhrase ? `${before_}${after_}` : weak && after_ ? after_ : before_ || after_;
    const suffix = /^(及以上|以上|或以上|以下|以内|及以下|左右)/.exec(tail);
    const end = runEnd + (suffix ? suffix[0].length : 0);
    const phrase = text.slice(start, end);
    const year = years.at(value.index);
    const metrics = splitMetrics(metricText, run.length, /(分别|各|均)$/.test(rawMetric.replace(/(达到|达|为|不低于|控制在|提高到|提升至|提升到|提高至)$/, '')) || /各$/.test(before));
    metrics.forEach((metric, i) => {
      const item = run[Math.min(i, run.length - 1)]!;
      const itemComparator: Comparator = item.valueMax !== null ? 'between' : comparator === 'between' ? '>=' : comparator!;
      found.push({
        metric,
        comparator: itemComparator,
        value: item.value,
        valueMax: item.valueMax,
        unit: item.unit,
        valueKind: valueKindOf(metric, item.unit),
        targetYear: year,
        phrase,
        start,
        end,
      });
    });
    v += run.length - 1;
  }
  found.push(...wordTargets(text, options.paragraphYear ?? null));
  return found.sort((a, b) => a.start - b.start);
}

/** Whether a position lies in one of some spans (owner clauses), asked at increasing positions. */
class SpanSet {
  private readonly spans: { start: number; end: number }[];
  private next = 0;

  constructor(spans: readonly { start: number; end: number }[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }

  has(index: number): boolean {
    // Spans may overlap: skip only those ending before this position, then look at the ones that start by it.
    while (this.next < this.spans.length && this.spans[this.next]!.end <= index) this.next++;
    for (let i = this.next; i < this.spans.length && this.spans[i]!.start <= index; i++) if (index < this.spans[i]!.end) return true;
    return false;
  }
}

/**
 * The noun phrase after a number ("100%设立老年医学科" → 设立老年医学科): up to the next
 * separator, without closing brackets at its end, at most 30 characters.
 */
class NounAfter {
  private readonly separators: ForwardFinder;
  private strippedFor = -1;
  private stripped = -1;

  constructor(private readonly text: string) {
    this.separators = new ForwardFinder(text, AFTER_SEPARATOR);
  }

  at(from: number): string {
    const lead = /^(及以上|以上|以下|以内|左右|的)+/.exec(this.text.slice(from));
    const start = from + (lead ? lead[0].length : 0);
    const end = this.separators.at(start)?.index ?? this.text.length;
    if (end !== this.strippedFor) {
      let cut = end;
      while (cut > 0 && (this.text[cut - 1] === '）' || this.text[cut - 1] === ')')) cut--;
      this.strippedFor = end;
      this.stripped = cut;
    }
    return this.text.slice(start, Math.min(Math.max(this.stripped, start), start + 30));
  }
}

const CN_NUMERAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Targets written in words: "保持零死亡" (= 0), "电子病历应用水平达到四级" (≥ 4 级). */
function wordTargets(text: string, paragraphYear: number | null): FoundTarget[] {
  const found: FoundTarget[] = [];
  let years = new TargetYears(text, paragraphYear);
  for (const match of text.matchAll(/(保持|实现|确保)?零(死亡|发生|事故|感染|报告|容忍|伤亡)/g)) {
    const { metric, start } = metricBefore(text, match.index!);
    const name = stripComparatorWords(metric.replace(/(保持|实现|确保)$/, '')) || match[0];
    const end = match.index! + match[0].length;
    found.push({ metric: `${name}${match[2]}`, comparator: '=', value: 0, valueMax: null, unit: '', valueKind: 'count', targetYear: years.at(match.index!), phrase: text.slice(start, end), start, end });
  }
  years = new TargetYears(text, paragraphYear);
  for (const match of text.matchAll(/(达到|达|提升至|提高到|提升到|提高至)([一二三四五六七八九十])级(?=及以上|以上|$|[，。；])/g)) {
    const { metric, start } = metricBefore(text, match.index!);
    const end = match.index! + match[0].length;
    found.push({ metric: stripComparatorWords(metric), comparator: '>=', value: CN_NUMERAL[match[2]!]!, valueMax: null, unit: '级', valueKind: 'other', targetYear: years.at(match.index!), phrase: text.slice(start, end), start, end });
  }
  return found;
}

/**
 * One metric per value when values are listed ("A、B分别达到95%、90%"); a list of rates sharing
 * one value ("A、B、C达100%") or 各 gives one target each; otherwise the metric is one phrase.
 */
function splitMetrics(metric: string, valueCount: number, each: boolean): string[] {
  const cleaned = metric.replace(/(分别|各|均)$/, '').trim();
  const parts = cleaned.split(/、|和|及(?!以上)/).map((p) => p.trim()).filter(Boolean);
  if (valueCount > 1) {
    if (parts.length === valueCount) return parts;
    return Array.from({ length: valueCount }, () => cleaned);
  }
  if (parts.length > 1 && (each || parts.every((p) => /(率|水平|比例|占比|比重)$/.test(p)))) return parts;
  return [cleaned];
}
