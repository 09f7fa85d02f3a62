import type { z } from 'zod';
import type { ParsePreview, PlanDraft, ownerDecision } from '../../shared/api/imports';
import { normalizeWidth } from '../../shared/parse/width';
import { AppError } from '../core/app-error';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { departmentId, newId, uuidV5 } from '../core/ids';
import type { Writer } from '../core/mutation';
import type { ParseJobInput } from '../import/parse-job';
import { parseInThread } from '../import/parse-thread';
import { listDirectory } from './directory';
import { backupBefore } from './backup';
import { discardReviewDraft } from './import-drafts';
import { applyRevision, diffRevision, draftOfParse, localEditsOf, writeWholePlan } from './import-write';

type OwnerDecision = z.infer<typeof ownerDecision>;

const canon = (text: string) => normalizeWidth(text).replace(/\s/g, '');

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

/**
 * Read and parse in a thread of its own (parse-thread.ts); only the look-ups against this
 * database (owners, an existing plan, local edits) run here.
 */
/** Parses running now, so 取消 can end their threads. */
const runningParses = new Set<AbortController>();

export function cancelParses(): number {
  const count = runningParses.size;
  for (const controller of runningParses) controller.abort();
  runningParses.clear();
  return count;
}

export async function previewImport(core: Core, args: ParseJobInput, progress: (label: string, done: number, total: number) => void): Promise<ParsePreview> {
  const controller = new AbortController();
  runningParses.add(controller);
  let read: Awaited<ReturnType<typeof parseInThread>>;
  try {
    read = await parseInThread(args, progress, { signal: controller.signal });
  } finally {
    runningParses.delete(controller);
  }
  const { parse, source } = read;
  const lookup = departmentLookup(core);
  const names = [...new Set(parse.tasks.flatMap((task) => task.leadDepartments))];
  const owners = names.map((name) => {
    const match = lookup.get(canon(name));
    return { name, departmentId: match?.id ?? null, departmentName: match?.name ?? null };
  });
  const existing = findExisting(core, source.contentHash, parse.title, parse.docNumber);
  const draft = draftOfParse(parse);
  const localEdits = existing ? localEditsOf(core, { planId: existing.planId, draft, parsed: draft, source, owners: new Map(), lookup }) : [];
  return { parse, source, owners, existing, localEdits };
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

export const importHandlers: HandlerMap<'imports.cancelParse' | 'imports.parse' | 'imports.diff' | 'imports.save'> = {
  'imports.cancelParse': () => ({ cancelled: cancelParses() }),
  'imports.parse': ({ core, progress }, args) => previewImport(core, args, progress),

  'imports.diff': ({ core }, args) => {
    assertDraftConsistent(args.draft);
    return diffRevision(core, args.planId, args.draft, departmentLookup(core));
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
    // The same document saved again as "new" lands on the plan it already made (ids derive from
    // its content): update it with the three-way merge, so a clerk's corrections are never undone.
    const fresh = args.planId === null && !core.db.prepare('SELECT 1 FROM plans WHERE id = ? AND deleted = 0').get(planId);
    let created: string[] = [];
    core.mutations.run((writer) => {
      const resolved = resolveOwners(core, writer, args.draft, args.owners);
      created = resolved.created;
      // Looked up after resolving, so departments created just now count.
      const input = { planId, draft: args.draft, parsed: args.parsed ?? args.draft, source: args.source, owners: resolved.ids, lookup: departmentLookup(core) };
      if (args.planId && args.acceptedChanges !== null) applyRevision(core, writer, input, new Set(args.acceptedChanges));
      else writeWholePlan(core, writer, input, fresh);
      core.db
        .prepare('INSERT INTO import_history (id, kind, file_name, sha256, target_id, imported_at, actor, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(newId(), 'plan', args.source.fileName, args.source.sha256, planId, new Date().toISOString(), core.author().actor, JSON.stringify({ tasks: args.draft.tasks.length, targets: args.draft.targets.length, installation: identity.installationId }));
    });
    progress('正在保存计划', 2, 2);
    discardReviewDraft(core, args.source.sha256);
    return { planId, tasks: args.draft.tasks.length, targets: args.draft.targets.length, createdDepartments: created, updated: !fresh };
  },
};
