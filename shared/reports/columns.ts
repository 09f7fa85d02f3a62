import type { ReportEntry, ReportIndicator, ReportModel, ReportTask } from '../api/reports';
import { lightLabels } from '../domain/progress-status';

/*
 * The columns of the 台账, 指标 and 催办 tables, shared by Excel, CSV and the print view so
 * every format carries the same headers and the same words in each cell.
 */

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  /** Width in Excel characters (the print view scales from it). */
  readonly width: number;
  /** Long text that should wrap (Excel) and may be shortened nowhere. */
  readonly wrap: boolean;
  readonly value: (row: Row) => string | number | null;
}

/** Several lead departments' texts, each under its department: 【疾控科】…. */
export function joinEntries(entries: readonly ReportEntry[], pick: (entry: ReportEntry) => string): string {
  const texts = entries.filter((entry) => pick(entry) !== '');
  if (texts.length === 0) return '';
  if (entries.length === 1) return pick(texts[0]!);
  return texts.map((entry) => `【${entry.departmentName}】${pick(entry)}`).join('\n');
}

export function statusText(task: Pick<ReportTask, 'status' | 'percent'>): string {
  return task.percent !== null && task.status !== '未填报' && task.status !== '已完成' ? `${task.status}（${Math.round(task.percent)}%）` : task.status;
}

export const ledgerColumns: readonly Column<ReportTask>[] = [
  { key: 'number', header: '序号', width: 6, wrap: false, value: (t) => t.number },
  { key: 'title', header: '工作任务', width: 30, wrap: true, value: (t) => t.title },
  { key: 'departments', header: '牵头科室', width: 10, wrap: true, value: (t) => t.departments.join('、') },
  { key: 'units', header: '责任单位', width: 14, wrap: true, value: (t) => t.units.join('、') },
  { key: 'deadline', header: '完成时限', width: 10, wrap: true, value: (t) => t.deadline ?? '' },
  { key: 'progress', header: '进展情况', width: 40, wrap: true, value: (t) => joinEntries(t.entries, (e) => e.progress) },
  { key: 'problems', header: '存在问题', width: 22, wrap: true, value: (t) => joinEntries(t.entries, (e) => e.problems) },
  { key: 'nextSteps', header: '下步打算', width: 22, wrap: true, value: (t) => joinEntries(t.entries, (e) => e.nextSteps) },
  { key: 'status', header: '状态', width: 10, wrap: true, value: statusText },
  { key: 'light', header: '灯', width: 6, wrap: false, value: (t) => lightLabels[t.light.color] },
  { key: 'pace', header: '是否按序时推进', width: 9, wrap: true, value: (t) => t.pace },
];

/** Quarter column header: 2025-Q1 → 一季度 (the year is in the title). */
export function quarterHeader(period: string): string {
  const quarter = Number(period.slice(-1));
  return `${['一', '二', '三', '四'][quarter - 1] ?? ''}季度`;
}

/** 指标 columns: the quarters of the report year up to its period sit between 目标年份 and 完成情况. */
export function indicatorColumns(model: Pick<ReportModel, 'period'>): Column<ReportIndicator & { index: number }>[] {
  const year = Number(model.period.slice(0, 4));
  const quarter = Number(model.period.slice(-1));
  const quarters: Column<ReportIndicator & { index: number }>[] = Array.from({ length: quarter }, (_, i) => {
    const period = `${year}-Q${i + 1}`;
    return {
      key: `value-${period}`,
      header: `${year}年${quarterHeader(period)}`,
      width: 10,
      wrap: false,
      value: (row) => row.points.find((p) => p.period === period)?.value ?? null,
    };
  });
  return [
    { key: 'index', header: '序号', width: 6, wrap: false, value: (row) => row.index },
    { key: 'name', header: '指标', width: 28, wrap: true, value: (row) => row.name },
    { key: 'unit', header: '单位', width: 8, wrap: false, value: (row) => row.unit },
    { key: 'direction', header: '方向', width: 9, wrap: false, value: (row) => row.directionLabel },
    { key: 'baseline', header: '基数', width: 9, wrap: false, value: (row) => row.baselineValue },
    { key: 'baselineYear', header: '基数年份', width: 8, wrap: false, value: (row) => row.baselineYear },
    { key: 'target', header: '目标', width: 12, wrap: false, value: (row) => row.targetText },
    { key: 'targetYear', header: '目标年份', width: 8, wrap: false, value: (row) => row.targetYear },
    ...quarters,
    { key: 'completion', header: '完成情况', width: 36, wrap: true, value: (row) => row.completion },
    { key: 'met', header: '是否达标', width: 8, wrap: false, value: (row) => row.met },
    { key: 'department', header: '责任科室', width: 10, wrap: true, value: (row) => row.departmentName ?? '' },
  ];
}

export interface ReminderRow {
  readonly departmentName: string;
  readonly index: number;
  readonly item: ReportModel['reminders'][number]['items'][number];
}

export const reminderColumns: readonly Column<ReminderRow>[] = [
  { key: 'department', header: '责任科室', width: 12, wrap: true, value: (r) => r.departmentName },
  { key: 'index', header: '序号', width: 6, wrap: false, value: (r) => r.index },
  { key: 'number', header: '任务编号', width: 8, wrap: false, value: (r) => r.item.number },
  { key: 'title', header: '工作任务', width: 34, wrap: true, value: (r) => r.item.title },
  { key: 'deadline', header: '完成时限', width: 12, wrap: true, value: (r) => r.item.deadline ?? '' },
  { key: 'status', header: '状态', width: 10, wrap: false, value: (r) => r.item.status },
  { key: 'light', header: '灯', width: 6, wrap: false, value: (r) => lightLabels[r.item.color] },
  { key: 'overdue', header: '是否逾期', width: 8, wrap: false, value: (r) => (r.item.overdue ? '是' : '否') },
  { key: 'reason', header: '催办事由', width: 44, wrap: true, value: (r) => r.item.reason },
];

export function reminderRows(model: Pick<ReportModel, 'reminders'>): ReminderRow[] {
  return model.reminders.flatMap((group) => group.items.map((item, i) => ({ departmentName: group.departmentName, index: i + 1, item })));
}
