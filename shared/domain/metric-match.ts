/**
 * Matching each office's indicators to the 标准指标库. Every district imports its own plan, so
 * 居民健康素养水平 arrives as 全区居民健康素养水平, 居民健康素养水平（%） or 城乡居民健康素养水平.
 * Names are normalised (width, brackets with units, locality prefixes, trailing target words),
 * units too; the same normalised name and unit is certain, a similar name waits for the clerk.
 */

export interface Measure {
  readonly name: string;
  readonly unit: string;
}

/** A name and unit after normalisation: what matching compares. */
export interface NormalForm {
  readonly name: string;
  readonly unit: string;
}

/** A similar name with an agreeing unit at or above this score is proposed to the clerk. */
export const UNCERTAIN_THRESHOLD = 0.6;
/** How many candidates a pending indicator offers. */
export const MAX_CANDIDATES = 3;

const width = (text: string): string => text.normalize('NFKC');

/** Unit spellings clerks and plans use, to one form each. */
const UNIT_ALIASES: readonly (readonly [RegExp, string])[] = [
  [/^(%|百分比|百分之|百分率)$/, '%'],
  [/^(‰|千分之|千分率)$/, '‰'],
  [/^(1?\/|每|人\/|例\/|人每|例每)10万(人|人口|例)?$/, '/10万'],
  [/^(1?\/|每|人\/)万(人|人口)?$/, '/万'],
  [/^(1?\/|每|人\/)千(人|人口)?$/, '/千'],
  [/^(人次|人·次)$/, '人次'],
  [/^(万人次)$/, '万人次'],
  [/^(个|个数)$/, '个'],
  [/^(元|人民币元)$/, '元'],
  [/^(万元|万元人民币)$/, '万元'],
  [/^(亿元)$/, '亿元'],
];

/** Units a bracket in a name may carry: （%） （‰） （/10万） （个） （人次） （万元）… */
const KNOWN_UNITS = new Set(['%', '‰', '/10万', '/万', '/千', '人次', '万人次', '个', '元', '万元', '亿元', '人', '万人', '张', '家', '所', '岁', '天', '年', '次', '项', '例', '床', '名', '户', '小时', '分钟', '平方米', '公里', '公斤', '台', '辆', '支', '块', '座', '件', '篇', '套', '间', '处', '种', '批', '场', '期', '倍', '分']);

/** The unit in one form: '％' and '%' agree, '1/10万' and '/10万人' too. */
export function normaliseUnit(unit: string): string {
  let text = width(unit).replace(/\s+/g, '').toLowerCase();
  text = text.replace(/^单位[:：]?/, '');
  const bracket = /^[([【〔{](.*)[)\]】〕}]$/.exec(text);
  if (bracket) text = bracket[1]!;
  for (const [pattern, canonical] of UNIT_ALIASES) if (pattern.test(text)) return canonical;
  return text;
}

function isUnitText(text: string): boolean {
  const unit = normaliseUnit(text);
  return unit !== '' && KNOWN_UNITS.has(unit);
}

/** What a bracket in a name holds that is no part of the name: a unit, a year, the attribute. */
function isNoise(inner: string): boolean {
  const text = inner.replace(/\s+/g, '');
  return isUnitText(text) || /^单位/.test(text) || /^\d{4}年?(度|底|末)?$/.test(text) || /^(预期性|约束性|累计|年度|当年)$/.test(text);
}

const BRACKETS = /[([【〔{]([^()[\]【】〔〕{}]*)[)\]】〕}]/g;

/** The unit a name carries in a trailing bracket (居民健康素养水平（%）), or ''. */
export function unitInName(name: string): string {
  const match = /[([【〔{]([^()[\]【】〔〕{}]*)[)\]】〕}]\s*$/.exec(width(name));
  if (!match) return '';
  const inner = match[1]!.replace(/\s+/g, '').replace(/^单位[:：]?/, '');
  return isUnitText(inner) ? normaliseUnit(inner) : '';
}

/** Leading words that say where, not what: 全区, 我区, 全市, 城乡 … */
const LOCALITY = /^(全区|我区|本区|辖区|全市|我市|本市|全县|我县|本县|全省|城乡|区(?![域级县属内]))/;
const LEADING_YEAR = /^\d{4}年(度|底|末)?/;
/** A target written into the name: 达到34%, 控制在10/10万以下, 不低于90%. */
const TRAILING_TARGET =
  /(达到|达|提高到|提高至|提升到|提升至|增加到|增长到|不低于|不少于|不高于|不超过|控制在|降至|降低到|降低至|下降到|下降至|保持在|稳定在|≥|≤|>=|<=|>|<)?[\d.]+(%|‰|\/10万|\/万|\/千|个|人次|万人次|元|万元|亿元|人|张|家|所)?(以上|以下|以内|左右)?$/;
const TRAILING_WORDS = /(达到|达|以上|以下|以内|不低于|不少于|不高于|不超过|控制在|保持在|稳定在|左右|提高到|提升至|降至)$/;

function stripOnce(text: string): string {
  let out = text.replace(LEADING_YEAR, '');
  const prefixed = out.replace(LOCALITY, '');
  if (prefixed.length >= 2) out = prefixed;
  // A bare trailing number may be part of the name (PM2.5); a target has a word, sign or unit with it.
  const target = TRAILING_TARGET.exec(out);
  if (target && (target[1] || target[2] || target[3]) && target.index >= 2) out = out.slice(0, target.index);
  const wordless = out.replace(TRAILING_WORDS, '');
  if (wordless.length >= 2) out = wordless;
  return out;
}

/** The name as matching sees it: half width, lower case, no brackets with units, no spaces or punctuation, no locality or target words. */
export function normaliseName(name: string): string {
  let text = width(name).toLowerCase();
  text = text.replace(BRACKETS, (_whole, inner: string) => (isNoise(inner) ? '' : inner));
  // Keep the signs a target may carry until it is stripped; then only letters and digits.
  text = text.replace(/[^\p{L}\p{N}%‰/.<>≤≥=]/gu, '');
  for (let round = 0; round < 6; round++) {
    const next = stripOnce(text);
    if (next === text) break;
    text = next;
  }
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** Name and unit normalised; a unit missing from the unit column is read from the name's bracket. */
export function normalForm(measure: Measure): NormalForm {
  const unit = normaliseUnit(measure.unit) || unitInName(measure.name);
  return { name: normaliseName(measure.name), unit };
}

/** One key for "the same metric": normalised name and unit. */
export function formKey(form: NormalForm): string {
  return `${form.name}|${form.unit}`;
}

/**
 * A name a clerk would write for the metric: without a unit bracket, a year, a locality prefix or
 * a target (居民健康素养水平 for 2025年全区居民健康素养水平（%）达到34%).
 */
export function displayName(name: string): string {
  let text = width(name).replace(/\s+/g, '');
  text = text.replace(BRACKETS, (whole, inner: string) => (isNoise(inner) ? '' : whole));
  for (let round = 0; round < 6; round++) {
    const next = stripOnce(text);
    if (next === text) break;
    text = next;
  }
  // Back to the full-width punctuation of Chinese text.
  const full: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };
  text = text.replace(/[(),:;]/g, (c) => full[c]!);
  return text || name.trim();
}

/** Units agree when equal; a side without a unit agrees with anything (for proposals only). */
export function unitsAgree(a: string, b: string): boolean {
  return a === b || a === '' || b === '';
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const grams = new Map<string, number>();
  const add = (gram: string) => grams.set(gram, (grams.get(gram) ?? 0) + 1);
  if (chars.length === 1) add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!);
  return grams;
}

/** Sørensen–Dice over character bigrams (as multisets), 0–1. */
export function dice(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** One name inside the other (健康素养水平 in 居民健康素养水平) is more alike than bigrams say. */
export const CONTAINMENT_BONUS = 0.15;

/** How alike two normalised measures are, 0–1; 0 when their units disagree. 1 only for the same name. */
export function similarity(a: NormalForm, b: NormalForm): number {
  if (!unitsAgree(a.unit, b.unit) || a.name === '' || b.name === '') return 0;
  if (a.name === b.name) return 1;
  const [short, long] = a.name.length <= b.name.length ? [a.name, b.name] : [b.name, a.name];
  const bonus = Array.from(short).length >= 2 && long.includes(short) ? CONTAINMENT_BONUS : 0;
  return Math.min(0.99, dice(a.name, b.name) + bonus);
}

export interface CatalogMetric {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly aliases: readonly string[];
}

export type LinkHow = 'exact' | 'alias' | 'confirmed';

export type MatchOutcome =
  | { readonly kind: 'linked'; readonly metricId: string; readonly how: LinkHow }
  | { readonly kind: 'pending'; readonly candidates: readonly { readonly metricId: string; readonly score: number }[] }
  | { readonly kind: 'unmatched' };

interface IndexedMetric {
  readonly id: string;
  readonly order: number;
  readonly form: NormalForm;
}

/** The catalog prepared for matching many indicators: exact and alias keys to metrics, in catalog order. */
export interface MetricIndex {
  readonly metrics: readonly IndexedMetric[];
  readonly byKey: ReadonlyMap<string, readonly string[]>;
  /** Normalised alias name to metrics; the unit is checked against the metric's. */
  readonly byAlias: ReadonlyMap<string, readonly string[]>;
  readonly forms: ReadonlyMap<string, NormalForm>;
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
}

export function indexMetrics(metrics: readonly CatalogMetric[]): MetricIndex {
  const byKey = new Map<string, string[]>();
  const byAlias = new Map<string, string[]>();
  const indexed = metrics.map((metric, order) => {
    const form = normalForm(metric);
    push(byKey, formKey(form), metric.id);
    for (const alias of metric.aliases) {
      const name = normaliseName(alias);
      if (name) push(byAlias, name, metric.id);
    }
    return { id: metric.id, order, form };
  });
  return { metrics: indexed, byKey, byAlias, forms: new Map(indexed.map((m) => [m.id, m.form])) };
}

/**
 * Where one indicator belongs. `decisions` holds the clerk's word per metric id (true: same,
 * false: not the same); a "not the same" is final for that pair, even against an exact name.
 */
export function matchIndicator(indicator: Measure, index: MetricIndex, decisions: ReadonlyMap<string, boolean> = new Map()): MatchOutcome {
  const confirmed = index.metrics.find((m) => decisions.get(m.id) === true);
  if (confirmed) return { kind: 'linked', metricId: confirmed.id, how: 'confirmed' };
  const allowed = (id: string) => index.forms.has(id) && decisions.get(id) !== false;
  const form = normalForm(indicator);
  const key = formKey(form);
  const exact = (index.byKey.get(key) ?? []).find(allowed);
  if (exact) return { kind: 'linked', metricId: exact, how: 'exact' };
  // A confirmed alias stands for the name; an indicator without a unit still agrees with the metric's.
  const alias = (index.byAlias.get(form.name) ?? []).find((id) => allowed(id) && unitsAgree(form.unit, index.forms.get(id)!.unit));
  if (alias) return { kind: 'linked', metricId: alias, how: 'alias' };
  const candidates = index.metrics
    .filter((m) => allowed(m.id))
    .map((m) => ({ metricId: m.id, order: m.order, score: similarity(form, m.form) }))
    .filter((c) => c.score >= UNCERTAIN_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_CANDIDATES)
    .map(({ metricId, score }) => ({ metricId, score: Math.round(score * 100) / 100 }));
  return candidates.length > 0 ? { kind: 'pending', candidates } : { kind: 'unmatched' };
}
