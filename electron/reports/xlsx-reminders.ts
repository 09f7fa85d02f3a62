import type { Style } from 'exceljs';
import type { ReportModel } from '../../shared/api/reports';
import { reportKindLabels } from '../../shared/api/reports';
import { reminderColumns, reminderRows } from '../../shared/reports/columns';
import { ReportSheet, newWorkbook, numberLike, workbookBytes } from './xlsx-sheet';
import { FONT_SIZES, styles } from './xlsx-style';
import { dateLine, reportTitle, scopeLine } from './xlsx-titles';

/*
 * The Excel 催办清单: each department's late or lagging tasks under its name (the department
 * cell merged down its block), the light as a coloured cell and the reason in full.
 */

const CENTERED = new Set(['index', 'number', 'deadline', 'kind', 'overdue']);
const DEPARTMENT_COLUMN = reminderColumns.findIndex((c) => c.key === 'department');
const LIGHT_COLUMN = reminderColumns.findIndex((c) => c.key === 'light');
const NUMBER_COLUMN = reminderColumns.findIndex((c) => c.key === 'number');

const styleOf = (color: 'red' | 'yellow' | 'grey'): Partial<Style>[] =>
  reminderColumns.map((c, i) => (i === LIGHT_COLUMN ? styles.light[color] : i === DEPARTMENT_COLUMN ? styles.body.group : CENTERED.has(c.key) ? styles.middle.center : styles.middle.left));
const rowStyles = { red: styleOf('red'), yellow: styleOf('yellow'), grey: styleOf('grey') } as const;

/** 共3个科室5项需催办，其中滞后3项（红灯2项、黄灯1项）、逾期未报1项、已退回修改1项。 */
export function reminderTotalsLine(model: Pick<ReportModel, 'reminders'>): string {
  const items = model.reminders.flatMap((g) => g.items);
  const count = (test: (item: (typeof items)[number]) => boolean) => items.filter(test).length;
  const behind = count((i) => i.kind === 'behind');
  const parts = [
    behind > 0 ? `滞后${behind}项（红灯${count((i) => i.kind === 'behind' && i.color === 'red')}项、黄灯${count((i) => i.kind === 'behind' && i.color === 'yellow')}项）` : '',
    count((i) => i.kind === 'late') > 0 ? `逾期未报${count((i) => i.kind === 'late')}项` : '',
    count((i) => i.kind === 'returned') > 0 ? `已退回修改${count((i) => i.kind === 'returned')}项` : '',
  ].filter(Boolean);
  return `合计：共${model.reminders.length}个科室${items.length}项需催办，其中${parts.join('、')}。`;
}

export async function reminderWorkbook(model: ReportModel): Promise<Uint8Array> {
  const workbook = await newWorkbook(model);
  const sheet = new ReportSheet(workbook, reportKindLabels.reminders, reminderColumns);
  sheet.title(reportTitle(model, `重点工作${reportKindLabels.reminders}`));
  sheet.info(scopeLine(model.scopeLabel, model), dateLine(model));
  sheet.header();
  let groupStart = 0;
  let last = 0;
  for (const row of reminderRows(model)) {
    const values = reminderColumns.map((c) => c.value(row));
    values[NUMBER_COLUMN] = numberLike(values[NUMBER_COLUMN]!);
    const written = sheet.row(values, rowStyles[row.item.color]);
    // Numbering restarts with each department's block.
    if (row.index === 1) {
      if (last > 0) sheet.mergeDown(DEPARTMENT_COLUMN + 1, groupStart, last);
      groupStart = written;
    }
    last = written;
  }
  if (last > 0) sheet.mergeDown(DEPARTMENT_COLUMN + 1, groupStart, last);
  sheet.band(model.reminders.length === 0 ? '本期没有需要催办的事项' : reminderTotalsLine(model), styles.summary, FONT_SIZES.body);
  return workbookBytes(workbook);
}
