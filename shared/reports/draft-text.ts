/*
 * Sentence craft for the drafted reports: what clerks type (several lines, "一是……", "无",
 * trailing punctuation) turned into clauses a 办公室 can put into its own sentences, shortened at
 * sentence or clause borders, never mid-word and without pasting "无" or doubled punctuation.
 */

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
const LEADING_SOFT = /^[\s，,；;、：:。.]+/;

/** The text as one or more finished sentences: trimmed, closed with 。. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (END_PUNCTUATION.test(trimmed)) return trimmed;
  return `${trimmed.replace(TRAILING_SOFT, '')}。`;
}

/** Without closing punctuation, to be joined with ， or ；. */
export function clause(text: string): string {
  return text.trim().replace(TRAILING_SOFT, '').replace(LEADING_SOFT, '');
}

/** What a clerk types when there is nothing to say: never a clause of a report. */
const NOTHING = /^(无|暂无|没有|无问题|暂无问题|无困难|暂无困难|无明显问题|暂无明显问题|无其他|暂无其他|无打算|略|不涉及|\/|—+|-+)$/;

export function saysNothing(text: string): boolean {
  return NOTHING.test(clause(text));
}

/** 1. 1、 （1） (1) ① 一、 一是 二是 at the start of a clerk's line. */
const LIST_MARKER = /^(?:[（(][0-9一二三四五六七八九十]+[)）]|[0-9]+[.、．)]|[①-⑳]|[一二三四五六七八九十]+[、是])\s*/;

/**
 * The clauses of a clerk's text: split at sentence ends, semicolons and line breaks, list
 * markers dropped, "无"-like and repeated pieces dropped.
 */
export function clauses(text: string): string[] {
  const pieces = text
    .split(/[。！？!?；;\r\n]+/)
    .map((piece) => clause(clause(piece).replace(LIST_MARKER, '')))
    .filter((piece) => piece !== '' && !saysNothing(piece));
  return [...new Set(pieces)];
}

/**
 * A clerk's text shortened to about `limit` characters for a running sentence: whole clauses
 * joined with `separator` (，for progress, ；for a list of problems), at least the first; a first
 * clause far over the limit is cut at its last ，within the limit (never inside a list of 、).
 * No closing punctuation.
 */
export function brief(text: string, limit: number, separator = '，'): string {
  const pieces = clauses(text);
  if (pieces.length === 0) return '';
  let out = pieces[0]!;
  if (out.length > limit * 1.5) {
    const cut = out.lastIndexOf('，', limit);
    if (cut >= limit / 3) out = out.slice(0, cut);
  }
  for (const piece of pieces.slice(1)) {
    if (out.length + 1 + piece.length > limit) break;
    out = `${out}${separator}${piece}`;
  }
  return out;
}

/**
 * One tidy pass over a finished paragraph: no empty brackets, no soft mark before a hard one
 * ("；。" → "。"), no 。 before a soft mark inside a sentence, no doubled marks.
 */
export function tidy(text: string): string {
  return text
    .replace(/（\s*）/g, '')
    .replace(/[，、；：,;:]+(?=[。！？])/g, '')
    .replace(/。+(?=[，、；：])/g, '')
    .replace(/([，、；：。！？])\1+/g, '$1')
    .replace(/^[，、；：。]+/, '')
    .trim();
}

/** "红灯2项、黄灯1项" with the zero parts left out. */
export function countList(parts: readonly (readonly [string, number])[], separator = '、'): string {
  return parts
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}${n}项`)
    .join(separator);
}

/**
 * Plain task numbers as a reader finds them in the 台账: 3、5 and runs of three or more as
 * 1—4 (the numbers as given, sorted).
 */
export function numberRuns(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) out.push(`${sorted[i]}—${sorted[j]}`);
    else for (let k = i; k <= j; k++) out.push(String(sorted[k]));
    i = j + 1;
  }
  return out.join('、');
}
