import type { ReportEntry, ReportModel, ReportTask } from '../api/reports';
import { numberRuns } from './draft-text';

/*
 * The one paragraph of a 情况报告 that says what was not reported: how many tasks nobody
 * reported and how many only some leads did, then per reason (逾期未报, 尚未报送, 已退回修改,
 * 待审核) the departments with how many tasks and which ones: "公卫科2项（第4、12项）". A
 * quarter with 35 unreported tasks reads as three lines, not 35.
 */

export type MissingReason = 'late' | 'missing' | 'returned' | 'pending';

const REASON_ORDER: readonly MissingReason[] = ['late', 'missing', 'returned', 'pending'];
const REASON_TEXT: Record<MissingReason, string> = {
  late: '逾期未报',
  missing: '尚未报送',
  returned: '已退回修改，待重新报送',
  pending: '已报送、待办公室审核，未纳入本报告统计',
};

/** Whether a lead's entry counts in this report (approved, or submitted when 待审核 is included). */
export function entryCounts(entry: Pick<ReportEntry, 'report' | 'awaitingReview'>, includeSubmitted: boolean): boolean {
  return entry.report === 'reported' || (includeSubmitted && entry.report === 'pending-review' && entry.awaitingReview);
}

/** Why a lead's entry is not in the report, or null when it counts. */
export function missingReason(entry: ReportEntry, includeSubmitted: boolean): MissingReason | null {
  if (entryCounts(entry, includeSubmitted)) return null;
  if (entry.report === 'returned') return 'returned';
  if (entry.report === 'pending-review') return 'pending';
  return entry.late ? 'late' : 'missing';
}

/** The plan's name as a document cites it: 《2025年工作要点》 without the office in front. */
function planName(title: string, officeName: string): string {
  const own = officeName && title.startsWith(officeName) && title.length > officeName.length ? title.slice(officeName.length) : title;
  return /^《.*》$/.test(own) ? own : `《${own}》`;
}

const PLAIN_NUMBER = /^\d{1,4}$/;

/**
 * Which tasks, as the 台账 numbers them: 第4、12项; by plan when the report covers several;
 * by short title when a task has no plain number.
 */
function whichTasks(tasks: readonly ReportTask[], model: Pick<ReportModel, 'officeName'>, severalPlans: boolean, titleOf: (task: ReportTask) => string): string {
  const byPlan = new Map<string, { title: string; tasks: ReportTask[] }>();
  for (const task of tasks) {
    const group = byPlan.get(task.planId) ?? { title: task.planTitle, tasks: [] };
    group.tasks.push(task);
    byPlan.set(task.planId, group);
  }
  return [...byPlan.values()]
    .map((group) => {
      const numbered = group.tasks.filter((task) => PLAIN_NUMBER.test(task.number.trim()));
      const named = group.tasks.filter((task) => !PLAIN_NUMBER.test(task.number.trim())).map(titleOf);
      const parts = [numbered.length > 0 ? `第${numberRuns(numbered.map((task) => Number(task.number.trim())))}项` : '', ...named].filter(Boolean);
      return `${severalPlans ? planName(group.title, model.officeName) : ''}${parts.join('、')}`;
    })
    .join('，');
}

/**
 * The paragraph, or '' when every lead's entry counts. `titleOf` gives a task's short title
 * (for tasks without a plain number).
 */
export function unreportedParagraph(model: ReportModel, titleOf: (task: ReportTask) => string): string {
  const none = model.tasks.filter((task) => task.state === '未填报');
  const partial = model.tasks.filter((task) => task.state !== '未填报' && task.entries.some((entry) => !entryCounts(entry, model.includeSubmitted)));
  if (none.length === 0 && partial.length === 0) return '';
  const severalPlans = new Set(model.tasks.map((task) => task.planId)).size > 1;

  // reason → department → its tasks, in document order.
  const groups = new Map<MissingReason, Map<string, ReportTask[]>>();
  const unassigned: ReportTask[] = [];
  for (const task of [...none, ...partial].sort((a, b) => model.tasks.indexOf(a) - model.tasks.indexOf(b))) {
    if (task.entries.length === 0) unassigned.push(task);
    for (const entry of task.entries) {
      const reason = missingReason(entry, model.includeSubmitted);
      if (!reason) continue;
      const byDepartment = groups.get(reason) ?? new Map<string, ReportTask[]>();
      const list = byDepartment.get(entry.departmentName) ?? [];
      if (!list.includes(task)) list.push(task);
      byDepartment.set(entry.departmentName, list);
      groups.set(reason, byDepartment);
    }
  }

  const head = [none.length > 0 ? `未填报${none.length}项` : '', partial.length > 0 ? `部分科室未报${partial.length}项` : ''].filter(Boolean).join('，');
  const departments = new Set([...groups.values()].flatMap((byDepartment) => [...byDepartment.keys()]));
  const reasons = REASON_ORDER.filter((reason) => groups.has(reason)).map((reason) => {
    const listed = [...groups.get(reason)!].map(([name, tasks]) => `${name || '未指定科室'}${tasks.length}项（${whichTasks(tasks, model, severalPlans, titleOf)}）`);
    return `${listed.join('、')}${REASON_TEXT[reason]}`;
  });
  if (unassigned.length > 0) reasons.push(`${unassigned.length}项工作未明确牵头科室（${whichTasks(unassigned, model, severalPlans, titleOf)}），无人报送`);
  const involved = departments.size > 1 ? `，涉及${departments.size}个科室` : '';
  return `本季度重点工作中，${head}${involved}。具体为：${reasons.join('；')}。`;
}
