import { reminderKindLabels, type ReportEntry, type ReportIndicator, type ReportModel, type ReportTask } from '../api/reports';
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

/** What stands in a lead's place when its entry does not count: never progress. */
export function notCountedText(entry: Pick<ReportEntry, 'report' | 'late'>): string {
  if (entry.report === 'returned') return '已退回修改';
  if (entry.report === 'pending-review') return '待审核（未纳入本报告）';
  return entry.late ? '逾期未报' : '未填报';
}

/**
 * A text column of the 台账: one lead's text as it is (待审核 marked); several leads' texts
 * each under its department's name, a lead that did not report saying so, so the reader
 * always knows who wrote what. Empty when nobody has anything to say.
 */
export function joinEntries(entries: readonly ReportEntry[], pick: (entry: ReportEntry) => string, showMissing = true): string {
  const counted = (entry: ReportEntry) => entry.report === 'reported' || (entry.report === 'pending-review' && entry.awaitingReview);
  const line = (entry: ReportEntry): string => {
    if (!counted(entry)) return showMissing ? notCountedText(entry) : '';
    const text = pick(entry);
    return text === '' ? '' : entry.awaitingReview ? `（待审核）${text}` : text;
  };
  if (entries.length === 1) return line(entries[0]!);
  return entries
    .map((entry) => ({ entry, text: line(entry) }))
    .filter((x) => x.text !== '')
    .map((x) => `【${x.entry.departmentName}】${x.text}`)
    .join('\n');
}

/** 状态: the state with the deciding lead's percent, and which leads have not reported. */
export function statusText(task: Pick<ReportTask, 'state' | 'percent' | 'partial' | 'missing' | 'late' | 'returned' | 'entries'>): string {
  let text: string = task.state;
  if (task.state === '未填报') {
    if (task.returned.length > 0 && task.returned.length === task.entries.length) text = '已退回修改';
    else if (task.late.length > 0 && task.late.length === task.missing.length) text = '逾期未报';
  } else if (task.percent !== null && task.state !== '已完成') {
    text = `${task.state}（${Math.round(task.percent)}%）`;
  }
  return task.partial ? `${text}\n部分科室未报：${task.missing.join('、')}` : text;
}

export const ledgerColumns: readonly Column<ReportTask>[] = [
  { key: 'number', header: '序号', width: 6, wrap: false, value: (t) => t.number },
  { key: 'title', header: '工作任务', width: 30, wrap: true, value: (t) => t.title },
  { key: 'departments', header: '牵头科室', width: 10, wrap: true, value: (t) => t.departments.join('、') },
  { key: 'units', header: '责任单位', width: 14, wrap: true, value: (t) => t.units.join('、') },
  { key: 'deadline', header: '完成时限', width: 10, wrap: true, value: (t) => t.deadline ?? '' },
  { key: 'progress', header: '进展情况', width: 40, wrap: true, value: (t) => joinEntries(t.entries, (e) => e.progress) },
  { key: 'problems', header: '存在问题', width: 22, wrap: true, value: (t) => joinEntries(t.entries, (e) => e.problems, false) },
  { key: 'nextSteps', header: '下步打算', width: 22, wrap: true, value: (t) => joinEntries(t.entries, (e) => e.nextSteps, false) },
  { key: 'status', header: '状态', width: 12, wrap: true, value: statusText },
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
  { key: 'kind', header: '催办类别', width: 10, wrap: false, value: (r) => reminderKindLabels[r.item.kind] },
  { key: 'light', header: '灯', width: 6, wrap: false, value: (r) => lightLabels[r.item.color] },
  { key: 'overdue', header: '是否逾期', width: 8, wrap: false, value: (r) => (r.item.overdue ? '是' : '否') },
  { key: 'reason', header: '催办事由', width: 44, wrap: true, value: (r) => r.item.reason },
];

export function reminderRows(model: Pick<ReportModel, 'reminders'>): ReminderRow[] {
  return model.reminders.flatMap((group) => group.items.map((item, i) => ({ departmentName: group.departmentName, index: i + 1, item })));
}
