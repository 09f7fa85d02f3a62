import type { DraftSection, DraftTask } from './types';

export interface DraftSectionNode {
  readonly section: DraftSection;
  readonly depth: number;
}

/** Sections in document order with their depth; a section whose parent is unknown is top level. */
export function sectionTree(sections: readonly DraftSection[]): DraftSectionNode[] {
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const depthOf = (section: DraftSection): number => {
    let depth = 0;
    const seen = new Set([section.key]);
    for (let parent = section.parentKey; parent && byKey.has(parent) && !seen.has(parent); parent = byKey.get(parent)!.parentKey) {
      seen.add(parent);
      depth++;
    }
    return depth;
  };
  return sections.map((section) => ({ section, depth: depthOf(section) }));
}

/** Tasks grouped by section key (null: no known section), each group in draft order. */
export function tasksBySection(tasks: readonly DraftTask[], sections: readonly DraftSection[]): Map<string | null, DraftTask[]> {
  const keys = new Set(sections.map((s) => s.key));
  const groups = new Map<string | null, DraftTask[]>();
  for (const task of tasks) {
    const key = task.sectionKey !== null && keys.has(task.sectionKey) ? task.sectionKey : null;
    const list = groups.get(key) ?? [];
    list.push(task);
    groups.set(key, list);
  }
  return groups;
}

export function draftSectionLabel(section: DraftSection): string {
  return [section.label, section.title].filter(Boolean).join(' ') || '（未命名章节）';
}
