import type { ReportTemplate, TemplateField } from '../../../../shared/api/reports';
import { templateFieldLabels } from '../../../../shared/api/reports';
import type { TemplateInspection } from '../../store/report-templates';

/*
 * The mapping step of 添加上级表样: the columns of the chosen header row, the field choices
 * grouped as the core judges them (a form is filled with tasks or with indicators), and the
 * mapping as the contract takes it.
 */

export type TemplateSheet = TemplateInspection['sheets'][number];
export type FormColumn = TemplateSheet['columns'][number];
/** Column number → our field; a column left out is 不填. */
export type MappingDraft = Readonly<Record<number, TemplateField>>;

export const FIELD_GROUPS: readonly { readonly label: string; readonly rows: 'either' | 'tasks' | 'indicators'; readonly fields: readonly TemplateField[] }[] = [
  { label: '通用', rows: 'either', fields: ['number', 'plan', 'departments', 'light'] },
  { label: '重点工作', rows: 'tasks', fields: ['section', 'title', 'units', 'deadline', 'progress', 'problems', 'nextSteps', 'status', 'percent', 'pace'] },
  {
    label: '指标',
    rows: 'indicators',
    fields: ['indicatorName', 'indicatorUnit', 'indicatorBaseline', 'indicatorTarget', 'indicatorValue', 'indicatorCompletion', 'indicatorMet'],
  },
];

function rowsOf(field: TemplateField): 'either' | 'tasks' | 'indicators' {
  return FIELD_GROUPS.find((group) => group.fields.includes(field))?.rows ?? 'either';
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The columns under the header row: as the core read them for the row it found (two-row
 * headers joined), else the texts of the chosen row from the preview.
 */
export function columnsForRow(sheet: TemplateSheet, headerRow: number): FormColumn[] {
  if (headerRow === sheet.headerRow) return sheet.columns;
  const texts = sheet.preview[headerRow - 1] ?? [];
  const width = Math.max(texts.length, sheet.columns.length);
  return Array.from({ length: width }, (_, i) => ({ column: i + 1, letter: columnLetter(i + 1), header: texts[i] ?? '' }));
}

export function mappingDraftOf(mapping: readonly { column: number; field: TemplateField }[]): MappingDraft {
  return Object.fromEntries(mapping.map((m) => [m.column, m.field]));
}

/** The chosen fields of the columns shown, in column order. */
export function mappingOf(draft: MappingDraft, columns: readonly FormColumn[]): { column: number; field: TemplateField }[] {
  return columns.flatMap((c) => (draft[c.column] ? [{ column: c.column, field: draft[c.column]! }] : []));
}

/** What each row of the filled form will be, or why the choice cannot be saved. */
export function rowsKind(mapping: readonly { field: TemplateField }[]): 'tasks' | 'indicators' | 'mixed' | null {
  if (mapping.length === 0) return null;
  const kinds = new Set(mapping.map((m) => rowsOf(m.field)).filter((kind) => kind !== 'either'));
  if (kinds.size > 1) return 'mixed';
  return kinds.has('indicators') ? 'indicators' : 'tasks';
}

/** B列→牵头科室、C列→工作任务… for the list of saved forms. */
export function mappingSummary(template: Pick<ReportTemplate, 'mapping'>): string {
  return template.mapping.map((m) => `${columnLetter(m.column)}列→${templateFieldLabels[m.field]}`).join('、');
}

/** Merged cells repeat their text in the preview: show each run once, spanning its columns. */
export function previewCells(row: readonly string[]): { text: string; span: number }[] {
  const cells: { text: string; span: number }[] = [];
  for (const text of row) {
    const last = cells.at(-1);
    if (last && text !== '' && last.text === text) last.span++;
    else cells.push({ text, span: 1 });
  }
  return cells;
}
