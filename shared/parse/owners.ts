import { closingBrackets, splitTopLevel } from './brackets';

export interface Owners {
  readonly leadDepartments: string[];
  readonly responsibleUnits: string[];
  readonly deadline: string | null;
  /** Where owner clauses sit in the text (to keep them out of titles and targets). */
  readonly spans: { start: number; end: number }[];
}

const LEAD_KEYS = ['牵头科室', '责任科室', '责任处室', '牵头单位', '牵头部门', '牵头处室', '主责科室', '责任部门', '归口处室', '牵头'];
const UNIT_KEYS = ['责任单位', '配合单位', '协作单位', '配合科室', '配合部门', '参与单位', '协办单位', '配合处室'];
const DEADLINE_KEYS = ['完成时限', '完成时间', '时间节点', '时限'];
const ALL_KEYS = [...LEAD_KEYS, ...UNIT_KEYS, ...DEADLINE_KEYS].sort((a, b) => b.length - a.length);
const KEY_PATTERN = new RegExp(`(${ALL_KEYS.join('|')})[：:]`, 'g');
const VERB_CLAUSE = /(负责|牵头|参与|配合|协助|协同)/;
const NAME_SEPARATORS = '、，,；;';

function addAll(target: string[], names: string[]): void {
  for (const name of names) if (name && !target.includes(name)) target.push(name);
}

function cleanNames(text: string): string[] {
  return splitTopLevel(text.replace(/[。．.]+$/, ''), NAME_SEPARATORS).map((name) => name.replace(/^(和|及|以及|与)/, '').replace(/等$/, '').trim()).filter(Boolean);
}

/** Parse one owner clause's content (without its brackets). Returns null if it names no owners. */
export function parseOwnerClause(content: string): { lead: string[]; units: string[]; deadline: string | null } | null {
  const lead: string[] = [];
  const units: string[] = [];
  let deadline: string | null = null;
  const keys = [...content.matchAll(KEY_PATTERN)];
  if (keys.length > 0) {
    keys.forEach((match, index) => {
      const key = match[1]!;
      const from = match.index! + match[0].length;
      const to = index + 1 < keys.length ? keys[index + 1]!.index! : content.length;
      const value = content.slice(from, to).replace(/[，,；;。\s]+$/, '');
      if (DEADLINE_KEYS.includes(key)) deadline = value || null;
      else if (UNIT_KEYS.includes(key)) addAll(units, cleanNames(value));
      else addAll(lead, cleanNames(value));
    });
    return lead.length + units.length > 0 || deadline !== null ? { lead, units, deadline } : null;
  }
  // "疾控科负责" / "医政科牵头，各医疗机构参与" / "由基层科负责"
  if (!VERB_CLAUSE.test(content)) return null;
  for (const part of splitTopLevel(content, '，,；;')) {
    const leadMatch = /^(?:由)?(.+?)(?:负责|牵头)(?:[，,]|$|实施|落实|推进|组织)/.exec(part);
    const unitMatch = /^(?:由)?(.+?)(?:参与|配合|协助|协同)(?:[，,]|$|实施|落实|推进)/.exec(part);
    if (leadMatch) addAll(lead, cleanNames(leadMatch[1]!));
    else if (unitMatch) addAll(units, cleanNames(unitMatch[1]!));
    else return null;
  }
  return lead.length + units.length > 0 ? { lead, units, deadline } : null;
}

/**
 * An owner clause is short; brackets holding more than this are prose (and parsing every nested
 * bracket's whole content made deeply nested text quadratic).
 */
export const MAX_OWNER_CLAUSE_CHARS = 1000;

/** Names in printed order without repeats (a Set beside the list: many clauses made includes() quadratic). */
class Names {
  readonly list: string[] = [];
  private readonly seen = new Set<string>();

  add(names: readonly string[]): void {
    for (const name of names) {
      if (name && !this.seen.has(name)) {
        this.seen.add(name);
        this.list.push(name);
      }
    }
  }

  get size(): number {
    return this.list.length;
  }
}

/**
 * Owners of a task: every bracketed owner clause in its text — （牵头科室：A、B，责任单位：C）,
 * （X负责） — plus a closing "由X负责" sentence. Names keep their printed spelling.
 */
export function extractOwners(text: string): Owners {
  const lead = new Names();
  const units = new Names();
  const spans: { start: number; end: number }[] = [];
  let deadline: string | null = null;
  const closes = closingBrackets(text);
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '（') continue;
    const close = closes.get(i) ?? -1;
    if (close < 0) break;
    const parsed = close - i - 1 <= MAX_OWNER_CLAUSE_CHARS ? parseOwnerClause(text.slice(i + 1, close)) : null;
    if (parsed) {
      lead.add(parsed.lead);
      units.add(parsed.units);
      deadline ??= parsed.deadline;
      spans.push({ start: i, end: close + 1 });
      i = close;
    }
  }
  if (lead.size + units.size === 0) {
    // Only the last sentence can end in "由X负责。": search there, not from every 由 in the text.
    const sentence = lastSentenceStart(text);
    const inline = INLINE_OWNER.exec(text.slice(sentence));
    if (inline) {
      const start = sentence + inline.index;
      lead.add(cleanNames(inline[1]!));
      spans.push({ start, end: text.length });
    }
  }
  return { leadDepartments: lead.list, responsibleUnits: units.list, deadline, spans };
}

const INLINE_OWNER = /由([^，。；（）]{2,40}?)(负责|牵头)[^。；]*[。；]?\s*$/;

/** Where the text's last sentence starts: after the last 。 or ； other than one closing the text. */
function lastSentenceStart(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end > 0 && (text[end - 1] === '。' || text[end - 1] === '；')) end--;
  return Math.max(text.lastIndexOf('。', end - 1), text.lastIndexOf('；', end - 1)) + 1;
}
