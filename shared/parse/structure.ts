import { ownerAsides } from './brackets';
import type { Paragraph } from './normalize';
import { matchNumbering, STYLE_RANK, type Numbered, type NumberStyle } from './numbering';

export interface SectionNode {
  key: string;
  label: string;
  title: string;
  parentKey: string | null;
  style: NumberStyle;
  /** No tasks are taken from sections about goals, principles or safeguards. */
  role: 'tasks' | 'goals' | 'projects' | 'other';
}

export interface TaskNode {
  key: string;
  number: string;
  label: string;
  sectionKey: string | null;
  group: string | null;
  /** Paragraph indexes of the task's text, in order. */
  paragraphs: number[];
}

export interface GoalParagraph {
  paragraph: number;
  year: number | null;
  /** Where the goals start inside the paragraph ("……。全年主要目标：…"). */
  from: number;
}

export interface Structure {
  sections: SectionNode[];
  tasks: TaskNode[];
  goals: GoalParagraph[];
}

const GOAL_TITLE = /(目标|指标)/;
const PROJECT_TITLE = /(重点工程|重点项目|重大工程|重大项目|重点工作及项目)/;
const NON_TASK_TITLE = /(组织实施|保障措施|组织保障|工作要求|实施保障|保障机制|指导思想|基本原则|总体要求|发展基础|面临形势|总体思路|工作原则|发展环境|形势分析|现状)/;
const TERMINATOR = /^(附件|附表|抄送|主送)[：:\d一二三四五六七八九十]/;
const GOAL_LEAD = /^(到|至)(20\d\d)年/;
const INLINE_GOALS = /(主要目标|发展目标|工作目标|总体目标|具体目标|预期目标|年度目标)[：:，,]|(?<![截年])(?:力争)?(?:到|至)20\d\d年(?:底|末)?[，,]/;
const GOAL_START = /^(——)?(发展目标|主要目标|工作目标|总体目标|具体目标)/;

/** A numbered paragraph is "work" when it says more than a heading: a full sentence or an owner clause. */
function carriesWork(item: Numbered): boolean {
  return /。.+/.test(item.rest) || item.rest.length >= 40 || ownerAsides(item.rest).length > 0;
}

/**
 * Which numbering style marks tasks: the outermost style (below parts) whose items carry work
 * in at least three places; deeper items are sub-points inside a task.
 */
export function taskStyle(items: Numbered[]): NumberStyle | null {
  const candidates: NumberStyle[] = ['cn', 'paren-cn', 'arabic', 'paren-arabic', 'circled'];
  const counts = new Map<NumberStyle, { work: number; total: number }>();
  for (const item of items) {
    const entry = counts.get(item.style) ?? { work: 0, total: 0 };
    entry.total++;
    if (carriesWork(item)) entry.work++;
    counts.set(item.style, entry);
  }
  // Prefer arabic items: Chinese documents number tasks 1. 2. under 一、（一） headings.
  const ordered: NumberStyle[] = ['arabic', 'paren-cn', 'cn', 'paren-arabic', 'circled'];
  for (const style of ordered) {
    const entry = counts.get(style);
    if (entry && entry.work >= 3 && entry.work >= entry.total * 0.4) return style;
  }
  return candidates.find((style) => (counts.get(style)?.work ?? 0) > 0) ?? null;
}

function sectionRole(title: string, parent: SectionNode | undefined): SectionNode['role'] {
  if (NON_TASK_TITLE.test(title)) return 'other';
  if (PROJECT_TITLE.test(title)) return 'projects';
  if (GOAL_TITLE.test(title) && !/任务/.test(title)) return 'goals';
  if (parent && parent.role !== 'tasks') return parent.role === 'projects' ? 'projects' : parent.role;
  return 'tasks';
}

function headingTitle(item: Numbered, paragraph: string, next: Paragraph | undefined): string {
  // "第一部分" often stands alone with its title on the next line.
  if (item.style === 'part' && item.rest === '' && next && !matchNumbering(next.text)) return next.text;
  return item.rest.replace(/[。：:]$/, '');
}

/**
 * Sections and tasks from numbered paragraphs. Headings above the task style open sections;
 * each item of the task style opens a task that runs until the next item of its style or
 * above; unnumbered paragraphs and deeper items belong to the open task.
 */
export function parseStructure(paragraphs: readonly Paragraph[], skip: (index: number) => boolean): Structure {
  const numbered = paragraphs.map((p, index) => (skip(index) ? null : matchNumbering(p.text)));
  const style = taskStyle(numbered.filter((n): n is Numbered => n !== null));
  const taskRank = style ? STYLE_RANK[style] : Number.POSITIVE_INFINITY;
  const sections: SectionNode[] = [];
  const tasks: TaskNode[] = [];
  const goals: GoalParagraph[] = [];
  const stack: SectionNode[] = [];
  let task: TaskNode | null = null;
  let projectGroup: string | null = null;
  let goalYear: number | null = null;
  let goalMode = false;
  let consumedTitle = -1;

  const inRole = () => stack.at(-1)?.role ?? 'tasks';
  for (let i = 0; i < paragraphs.length; i++) {
    if (skip(i) || i === consumedTitle) continue;
    const paragraph = paragraphs[i]!;
    const item = numbered[i];
    if (TERMINATOR.test(paragraph.text)) {
      task = null;
      continue;
    }
    const rank = item ? STYLE_RANK[item.style] : Number.POSITIVE_INFINITY;
    const role = inRole();
    const projectItem = item && role === 'projects' && rank < taskRank && (stack.at(-1)?.role !== 'projects' || rank > STYLE_RANK[stack.at(-1)!.style]);
    if (item && rank < taskRank && !projectItem) {
      while (stack.length > 0 && STYLE_RANK[stack.at(-1)!.style] >= rank) stack.pop();
      const title = headingTitle(item, paragraph.text, paragraphs[i + 1]);
      if (item.style === 'part' && item.rest === '' && title) consumedTitle = i + 1;
      const parent = stack.at(-1);
      const section: SectionNode = {
        key: `s${sections.length + 1}`,
        label: item.label,
        title,
        parentKey: parent?.key ?? null,
        style: item.style,
        role: sectionRole(title, parent),
      };
      sections.push(section);
      stack.push(section);
      task = null;
      projectGroup = section.role === 'projects' ? '重点工程' : null;
      goalYear = null;
      goalMode = false;
      // A heading with its first sentence on the same line ("（一）强化组织领导。坚持…") may hold goals.
      if (section.role === 'goals') goals.push({ paragraph: i, year: yearOfGoal(paragraph.text), from: 0 });
      continue;
    }
    if (item && (rank === taskRank || projectItem) && (role === 'tasks' || role === 'projects')) {
      task = {
        key: `t${tasks.length + 1}`,
        number: item.number,
        label: item.label,
        sectionKey: stack.at(-1)?.key ?? null,
        group: projectItem ? projectGroup : null,
        paragraphs: [i],
      };
      tasks.push(task);
      continue;
    }
    if (task) {
      task.paragraphs.push(i);
      continue;
    }
    // Prose outside tasks: goal paragraphs ("到2027年，…", "——发展目标。…" and what follows it,
    // or anything under a 目标 heading) carry targets.
    const lead = GOAL_LEAD.exec(paragraph.text);
    const startsGoals = lead !== null || GOAL_START.test(paragraph.text);
    if (startsGoals) {
      goalMode = true;
      goalYear = yearOfGoal(paragraph.text) ?? goalYear;
    } else if (/^——/.test(paragraph.text)) {
      goalMode = false;
    }
    if (role === 'goals' || goalMode) {
      goals.push({ paragraph: i, year: yearOfGoal(paragraph.text) ?? goalYear, from: 0 });
      continue;
    }
    const inline = INLINE_GOALS.exec(paragraph.text);
    if (inline) goals.push({ paragraph: i, year: yearOfGoal(paragraph.text.slice(inline.index)), from: inline.index });
  }
  return { sections: pruneEmptySections(sections, tasks), tasks, goals };
}

function yearOfGoal(text: string): number | null {
  const match = /(?:到|至)(20\d\d)年/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Keep only sections that contain tasks, directly or below. */
function pruneEmptySections(sections: SectionNode[], tasks: TaskNode[]): SectionNode[] {
  const used = new Set<string>();
  const byKey = new Map(sections.map((s) => [s.key, s]));
  for (const task of tasks) {
    let key = task.sectionKey;
    while (key && !used.has(key)) {
      used.add(key);
      key = byKey.get(key)?.parentKey ?? null;
    }
  }
  return sections.filter((s) => used.has(s.key));
}
