import fs from 'node:fs';
import path from 'node:path';
import type { CallArgs, CallName, CallResult } from '../../shared/api';
import type { PlanDetail, Task } from '../../shared/api/plans';
import type { EntryFields } from '../../shared/api/progress';
import { draftFromPreview } from '../../electron/cli/commands';
import { launchApp, type App } from './harness';

/*
 * Data the pages under test start from. Setup and import are not under test in these files:
 * straight to the core, as the CLI does.
 */

export const OFFICE = '渝北区卫生健康委';
export const sample = (...parts: string[]) => path.resolve('..', 'shared', 'samples', ...parts);
/** The office's real 2025 work points: 39 tasks in sections, many departments, indicators. */
export const YUBEI_WORK_POINTS = sample('formats', 'yubei-2025-work-points.docx');

/** One call to the core behind the page; a refusal fails the test with the core's message. */
export async function callCore<N extends CallName>(app: App, name: N, args: CallArgs<N>): Promise<CallResult<N>> {
  const result = await app.client.invoke(name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** The office's PC, set up and with its clerk named. */
export async function initOffice(app: App): Promise<void> {
  await callCore(app, 'system.init', { officeName: OFFICE });
  await callCore(app, 'settings.update', { clerkName: '李娟' });
}

/** Import a plan file as the import page saves it, creating the departments it names; `patch` corrects the draft. */
export async function importPlan(app: App, file: string, patch: Partial<CallArgs<'imports.save'>['draft']> = {}): Promise<CallResult<'imports.save'>> {
  const preview = await callCore(app, 'imports.parse', { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') });
  const owners = preview.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
  return callCore(app, 'imports.save', { draft: { ...draftFromPreview(preview), ...patch }, source: preview.source, owners, planId: null, acceptedChanges: null });
}

/** An initialised office with the Yubei work points imported: the plan as the core holds it. */
export async function officeWithWorkPoints(app: App): Promise<PlanDetail> {
  await initOffice(app);
  const saved = await importPlan(app, YUBEI_WORK_POINTS);
  return callCore(app, 'plans.get', { id: saved.planId });
}

const entry = (fields: Partial<EntryFields>): EntryFields => ({ status: '推进中', percent: 30, progressText: '', problemsText: '', nextStepsText: '', ...fields });

/**
 * A spring of reports on the work points, as the departments would enter and submit them and
 * the office approve them: 疾控科 on 1, 3 and 4 (4 滞后), 人口家庭科 on 6, 公卫科 on 7 (已完成),
 * 中医科 on 12.
 */
async function reportSpring(app: App, plan: PlanDetail, period: string): Promise<void> {
  const departments = await callCore(app, 'departments.list', {});
  const dept = (name: string) => departments.find((d) => d.name === name)!.id;
  const task = (number: string) => plan.tasks.find((t) => t.number === number)!;
  await callCore(app, 'settings.update', { role: 'reviewer' });
  const report = async (number: string, department: string, fields: Partial<EntryFields>) => {
    const saved = await callCore(app, 'progress.save', { period, taskId: task(number).id, departmentId: dept(department), fields: entry(fields), submit: true });
    await callCore(app, 'progress.review', { id: saved.id, decision: 'approve', comment: '' });
  };
  await report('1', '疾控科', { percent: 50, progressText: '完成区疾控中心实验室改造，组织流调队伍拉练两次，储备防护物资。' });
  await report('3', '疾控科', { percent: 45, progressText: '开展健康素养监测入户调查。' });
  await report('4', '疾控科', { status: '滞后', percent: 10, problemsText: '结核病筛查进度慢。' });
  await report('6', '人口家庭科', { percent: 60, progressText: '新增普惠托位180个，2家托育机构通过备案。' });
  await report('7', '公卫科', { status: '已完成', percent: 100, progressText: '在册患者规范管理率达到95%。' });
  await report('12', '中医科', { percent: 20, progressText: '推进胸痛中心建设。' });
}

/** The browser host on a fresh database holding the work points and the spring of reports, the page reloaded to show them. */
export async function launchWithSpringReports(period: string): Promise<App> {
  const app = await launchApp();
  await reportSpring(app, await officeWithWorkPoints(app), period);
  await app.page.reload();
  return app;
}

export type PatternStep = Pick<EntryFields, 'status' | 'percent'> | null;
type EntryTexts = Pick<EntryFields, 'progressText' | 'problemsText' | 'nextStepsText'>;

/**
 * Every lead department reports each task (submitted and approved by the office), the tasks taking the steps of `pattern` in turn (a
 * null step leaves the task unreported); `texts` words the entry.
 */
export async function reportInPattern(
  app: App,
  plan: PlanDetail,
  period: string,
  pattern: readonly PatternStep[],
  texts: (step: NonNullable<PatternStep>, index: number, task: Task) => EntryTexts,
): Promise<void> {
  await callCore(app, 'settings.update', { role: 'reviewer' });
  for (const [index, task] of plan.tasks.entries()) {
    const step = pattern[index % pattern.length];
    if (!step) continue;
    for (const departmentId of task.leadDepartmentIds) {
      // Submitted and approved: what the office counts and reports.
      const saved = await callCore(app, 'progress.save', { period, taskId: task.id, departmentId, fields: { ...step, ...texts(step, index, task) }, submit: true });
      await callCore(app, 'progress.review', { id: saved.id, decision: 'approve', comment: '' });
    }
  }
}

/** Set an indicator's value; counts take whole numbers (the core says so), and the clerk then rounds. */
export async function setIndicatorValue(app: App, indicatorId: string, period: string, value: number): Promise<void> {
  const saved = await app.client.invoke('indicators.setValue', { indicatorId, period, value });
  if (!saved.ok) await callCore(app, 'indicators.setValue', { indicatorId, period, value: Math.round(value) });
}
