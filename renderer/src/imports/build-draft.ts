import type { ParsedDraft } from '../../../shared/api/imports';
import type { DraftProgress, DraftTarget, ParseResult, PlanDraft, ReviewDraft } from './types';
import { planYears } from './years';

let nextUid = 1;
export function targetUid(): string {
  return `g${nextUid++}`;
}

/** The editable plan from what the parser found: no due dates, no text offsets. */
export function buildDraft(parse: ParseResult): ReviewDraft {
  const years = planYears(parse.title, parse.issuedOn);
  return {
    title: parse.title ?? '',
    kind: parse.kind,
    docNumber: parse.docNumber,
    issuer: parse.issuer,
    issuedOn: parse.issuedOn,
    yearFrom: years.yearFrom,
    yearTo: years.yearTo,
    sections: parse.sections.map(({ key, label, title, parentKey }) => ({ key, label, title, parentKey })),
    tasks: parse.tasks.map(({ key, number, sectionKey, title, text, leadDepartments, responsibleUnits, group, deadline }) => ({
      key,
      number,
      sectionKey,
      title,
      text,
      leadDepartments: [...leadDepartments],
      responsibleUnits: [...responsibleUnits],
      group,
      deadline,
    })),
    targets: parse.targets.map(
      ({ taskKey, metric, comparator, value, valueMax, unit, valueKind, attribute, baseline, targetYear, phrase }): DraftTarget => ({
        uid: targetUid(),
        taskKey,
        metric,
        comparator,
        value,
        valueMax,
        unit,
        valueKind,
        attribute,
        baseline,
        targetYear,
        phrase,
      }),
    ),
    // Only entries whose quarter is known can be saved (the core needs 2025-Q1 and the like).
    progress: (parse.progressHistory ?? []).flatMap((p): DraftProgress[] => (p.period && /^\d{4}-Q[1-4]$/.test(p.period) ? [{ taskKey: p.taskKey, period: p.period, text: p.text }] : [])),
  };
}

/** What imports.diff and imports.save receive. */
export function toPlanDraft(draft: ReviewDraft): PlanDraft {
  return {
    ...draft,
    sections: draft.sections.map((s) => ({ ...s })),
    tasks: draft.tasks.map((t) => ({ ...t, leadDepartments: [...t.leadDepartments], responsibleUnits: [...t.responsibleUnits] })),
    targets: draft.targets.map(({ uid: _uid, ...target }) => ({ ...target, valueMax: target.comparator === 'between' ? target.valueMax : null })),
    progress: draft.progress.map((p) => ({ ...p })),
  };
}

/** The parse as the core remembers it for the next re-import (what the clerk corrects here is then kept). */
export function parsedDraftOf(parse: ParseResult): ParsedDraft {
  return {
    sections: parse.sections.map(({ key, label, title, parentKey }) => ({ key, label, title, parentKey })),
    tasks: parse.tasks.map(({ due: _due, ...task }) => task),
    targets: parse.targets.map(({ start: _start, end: _end, ...target }) => target),
  };
}
