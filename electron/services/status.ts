import type { CallResult } from '../../shared/api';
import { asOfDate } from '../../shared/domain/lights';
import { parsePeriod } from '../../shared/domain/period';
import type { Light, WorkflowState } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { progressReportId } from '../core/ids';
import { indicatorDbRows, valueLight, valueOf } from './indicators';
import { daysSinceEnd, departmentNames, departmentTasks, entryLight, leadIds, lightContext, liveEntryRow, periodTasks, snapshotOf, workflowOf, worse } from './progress-data';

/** Days after the quarter's end before a department with open entries is marked for 催办. */
export const LATE_GRACE_DAYS = 10;

type Overview = CallResult<'progress.overview'>;
type Status = CallResult<'progress.status'>;

export function progressOverview(core: Core, period: string): Overview {
  const { officeId } = core.requireIdentity();
  const departments = core.db.prepare('SELECT id, name FROM departments WHERE office_id = ? AND deleted = 0 ORDER BY sort_order, name').all(officeId) as {
    id: string;
    name: string | null;
  }[];
  const ended = daysSinceEnd(parsePeriod(period), lightContext(core).today) > LATE_GRACE_DAYS;
  return departments.map((department) => {
    const counts: Record<WorkflowState | 'missing', number> = { missing: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
    const tasks = departmentTasks(core, department.id, period);
    for (const task of tasks) {
      const entry = liveEntryRow(core, progressReportId(task.id, department.id, period));
      counts[entry ? workflowOf(entry.workflow_state) : 'missing']++;
    }
    return {
      departmentId: department.id,
      departmentName: department.name ?? '',
      tasks: tasks.length,
      ...counts,
      late: ended && counts.missing + counts.draft + counts.returned > 0,
    };
  });
}

/**
 * Every task's light (the worst over its lead departments, each judged on its own entry or
 * on none) and every indicator's light, for one quarter.
 */
export function progressStatus(core: Core, period: string): Status {
  const context = lightContext(core);
  const names = departmentNames(core);
  const tasks = periodTasks(core, period).map((task) => {
    const leads = leadIds(task);
    let light: Light | null = null;
    for (const departmentIdValue of leads) {
      const entry = liveEntryRow(core, progressReportId(task.id, departmentIdValue, period));
      const own = entryLight(task, entry ? snapshotOf(entry) : null, period, context);
      const named = leads.length > 1 ? { color: own.color, reason: `${names.get(departmentIdValue) ?? ''}：${own.reason}` } : own;
      light = light ? worse(light, named) : named;
    }
    return {
      taskId: task.id,
      planId: task.plan_id,
      number: task.number ?? '',
      title: task.title ?? '',
      departments: leads.map((id) => names.get(id) ?? ''),
      light: light ?? entryLight(task, null, period, context),
    };
  });
  const indicators = indicatorDbRows(core, { year: parsePeriod(period).year }).map((row) => {
    const value = valueOf(core, row.id, period)?.value ?? null;
    return { indicatorId: row.id, name: row.name ?? '', unit: row.unit ?? '', value, light: valueLight(row, value, period, context.settings) };
  });
  return { period, asOf: asOfDate(parsePeriod(period), context.today), tasks, indicators };
}

export const statusHandlers: HandlerMap<'progress.overview' | 'progress.status'> = {
  'progress.overview': ({ core }, args) => progressOverview(core, args.period),
  'progress.status': ({ core }, args) => progressStatus(core, args.period),
};
