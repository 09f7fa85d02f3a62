import type { CallResult } from '../../shared/api';
import { parsePeriod } from '../../shared/domain/period';
import type { WorkflowState } from '../../shared/domain/progress-status';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { progressReportId } from '../core/ids';
import { ledgerFilter } from '../../shared/api/ledger';
import { countQuarter, quarterMarks } from '../../shared/domain/quarter-state';
import { scopeIndicators } from './dashboard-indicators';
import { loadScope } from './ledger-scope';
import { daysSinceEnd, departmentTasks, lightContext, liveEntryRow, workflowOf } from './progress-data';

type Overview = CallResult<'progress.overview'>;
type Status = CallResult<'progress.status'>;

export function progressOverview(core: Core, period: string): Overview {
  const { officeId } = core.requireIdentity();
  const departments = core.db.prepare('SELECT id, name FROM departments WHERE office_id = ? AND deleted = 0 ORDER BY sort_order, name').all(officeId) as {
    id: string;
    name: string | null;
  }[];
  // Past the office's reporting deadline a department with open entries is marked for 催办.
  const context = lightContext(core);
  const ended = daysSinceEnd(parsePeriod(period), context.today) > context.settings.reportGraceDays;
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
 * Every task's quarter state and light and every indicator's light, for one quarter of this
 * office: the ledger's own scope and the one aggregation, so `cli status` and 总览 agree.
 */
export function progressStatus(core: Core, args: { period: string; includeSubmitted: boolean }): Status {
  const filter = ledgerFilter.parse({ period: args.period, includeSubmitted: args.includeSubmitted });
  const scope = loadScope(core, filter);
  const tasks = scope.tasks.map((task) => ({
    taskId: task.row.id,
    planId: task.row.plan_id,
    number: task.row.number ?? '',
    title: task.row.title ?? '',
    departments: task.leads.map((id) => scope.departmentNames.get(id) ?? ''),
    ...quarterMarks(task.quarter),
    light: task.light,
  }));
  const indicatorCounts = { total: 0, met: 0, close: 0, notMet: 0, noData: 0 };
  const indicators = scopeIndicators(core, scope, filter).map((indicator) => {
    indicatorCounts.total++;
    const color = indicator.light.color;
    if (color === 'green') indicatorCounts.met++;
    else if (color === 'yellow') indicatorCounts.close++;
    else if (color === 'red') indicatorCounts.notMet++;
    else indicatorCounts.noData++;
    return { indicatorId: indicator.id, name: indicator.name, unit: indicator.row.unit ?? '', value: indicator.value, light: indicator.light };
  });
  return { period: scope.period, asOf: scope.asOf, includeSubmitted: scope.includeSubmitted, counts: countQuarter(scope.tasks.map((task) => task.quarter)), indicatorCounts, tasks, indicators };
}

export const statusHandlers: HandlerMap<'progress.overview' | 'progress.status'> = {
  'progress.overview': ({ core }, args) => progressOverview(core, args.period),
  'progress.status': ({ core }, args) => progressStatus(core, args),
};
