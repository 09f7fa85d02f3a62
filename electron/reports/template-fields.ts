import type { ReportIndicator, ReportModel, ReportTask, TemplateField } from '../../shared/api/reports';
import { templateFieldLabels } from '../../shared/api/reports';
import { joinEntries, statusText } from '../../shared/reports/columns';
import { lightLabels } from '../../shared/domain/progress-status';
import { AppError } from '../core/app-error';

/*
 * What each of our fields writes into a superior's form, and which fields belong to a task row,
 * an indicator row, or either (序号, 所属计划, 牵头科室, 灯色 make sense for both).
 */

export type TemplateRows = 'tasks' | 'indicators';
export type TemplateMapping = readonly { readonly column: number; readonly field: TemplateField }[];

const SHARED_FIELDS: ReadonlySet<TemplateField> = new Set(['number', 'plan', 'departments', 'light']);
const INDICATOR_FIELDS: ReadonlySet<TemplateField> = new Set([
  'indicatorName',
  'indicatorUnit',
  'indicatorBaseline',
  'indicatorTarget',
  'indicatorValue',
  'indicatorCompletion',
  'indicatorMet',
]);

/** Short labels a form may well repeat (序号 twice, 牵头科室 and 责任科室); a narrative twice is a slip. */
const REPEATABLE_FIELDS: ReadonlySet<TemplateField> = new Set(['number', 'section', 'plan', 'departments', 'units']);

/** Long text: wrapped and left-aligned whatever the form's sample row says. */
export const NARRATIVE_FIELDS: ReadonlySet<TemplateField> = new Set(['title', 'progress', 'problems', 'nextSteps', 'indicatorCompletion', 'indicatorName']);

export function fieldRows(field: TemplateField): TemplateRows | 'either' {
  if (SHARED_FIELDS.has(field)) return 'either';
  return INDICATOR_FIELDS.has(field) ? 'indicators' : 'tasks';
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Tasks or indicators, from the fields the clerk chose; a mix of the two is refused. */
export function rowsOfMapping(mapping: TemplateMapping): TemplateRows {
  const task = mapping.find((m) => fieldRows(m.field) === 'tasks');
  const indicator = mapping.find((m) => fieldRows(m.field) === 'indicators');
  if (task && indicator) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `一张表样只能填写重点工作或指标中的一种：${columnLetter(task.column)}列是“${templateFieldLabels[task.field]}”（重点工作），${columnLetter(indicator.column)}列是“${templateFieldLabels[indicator.field]}”（指标）。请把其中一类改为“不填”`,
    );
  }
  return indicator ? 'indicators' : 'tasks';
}

/** One field per column; a field in two columns only where that is a short label. */
export function checkMapping(mapping: TemplateMapping): void {
  const byColumn = new Map<number, TemplateField>();
  const byField = new Map<TemplateField, number>();
  for (const { column, field } of mapping) {
    const taken = byColumn.get(column);
    if (taken !== undefined) {
      throw new AppError('INVALID_ARGUMENT', `${columnLetter(column)}列同时对应了“${templateFieldLabels[taken]}”和“${templateFieldLabels[field]}”，每列只能选一个字段`);
    }
    byColumn.set(column, field);
    const other = byField.get(field);
    if (other !== undefined && !REPEATABLE_FIELDS.has(field)) {
      throw new AppError('INVALID_ARGUMENT', `“${templateFieldLabels[field]}”对应了两列（${columnLetter(other)}列和${columnLetter(column)}列），同样的内容不应填两遍，请只保留一列`);
    }
    byField.set(field, column);
  }
}

export type FilledValue = string | number | null;

/** 1 stays a number (Excel shows no "number stored as text" mark); 1.2 and 一 stay text. */
function numberish(text: string): string | number {
  return /^\d{1,6}$/.test(text) ? Number(text) : text;
}

function taskValue(task: ReportTask, field: TemplateField): FilledValue {
  switch (field) {
    case 'number':
      return numberish(task.number);
    case 'section':
      return `${task.sectionLabel}${task.sectionTitle ?? ''}`;
    case 'title':
      return task.title;
    case 'departments':
      return task.departments.join('、');
    case 'units':
      return task.units.join('、');
    case 'deadline':
      return task.deadline ?? '';
    case 'progress':
      return joinEntries(task.entries, (e) => e.progress);
    case 'problems':
      return joinEntries(task.entries, (e) => e.problems);
    case 'nextSteps':
      return joinEntries(task.entries, (e) => e.nextSteps);
    case 'status':
      return statusText(task);
    case 'percent':
      return task.percent;
    case 'light':
      return lightLabels[task.light.color];
    case 'pace':
      return task.pace;
    case 'plan':
      return task.planTitle;
    default:
      return null;
  }
}

function indicatorValue(indicator: ReportIndicator, index: number, field: TemplateField): FilledValue {
  switch (field) {
    case 'number':
      return index + 1;
    case 'plan':
      return indicator.planTitle;
    case 'departments':
      return indicator.departmentName ?? '';
    case 'light':
      return lightLabels[indicator.light.color];
    case 'indicatorName':
      return indicator.name;
    case 'indicatorUnit':
      return indicator.unit;
    case 'indicatorBaseline':
      return indicator.baselineValue;
    case 'indicatorTarget':
      return indicator.targetText;
    case 'indicatorValue':
      return indicator.value;
    case 'indicatorCompletion':
      return indicator.completion;
    case 'indicatorMet':
      return indicator.met;
    default:
      return null;
  }
}

/** The values of every row, one array per task (or indicator), in mapping order. */
export function filledRows(model: ReportModel, rows: TemplateRows, mapping: TemplateMapping): FilledValue[][] {
  if (rows === 'indicators') return model.indicators.map((indicator, i) => mapping.map((m) => indicatorValue(indicator, i, m.field)));
  return model.tasks.map((task) => mapping.map((m) => taskValue(task, m.field)));
}
