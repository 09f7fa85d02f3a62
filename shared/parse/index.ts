import type { ParseInput, ParseResult, ParsedProgress, ParsedSection, ParsedTarget, ParsedTask, ParseWarning } from './types';
import { normalizePlanText, type Paragraph } from './normalize';
import { collectFlatTables } from './flat-tables';
import { parseStructure, type TaskNode } from './structure';
import { extractOwners } from './owners';
import { findTargets } from './targets';
import { parseTableRows, type ParsedTable, type TableKind } from './tables';
import { detectKind, readMetadata } from './metadata';
import { parseDue } from './due';
import { numberValue } from './numbering';
import { withoutOwnerAsides } from './brackets';
import { checkParseResult, checkTextLength } from './limits';

export type { ParseResult, ParsedTask, ParsedTarget, ParsedSection, ParseInput } from './types';
export { ParseLimitError, PARSE_LIMITS } from './limits';

/** The lead phrase of a task: up to its first 。 or ；, without owner clauses. */
function taskTitle(rest: string): string {
  const end = rest.search(/[。；]/);
  const lead = withoutOwnerAsides(end >= 0 ? rest.slice(0, end) : rest);
  return lead.replace(/[，：:、]$/, '').trim();
}

function numberingWarnings(tasks: ParsedTask[]): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  let previous: number | null = null;
  for (const task of tasks.filter((t) => !t.group)) {
    const value = numberValue(task.number);
    if (value !== null && previous !== null && value > previous + 1) {
      warnings.push({ code: 'SKIPPED_NUMBER', message: `第${previous}项之后是第${value}项，中间的序号缺失，请核对原文` });
    }
    if (value !== null && previous !== null && value === previous) {
      warnings.push({ code: 'DUPLICATE_NUMBER', message: `序号${value}出现了两次，请核对原文` });
    }
    previous = value === 1 && previous !== null && previous > 1 ? 1 : value;
  }
  return warnings;
}

function proseTask(node: TaskNode, paragraphs: readonly Paragraph[], text: string, offset: number): { task: ParsedTask; targets: ParsedTarget[] } {
  const first = paragraphs[node.paragraphs[0]!]!;
  const last = paragraphs[node.paragraphs.at(-1)!]!;
  const taskText = text.slice(first.start, last.end);
  const owners = extractOwners(taskText);
  const rest = first.text.slice(node.label.length).trim();
  const task: ParsedTask = {
    key: node.key,
    number: node.number,
    sectionKey: node.sectionKey,
    title: node.group ? rest.replace(/[。：]$/, '') : taskTitle(rest),
    text: taskText,
    leadDepartments: owners.leadDepartments,
    responsibleUnits: owners.responsibleUnits,
    group: node.group,
    deadline: owners.deadline,
    due: parseDue(owners.deadline),
  };
  const targets = findTargets(taskText, { excluded: owners.spans }).map((t) => ({
    taskKey: node.key,
    metric: t.metric,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    valueKind: t.valueKind,
    attribute: null,
    baseline: null,
    targetYear: t.targetYear,
    phrase: t.phrase,
    start: t.start + first.start + offset,
    end: t.end + first.start + offset,
  }));
  return { task, targets };
}

/** Offsets of a phrase within a table row's span of the normalised text (the row itself if not found). */
function locate(text: string, span: { start: number; end: number } | undefined, phrase: string): { start: number; end: number } {
  if (!span) return { start: 0, end: 0 };
  const index = text.slice(span.start, span.end).indexOf(phrase);
  return index >= 0 ? { start: span.start + index, end: span.start + index + phrase.length } : { start: span.start, end: span.end };
}

function tableResults(text: string, table: ParsedTable, spans: { start: number; end: number }[], keyStart: number, sectionKey: string | null) {
  const progressHistory: ParsedProgress[] = table.tasks.flatMap((row, i) => row.progress.map((p) => ({ taskKey: `t${keyStart + i}`, period: periodOfHeader(p.header), header: p.header, text: p.text })));
  const tasks: ParsedTask[] = table.tasks.map((row, i) => ({
    key: `t${keyStart + i}`,
    number: row.number,
    sectionKey,
    title: row.title,
    text: row.text,
    leadDepartments: row.leadDepartments,
    responsibleUnits: row.responsibleUnits,
    group: row.group,
    deadline: row.deadline,
    due: parseDue(row.deadline),
  }));
  const targets: ParsedTarget[] = table.targets.map((row) => ({ ...row, taskKey: null, ...locate(text, spans[row.rowIndex + 1], row.phrase) }));
  // Targets written inside project-list content cells belong to their row.
  table.tasks.forEach((row, i) => {
    for (const t of findTargets(row.text)) {
      targets.push({ ...t, taskKey: tasks[i]!.key, attribute: null, baseline: null, ...locate(text, spans[row.rowIndex + 1], t.phrase) });
    }
  });
  return { tasks, targets, progressHistory };
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** "2025年第一季度进展情况" → 2025-Q1; "二季度进展" → Q2 of an unknown year (null until the plan's year is known). */
export function periodOfHeader(header: string, fallbackYear: number | null = null): string | null {
  const match = /(?:((?:19|20)\d\d)年?)?(?:第)?([一二三四1-4])季度|Q([1-4])/.exec(header.replace(/\s/g, ''));
  if (!match) return null;
  const quarter = QUARTER_WORDS[match[2] ?? match[3] ?? ''];
  const year = match[1] ? Number(match[1]) : fallbackYear;
  return quarter && year ? `${year}-Q${quarter}` : null;
}

/**
 * A Word table's cells also appear in the text, one per line. Runs of three or more lines that
 * are cells of an extracted table are left to the table parser.
 */
function embeddedTableParagraphs(paragraphs: readonly Paragraph[], tables: ParseInput['tables'] & object): number[] {
  if (tables.length === 0) return [];
  const cells = new Set(tables.flatMap((t) => t.rows.flatMap((row) => row.flatMap((cell) => cell.split('\n')))).map((line) => normalizePlanText(line).text).filter(Boolean));
  const indexes: number[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length >= 3) indexes.push(...run);
    run = [];
  };
  paragraphs.forEach((p, i) => (cells.has(p.text) ? run.push(i) : flush()));
  flush();
  return indexes;
}

/** Parse a plan's text (and tables, for spreadsheets) into the structure the clerk reviews. */
export function parsePlan(input: ParseInput): ParseResult {
  const warnings: ParseWarning[] = [];
  if (input.tables && input.tables.length > 0 && input.text.trim() === '') warnings.push({ code: 'EMPTY_TEXT', message: '文件中没有文字内容' });
  checkTextLength(input.text.length);
  const sheetText = (input.tables ?? []).map((table) => table.rows.map((row) => row.map((cell) => cell.replace(/\n/g, ' ')).join('\t')).join('\n')).join('\n\n');
  const structured = (input.format === 'xlsx' || input.format === undefined) && input.tables !== undefined && input.tables.length > 0;
  if (structured) checkTextLength(sheetText.length);
  const embeddedTables = !structured && input.tables !== undefined && input.tables.length > 0 ? input.tables : [];
  const { text, paragraphs } = normalizePlanText(structured ? sheetText.replace(/^/gm, '\t') : input.text);

  const tasks: ParsedTask[] = [];
  const targets: ParsedTarget[] = [];
  const progressHistory: ParsedProgress[] = [];
  const tableKinds: TableKind[] = [];
  const tableParagraphs = new Set<number>();

  const flatTables = structured ? [] : collectFlatTables(paragraphs);
  for (const table of flatTables) for (let i = table.first; i <= table.last; i++) tableParagraphs.add(i);
  for (const index of embeddedTableParagraphs(paragraphs, embeddedTables)) tableParagraphs.add(index);

  const structure = parseStructure(paragraphs, (index) => tableParagraphs.has(index));
  for (const node of structure.tasks) {
    const { task, targets: found } = proseTask(node, paragraphs, text, 0);
    tasks.push(task);
    targets.push(...found);
  }
  for (const goal of structure.goals) {
    const paragraph = paragraphs[goal.paragraph]!;
    const offset = paragraph.start + goal.from;
    for (const t of findTargets(paragraph.text.slice(goal.from), { paragraphYear: goal.year })) {
      targets.push({ ...t, taskKey: null, attribute: null, baseline: null, start: t.start + offset, end: t.end + offset });
    }
  }

  const tableSources: { rows: string[][]; spans: { start: number; end: number }[] }[] = structured
    ? (input.tables ?? []).map((table) => ({ rows: table.rows.map((row) => [...row]), spans: [] }))
    : [...flatTables.map((table) => ({ rows: table.rows, spans: table.rowSpans })), ...embeddedTables.map((table) => ({ rows: table.rows.map((row) => [...row]), spans: [] }))];
  for (const source of tableSources) {
    const parsed = parseTableRows(source.rows);
    if (!parsed) continue;
    tableKinds.push(parsed.kind);
    const result = tableResults(text, parsed, source.spans, tasks.length + 1, null);
    tasks.push(...result.tasks);
    targets.push(...result.targets);
    progressHistory.push(...result.progressHistory);
  }

  const metadata = readMetadata(paragraphs, tableKinds);
  if (structured && !metadata.title) {
    const firstRow = input.tables![0]!.rows[0]?.filter((cell) => cell.trim());
    if (firstRow && firstRow.length === 1) {
      metadata.title = firstRow[0]!.trim();
      metadata.kind = detectKind(metadata.title, '', tableKinds);
    }
  }
  if (tasks.length === 0 && targets.length === 0) {
    warnings.push({ code: 'NO_TASKS', message: '没有识别出任务或指标。请检查文件是否为计划文件，或在右侧手动添加任务' });
  }
  warnings.push(...numberingWarnings(tasks));
  const sections: ParsedSection[] = structure.sections.map((s) => ({ key: s.key, label: s.label, title: s.title, parentKey: s.parentKey }));
  const planYear = /((?:19|20)\d\d)/.exec(metadata.title ?? '')?.[1];
  for (const entry of progressHistory) entry.period ??= periodOfHeader(entry.header, planYear ? Number(planYear) : null);
  if (progressHistory.some((entry) => entry.period === null)) {
    warnings.push({ code: 'PROGRESS_PERIOD_UNKNOWN', message: '台账中有进展列没有写明年份和季度，这些进展不会导入；请在列名中写明如“2025年第一季度进展情况”' });
  }
  const result = { ...metadata, normalizedText: text, sections, tasks, targets, progressHistory, warnings };
  checkParseResult(result);
  return result;
}
