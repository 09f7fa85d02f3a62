import type { Section, Task } from '../../../shared/api/plans';
import type { DirectoryEntry } from '../../../shared/api/directory';

export interface SectionNode {
  readonly section: Section;
  readonly depth: number;
}

const bySortOrder = <T extends { sortOrder: number }>(a: T, b: T) => a.sortOrder - b.sortOrder;

/** Sections in reading order (depth first); a section whose parent is gone counts as top level. */
export function orderedSections(sections: readonly Section[]): SectionNode[] {
  const ids = new Set(sections.map((s) => s.id));
  const children = new Map<string | null, Section[]>();
  for (const section of sections) {
    const parent = section.parentId && ids.has(section.parentId) && section.parentId !== section.id ? section.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(section);
    children.set(parent, list);
  }
  const out: SectionNode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const section of [...(children.get(parent) ?? [])].sort(bySortOrder)) {
      if (seen.has(section.id)) continue;
      seen.add(section.id);
      out.push({ section, depth });
      walk(section.id, depth + 1);
    }
  };
  walk(null, 0);
  // Sections caught in a parent cycle are still shown, at the top level.
  for (const section of sections) if (!seen.has(section.id)) out.push({ section, depth: 0 });
  return out;
}

/** The section and everything under it: a section cannot move under its own descendant. */
export function sectionWithDescendants(sections: readonly Section[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const section of sections) {
      if (section.parentId && result.has(section.parentId) && !result.has(section.id)) {
        result.add(section.id);
        grew = true;
      }
    }
  }
  return result;
}

/** Tasks grouped by section id (null: not in any existing section), each group in order. */
export function tasksBySection(tasks: readonly Task[], sections: readonly Section[]): Map<string | null, Task[]> {
  const ids = new Set(sections.map((s) => s.id));
  const groups = new Map<string | null, Task[]>();
  for (const task of [...tasks].sort(bySortOrder)) {
    const key = task.sectionId && ids.has(task.sectionId) ? task.sectionId : null;
    const list = groups.get(key) ?? [];
    list.push(task);
    groups.set(key, list);
  }
  return groups;
}

export const DELETED_DEPARTMENT = '已删除的科室';

export function departmentNames(ids: readonly string[], departments: readonly DirectoryEntry[] | null): string[] {
  const names = new Map((departments ?? []).map((d) => [d.id, d.name]));
  return ids.map((id) => names.get(id) ?? DELETED_DEPARTMENT);
}

export function sectionLabel(section: Section): string {
  return [section.label, section.title].filter(Boolean).join(' ');
}

/** The number after the largest plain number used so far, as a suggestion for 序号. */
export function nextTaskNumber(tasks: readonly Task[]): string {
  let max = 0;
  for (const task of tasks) {
    const n = Number(task.number.trim());
    if (Number.isInteger(n) && n > max) max = n;
  }
  return String(max + 1);
}
