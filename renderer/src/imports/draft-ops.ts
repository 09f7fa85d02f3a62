import { targetUid } from './build-draft';
import type { DraftTarget, DraftTask, ReviewDraft } from './types';

/** Pure edits of the review draft; each returns a new draft and leaves untouched parts shared. */

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function updateTask(draft: ReviewDraft, key: string, patch: Partial<DraftTask>): ReviewDraft {
  return { ...draft, tasks: draft.tasks.map((t) => (t.key === key ? { ...t, ...patch } : t)) };
}

/** Remove a task and the targets (and past progress) that belong to it. */
export function removeTask(draft: ReviewDraft, key: string): ReviewDraft {
  return {
    ...draft,
    tasks: draft.tasks.filter((t) => t.key !== key),
    targets: draft.targets.filter((t) => t.taskKey !== key),
    progress: draft.progress.filter((p) => p.taskKey !== key),
  };
}

/** A key no task uses yet: `t12-b`, `t12-c`, … for pieces of t12; `n1`, `n2`, … for new tasks. */
export function freshKey(draft: ReviewDraft, base: string | null): string {
  const used = new Set(draft.tasks.map((t) => t.key));
  if (base === null) {
    for (let n = 1; ; n++) if (!used.has(`n${n}`)) return `n${n}`;
  }
  const root = base.replace(/-[b-z]$/, '');
  for (let code = 'b'.charCodeAt(0); code <= 'z'.charCodeAt(0); code++) {
    const key = `${root}-${String.fromCharCode(code)}`;
    if (!used.has(key)) return key;
  }
  for (let n = 2; ; n++) if (!used.has(`${root}-${n}`)) return `${root}-${n}`;
}

/** Index after the last task of a section (or at the end when the section has none yet). */
function endOfSection(tasks: readonly DraftTask[], sectionKey: string | null): number {
  for (let i = tasks.length - 1; i >= 0; i--) if (tasks[i]!.sectionKey === sectionKey) return i + 1;
  return tasks.length;
}

/** A new empty task at the end of a section; returns its key too. */
export function addTask(draft: ReviewDraft, sectionKey: string | null): { draft: ReviewDraft; key: string } {
  const key = freshKey(draft, null);
  const task: DraftTask = { key, number: '', sectionKey, title: '', text: '', leadDepartments: [], responsibleUnits: [], group: null, deadline: null };
  const tasks = [...draft.tasks];
  tasks.splice(endOfSection(tasks, sectionKey), 0, task);
  return { draft: { ...draft, tasks }, key };
}

/** Move a task to the end of another section. */
export function moveTask(draft: ReviewDraft, key: string, sectionKey: string | null): ReviewDraft {
  const task = draft.tasks.find((t) => t.key === key);
  if (!task || task.sectionKey === sectionKey) return draft;
  const rest = draft.tasks.filter((t) => t.key !== key);
  rest.splice(endOfSection(rest, sectionKey), 0, { ...task, sectionKey });
  return { ...draft, tasks: rest };
}

/** The task before this one, which “并入上一项” merges into. */
export function previousTask(draft: ReviewDraft, key: string): DraftTask | null {
  const index = draft.tasks.findIndex((t) => t.key === key);
  return index > 0 ? draft.tasks[index - 1]! : null;
}

/** Merge a task into the one before it: texts joined, owners united, targets moved. */
export function mergeIntoPrevious(draft: ReviewDraft, key: string): ReviewDraft {
  const task = draft.tasks.find((t) => t.key === key);
  const previous = previousTask(draft, key);
  if (!task || !previous) return draft;
  const merged: DraftTask = {
    ...previous,
    title: previous.title || task.title,
    text: [previous.text, task.text].filter((t) => t.trim() !== '').join('\n'),
    leadDepartments: union(previous.leadDepartments, task.leadDepartments),
    responsibleUnits: union(previous.responsibleUnits, task.responsibleUnits),
    group: previous.group ?? task.group,
    deadline: previous.deadline ?? task.deadline,
  };
  return {
    ...draft,
    tasks: draft.tasks.filter((t) => t.key !== key).map((t) => (t.key === previous.key ? merged : t)),
    targets: draft.targets.map((t) => (t.taskKey === key ? { ...t, taskKey: previous.key } : t)),
    // Two progress texts for one quarter cannot both stay: the earlier task's wins.
    progress: draft.progress.flatMap((p) => {
      if (p.taskKey !== key) return [p];
      return draft.progress.some((q) => q.taskKey === previous.key && q.period === p.period) ? [] : [{ ...p, taskKey: previous.key }];
    }),
  };
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Sentences of a task text, ending at 。；！？ or a line break, with their offsets. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const pattern = /[^。；！？!?\n]+[。；！？!?]*|\n+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].trim() === '') continue;
    out.push({ start: match.index, end: match.index + match[0].length, text: match[0].trim() });
  }
  return out;
}

/** A task name from the start of a text: the first sentence, without numbering or owner clauses. */
export function titleFromText(text: string): string {
  const first = text.trim().split(/[。；\n]/)[0] ?? '';
  const title = first
    .replace(/^[（(]?[0-9０-９一二三四五六七八九十]+[)）.、．]\s*/, '')
    .replace(/（[^（）]*(牵头|责任|负责|配合)[^（）]*）/g, '')
    .replace(/[，：:、]$/, '')
    .trim();
  return title.length > 60 ? `${title.slice(0, 60)}…` : title;
}

/**
 * Split a task at an offset in its text: the task keeps what is before it, a new task right after
 * it gets the rest, with the same section and owners, and the targets whose phrase is in the rest.
 */
export function splitTask(draft: ReviewDraft, key: string, offset: number): { draft: ReviewDraft; key: string | null } {
  const index = draft.tasks.findIndex((t) => t.key === key);
  const task = draft.tasks[index];
  if (!task) return { draft, key: null };
  const head = task.text.slice(0, offset).trimEnd();
  const rest = task.text.slice(offset).trim();
  if (head.trim() === '' || rest === '') return { draft, key: null };
  const newKey = freshKey(draft, key);
  const piece: DraftTask = { ...task, key: newKey, number: '', title: titleFromText(rest) || task.title, text: rest, leadDepartments: [...task.leadDepartments], responsibleUnits: [...task.responsibleUnits] };
  const tasks = [...draft.tasks];
  tasks.splice(index, 1, { ...task, text: head }, piece);
  const movesToRest = (t: DraftTarget) => t.taskKey === key && t.phrase !== '' && !head.includes(t.phrase) && rest.includes(t.phrase);
  return { draft: { ...draft, tasks, targets: draft.targets.map((t) => (movesToRest(t) ? { ...t, taskKey: newKey } : t)) }, key: newKey };
}

export function addTarget(draft: ReviewDraft, taskKey: string | null): ReviewDraft {
  const target: DraftTarget = {
    uid: targetUid(),
    taskKey,
    metric: '',
    comparator: '>=',
    value: 0,
    valueMax: null,
    unit: '%',
    valueKind: 'proportion',
    attribute: null,
    baseline: null,
    targetYear: draft.yearTo,
    phrase: '',
  };
  return { ...draft, targets: [...draft.targets, target] };
}

export function updateTarget(draft: ReviewDraft, uid: string, patch: Partial<Omit<DraftTarget, 'uid'>>): ReviewDraft {
  return { ...draft, targets: draft.targets.map((t) => (t.uid === uid ? { ...t, ...patch } : t)) };
}

export function removeTarget(draft: ReviewDraft, uid: string): ReviewDraft {
  return { ...draft, targets: draft.targets.filter((t) => t.uid !== uid) };
}

export function updateSection(draft: ReviewDraft, key: string, patch: { label?: string; title?: string }): ReviewDraft {
  return { ...draft, sections: draft.sections.map((s) => (s.key === key ? { ...s, ...patch } : s)) };
}

/** Targets grouped by task key; targets of no (existing) task under null. */
export function targetsByTask(draft: ReviewDraft): Map<string | null, DraftTarget[]> {
  const keys = new Set(draft.tasks.map((t) => t.key));
  const groups = new Map<string | null, DraftTarget[]>();
  for (const target of draft.targets) {
    const key = target.taskKey !== null && keys.has(target.taskKey) ? target.taskKey : null;
    const list = groups.get(key) ?? [];
    list.push(target);
    groups.set(key, list);
  }
  return groups;
}

/** 牵头科室 for several tasks at once: replace theirs, or add to them (a name is never listed twice). */
export function setLeads(draft: ReviewDraft, keys: readonly string[], names: readonly string[], mode: 'replace' | 'add'): ReviewDraft {
  const chosen = new Set(keys);
  return {
    ...draft,
    tasks: draft.tasks.map((t) => (chosen.has(t.key) ? { ...t, leadDepartments: mode === 'replace' ? [...new Set(names)] : union(t.leadDepartments, names) } : t)),
  };
}
