import fs from 'node:fs';
import path from 'node:path';
import type { Comparator, ParseResult } from '../../shared/parse/types';
import { normalizeWidth } from '../../shared/parse/width';

export interface LabelTask {
  ref: string;
  number: string;
  section: string | null;
  title: string;
  leadDepartments: string[];
  responsibleUnits: string[];
  group: string | null;
  deadline: string | null;
}

export interface LabelTarget {
  task: string | null;
  metric: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  targetYear: number | null;
}

export interface Label {
  file: string;
  source: string;
  sourceDir: 'samples' | 'fixtures';
  alsoFrom: string[];
  title: string | null;
  kind: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  sections: { ref: string; label: string; title: string; parent: string | null }[];
  tasks: LabelTask[];
  targets: LabelTarget[];
}

export const LABEL_DIR = path.resolve('test/fixtures/labels');
export const SAMPLES_DIR = path.resolve('..', 'shared', 'samples');
export const FIXTURES_DIR = path.resolve('test/fixtures/documents');

export function loadLabels(): Label[] {
  return fs
    .readdirSync(LABEL_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(fs.readFileSync(path.join(LABEL_DIR, file), 'utf8')) as Omit<Label, 'file'>) }));
}

export function sourcePath(label: Label, name: string): string {
  return path.join(label.sourceDir === 'samples' ? SAMPLES_DIR : FIXTURES_DIR, name);
}

/** The README's comparison rule: no whitespace, ASCII digits and letters. */
export const canon = (text: string | null | undefined) => (text == null ? null : normalizeWidth(text).replace(/\s+/g, ''));

export interface TaskMismatch {
  ref: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface Score {
  tasksExpected: number;
  tasksFound: number;
  taskMismatches: TaskMismatch[];
  targetsExpected: number;
  targetsFound: number;
  targetsMatched: number;
  precision: number;
  recall: number;
  missedTargets: LabelTarget[];
  extraTargets: { task: string | null; comparator: string; value: number; valueMax: number | null; unit: string; phrase: string }[];
}

/** Compare a parse with its label: tasks in order, owners exactly, targets by task, comparator, value and unit. */
export function score(label: Label, result: ParseResult): Score {
  const taskMismatches: TaskMismatch[] = [];
  const refByKey = new Map<string, string>();
  const sectionRefByKey = new Map<string, string>();
  // Sections are matched by label and title in order.
  for (const section of result.sections) {
    const match = label.sections.find((s) => canon(s.label) === canon(section.label) && canon(s.title) === canon(section.title) && ![...sectionRefByKey.values()].includes(s.ref));
    if (match) sectionRefByKey.set(section.key, match.ref);
  }
  const count = Math.max(label.tasks.length, result.tasks.length);
  for (let i = 0; i < count; i++) {
    const expected = label.tasks[i];
    const actual = result.tasks[i];
    if (!expected || !actual) {
      taskMismatches.push({ ref: expected?.ref ?? `(extra ${i + 1})`, field: 'task', expected: expected?.title ?? null, actual: actual?.title ?? null });
      continue;
    }
    refByKey.set(actual.key, expected.ref);
    const compare = (field: string, e: unknown, a: unknown) => {
      if (JSON.stringify(e) !== JSON.stringify(a)) taskMismatches.push({ ref: expected.ref, field, expected: e, actual: a });
    };
    compare('number', canon(expected.number), canon(actual.number));
    compare('title', canon(expected.title), canon(actual.title));
    compare('section', expected.section, actual.sectionKey ? (sectionRefByKey.get(actual.sectionKey) ?? `(${actual.sectionKey})`) : null);
    compare('leadDepartments', expected.leadDepartments.map(canon), actual.leadDepartments.map(canon));
    compare('responsibleUnits', expected.responsibleUnits.map(canon), actual.responsibleUnits.map(canon));
    compare('group', canon(expected.group), canon(actual.group));
    compare('deadline', canon(expected.deadline), canon(actual.deadline));
  }
  const remaining = [...label.targets];
  let matched = 0;
  const extraTargets: Score['extraTargets'] = [];
  for (const target of result.targets) {
    const task = target.taskKey ? (refByKey.get(target.taskKey) ?? null) : null;
    const index = remaining.findIndex(
      (t) => t.task === task && t.comparator === target.comparator && Math.abs(t.value - target.value) < 1e-9 && (t.valueMax ?? null) === (target.valueMax ?? null) && canon(t.unit) === canon(target.unit),
    );
    if (index >= 0) {
      remaining.splice(index, 1);
      matched++;
    } else {
      extraTargets.push({ task, comparator: target.comparator, value: target.value, valueMax: target.valueMax, unit: target.unit, phrase: target.phrase });
    }
  }
  return {
    tasksExpected: label.tasks.length,
    tasksFound: result.tasks.length,
    taskMismatches,
    targetsExpected: label.targets.length,
    targetsFound: result.targets.length,
    targetsMatched: matched,
    precision: result.targets.length === 0 ? (label.targets.length === 0 ? 1 : 0) : matched / result.targets.length,
    recall: label.targets.length === 0 ? 1 : matched / label.targets.length,
    missedTargets: remaining,
    extraTargets,
  };
}
