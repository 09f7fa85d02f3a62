import { normalizeWidth } from './width';

/** The task fields a document sets and a clerk may correct afterwards. */
export type TaskField = 'title' | 'text' | 'deadline' | 'leads' | 'units' | 'section';

export const taskFieldLabels: Record<TaskField, string> = {
  title: '任务名称',
  text: '任务内容',
  deadline: '完成时限',
  leads: '牵头科室',
  units: '责任单位',
  section: '所属章节',
};

/** A task as stored, reduced to what a revision can change. */
export interface ExistingTask {
  id: string;
  number: string;
  title: string;
  text: string;
  sectionTitle: string | null;
  leadKeys: string[];
  deadline?: string | null;
  units?: string[];
  /** The title the previous import parsed, when the clerk has renamed the task since. */
  baseTitle?: string | null;
  /** Fields the clerk changed after the previous import: a re-import keeps them. */
  edited?: ReadonlySet<TaskField>;
}

/** A task of the revised document, with owners resolved to the same keys as ExistingTask.leadKeys. */
export interface RevisedTask {
  key: string;
  number: string;
  title: string;
  text: string;
  sectionTitle: string | null;
  leadKeys: string[];
  deadline?: string | null;
  units?: string[];
}

export type ChangeKind = 'added' | 'removed' | 'reworded' | 'owners' | 'moved';

export interface TaskChange {
  id: string;
  kind: ChangeKind;
  taskId: string | null;
  draftKey: string | null;
  number: string;
  before: string | null;
  after: string | null;
  /** Labels of the fields this change would set but the clerk changed locally: they are kept (本机已修改，保留). */
  kept: string[];
}

export interface TaskPairing {
  pairs: { existing: ExistingTask; revised: RevisedTask }[];
  removed: ExistingTask[];
  added: RevisedTask[];
}

const canon = (text: string) => normalizeWidth(text).replace(/[\s，。；、：“”"（）()]/g, '');

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) grams.set(text.slice(i, i + 2), (grams.get(text.slice(i, i + 2)) ?? 0) + 1);
  return grams;
}

/** Dice similarity of character bigrams: robust to small rewordings of Chinese titles. */
export function similarity(a: string, b: string): number {
  const x = canon(a);
  const y = canon(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [gram, count] of gx) shared += Math.min(count, gy.get(gram) ?? 0);
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

/**
 * Pair the tasks of a stored plan with those of its revised document: identical titles first,
 * then the same number in the same section with a similar title, then the most similar title.
 * Records are matched to carry progress forward, so an unsure match is left unpaired.
 */
export function pairTasks(existing: ExistingTask[], revised: RevisedTask[]): TaskPairing {
  const pairs: TaskPairing['pairs'] = [];
  const freeExisting = new Set(existing);
  const freeRevised = new Set(revised);
  const take = (e: ExistingTask, r: RevisedTask) => {
    pairs.push({ existing: e, revised: r });
    freeExisting.delete(e);
    freeRevised.delete(r);
  };
  for (const r of revised) {
    const same = [...freeExisting].find((e) => canon(e.title) === canon(r.title)) ?? [...freeExisting].find((e) => e.baseTitle != null && canon(e.baseTitle) === canon(r.title));
    if (same) take(same, r);
  }
  for (const r of [...freeRevised]) {
    const candidate = [...freeExisting].find((e) => e.number === r.number && e.sectionTitle === r.sectionTitle && similarity(e.title, r.title) >= 0.4);
    if (candidate) take(candidate, r);
  }
  for (const r of [...freeRevised]) {
    let best: ExistingTask | null = null;
    let bestScore = 0.6;
    for (const e of freeExisting) {
      const score = Math.max(similarity(e.title, r.title), similarity(e.baseTitle ?? '', r.title), similarity(e.text, r.text));
      if (score > bestScore) [best, bestScore] = [e, score];
    }
    if (best) take(best, r);
  }
  return { pairs, removed: [...freeExisting], added: [...freeRevised] };
}

const sameList = (a: readonly string[], b: readonly string[]) => [...a].sort().join('|') === [...b].sort().join('|');

/** Which fields of a stored task the revised one would change (deadline and units only where both sides know them). */
export function changedFields(e: ExistingTask, r: RevisedTask): Set<TaskField> {
  const changed = new Set<TaskField>();
  if (canon(e.title) !== canon(r.title)) changed.add('title');
  if (canon(e.text) !== canon(r.text)) changed.add('text');
  if (e.deadline !== undefined && r.deadline !== undefined && (e.deadline ?? '') !== (r.deadline ?? '')) changed.add('deadline');
  if (!sameList(e.leadKeys, r.leadKeys)) changed.add('leads');
  if (e.units !== undefined && r.units !== undefined && !sameList(e.units, r.units)) changed.add('units');
  if ((e.sectionTitle ?? '') !== (r.sectionTitle ?? '')) changed.add('section');
  return changed;
}

/** The changed fields of a group that the clerk edited locally, as labels. */
function keptOf(e: ExistingTask, changed: Set<TaskField>, group: readonly TaskField[]): string[] {
  return group.filter((f) => changed.has(f) && e.edited?.has(f)).map((f) => taskFieldLabels[f]);
}

/** The changes a revised document makes, one per thing the clerk can accept or reject. */
export function diffPlans(existing: ExistingTask[], revised: RevisedTask[]): TaskChange[] {
  const { pairs, removed, added } = pairTasks(existing, revised);
  const changes: TaskChange[] = [];
  for (const { existing: e, revised: r } of pairs) {
    const changed = changedFields(e, r);
    if (changed.has('title') || changed.has('text') || changed.has('deadline')) {
      const kept = keptOf(e, changed, ['title', 'text', 'deadline']);
      changes.push({ id: `reworded:${e.id}`, kind: 'reworded', taskId: e.id, draftKey: r.key, number: r.number, before: `${e.title}\n${e.text}`, after: `${r.title}\n${r.text}`, kept });
    }
    if (changed.has('leads') || changed.has('units')) {
      const kept = keptOf(e, changed, ['leads', 'units']);
      changes.push({ id: `owners:${e.id}`, kind: 'owners', taskId: e.id, draftKey: r.key, number: r.number, before: e.leadKeys.join('、'), after: r.leadKeys.join('、'), kept });
    }
    if (changed.has('section')) {
      changes.push({ id: `moved:${e.id}`, kind: 'moved', taskId: e.id, draftKey: r.key, number: r.number, before: e.sectionTitle, after: r.sectionTitle, kept: keptOf(e, changed, ['section']) });
    }
  }
  for (const e of removed) changes.push({ id: `removed:${e.id}`, kind: 'removed', taskId: e.id, draftKey: null, number: e.number, before: e.title, after: null, kept: [] });
  for (const r of added) changes.push({ id: `added:${r.key}`, kind: 'added', taskId: null, draftKey: r.key, number: r.number, before: null, after: r.title, kept: [] });
  return changes;
}
