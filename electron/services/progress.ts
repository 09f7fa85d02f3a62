import type { DraftFields, Entry, EntryFields, SheetTask } from '../../shared/api/progress';
import { formatPeriod, parsePeriod, previousPeriod } from '../../shared/domain/period';
import type { WorkflowState } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { AppError } from '../core/app-error';
import { progressReportId } from '../core/ids';
import { indicatorRows } from './indicators';
import {
  deleteDraft,
  departmentNames,
  departmentRow,
  departmentTasks,
  draftKey,
  entryCredits,
  entryLight,
  fieldsOf,
  lightContext,
  liveEntryRow,
  readDraft,
  requireEntryRow,
  requireLedTask,
  snapshotOf,
  taskRow,
  toEntry,
  workflowOf,
  writeDraft,
  type LightContext,
  type TaskRow,
} from './progress-data';

function sheetTaskOf(core: Core, task: TaskRow, departmentIdValue: string, period: string, context: LightContext): SheetTask {
  const current = liveEntryRow(core, progressReportId(task.id, departmentIdValue, period));
  const previousRow = liveEntryRow(core, progressReportId(task.id, departmentIdValue, formatPeriod(previousPeriod(parsePeriod(period)))));
  return {
    ...taskHead(task),
    entry: current ? toEntry(core, current) : null,
    previous: previousRow ? toEntry(core, previousRow) : null,
    draft: readDraft(core, draftKey(task.id, departmentIdValue, period)),
    light: entryLight(task, current ? snapshotOf(current) : null, period, context),
  };
}

function taskHead(task: TaskRow) {
  return {
    id: task.id,
    planId: task.plan_id,
    planTitle: task.plan_title ?? '',
    sectionTitle: task.section_title,
    number: task.number ?? '',
    title: task.title ?? '',
    text: task.text ?? '',
    deadline: task.deadline,
  };
}

/** The office's review is a workflow aid, not security: the clerk switches the role in 设置. */
function requireReviewer(core: Core, action: string): void {
  if (core.localSetting('role') !== 'reviewer') {
    throw new AppError('INVALID_ARGUMENT', `${action}需要审核员身份，请在“设置”中把本机角色切换为“审核员”后再操作`);
  }
}

/** The state after a department saves: submitted when sent; a returned entry stays returned until it is sent again. */
export function stateAfterSave(current: WorkflowState | null, submit: boolean): WorkflowState {
  if (submit) return 'submitted';
  return current === 'returned' ? 'returned' : 'draft';
}

export function saveEntry(core: Core, args: { taskId: string; departmentId: string; period: string; fields: EntryFields; submit: boolean }): Entry {
  requireLedTask(core, args.taskId, args.departmentId);
  const id = progressReportId(args.taskId, args.departmentId, args.period);
  const existing = liveEntryRow(core, id);
  if (existing && workflowOf(existing.workflow_state) === 'approved') throw new AppError('LOCKED');
  const values = {
    task_id: args.taskId,
    department_id: args.departmentId,
    period: args.period,
    status: args.fields.status,
    percent: args.fields.percent,
    progress_text: args.fields.progressText,
    problems_text: args.fields.problemsText,
    next_steps_text: args.fields.nextStepsText,
    workflow_state: stateAfterSave(existing ? workflowOf(existing.workflow_state) : null, args.submit),
  };
  core.mutations.run((writer) => {
    if (existing) writer.update('progress_reports', id, values);
    else writer.insert('progress_reports', id, { ...values, review_comment: null });
    // The typed text is now saved: the local draft has served its purpose.
    deleteDraft(core, draftKey(args.taskId, args.departmentId, args.period));
  });
  return toEntry(core, requireEntryRow(core, id));
}

type ProgressCalls = 'progress.sheet' | 'progress.saveDraft' | 'progress.save' | 'progress.carryForward' | 'progress.review' | 'progress.unlock' | 'progress.taskDetail';

export const progressHandlers: HandlerMap<ProgressCalls> = {
  'progress.sheet': ({ core }, args) => {
    const department = departmentRow(core, args.departmentId);
    const context = lightContext(core);
    const tasks = departmentTasks(core, args.departmentId, args.period);
    return {
      period: args.period,
      departmentId: args.departmentId,
      departmentName: department.name ?? '',
      tasks: tasks.map((task) => sheetTaskOf(core, task, args.departmentId, args.period, context)),
      indicators: indicatorRows(core, { departmentId: args.departmentId, year: parsePeriod(args.period).year }),
    };
  },

  'progress.saveDraft': ({ core }, args) => {
    requireLedTask(core, args.taskId, args.departmentId);
    return writeDraft(core, draftKey(args.taskId, args.departmentId, args.period), args.fields);
  },

  'progress.save': ({ core }, args) => saveEntry(core, args),

  'progress.carryForward': ({ core }, args) => {
    departmentRow(core, args.departmentId);
    const previous = formatPeriod(previousPeriod(parsePeriod(args.period)));
    const tasks = args.taskId ? [requireLedTask(core, args.taskId, args.departmentId)] : departmentTasks(core, args.departmentId, args.period);
    const drafts: { taskId: string; draft: DraftFields }[] = [];
    core.db.transaction(() => {
      for (const task of tasks) {
        const source = liveEntryRow(core, progressReportId(task.id, args.departmentId, previous));
        if (!source) continue;
        const key = draftKey(task.id, args.departmentId, args.period);
        // For all tasks at once, only fill what is still empty: nothing saved or typed is replaced.
        if (!args.taskId && (liveEntryRow(core, progressReportId(task.id, args.departmentId, args.period)) || readDraft(core, key))) continue;
        drafts.push({ taskId: task.id, draft: writeDraft(core, key, fieldsOf(source)) });
      }
    })();
    return drafts;
  },

  'progress.review': ({ core }, args) => {
    const row = requireEntryRow(core, args.id);
    requireReviewer(core, '审核');
    const state = workflowOf(row.workflow_state);
    let next: WorkflowState;
    let comment: string | null;
    if (args.decision === 'approve') {
      if (state === 'draft') throw new AppError('CONFLICT', '该进展还是草稿，尚未提交，不能审核通过');
      if (state === 'approved') throw new AppError('CONFLICT', '该进展已审核通过，无需重复审核');
      next = 'approved';
      comment = args.comment.trim() || null;
    } else {
      if (state !== 'submitted') {
        const why = { draft: '还是草稿，尚未提交', returned: '已经退回', approved: '已审核通过，如需修改请先解锁' }[state];
        throw new AppError('CONFLICT', `该进展${why}，不能退回`);
      }
      next = 'returned';
      comment = args.comment.trim();
    }
    core.mutations.run((writer) => writer.update('progress_reports', args.id, { workflow_state: next, review_comment: comment }));
    return toEntry(core, requireEntryRow(core, args.id));
  },

  'progress.unlock': ({ core }, args) => {
    const row = requireEntryRow(core, args.id);
    requireReviewer(core, '解锁');
    if (workflowOf(row.workflow_state) !== 'approved') throw new AppError('CONFLICT', '只有已审核的进展需要解锁，该进展现在就可以修改');
    core.mutations.run((writer) => writer.update('progress_reports', args.id, { workflow_state: 'returned', review_comment: `解锁：${args.reason}` }));
    return toEntry(core, requireEntryRow(core, args.id));
  },

  'progress.taskDetail': ({ core }, args) => {
    const task = taskRow(core, args.taskId);
    const context = lightContext(core);
    const names = departmentNames(core);
    const order = new Map((core.db.prepare('SELECT id FROM departments ORDER BY sort_order, name').pluck().all() as string[]).map((id, index) => [id, index]));
    const rows = core.db.prepare('SELECT * FROM progress_reports WHERE task_id = ? AND deleted = 0').all(args.taskId) as ReturnType<typeof requireEntryRow>[];
    rows.sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '') || (order.get(a.department_id ?? '') ?? 1e9) - (order.get(b.department_id ?? '') ?? 1e9));
    return {
      task: taskHead(task),
      entries: rows
        .filter((row) => /^\d{4}-Q[1-4]$/.test(row.period ?? ''))
        .map((row) => ({
          ...toEntry(core, row),
          ...entryCredits(core, row),
          departmentName: names.get(row.department_id ?? '') ?? '',
          light: entryLight(task, snapshotOf(row), row.period!, context),
        })),
    };
  },
};
