import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ParsePreview, PlanChange, PlanDraft, SourceInfo, ownerDecision } from '../../shared/api/imports';
import { parsePlan } from '../../shared/parse';
import { parseDue } from '../../shared/parse/due';
import { diffPlans, type ExistingTask, type RevisedTask } from '../../shared/parse/plan-diff';
import { normalizeWidth } from '../../shared/parse/width';
import { AppError } from '../core/app-error';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { departmentId, newId, progressReportId, uuidV5 } from '../core/ids';
import type { Writer } from '../core/mutation';
import { readDocument, readPastedText } from '../import/readers';
import { ReadError } from '../import/readers/read-error';
import { listDirectory } from './directory';
import { backupBefore } from './backup';
import { discardReviewDraft } from './import-drafts';

type OwnerDecision = z.infer<typeof ownerDecision>;

const canon = (text: string) => normalizeWidth(text).replace(/\s/g, '');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Owner names printed in a document resolve to departments by name or alias. */
function departmentLookup(core: Core): Map<string, { id: string; name: string }> {
  const lookup = new Map<string, { id: string; name: string }>();
  for (const dept of listDirectory(core, 'departments')) {
    for (const name of [dept.name, ...dept.aliases]) lookup.set(canon(name), { id: dept.id, name: dept.name });
  }
  return lookup;
}

function findExisting(core: Core, contentHash: string, title: string | null, docNumber: string | null): ParsePreview['existing'] {
  const same = core.db.prepare('SELECT id, title FROM plans WHERE content_hash = ? AND deleted = 0').get(contentHash) as { id: string; title: string } | undefined;
  if (same) return { planId: same.id, title: same.title ?? '', sameContent: true };
  const plans = core.db.prepare('SELECT id, title, doc_number FROM plans WHERE deleted = 0').all() as { id: string; title: string | null; doc_number: string | null }[];
  const revised = plans.find((p) => (docNumber && p.doc_number && canon(p.doc_number) === canon(docNumber)) || (title && p.title && canon(p.title) === canon(title)));
  return revised ? { planId: revised.id, title: revised.title ?? '', sameContent: false } : null;
}

/** A reader's refusal, naming the file: 文件“X.doc”无法导入：这是旧版 Word 文档…… */
export function refusalOf(fileName: string, reason: string): string {
  return `文件“${fileName}”无法导入：${reason}`;
}

async function parseArgs(args: { fileName: string; contentBase64: string } | { pastedText: string }, progress: (label: string, done: number, total: number) => void) {
  try {
    if ('pastedText' in args) {
      const read = readPastedText(args.pastedText);
      return { read, fileName: '粘贴的文字', bytes: new TextEncoder().encode(args.pastedText) };
    }
    const bytes = Buffer.from(args.contentBase64, 'base64');
    const read = await readDocument(bytes, args.fileName, (done, total) => progress('正在读取文件', done, total));
    return { read, fileName: args.fileName, bytes };
  } catch (error) {
    if (error instanceof ReadError) {
      // The clerk may have picked several files today: say which one was refused.
      const message = 'pastedText' in args ? error.message : refusalOf(args.fileName, error.message);
      throw new AppError('INVALID_ARGUMENT', message, { file: message });
    }
    throw error;
  }
}

export async function previewImport(core: Core, args: Parameters<typeof parseArgs>[0], progress: (label: string, done: number, total: number) => void): Promise<ParsePreview> {
  const { read, fileName, bytes } = await parseArgs(args, progress);
  progress('正在识别章节、任务和指标', 0, 1);
  const parse = parsePlan({ text: read.text, tables: read.tables, format: read.format, fileName });
  progress('正在识别章节、任务和指标', 1, 1);
  const contentHash = sha256(parse.normalizedText);
  const lookup = departmentLookup(core);
  const names = [...new Set(parse.tasks.flatMap((task) => task.leadDepartments))];
  const owners = names.map((name) => {
    const match = lookup.get(canon(name));
    return { name, departmentId: match?.id ?? null, departmentName: match?.name ?? null };
  });
  const source: SourceInfo = { fileName, format: read.format, sha256: sha256(bytes), contentHash, size: bytes.length, encoding: read.encoding ?? null };
  return { parse, source, owners, existing: findExisting(core, contentHash, parse.title, parse.docNumber) };
}

/** Check that every key the draft refers to exists, so nothing is saved half-linked. */
function assertDraftConsistent(draft: PlanDraft): void {
  const sectionKeys = new Set(draft.sections.map((s) => s.key));
  const taskKeys = new Set<string>();
  for (const task of draft.tasks) {
    if (taskKeys.has(task.key)) throw new AppError('INVALID_ARGUMENT', `任务编号重复：${task.key}`);
    taskKeys.add(task.key);
    if (task.sectionKey !== null && !sectionKeys.has(task.sectionKey)) throw new AppError('INVALID_ARGUMENT', `任务“${task.title}”所属的章节不存在`);
  }
  for (const section of draft.sections) {
    if (section.parentKey !== null && !sectionKeys.has(section.parentKey)) throw new AppError('INVALID_ARGUMENT', `章节“${section.title}”的上级章节不存在`);
  }
  for (const entry of draft.progress) {
    if (!taskKeys.has(entry.taskKey)) throw new AppError('INVALID_ARGUMENT', `进展记录所属的任务不存在`);
  }
  for (const target of draft.targets) {
    if (target.taskKey !== null && !taskKeys.has(target.taskKey)) throw new AppError('INVALID_ARGUMENT', `指标“${target.metric}”所属的任务不存在`);
    if (target.comparator === 'between' && (target.valueMax === null || target.valueMax < target.value)) {
      throw new AppError('INVALID_ARGUMENT', `指标“${target.metric}”是区间目标，上限必须不小于下限`);
    }
  }
  if (draft.yearFrom !== null && draft.yearTo !== null && draft.yearFrom > draft.yearTo) throw new AppError('INVALID_ARGUMENT', '起始年份不能晚于结束年份');
}

/** Resolve every printed owner name to a department id, creating the ones the clerk asked for. */
function resolveOwners(core: Core, writer: Writer, draft: PlanDraft, decisions: OwnerDecision[]): { ids: Map<string, string>; created: string[] } {
  const { officeId } = core.requireIdentity();
  const lookup = departmentLookup(core);
  const byName = new Map(decisions.map((d) => [canon(d.name), d]));
  const ids = new Map<string, string>();
  const created: string[] = [];
  const missing: string[] = [];
  let sort = (core.db.prepare('SELECT COALESCE(MAX(sort_order), 0) AS n FROM departments WHERE office_id = ? AND deleted = 0').get(officeId) as { n: number }).n;
  for (const name of new Set(draft.tasks.flatMap((t) => t.leadDepartments))) {
    const known = lookup.get(canon(name));
    if (known) {
      ids.set(name, known.id);
      continue;
    }
    const decision = byName.get(canon(name));
    if (!decision) {
      missing.push(name);
    } else if (decision.action === 'map') {
      const target = core.db.prepare('SELECT name, aliases FROM departments WHERE id = ? AND deleted = 0').get(decision.departmentId) as { name: string; aliases: string | null } | undefined;
      if (!target) throw new AppError('INVALID_ARGUMENT', `“${name}”要对应的科室不存在`);
      // Remember the printed name as an alias, so the next document is recognised by itself.
      const aliases = target.aliases ? (JSON.parse(target.aliases) as string[]) : [];
      if (canon(target.name) !== canon(name) && !aliases.some((alias) => canon(alias) === canon(name))) {
        writer.update('departments', decision.departmentId, { aliases: [...aliases, name] });
      }
      lookup.set(canon(name), { id: decision.departmentId, name: target.name });
      ids.set(name, decision.departmentId);
    } else {
      // 公卫科（爱卫办） may join the 公卫科 another row creates: one department, the printed name its alias.
      const newName = decision.departmentName ?? name;
      const alias = canon(newName) === canon(name) ? [] : [name];
      const same = lookup.get(canon(newName));
      if (same) {
        const aliases = (core.db.prepare('SELECT aliases FROM departments WHERE id = ?').pluck().get(same.id) as string | null) ?? '[]';
        const list = JSON.parse(aliases) as string[];
        if (alias.length > 0 && !list.some((a) => canon(a) === canon(name))) writer.update('departments', same.id, { aliases: [...list, ...alias] });
        lookup.set(canon(name), same);
        ids.set(name, same.id);
        continue;
      }
      const id = departmentId(officeId, newName);
      writer.insert('departments', id, { office_id: officeId, name: newName, aliases: alias, sort_order: ++sort });
      lookup.set(canon(newName), { id, name: newName });
      lookup.set(canon(name), { id, name: newName });
      ids.set(name, id);
      created.push(newName);
    }
  }
  if (missing.length > 0) {
    throw new AppError('INVALID_ARGUMENT', `以下牵头科室还没有对应到本单位的科室：${missing.join('、')}。请选择“对应到已有科室”或“新建科室”。`, { owners: missing.join('、') });
  }
  return { ids, created };
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

function taskValues(planId: string, task: PlanDraft['tasks'][number], index: number, sectionId: string | null, leadIds: string[]) {
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

function dueColumns(deadline: string | null) {
  const due = parseDue(deadline);
  return { due_date: due?.date ?? null, due_from_year: due?.fromYear ?? null, due_to_year: due?.toYear ?? null };
}

function indicatorValues(planId: string, taskId: string | null, target: PlanDraft['targets'][number], index: number, departmentIdValue: string | null) {
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

function leadIdsOf(task: PlanDraft['tasks'][number], owners: Map<string, string>): string[] {
  return [...new Set(task.leadDepartments.map((name) => owners.get(name)).filter((id): id is string => Boolean(id)))];
}

/** Write a whole draft as a plan (new, or the same document again): everything upserted by derived ids. */
function writeWholePlan(core: Core, writer: Writer, planId: string, draft: PlanDraft, source: SourceInfo, owners: Map<string, string>): void {
  const ids = derivedIds(source.contentHash);
  writer.insert('plans', planId, planValues(core, draft, source));
  draft.sections.forEach((section, index) =>
    writer.insert('sections', ids.section(section.key), {
      plan_id: planId,
      parent_id: section.parentKey ? ids.section(section.parentKey) : null,
      label: section.label,
      title: section.title,
      sort_order: index + 1,
    }),
  );
  const taskIdByKey = new Map<string, string>();
  draft.tasks.forEach((task, index) => {
    const id = ids.task(task.key);
    taskIdByKey.set(task.key, id);
    writer.insert('tasks', id, taskValues(planId, task, index, task.sectionKey ? ids.section(task.sectionKey) : null, leadIdsOf(task, owners)));
  });
  const leadOf = new Map(draft.tasks.map((t) => [t.key, leadIdsOf(t, owners)[0] ?? null]));
  draft.targets.forEach((target, index) => {
    const taskId = target.taskKey ? (taskIdByKey.get(target.taskKey) ?? null) : null;
    writer.insert('indicators', ids.indicator(index), indicatorValues(planId, taskId, target, index, target.taskKey ? (leadOf.get(target.taskKey) ?? null) : null));
  });
  // Past quarters from an existing ledger become approved history, without overwriting later edits.
  for (const entry of draft.progress) {
    const task = draft.tasks.find((t) => t.key === entry.taskKey);
    const taskId = taskIdByKey.get(entry.taskKey);
    const lead = task ? leadIdsOf(task, owners)[0] : undefined;
    if (!taskId || !lead || !entry.text) continue;
    const id = progressReportId(taskId, lead, entry.period);
    if (writer.get('progress_reports', id)) continue;
    writer.insert('progress_reports', id, { task_id: taskId, department_id: lead, period: entry.period, status: '推进中', progress_text: entry.text, workflow_state: 'approved' });
  }
  // What the clerk removed from this document on re-import is tombstoned; progress rows stay.
  const keep = {
    sections: new Set(draft.sections.map((s) => ids.section(s.key))),
    tasks: new Set(taskIdByKey.values()),
    indicators: new Set(draft.targets.map((_, index) => ids.indicator(index))),
  };
  for (const table of ['tasks', 'sections', 'indicators'] as const) {
    const existing = core.db.prepare(`SELECT id FROM ${table} WHERE plan_id = ? AND deleted = 0`).pluck().all(planId) as string[];
    for (const id of existing) if (!keep[table].has(id)) writer.remove(table, id);
  }
}

interface StoredTask extends ExistingTask {
  sectionId: string | null;
}

function storedTasks(core: Core, planId: string): StoredTask[] {
  const rows = core.db
    .prepare(
      `SELECT t.id, t.number, t.title, t.text, t.section_id, t.lead_department_ids, s.title AS section_title
       FROM tasks t LEFT JOIN sections s ON s.id = t.section_id WHERE t.plan_id = ? AND t.deleted = 0 ORDER BY t.sort_order`,
    )
    .all(planId) as { id: string; number: string | null; title: string | null; text: string | null; section_id: string | null; lead_department_ids: string | null; section_title: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    number: r.number ?? '',
    title: r.title ?? '',
    text: r.text ?? '',
    sectionTitle: r.section_title,
    sectionId: r.section_id,
    leadKeys: r.lead_department_ids ? (JSON.parse(r.lead_department_ids) as string[]) : [],
  }));
}

function revisedTasks(core: Core, draft: PlanDraft): RevisedTask[] {
  const lookup = departmentLookup(core);
  const sectionTitle = new Map(draft.sections.map((s) => [s.key, s.title]));
  return draft.tasks.map((task) => ({
    key: task.key,
    number: task.number,
    title: task.title,
    text: task.text,
    sectionTitle: task.sectionKey ? (sectionTitle.get(task.sectionKey) ?? null) : null,
    // Two printed names may map to one department (公卫科, 公卫科（爱卫办）): compare each once.
    leadKeys: [...new Set(task.leadDepartments.map((name) => lookup.get(canon(name))?.id ?? `new:${name}`))],
  }));
}

export function diffRevision(core: Core, planId: string, draft: PlanDraft): PlanChange[] {
  const exists = core.db.prepare('SELECT 1 FROM plans WHERE id = ? AND deleted = 0').get(planId);
  if (!exists) throw new AppError('NOT_FOUND', '找不到要比较的计划，可能已被删除');
  const names = new Map(listDirectory(core, 'departments').map((d) => [d.id, d.name]));
  const label = (keys: string | null) => (keys === null ? null : keys.split('、').filter(Boolean).map((k) => names.get(k) ?? k.replace(/^new:/, '')).join('、'));
  return diffPlans(storedTasks(core, planId), revisedTasks(core, draft)).map((change) =>
    change.kind === 'owners' ? { ...change, before: label(change.before), after: label(change.after) } : change,
  );
}

/** Apply the accepted changes of a revised document to an existing plan; progress stays with its tasks. */
function applyRevision(core: Core, writer: Writer, planId: string, draft: PlanDraft, source: SourceInfo, owners: Map<string, string>, accepted: Set<string>): void {
  const ids = derivedIds(source.contentHash);
  writer.update('plans', planId, { ...planValues(core, draft, source), office_id: undefined });
  const existingSections = core.db.prepare('SELECT id, title FROM sections WHERE plan_id = ? AND deleted = 0').all(planId) as { id: string; title: string | null }[];
  const sectionIdByKey = new Map<string, string>();
  draft.sections.forEach((section, index) => {
    const match = existingSections.find((s) => canon(s.title ?? '') === canon(section.title));
    const id = match?.id ?? ids.section(section.key);
    sectionIdByKey.set(section.key, id);
    const values = { plan_id: planId, parent_id: section.parentKey ? (sectionIdByKey.get(section.parentKey) ?? ids.section(section.parentKey)) : null, label: section.label, title: section.title, sort_order: index + 1 };
    if (match) writer.update('sections', id, values);
    else writer.insert('sections', id, values);
  });
  const changes = diffPlans(storedTasks(core, planId), revisedTasks(core, draft));
  const byDraftKey = new Map(draft.tasks.map((t, index) => [t.key, { task: t, index }]));
  const taskIdByKey = new Map<string, string>();
  for (const { existing, revised } of pairPairs(changes, storedTasks(core, planId), draft)) taskIdByKey.set(revised, existing);
  for (const change of changes) {
    if (!accepted.has(change.id)) continue;
    const draftTask = change.draftKey ? byDraftKey.get(change.draftKey) : undefined;
    if (change.kind === 'removed' && change.taskId) writer.remove('tasks', change.taskId);
    if (change.kind === 'added' && draftTask) {
      const id = ids.task(draftTask.task.key);
      taskIdByKey.set(draftTask.task.key, id);
      const sectionId = draftTask.task.sectionKey ? (sectionIdByKey.get(draftTask.task.sectionKey) ?? null) : null;
      writer.insert('tasks', id, taskValues(planId, draftTask.task, draftTask.index, sectionId, leadIdsOf(draftTask.task, owners)));
    }
    if (change.kind === 'reworded' && change.taskId && draftTask) {
      writer.update('tasks', change.taskId, { number: draftTask.task.number, title: draftTask.task.title, text: draftTask.task.text, deadline: draftTask.task.deadline || null, ...dueColumns(draftTask.task.deadline) });
    }
    if (change.kind === 'owners' && change.taskId && draftTask) {
      writer.update('tasks', change.taskId, { lead_department_ids: leadIdsOf(draftTask.task, owners), responsible_units: draftTask.task.responsibleUnits });
    }
    if (change.kind === 'moved' && change.taskId && draftTask) {
      writer.update('tasks', change.taskId, { section_id: draftTask.task.sectionKey ? (sectionIdByKey.get(draftTask.task.sectionKey) ?? null) : null });
    }
  }
  // Targets follow their task: matched by metric within the task, new ones added, none dropped.
  const existingIndicators = core.db.prepare('SELECT id, task_id, name FROM indicators WHERE plan_id = ? AND deleted = 0').all(planId) as { id: string; task_id: string | null; name: string | null }[];
  draft.targets.forEach((target, index) => {
    const taskId = target.taskKey ? (taskIdByKey.get(target.taskKey) ?? null) : null;
    if (target.taskKey && !taskId) return;
    const match = existingIndicators.find((i) => i.task_id === taskId && canon(i.name ?? '') === canon(target.metric));
    const values = indicatorValues(planId, taskId, target, index, null);
    if (match) writer.update('indicators', match.id, { ...values, department_id: undefined });
    else writer.insert('indicators', ids.indicator(index), values);
  });
}

/** Which stored task each draft task continues (from the diff's pairing), for linking targets. */
function pairPairs(changes: PlanChange[], stored: StoredTask[], draft: PlanDraft): { existing: string; revised: string }[] {
  const removed = new Set(changes.filter((c) => c.kind === 'removed').map((c) => c.taskId));
  const added = new Set(changes.filter((c) => c.kind === 'added').map((c) => c.draftKey));
  const explicit = changes.filter((c) => c.taskId && c.draftKey).map((c) => ({ existing: c.taskId!, revised: c.draftKey! }));
  const seen = new Set(explicit.map((p) => p.revised));
  // Unchanged pairs have no change record: match them by identical title.
  for (const task of draft.tasks) {
    if (seen.has(task.key) || added.has(task.key)) continue;
    const same = stored.find((s) => !removed.has(s.id) && canon(s.title) === canon(task.title));
    if (same) explicit.push({ existing: same.id, revised: task.key });
  }
  return explicit;
}

export const importHandlers: HandlerMap<'imports.parse' | 'imports.diff' | 'imports.save'> = {
  'imports.parse': ({ core, progress }, args) => previewImport(core, args, progress),

  'imports.diff': ({ core }, args) => {
    assertDraftConsistent(args.draft);
    return diffRevision(core, args.planId, args.draft);
  },

  'imports.save': async ({ core, progress }, args) => {
    assertDraftConsistent(args.draft);
    const identity = core.requireIdentity();
    if (args.planId && !core.db.prepare('SELECT 1 FROM plans WHERE id = ? AND deleted = 0').get(args.planId)) {
      throw new AppError('NOT_FOUND', '要更新的计划不存在，可能已被删除');
    }
    progress('正在备份数据库', 0, 2);
    await backupBefore(core, 'import');
    progress('正在保存计划', 1, 2);
    const planId = args.planId ?? uuidV5(`plan:${args.source.contentHash}`);
    let created: string[] = [];
    core.mutations.run((writer) => {
      const resolved = resolveOwners(core, writer, args.draft, args.owners);
      created = resolved.created;
      if (args.planId && args.acceptedChanges !== null) applyRevision(core, writer, planId, args.draft, args.source, resolved.ids, new Set(args.acceptedChanges));
      else writeWholePlan(core, writer, planId, args.draft, args.source, resolved.ids);
      core.db
        .prepare('INSERT INTO import_history (id, kind, file_name, sha256, target_id, imported_at, actor, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(newId(), 'plan', args.source.fileName, args.source.sha256, planId, new Date().toISOString(), core.author().actor, JSON.stringify({ tasks: args.draft.tasks.length, targets: args.draft.targets.length, installation: identity.installationId }));
    });
    progress('正在保存计划', 2, 2);
    discardReviewDraft(core, args.source.sha256);
    return { planId, tasks: args.draft.tasks.length, targets: args.draft.targets.length, createdDepartments: created, updated: args.planId !== null };
  },
};
