import type { LocalEdit, ParsedDraft, ParsePreview, PlanChange, PlanDraft, SourceInfo } from '../../shared/api/imports';
import { parseDue } from '../../shared/parse/due';
import { diffPlans, pairTasks, type ExistingTask, type RevisedTask, type TaskField } from '../../shared/parse/plan-diff';
import { normalizeWidth } from '../../shared/parse/width';
import { AppError } from '../core/app-error';
import type { Core } from '../core/core';
import { progressReportId, uuidV5 } from '../core/ids';
import type { Row, Writer } from '../core/mutation';
import { ImportBaseline, mergedFieldLabels, type MergedTable } from './import-baseline';

/*
 * Writing a reviewed plan: a new plan, the same document again (in any format), or the accepted
 * changes of a revised version. Every field of an existing record goes through the three-way merge
 * of ImportBaseline, so a re-import never reverts what the clerk corrected.
 */

type DraftTask = PlanDraft['tasks'][number];
type DraftSection = PlanDraft['sections'][number];
type DraftTarget = PlanDraft['targets'][number];
type Values = Record<string, unknown>;
export type DepartmentLookup = ReadonlyMap<string, { id: string; name: string }>;

const canon = (text: string) => normalizeWidth(text).replace(/\s/g, '');

/** What a save writes: the reviewed draft and, record by record, what the parser produced for it. */
export interface ImportInput {
  readonly planId: string;
  readonly draft: PlanDraft;
  /** The parser's output (same keys); the draft itself when the clerk corrected nothing. */
  readonly parsed: ParsedDraft;
  readonly source: SourceInfo;
  /** Printed owner name → department id, as resolved for this save. */
  readonly owners: ReadonlyMap<string, string>;
  readonly lookup: DepartmentLookup;
}

function accumulationOf(unit: string, metric: string): 'cumulative' | 'point' {
  return /^(个|家|所|名|人|人次|剂次|张|项|支|次|台|套|场|篇|批|例|户)$/.test(unit) && !/(每千|每万|每百|率|比例|数量保持)/.test(metric) ? 'cumulative' : 'point';
}

function planValues(core: Core, draft: PlanDraft, source: SourceInfo) {
  return {
    office_id: core.requireIdentity().officeId,
    kind: draft.kind,
    title: draft.title,
    doc_number: draft.docNumber || null,
    issuer: draft.issuer || null,
    issued_on: draft.issuedOn,
    year_from: draft.yearFrom,
    year_to: draft.yearTo,
    source_hash: source.sha256,
    source_name: source.fileName,
    content_hash: source.contentHash,
  };
}

interface WriteIds {
  section: (key: string) => string;
  task: (key: string) => string;
  indicator: (index: number) => string;
}

/** Ids derive from the normalised content and position, so two offices importing one file agree. */
function derivedIds(contentHash: string): WriteIds {
  return {
    section: (key) => uuidV5(`section:${contentHash}:${key}`),
    task: (key) => uuidV5(`task:${contentHash}:${key}`),
    indicator: (index) => uuidV5(`indicator:${contentHash}:${index}`),
  };
}

export function dueColumns(deadline: string | null) {
  const due = parseDue(deadline);
  return { due_date: due?.date ?? null, due_from_year: due?.fromYear ?? null, due_to_year: due?.toYear ?? null };
}

function sectionValues(planId: string, section: DraftSection, index: number, parentId: string | null) {
  return { plan_id: planId, parent_id: parentId, label: section.label, title: section.title, sort_order: index + 1 };
}

function taskValues(planId: string, task: DraftTask, index: number, sectionId: string | null, leadIds: string[]) {
  return {
    plan_id: planId,
    section_id: sectionId,
    number: task.number,
    sort_order: index + 1,
    title: task.title,
    text: task.text,
    deadline: task.deadline || null,
    ...dueColumns(task.deadline),
    lead_department_ids: leadIds,
    responsible_units: task.responsibleUnits,
    group_name: task.group || null,
  };
}

function indicatorValues(planId: string, taskId: string | null, target: DraftTarget, index: number, departmentIdValue: string | null) {
  return {
    plan_id: planId,
    task_id: taskId,
    department_id: departmentIdValue,
    name: target.metric,
    unit: target.unit,
    comparator: target.comparator,
    target_value: target.value,
    target_value_max: target.valueMax,
    target_year: target.targetYear,
    baseline_value: target.baseline?.value ?? null,
    baseline_year: target.baseline?.year ?? null,
    value_kind: target.valueKind,
    attribute: target.attribute,
    accumulation: accumulationOf(target.unit, target.metric),
    source_phrase: target.phrase || null,
    sort_order: index + 1,
  };
}

/** The draft's lead departments as ids; a parsed name no department answers to stays a marker (never equal to an id). */
function leadIds(task: DraftTask, input: ImportInput, markUnknown = false): string[] {
  const ids = task.leadDepartments.map((name) => input.owners.get(name) ?? input.lookup.get(canon(name))?.id ?? (markUnknown ? `?${name}` : null));
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/** Each draft target's parser counterpart: same task and wording first, then the same metric. */
function parsedTargets(draft: PlanDraft, parsed: ParsedDraft): DraftTarget[] {
  if (parsed === draft) return draft.targets;
  const free = new Set(parsed.targets.map((_, i) => i));
  const find = (test: (p: DraftTarget) => boolean) => {
    for (const i of free) {
      if (test(parsed.targets[i]!)) {
        free.delete(i);
        return parsed.targets[i]!;
      }
    }
    return undefined;
  };
  return draft.targets.map(
    (t) =>
      find((p) => p.taskKey === t.taskKey && p.phrase !== '' && p.phrase === t.phrase && p.metric === t.metric) ??
      find((p) => p.taskKey === t.taskKey && p.phrase !== '' && p.phrase === t.phrase) ??
      find((p) => p.taskKey === t.taskKey && canon(p.metric) === canon(t.metric)) ??
      t,
  );
}

/** The parser's record for each draft record (by key), or the draft's own where the clerk added it. */
function counterparts(input: ImportInput) {
  const sections = new Map(input.parsed.sections.map((s) => [s.key, s]));
  const tasks = new Map(input.parsed.tasks.map((t) => [t.key, t]));
  return {
    section: (s: DraftSection) => sections.get(s.key) ?? s,
    task: (t: DraftTask) => tasks.get(t.key) ?? t,
    targets: parsedTargets(input.draft, input.parsed),
  };
}

const rowsOf = (core: Core, table: MergedTable, planId: string) => core.db.prepare(`SELECT * FROM ${table} WHERE plan_id = ?`).all(planId) as Row[];
const baseText = (baseline: ImportBaseline, table: MergedTable, id: string, column: string) => {
  const value = baseline.base(table, id, column);
  return typeof value === 'string' ? value : null;
};

interface PlanMatch {
  sections: Map<string, string>;
  tasks: Map<string, string>;
  /** Per draft target index: the existing indicator it continues. */
  indicators: Map<number, string>;
}

/**
 * Which stored record each draft record continues: the derived id where the same content made it,
 * else the same (or, renamed since, the previously parsed) title, tasks by the revision pairing,
 * indicators by task and name. Tombstoned records count, so one the clerk deleted stays deleted.
 */
function matchExisting(core: Core, input: ImportInput, baseline: ImportBaseline, ids: WriteIds, taskRows: Row[]): PlanMatch {
  const { planId, draft } = input;
  const sectionRows = rowsOf(core, 'sections', planId);
  const sections = new Map<string, string>();
  const claimed = new Set<string>();
  const known = (rows: Row[], id: string) => rows.some((r) => r.id === id);
  const titled = (table: MergedTable, row: Row, column: string, text: string) =>
    canon(String(row[column] ?? '')) === canon(text) || canon(baseText(baseline, table, row.id, column) ?? '\u0000') === canon(text);
  for (const section of draft.sections) {
    const derived = ids.section(section.key);
    const row = known(sectionRows, derived) && !claimed.has(derived) ? derived : sectionRows.find((r) => !claimed.has(r.id) && r.deleted === 0 && titled('sections', r, 'title', section.title))?.id;
    if (row) {
      sections.set(section.key, row);
      claimed.add(row);
    }
  }

  const tasks = new Map<string, string>();
  for (const task of draft.tasks) {
    const derived = ids.task(task.key);
    if (known(taskRows, derived)) {
      tasks.set(task.key, derived);
      claimed.add(derived);
    }
  }
  const stored = storedTasks(core, planId, baseline).filter((t) => !claimed.has(t.id));
  const pending = revisedTasks(draft.tasks.filter((t) => !tasks.has(t.key)), draft, input.lookup);
  for (const pair of pairTasks(stored, pending).pairs) tasks.set(pair.revised.key, pair.existing.id);

  const indicatorRows = rowsOf(core, 'indicators', planId);
  const byId = new Map(indicatorRows.map((r) => [r.id, r]));
  const byTask = new Map<unknown, Row[]>();
  for (const row of indicatorRows) byTask.set(row.task_id, [...(byTask.get(row.task_id) ?? []), row]);
  const indicators = new Map<number, string>();
  draft.targets.forEach((target, index) => {
    const taskId = target.taskKey ? (tasks.get(target.taskKey) ?? null) : null;
    const fits = (row: Row) => !claimed.has(row.id) && row.task_id === taskId && titled('indicators', row, 'name', target.metric);
    const derived = byId.get(ids.indicator(index));
    const row = derived && fits(derived) ? derived : (byTask.get(taskId) ?? []).find((r) => r.deleted === 0 && fits(r));
    if (row) {
      indicators.set(index, row.id);
      claimed.add(row.id);
    }
  });
  return { sections, tasks, indicators };
}

function planRowIds(core: Core, planId: string): string[] {
  return (['sections', 'tasks', 'indicators'] as const).flatMap((table) => core.db.prepare(`SELECT id FROM ${table} WHERE plan_id = ?`).pluck().all(planId) as string[]);
}

/** A new record's id: derived, unless another record of this save already took that id (then derived from its text too). */
function freshId(derived: string, salt: string, taken: Set<string>): string {
  const id = taken.has(derived) ? uuidV5(`${derived}:${salt}`) : derived;
  taken.add(id);
  return id;
}

/** Write a whole draft as a plan: a new one (`fresh`), or the same document again, merged field by field. */
export function writeWholePlan(core: Core, writer: Writer, input: ImportInput, fresh: boolean): void {
  const { planId, draft, source } = input;
  const ids = derivedIds(source.contentHash);
  if (fresh) ImportBaseline.clear(core, planId);
  const baseline = new ImportBaseline(core, planId, fresh);
  const parsed = counterparts(input);
  const taskRows = fresh ? [] : rowsOf(core, 'tasks', planId);
  const match = fresh ? { sections: new Map<string, string>(), tasks: new Map<string, string>(), indicators: new Map<number, string>() } : matchExisting(core, input, baseline, ids, taskRows);
  writer.insert('plans', planId, planValues(core, draft, source));
  // A new record never takes the id of one the plan holds (an indicator's derived id shifts when the clerk drops one in review).
  const taken = new Set(fresh ? [] : planRowIds(core, planId));

  const sectionIdByKey = new Map<string, string>();
  for (const section of draft.sections) sectionIdByKey.set(section.key, match.sections.get(section.key) ?? freshId(ids.section(section.key), section.title, taken));
  const sectionIdOf = (key: string | null, marker = false) => (key === null ? null : (sectionIdByKey.get(key) ?? (marker ? `?${key}` : null)));
  draft.sections.forEach((section, index) => {
    const id = sectionIdByKey.get(section.key)!;
    const parent = sectionIdOf(section.parentKey);
    baseline.write(writer, 'sections', id, sectionValues(planId, section, index, parent), sectionValues(planId, parsed.section(section), index, parent));
  });

  const taskIdByKey = new Map<string, string>();
  draft.tasks.forEach((task, index) => {
    const id = match.tasks.get(task.key) ?? freshId(ids.task(task.key), task.title, taken);
    taskIdByKey.set(task.key, id);
    const original = parsed.task(task);
    baseline.write(
      writer,
      'tasks',
      id,
      taskValues(planId, task, index, sectionIdOf(task.sectionKey), leadIds(task, input)),
      taskValues(planId, original, index, sectionIdOf(original.sectionKey, true), leadIds(original, input, true)),
    );
  });

  const leadOf = (task: DraftTask | undefined, markUnknown = false) => (task ? (leadIds(task, input, markUnknown)[0] ?? null) : null);
  const draftTask = new Map(draft.tasks.map((t) => [t.key, t]));
  const keptIndicators = new Set<string>();
  draft.targets.forEach((target, index) => {
    const taskId = target.taskKey ? (taskIdByKey.get(target.taskKey) ?? null) : null;
    const id = match.indicators.get(index) ?? freshId(ids.indicator(index), `${target.taskKey}:${target.metric}`, taken);
    keptIndicators.add(id);
    const original = parsed.targets[index]!;
    const task = target.taskKey ? draftTask.get(target.taskKey) : undefined;
    baseline.write(
      writer,
      'indicators',
      id,
      indicatorValues(planId, taskId, target, index, leadOf(task)),
      indicatorValues(planId, taskId, original, index, leadOf(task ? parsed.task(task) : undefined, true)),
    );
  });

  // Past quarters from an existing ledger become approved history, without overwriting later edits.
  for (const entry of draft.progress) {
    const task = draftTask.get(entry.taskKey);
    const taskId = taskIdByKey.get(entry.taskKey);
    const lead = task ? leadIds(task, input)[0] : undefined;
    if (!taskId || !lead || !entry.text) continue;
    const id = progressReportId(taskId, lead, entry.period);
    if (writer.get('progress_reports', id)) continue;
    writer.insert('progress_reports', id, { task_id: taskId, department_id: lead, period: entry.period, status: '推进中', progress_text: entry.text, workflow_state: 'approved' });
  }
  // What the clerk removed from this document on re-import is tombstoned; progress rows stay.
  const keep = { sections: new Set(sectionIdByKey.values()), tasks: new Set(taskIdByKey.values()), indicators: keptIndicators };
  for (const table of ['tasks', 'sections', 'indicators'] as const) {
    const existing = core.db.prepare(`SELECT id FROM ${table} WHERE plan_id = ? AND deleted = 0`).pluck().all(planId) as string[];
    for (const id of existing) {
      if (keep[table].has(id)) continue;
      writer.remove(table, id);
      baseline.removed(table, id);
    }
  }
  baseline.save(source.sha256);
}

interface StoredTask extends ExistingTask {
  sectionId: string | null;
}

const taskFieldOf: Record<string, TaskField> = {
  title: 'title',
  text: 'text',
  deadline: 'deadline',
  lead_department_ids: 'leads',
  responsible_units: 'units',
  section_id: 'section',
};

/** The plan's live tasks as the diff sees them: with the previously parsed title and the clerk's edited fields. */
function storedTasks(core: Core, planId: string, baseline: ImportBaseline): StoredTask[] {
  const rows = core.db.prepare('SELECT * FROM tasks WHERE plan_id = ? AND deleted = 0 ORDER BY sort_order').all(planId) as Row[];
  const sections = new Map((core.db.prepare('SELECT id, title FROM sections WHERE plan_id = ?').all(planId) as { id: string; title: string | null }[]).map((s) => [s.id, s]));
  // A task belongs to the section the document printed: compare by that title, even if the clerk renamed it.
  const sectionTitle = (id: string | null) => (id === null ? null : (baseText(baseline, 'sections', id, 'title') ?? sections.get(id)?.title ?? null));
  return rows.map((r) => {
    const title = (r.title as string | null) ?? '';
    const baseTitle = baseText(baseline, 'tasks', r.id, 'title');
    return {
      id: r.id,
      number: (r.number as string | null) ?? '',
      title,
      text: (r.text as string | null) ?? '',
      sectionTitle: sectionTitle(r.section_id as string | null),
      sectionId: r.section_id as string | null,
      leadKeys: r.lead_department_ids ? (JSON.parse(r.lead_department_ids as string) as string[]) : [],
      deadline: (r.deadline as string | null) ?? null,
      units: r.responsible_units ? (JSON.parse(r.responsible_units as string) as string[]) : [],
      baseTitle: baseTitle !== null && baseTitle !== title ? baseTitle : null,
      edited: new Set(baseline.edits('tasks', r).flatMap((column) => (taskFieldOf[column] ? [taskFieldOf[column]] : []))),
    };
  });
}

function revisedTasks(tasks: readonly DraftTask[], draft: PlanDraft, lookup: DepartmentLookup): RevisedTask[] {
  const sectionTitle = new Map(draft.sections.map((s) => [s.key, s.title]));
  return tasks.map((task) => ({
    key: task.key,
    number: task.number,
    title: task.title,
    text: task.text,
    sectionTitle: task.sectionKey ? (sectionTitle.get(task.sectionKey) ?? null) : null,
    // Two printed names may map to one department (公卫科, 公卫科（爱卫办）): compare each once.
    leadKeys: [...new Set(task.leadDepartments.map((name) => lookup.get(canon(name))?.id ?? `new:${name}`))],
    deadline: task.deadline || null,
    units: task.responsibleUnits,
  }));
}

export function diffRevision(core: Core, planId: string, draft: PlanDraft, lookup: DepartmentLookup): PlanChange[] {
  const exists = core.db.prepare('SELECT 1 FROM plans WHERE id = ? AND deleted = 0').get(planId);
  if (!exists) throw new AppError('NOT_FOUND', '找不到要比较的计划，可能已被删除');
  const names = new Map([...lookup.values()].map((d) => [d.id, d.name]));
  const label = (keys: string | null) => (keys === null ? null : keys.split('、').filter(Boolean).map((k) => names.get(k) ?? k.replace(/^new:/, '')).join('、'));
  const baseline = new ImportBaseline(core, planId);
  return diffPlans(storedTasks(core, planId, baseline), revisedTasks(draft.tasks, draft, lookup)).map((change) =>
    change.kind === 'owners' ? { ...change, before: label(change.before), after: label(change.after) } : change,
  );
}

/** Apply the accepted changes of a revised document to an existing plan; progress stays with its tasks. */
export function applyRevision(core: Core, writer: Writer, input: ImportInput, accepted: ReadonlySet<string>): void {
  const { planId, draft, source } = input;
  const ids = derivedIds(source.contentHash);
  const baseline = new ImportBaseline(core, planId);
  const parsed = counterparts(input);
  writer.update('plans', planId, { ...planValues(core, draft, source), office_id: undefined });

  const existingSections = (core.db.prepare('SELECT * FROM sections WHERE plan_id = ? AND deleted = 0').all(planId) as Row[]).map((row) => ({
    id: row.id,
    titles: [row.title as string | null, baseText(baseline, 'sections', row.id, 'title')].filter((t): t is string => t !== null).map(canon),
  }));
  const sectionIdByKey = new Map<string, string>();
  const taken = new Set(planRowIds(core, planId));
  const claimed = new Set<string>();
  draft.sections.forEach((section, index) => {
    const match = existingSections.find((s) => !claimed.has(s.id) && s.titles.includes(canon(section.title)));
    const id = match?.id ?? freshId(ids.section(section.key), section.title, taken);
    claimed.add(id);
    sectionIdByKey.set(section.key, id);
    const parent = section.parentKey ? (sectionIdByKey.get(section.parentKey) ?? ids.section(section.parentKey)) : null;
    baseline.write(writer, 'sections', id, sectionValues(planId, section, index, parent), sectionValues(planId, parsed.section(section), index, parent));
  });
  const sectionIdOf = (key: string | null, marker = false) => (key === null ? null : (sectionIdByKey.get(key) ?? (marker ? `?${key}` : null)));

  const stored = storedTasks(core, planId, baseline);
  const revised = revisedTasks(draft.tasks, draft, input.lookup);
  const changes = diffPlans(stored, revised);
  const byDraftKey = new Map(draft.tasks.map((t, index) => [t.key, { task: t, index }]));
  const taskIdByKey = new Map(pairTasks(stored, revised).pairs.map((p) => [p.revised.key, p.existing.id]));
  /** The new parse of a draft task, as columns: what the document now says. */
  const parsedColumns = (task: DraftTask, index: number) => {
    const original = parsed.task(task);
    return taskValues(planId, original, index, sectionIdOf(original.sectionKey, true), leadIds(original, input, true));
  };
  for (const change of changes) {
    if (!accepted.has(change.id)) continue;
    const entry = change.draftKey ? byDraftKey.get(change.draftKey) : undefined;
    if (change.kind === 'removed' && change.taskId) {
      writer.remove('tasks', change.taskId);
      baseline.removed('tasks', change.taskId);
    }
    if (!entry) continue;
    const values = taskValues(planId, entry.task, entry.index, sectionIdOf(entry.task.sectionKey), leadIds(entry.task, input));
    const pick = (columns: readonly (keyof typeof values)[]) => Object.fromEntries(columns.map((c) => [c, values[c]]));
    const original = parsedColumns(entry.task, entry.index);
    if (change.kind === 'added') {
      const id = freshId(ids.task(entry.task.key), entry.task.title, taken);
      taskIdByKey.set(entry.task.key, id);
      baseline.write(writer, 'tasks', id, values, original);
    }
    if (!change.taskId) continue;
    if (change.kind === 'reworded') baseline.write(writer, 'tasks', change.taskId, pick(['number', 'title', 'text', 'deadline', 'due_date', 'due_from_year', 'due_to_year']), original);
    if (change.kind === 'owners') baseline.write(writer, 'tasks', change.taskId, pick(['lead_department_ids', 'responsible_units']), original);
    if (change.kind === 'moved') baseline.write(writer, 'tasks', change.taskId, pick(['section_id']), original);
  }
  // The new document is the baseline of every task it continues, changes accepted or not: a change
  // the clerk declined is the clerk's choice, kept by the next import as well.
  for (const [key, id] of taskIdByKey) {
    const entry = byDraftKey.get(key);
    if (!entry || !writer.get('tasks', id)) continue;
    const original = parsedColumns(entry.task, entry.index);
    baseline.remember('tasks', id, original, Object.keys(original));
  }

  // Targets follow their task: matched by metric within the task (or its previously parsed name), new ones added, none dropped.
  const existingIndicators = core.db.prepare('SELECT * FROM indicators WHERE plan_id = ? AND deleted = 0').all(planId) as Row[];
  draft.targets.forEach((target, index) => {
    const taskId = target.taskKey ? (taskIdByKey.get(target.taskKey) ?? null) : null;
    if (target.taskKey && !taskId) return;
    const match = existingIndicators.find(
      (i) => !claimed.has(i.id) && i.task_id === taskId && [i.name as string | null, baseText(baseline, 'indicators', i.id, 'name')].some((n) => n !== null && canon(n) === canon(target.metric)),
    );
    const values = { ...indicatorValues(planId, taskId, target, index, null), department_id: undefined };
    const original = { ...indicatorValues(planId, taskId, parsed.targets[index]!, index, null), department_id: undefined };
    const id = match?.id ?? freshId(ids.indicator(index), `${target.taskKey}:${target.metric}`, taken);
    claimed.add(id);
    if (match) baseline.write(writer, 'indicators', id, values, original);
    else baseline.write(writer, 'indicators', id, { ...values, department_id: null }, original);
  });
  baseline.save(source.sha256);
}

/** The parse as an unedited draft (what the review screen starts from), for comparing with the stored plan. */
export function draftOfParse(parse: ParsePreview['parse']): PlanDraft {
  return {
    title: parse.title ?? '',
    kind: parse.kind,
    docNumber: parse.docNumber,
    issuer: parse.issuer,
    issuedOn: parse.issuedOn,
    yearFrom: null,
    yearTo: null,
    sections: parse.sections,
    tasks: parse.tasks.map(({ due: _due, ...task }) => task),
    targets: parse.targets.filter((t) => t.metric.trim() !== '').map(({ start: _start, end: _end, ...target }) => target),
    progress: [],
  };
}

/** The clerk's edits to the existing plan that saving this document keeps, for the review screen. */
export function localEditsOf(core: Core, input: ImportInput): LocalEdit[] {
  const { planId, draft } = input;
  const baseline = new ImportBaseline(core, planId);
  const ids = derivedIds(input.source.contentHash);
  const taskRows = rowsOf(core, 'tasks', planId);
  const match = matchExisting(core, input, baseline, ids, taskRows);
  const rows = new Map([...taskRows, ...rowsOf(core, 'sections', planId), ...rowsOf(core, 'indicators', planId)].map((r) => [r.id, r]));
  const edits: LocalEdit[] = [];
  /** Edited fields the document would set otherwise (where the clerk's value equals the document's, nothing is kept). */
  const kept = (table: MergedTable, row: Row, next: Values) =>
    baseline
      .edits(table, row)
      .filter((column) => column === 'deleted' || next[column] === undefined || ImportBaseline.differs(table, column, row[column], next[column]))
      .map((column) => (table === 'tasks' && column === 'title' ? '任务名称' : table === 'sections' && column === 'title' ? '章节标题' : (mergedFieldLabels[column] ?? column)));
  const sectionIdOf = (key: string | null) => (key === null ? null : (match.sections.get(key) ?? null));
  draft.sections.forEach((section, index) => {
    const row = rows.get(match.sections.get(section.key) ?? '');
    if (!row) return;
    const fields = kept('sections', row, sectionValues(planId, section, index, null));
    if (fields.length > 0) edits.push({ kind: 'section', draftKey: null, number: section.label, name: (row.title as string | null) ?? section.title, fields });
  });
  const draftTask = new Map(draft.tasks.map((t) => [t.key, t]));
  draft.tasks.forEach((task, index) => {
    const row = rows.get(match.tasks.get(task.key) ?? '');
    if (!row) return;
    const fields = kept('tasks', row, taskValues(planId, task, index, sectionIdOf(task.sectionKey), leadIds(task, input, true)));
    if (fields.length > 0) edits.push({ kind: 'task', draftKey: task.key, number: (row.number as string | null) ?? task.number, name: (row.title as string | null) ?? task.title, fields });
  });
  draft.targets.forEach((target, index) => {
    const row = rows.get(match.indicators.get(index) ?? '');
    if (!row) return;
    const task = target.taskKey ? draftTask.get(target.taskKey) : undefined;
    const fields = kept('indicators', row, indicatorValues(planId, row.task_id as string | null, target, index, task ? (leadIds(task, input, true)[0] ?? null) : null));
    if (fields.length > 0) edits.push({ kind: 'indicator', draftKey: target.taskKey, number: task?.number ?? '', name: (row.name as string | null) ?? target.metric, fields });
  });
  return edits;
}
