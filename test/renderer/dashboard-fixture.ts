import { randomUUID } from 'node:crypto';
import type { EntryFields } from '../../shared/api/progress';
import { createCoreApi, type CoreApi } from './core-api';

/** Local noon of a day: the same calendar date in every time zone the tests run in. */
export const localNoon = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
};

export const TODAY = '2025-04-20';

const entry = (overrides: Partial<EntryFields>): EntryFields => ({
  status: '推进中',
  percent: 30,
  progressText: '按计划推进。',
  problemsText: '',
  nextStepsText: '',
  ...overrides,
});

/** Indicators come only from imported plans; write them through the mutation layer as the import does. */
export function addIndicator(api: CoreApi, values: Record<string, unknown>): string {
  const id = randomUUID();
  api.test.core.mutations.run((w) => w.insert('indicators', id, { accumulation: 'point', task_id: null, department_id: null, sort_order: 1, ...values }));
  return id;
}

/** An entry as the quarter runs: the department submits it and the office (role 审核员) approves it. */
export async function approved(api: CoreApi, args: { period: string; taskId: string; departmentId: string; fields: EntryFields }) {
  const call = api.test.call;
  if ((await call('settings.get', {})).role !== 'reviewer') await call('settings.update', { role: 'reviewer' });
  const saved = await call('progress.save', { ...args, submit: true });
  return call('progress.review', { id: saved.id, decision: 'approve' });
}

/**
 * 2025 work points on 2025-04-20 (2025-Q2: a task due at the end of 2025 should be about 30% done).
 * 一、健康促进: 1 提升居民健康素养 (疾控科) 已完成 → done; 2 推进慢病防控 (疾控科) 40% → green, on pace.
 * 二、医疗服务: 3 保障母婴安全 (妇幼科) 25% → 5 points behind → yellow; 4 改善医疗服务 (医政科) no entry → grey, 未填报.
 * Every entry is submitted and approved by the office (only approved entries count by default).
 * Indicators: 孕产妇死亡率 ≤10 (baseline 14): Q1 12 (red), Q2 8.5 (green, falling is good);
 * 居民健康素养水平 ≥34%: Q2 20 (red).
 */
export async function seededDashboard() {
  const api = await createCoreApi({ now: () => localNoon(TODAY).getTime() });
  const call = api.test.call;
  const cdc = await call('departments.create', { name: '疾控科', aliases: [] });
  const mch = await call('departments.create', { name: '妇幼科', aliases: [] });
  const med = await call('departments.create', { name: '医政科', aliases: [] });
  const plan = await call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const health = await call('sections.create', { planId: plan.id, label: '一、', title: '健康促进' });
  const care = await call('sections.create', { planId: plan.id, label: '二、', title: '医疗服务' });
  const task = (sectionId: string, number: string, title: string, lead: string) =>
    call('tasks.create', { planId: plan.id, sectionId, number, title, deadline: '2025年12月底', leadDepartmentIds: [lead] });
  const literacy = await task(health.id, '1', '提升居民健康素养', cdc.id);
  const chronic = await task(health.id, '2', '推进慢病防控', cdc.id);
  const maternal = await task(care.id, '3', '保障母婴安全', mch.id);
  const service = await task(care.id, '4', '改善医疗服务', med.id);
  const Q2 = '2025-Q2';
  await approved(api, { period: Q2, taskId: literacy.id, departmentId: cdc.id, fields: entry({ status: '已完成', percent: 100, progressText: '全区监测点全部建成。' }) });
  await approved(api, { period: Q2, taskId: chronic.id, departmentId: cdc.id, fields: entry({ percent: 40, progressText: '建成慢病管理中心。' }) });
  await approved(api, { period: Q2, taskId: maternal.id, departmentId: mch.id, fields: entry({ percent: 25, progressText: '开展孕产妇风险筛查。' }) });
  const mortality = addIndicator(api, { plan_id: plan.id, name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target_value: 10, baseline_value: 14, value_kind: 'rate', department_id: mch.id });
  const literacyRate = addIndicator(api, { plan_id: plan.id, name: '居民健康素养水平', unit: '%', comparator: '>=', target_value: 34, value_kind: 'proportion', sort_order: 2 });
  await call('indicators.setValue', { indicatorId: mortality, period: '2025-Q1', value: 12 });
  await call('indicators.setValue', { indicatorId: mortality, period: Q2, value: 8.5 });
  await call('indicators.setValue', { indicatorId: literacyRate, period: Q2, value: 20 });
  return { api, cdc, mch, med, plan, health, care, literacy, chronic, maternal, service, mortality, literacyRate };
}

/**
 * 健康渝北“十四五”规划 2021–2025 with 婴儿死亡率 ≤3‰ from 4.0‰ in 2020: the path falls 0.2 a year
 * (3.8, 3.6, 3.4, 3.2, 3.0). Actual 2021 3.9 (above the path), 2022 3.5 (below it). The 2023 work
 * points set 3.5‰, above the 3.4‰ the path needs that year: one flag.
 */
export async function seededMidterm() {
  const api = await createCoreApi({ now: () => localNoon(TODAY).getTime() });
  const call = api.test.call;
  const plan = await call('plans.create', { kind: 'five-year-plan', title: '健康渝北“十四五”规划', yearFrom: 2021, yearTo: 2025 });
  await call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const annual = await call('plans.create', { kind: 'work-points', title: '2023年工作要点', yearFrom: 2023, yearTo: 2023 });
  const infant = addIndicator(api, { plan_id: plan.id, name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3, target_year: 2025, baseline_value: 4, baseline_year: 2020, value_kind: 'rate' });
  addIndicator(api, { plan_id: annual.id, name: '婴儿死亡率', unit: '‰', comparator: '<=', target_value: 3.5, value_kind: 'rate' });
  await call('indicators.setValue', { indicatorId: infant, period: '2021', value: 3.9 });
  await call('indicators.setValue', { indicatorId: infant, period: '2022', value: 3.5 });
  return { api, plan, infant };
}

/**
 * 2025 Q1 seen on 2025-04-20, after the reporting deadline (10 days after the quarter's end):
 * 1 推进慢病防控 (疾控科 + 医政科): 疾控科 approved 40% (on pace), 医政科 nothing → 部分科室未报, 医政科 逾期未报;
 * 2 保障母婴安全 (妇幼科): submitted, not yet approved → 未填报 and 待审核 (按序时推进 with 含待审核);
 * 3 改善医疗服务 (医政科): returned → 未填报, 已退回, and past the deadline 逾期未报;
 * 4 提升居民健康素养 (疾控科): approved 已完成.
 */
export async function seededPartial() {
  const api = await createCoreApi({ now: () => localNoon(TODAY).getTime() });
  const call = api.test.call;
  const cdc = await call('departments.create', { name: '疾控科', aliases: [] });
  const med = await call('departments.create', { name: '医政科', aliases: [] });
  const mch = await call('departments.create', { name: '妇幼科', aliases: [] });
  const plan = await call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const task = (number: string, title: string, leads: string[]) =>
    call('tasks.create', { planId: plan.id, sectionId: null, number, title, deadline: '2025年12月底', leadDepartmentIds: leads, responsibleUnits: [] });
  const chronic = await task('1', '推进慢病防控', [cdc.id, med.id]);
  const maternal = await task('2', '保障母婴安全', [mch.id]);
  const service = await task('3', '改善医疗服务', [med.id]);
  const literacy = await task('4', '提升居民健康素养', [cdc.id]);
  const Q1 = '2025-Q1';
  await approved(api, { period: Q1, taskId: chronic.id, departmentId: cdc.id, fields: entry({ percent: 40, progressText: '建成慢病管理中心。' }) });
  await call('progress.save', { period: Q1, taskId: maternal.id, departmentId: mch.id, fields: entry({ percent: 30, progressText: '开展孕产妇风险筛查。' }), submit: true });
  const returned = await call('progress.save', { period: Q1, taskId: service.id, departmentId: med.id, fields: entry({ percent: 20, progressText: '无。' }), submit: true });
  await call('progress.review', { id: returned.id, decision: 'return', comment: '请写明具体进展' });
  await approved(api, { period: Q1, taskId: literacy.id, departmentId: cdc.id, fields: entry({ status: '已完成', percent: 100, progressText: '全区监测点全部建成。' }) });
  return { api, cdc, med, mch, plan, chronic, maternal, service, literacy, period: Q1 };
}
