import type { ParseResult } from './types';
import { targetSummary } from './labels';

/** How a stretch of source text is marked: a target by direction, or an owner name. */
export type MarkKind = 'ge' | 'le' | 'eq' | 'range' | 'lead' | 'unit';

export interface Segment {
  readonly text: string;
  readonly mark: MarkKind | null;
  /** Tooltip of a mark: the target as read, or 牵头科室：… */
  readonly title?: string;
}

export interface SourceParagraph {
  readonly index: number;
  readonly start: number;
  /** The task whose text this paragraph belongs to (clicking it selects the task). */
  readonly taskKey: string | null;
  /** First paragraph of its task block (carries the anchor for scrolling). */
  readonly blockStart: boolean;
  readonly heading: boolean;
  readonly segments: readonly Segment[];
}

interface Range {
  readonly start: number;
  readonly end: number;
}

interface Candidate extends Range {
  readonly kind: MarkKind;
  readonly title: string;
  /** Lower wins when marks overlap. */
  readonly priority: number;
}

export function comparatorMark(comparator: ParseResult['targets'][number]['comparator']): MarkKind {
  if (comparator === '>=' || comparator === '>') return 'ge';
  if (comparator === '<=' || comparator === '<') return 'le';
  return comparator === '=' ? 'eq' : 'range';
}

/** Where each task's text sits in the normalised text, searched in order (tasks follow the document). */
export function taskBlocks(text: string, tasks: ParseResult['tasks']): Map<string, Range> {
  const blocks = new Map<string, Range>();
  let cursor = 0;
  for (const task of tasks) {
    if (task.text.trim() === '') continue;
    let at = text.indexOf(task.text, cursor);
    if (at < 0) at = text.indexOf(task.text);
    if (at < 0) continue;
    blocks.set(task.key, { start: at, end: at + task.text.length });
    cursor = at + task.text.length;
  }
  return blocks;
}

function ownerCandidates(text: string, tasks: ParseResult['tasks'], blocks: Map<string, Range>): Candidate[] {
  const out: Candidate[] = [];
  for (const task of tasks) {
    const block = blocks.get(task.key);
    if (!block) continue;
    const names = [
      ...task.leadDepartments.map((name) => ({ name, kind: 'lead' as const, title: `牵头科室：${name}` })),
      ...task.responsibleUnits.map((name) => ({ name, kind: 'unit' as const, title: `责任单位：${name}` })),
    ].sort((a, b) => b.name.length - a.name.length);
    for (const { name, kind, title } of names) {
      if (!name) continue;
      for (let at = text.indexOf(name, block.start); at >= 0 && at + name.length <= block.end; at = text.indexOf(name, at + name.length)) {
        // Longer names first: 公卫科（爱卫办） wins over 公卫科 inside it.
        out.push({ start: at, end: at + name.length, kind, title, priority: 10 + (kind === 'lead' ? 0 : 1000) - name.length / 100 });
      }
    }
  }
  return out;
}

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Segments of one paragraph from its marks (already clipped to it and without overlaps). */
function segmentsOf(text: string, start: number, marks: Candidate[]): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start > at) segments.push({ text: text.slice(at, mark.start), mark: null });
    segments.push({ text: text.slice(mark.start, mark.end), mark: mark.kind, title: mark.title });
    at = mark.end;
  }
  const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  if (at < end || segments.length === 0) segments.push({ text: text.slice(at, end), mark: null });
  return segments;
}

/**
 * The source text as paragraphs (one element each, so a 100-page document stays fast), with the
 * task each belongs to, section headings, and marks for targets and owner names.
 */
export function sourceParagraphs(parse: Pick<ParseResult, 'normalizedText' | 'tasks' | 'targets' | 'sections'>): SourceParagraph[] {
  const text = parse.normalizedText;
  const blocks = taskBlocks(text, parse.tasks);
  const blockList = [...blocks.entries()].map(([key, range]) => ({ key, ...range })).sort((a, b) => a.start - b.start);
  const candidates: Candidate[] = [
    ...parse.targets
      .filter((t) => t.end > t.start && t.start >= 0 && t.end <= text.length)
      .map((t) => ({ start: t.start, end: t.end, kind: comparatorMark(t.comparator), title: targetSummary(t), priority: 0 })),
    ...ownerCandidates(text, parse.tasks, blocks),
  ].sort((a, b) => a.start - b.start);
  const headings = parse.sections.map((s) => `${s.label}${s.title}`.replace(/\s+/g, '')).filter((h) => h.length > 1);

  const paragraphs: SourceParagraph[] = [];
  let blockIndex = 0;
  let markIndex = 0;
  /** Marks that run on past the end of the previous paragraph. */
  let carry: Candidate[] = [];
  let start = 0;
  for (let index = 0; start <= text.length; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    while (blockIndex < blockList.length && blockList[blockIndex]!.end <= start) blockIndex++;
    const block = blockList[blockIndex];
    const inBlock = block !== undefined && block.start < Math.max(end, start + 1) && block.end > start;
    // Marks starting before this paragraph's end; those ending before it were for earlier ones.
    const open = carry.filter((c) => c.end > start);
    while (markIndex < candidates.length && candidates[markIndex]!.start < end) open.push(candidates[markIndex++]!);
    carry = open.filter((c) => c.end > end);
    const mine = open.filter((c) => c.end > start).map((c) => ({ ...c, start: Math.max(c.start, start), end: Math.min(c.end, end) }));
    const kept: Candidate[] = [];
    for (const c of mine.sort((a, b) => a.priority - b.priority)) if (c.end > c.start && !kept.some((k) => overlaps(k, c))) kept.push(c);
    const plain = text.slice(start, end).replace(/\s+/g, '');
    paragraphs.push({
      index,
      start,
      taskKey: inBlock ? block.key : null,
      blockStart: inBlock && block.start >= start && block.start <= end,
      heading: !inBlock && plain.length > 0 && headings.some((h) => plain.startsWith(h)),
      segments: segmentsOf(text, start, kept),
    });
    if (newline < 0) break;
    start = newline + 1;
  }
  return paragraphs;
}
