import type { EntryFields } from '../../shared/api/progress';
import { checkValue } from '../../shared/domain/lights';
import { taskStatuses, type TaskStatus } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { progressReportId } from '../core/ids';
import { kindOf, valueOf, type IndicatorDbRow } from '../services/indicators';
import { fieldsOf, leadIds, liveEntryRow, workflowOf, type TaskRow } from '../services/progress-data';
import { INDICATOR_COLUMNS, TASK_COLUMNS } from './sheet-format';
import type { CellInput, ReadSheet, SheetIndicatorRow, SheetTaskRow } from './sheet-read';

/*
 * Judging a filled-in sheet against the database: which editable cells differ from the current
 * entry or value, and what is wrong with them. A row with any error is skipped as a whole (an
 * entry is saved as one record); the other rows become writes. Nothing is written here.
 */

export interface PreviewRow {
  readonly row: number;
  readonly target: string;
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string;
  readonly error: string | null;
}

export type SheetWrite =
  | { readonly kind: 'entry'; readonly row: number; readonly taskId: string; readonly fields: EntryFields }
  | { readonly kind: 'value'; readonly row: number; readonly indicatorId: string; readonly value: number; readonly note: string };

export interface SheetPlan {
  readonly departmentId: string;
  readonly departmentName: string;
  readonly period: string;
  readonly rows: PreviewRow[];
  /** Sheet rows with an error (skipped on import). */
  readonly errors: number;
  /** Field changes that the import writes. */
  readonly changes: number;
  readonly writes: SheetWrite[];
}

const header = (columns: readonly { key: string; header: string }[], key: string): string => columns.find((column) => column.key === key)!.header;
const TEXT_LIMIT = 5000;
const NOTE_LIMIT = 1000;
const ROW_SKIPPED = '本行有错误，整行不导入';

interface FieldChange {
  readonly field: string;
  readonly oldValue: string | null;
  readonly newValue: string;
  error: string | null;
}

export function planSheet(core: Core, sheet: ReadSheet): SheetPlan {
  const { meta } = sheet;
  const { officeId } = core.requireIdentity();
  if (meta.officeId !== officeId) {
    const ours = (core.db.prepare('SELECT name FROM offices WHERE id = ?').get(officeId) as { name: string | null } | undefined)?.name ?? '本单位';
    throw new AppError('INVALID_ARGUMENT', `该填报表是“${meta.officeName}”导出的，不是本单位（${ours}）的填报表，不能导入。请把它退回给导出它的单位`);
  }
  const department = core.db.prepare('SELECT name FROM departments WHERE id = ? AND deleted = 0').get(meta.departmentId) as { name: string | null } | undefined;
  if (!department) throw new AppError('NOT_FOUND', `填报表所属的科室“${meta.departmentName}”在本单位已被删除，无法导入`);

  const rows: PreviewRow[] = [];
  const writes: SheetWrite[] = [];
  let errors = 0;
  const collect = (row: number, target: string, changes: FieldChange[], rowError: string | null, write: SheetWrite | null) => {
    if (changes.length === 0) return;
    const failed = rowError !== null || changes.some((change) => change.error !== null);
    for (const change of changes) {
      rows.push({ row, target, field: change.field, oldValue: change.oldValue, newValue: change.newValue, error: rowError ?? change.error ?? (failed ? ROW_SKIPPED : null) });
    }
    if (failed) errors++;
    else if (write) writes.push(write);
  };

  const findTask = core.db.prepare('SELECT id, number, title, lead_department_ids FROM tasks WHERE id = ? AND deleted = 0');
  for (const input of sheet.tasks) {
    const task = input.taskId ? (findTask.get(input.taskId) as Pick<TaskRow, 'id' | 'number' | 'title' | 'lead_department_ids'> | undefined) : undefined;
    const target = task ? `任务${task.number ? `${task.number} ` : ''}${task.title ?? ''}` : input.label ? `任务${input.label}` : `第${input.row}行`;
    const keyError = rowKeyError(input, meta.departmentId, meta.period, 'taskId');
    const led = task !== undefined && leadIds(task).includes(meta.departmentId);
    const existing = led ? liveEntryRow(core, progressReportId(task.id, meta.departmentId, meta.period)) : undefined;
    const judged = judgeTask(input, existing ? fieldsOf(existing) : null);
    let rowError = keyError;
    if (!rowError && !led) rowError = '该任务已被删除，或已不由本科室牵头，本行无法导入';
    if (!rowError && existing && workflowOf(existing.workflow_state) === 'approved') rowError = '该季度进展已审核锁定，不能修改；如需修改，请先由审核员解锁';
    const write: SheetWrite | null = judged.fields && task ? { kind: 'entry', row: input.row, taskId: task.id, fields: judged.fields } : null;
    collect(input.row, target, judged.changes, rowError, write);
  }

  const findIndicator = core.db.prepare('SELECT * FROM indicators WHERE id = ? AND deleted = 0');
  for (const input of sheet.indicators) {
    const indicator = input.indicatorId ? (findIndicator.get(input.indicatorId) as IndicatorDbRow | undefined) : undefined;
    const target = `指标 ${indicator?.name ?? input.label ?? `第${input.row}行`}`;
    let rowError = rowKeyError(input, meta.departmentId, meta.period, 'indicatorId');
    if (!rowError && !indicator) rowError = '该指标已被删除，本行无法导入';
    const old = indicator ? valueOf(core, indicator.id, meta.period) : null;
    const judged = judgeValue(input, old, indicator ?? null);
    const write: SheetWrite | null = indicator && judged.value !== null ? { kind: 'value', row: input.row, indicatorId: indicator.id, value: judged.value, note: input.note } : null;
    collect(input.row, target, judged.changes, rowError, write);
  }

  const changes = rows.filter((row) => row.error === null).length;
  return { departmentId: meta.departmentId, departmentName: department.name ?? meta.departmentName, period: meta.period, rows, errors, changes, writes };
}

/** The hidden keys must name a record of this sheet's department and quarter. */
function rowKeyError(input: SheetTaskRow | SheetIndicatorRow, departmentId: string, period: string, idKey: 'taskId' | 'indicatorId'): string | null {
  const id = idKey === 'taskId' ? (input as SheetTaskRow).taskId : (input as SheetIndicatorRow).indicatorId;
  if (!id) return '该行不是导出时的行（没有编号），无法导入；请不要在表中插入新行';
  const wrongDepartment = 'departmentId' in input && input.departmentId !== departmentId;
  if (wrongDepartment || input.period !== period) return '该行的科室或季度与本填报表不符（可能是从其他填报表复制来的），无法导入';
  return null;
}

function numberText(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A number as typed: a number cell, or text such as "30", "30%", "1,200". */
function parseNumber(input: CellInput): number | null | 'invalid' {
  if (typeof input === 'number') return input;
  const text = input.trim().replace(/[,，]/g, '').replace(/[%％]$/, '');
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? value : 'invalid';
}

function judgeTask(input: SheetTaskRow, old: EntryFields | null): { changes: FieldChange[]; fields: EntryFields | null } {
  const changes: FieldChange[] = [];
  const label = (key: string) => header(TASK_COLUMNS, key);

  const statusValid = (taskStatuses as readonly string[]).includes(input.status);
  if (input.status !== (old?.status ?? '')) {
    let error: string | null = null;
    if (input.status === '') error = '请填写状态';
    else if (!statusValid) error = `状态“${input.status}”不是可选的状态，请从下拉列表中选择：${taskStatuses.join('、')}`;
    changes.push({ field: label('status'), oldValue: old?.status ?? null, newValue: input.status, error });
  }

  const percent = parseNumber(input.percent);
  const shownPercent = typeof input.percent === 'number' ? String(input.percent) : input.percent;
  if (percent === 'invalid' || percent !== (old?.percent ?? null)) {
    let error: string | null = null;
    if (percent === 'invalid') error = `完成百分比“${shownPercent}”不是数字，请填写0到100之间的整数`;
    else if (percent !== null && (percent < 0 || percent > 100)) error = `完成百分比${percent}超出范围，应在0到100之间`;
    changes.push({ field: label('percent'), oldValue: numberText(old?.percent), newValue: shownPercent, error });
  }

  for (const key of ['progressText', 'problemsText', 'nextStepsText'] as const) {
    const before = (old?.[key] ?? '').trim();
    if (input[key] === before) continue;
    const error = input[key].length > TEXT_LIMIT ? `${label(key)}不能超过${TEXT_LIMIT}字（现有${input[key].length}字）` : null;
    changes.push({ field: label(key), oldValue: old ? before : null, newValue: input[key], error });
  }

  // A new entry needs a status even when only its texts were filled.
  if (changes.length > 0 && !old && input.status === '' && !changes.some((change) => change.field === label('status'))) {
    changes.unshift({ field: label('status'), oldValue: null, newValue: '', error: '请填写状态' });
  }
  const valid = changes.length > 0 && statusValid && typeof percent !== 'string' && changes.every((change) => change.error === null);
  return {
    changes,
    fields: valid
      ? { status: input.status as TaskStatus, percent: percent as number | null, progressText: input.progressText, problemsText: input.problemsText, nextStepsText: input.nextStepsText }
      : null,
  };
}

function judgeValue(input: SheetIndicatorRow, old: { value: number; note: string | null } | null, indicator: IndicatorDbRow | null): { changes: FieldChange[]; value: number | null } {
  const changes: FieldChange[] = [];
  const label = (key: string) => header(INDICATOR_COLUMNS, key);
  const value = parseNumber(input.value);
  const shown = typeof input.value === 'number' ? String(input.value) : input.value;
  if (value === 'invalid' || value !== (old?.value ?? null)) {
    let error: string | null = null;
    if (value === 'invalid') error = `数值“${shown}”不是数字，请只填数字，不带单位`;
    else if (value === null) error = '不能通过填报表清空已填报的数值，如需删除请在程序中操作';
    else if (indicator) error = checkValue(kindOf(indicator), indicator.unit ?? '', value);
    changes.push({ field: label('value'), oldValue: numberText(old?.value), newValue: shown, error });
  }
  if (input.note !== (old?.note ?? '')) {
    let error: string | null = null;
    if (input.note.length > NOTE_LIMIT) error = `说明不能超过${NOTE_LIMIT}字（现有${input.note.length}字）`;
    else if (value === null && !old) error = '请先填写数值，再填写说明';
    changes.push({ field: label('note'), oldValue: old ? (old.note ?? '') : null, newValue: input.note, error });
  }
  const current = typeof value === 'number' ? value : (old?.value ?? null);
  return { changes, value: changes.length > 0 && changes.every((change) => change.error === null) ? current : null };
}
