import type { Style, Workbook } from 'exceljs';
import type { ReportModel, ReportTask } from '../../shared/api/reports';
import { reportKindLabels } from '../../shared/api/reports';
import type { LightColor } from '../../shared/domain/progress-status';
import { countQuarter } from '../../shared/domain/quarter-state';
import { ledgerColumns } from '../../shared/reports/columns';
import { countsSentence } from '../../shared/reports/counts-text';
import { ReportSheet, newWorkbook, numberLike, workbookBytes, type CellValue } from './xlsx-sheet';
import { FONT_SIZES, styles, uniqueSheetName } from './xlsx-style';
import { dateLine, reportTitle, scopeLine } from './xlsx-titles';

/*
 * The Excel 台账: the whole scope on the first sheet, headed by plan and section rows, the
 * light as a coloured cell, a totals line at the end; optionally one sheet per lead
 * department after it.
 */

const CENTERED = new Set(['number', 'departments', 'deadline', 'status', 'pace']);
const LIGHT_COLUMN = ledgerColumns.findIndex((c) => c.key === 'light');
const NUMBER_COLUMN = ledgerColumns.findIndex((c) => c.key === 'number');
const baseStyles: readonly Partial<Style>[] = ledgerColumns.map((c) => (CENTERED.has(c.key) ? styles.body.center : styles.body.left));
const withLight = (color: LightColor) => baseStyles.map((s, i) => (i === LIGHT_COLUMN ? styles.light[color] : s));
/** One style array per light colour, built once: every row of a colour shares it. */
const rowStyles: Record<LightColor, readonly Partial<Style>[]> = { green: withLight('green'), yellow: withLight('yellow'), red: withLight('red'), grey: withLight('grey') };

const MAIN_SHEET = '重点工作台账';

/** 一、推进健康渝北建设: the section's printed numbering joined to its title. */
export function sectionHeading(task: Pick<ReportTask, 'sectionLabel' | 'sectionTitle'>): string {
  const title = task.sectionTitle ?? '';
  const label = task.sectionLabel;
  if (label === '' || title.startsWith(label)) return title;
  return /[、.．)）]$/.test(label) ? `${label}${title}` : `${label} ${title}`;
}

/** 合计：共39项，其中…（countsSentence）；红灯…黄灯…: the one count over the sheet's tasks. */
export function totalsLine(tasks: readonly ReportTask[], includeSubmitted: boolean): string {
  const count = (test: (t: ReportTask) => boolean) => tasks.reduce((n, t) => (test(t) ? n + 1 : n), 0);
  return `合计：${countsSentence(countQuarter(tasks), includeSubmitted)}；红灯${count((t) => t.light.color === 'red')}项，黄灯${count((t) => t.light.color === 'yellow')}项。`;
}

function writeLedgerSheet(workbook: Workbook, name: string, model: ReportModel, tasks: readonly ReportTask[], scope: string, department: string | null): void {
  const sheet = new ReportSheet(workbook, name, ledgerColumns);
  sheet.title(reportTitle({ ...model, departmentName: department ?? model.departmentName }, reportKindLabels.ledger));
  sheet.info(scopeLine(scope, model), dateLine(model));
  sheet.header();
  const manyPlans = new Set(model.tasks.map((t) => t.planId)).size > 1;
  let plan: string | null = null;
  let section: string | null = null;
  const values: CellValue[] = new Array<CellValue>(ledgerColumns.length);
  for (const task of tasks) {
    if (task.planId !== plan) {
      plan = task.planId;
      section = null;
      if (manyPlans) sheet.band(task.planTitle, styles.plan, 12);
    }
    if (task.sectionId !== section) {
      // A task outside any section after a section's tasks would otherwise read as part of it.
      if (task.sectionId !== null || section !== null) sheet.band(task.sectionId === null ? '其他工作' : sectionHeading(task), styles.section, FONT_SIZES.band);
      section = task.sectionId;
    }
    for (let i = 0; i < ledgerColumns.length; i++) values[i] = ledgerColumns[i]!.value(task);
    values[NUMBER_COLUMN] = numberLike(values[NUMBER_COLUMN]!);
    sheet.row(values, rowStyles[task.light.color]);
  }
  if (tasks.length === 0) sheet.band('没有符合条件的工作任务', styles.summary, FONT_SIZES.body);
  else sheet.band(totalsLine(tasks, model.includeSubmitted), styles.summary, FONT_SIZES.body);
}

/** Lead departments in the order they first lead a task. */
function leadDepartments(tasks: readonly ReportTask[]): string[] {
  const names = new Set<string>();
  for (const task of tasks) for (const name of task.departments) if (name !== '') names.add(name);
  return [...names];
}

export async function ledgerWorkbook(model: ReportModel, options: { sheetPerDepartment: boolean }): Promise<Uint8Array> {
  const workbook = await newWorkbook(model);
  const taken = new Set<string>();
  writeLedgerSheet(workbook, uniqueSheetName(MAIN_SHEET, taken), model, model.tasks, model.scopeLabel, null);
  if (options.sheetPerDepartment) {
    for (const department of leadDepartments(model.tasks)) {
      const own = model.tasks.filter((t) => t.departments.includes(department));
      writeLedgerSheet(workbook, uniqueSheetName(department, taken), model, own, `${department}牵头的工作任务`, department);
    }
  }
  return workbookBytes(workbook);
}
