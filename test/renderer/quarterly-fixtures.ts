import { FakeLedger } from './fake-ledger';

/** A district office with 疾控科 leading three 2025 tasks and 医政科 one; today is 3 March 2025. */
export async function seedQuarter(options: { reviewer?: boolean } = {}) {
  const fake = new FakeLedger({ clerkName: '李娟' });
  const cdc = await fake.act('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
  const medical = await fake.act('departments.create', { name: '医政科', aliases: [] });
  fake.setOwnDepartment(cdc.id, '疾病预防控制科');
  const plan = await fake.act('plans.create', { kind: 'work-points', title: '2025年全区卫生健康工作要点', yearFrom: 2025, yearTo: 2025 });
  const section = await fake.act('sections.create', { planId: plan.id, label: '一、', title: '加强公共卫生体系建设' });
  const make = (number: string, title: string, lead: string) =>
    fake.act('tasks.create', { planId: plan.id, sectionId: section.id, number, title, leadDepartmentIds: [lead], deadline: '2025年12月底前' });
  const vaccines = await make('1', '做好免疫规划工作', cdc.id);
  const outbreaks = await make('2', '做好传染病防控', cdc.id);
  const screening = await make('3', '开展慢性病筛查', cdc.id);
  const hospitals = await make('4', '改善医疗服务', medical.id);
  if (options.reviewer) await fake.act('settings.update', { role: 'reviewer' });
  return { fake, cdc, medical, plan, section, tasks: { vaccines, outbreaks, screening, hospitals } };
}

/** Review as the office would: the core wants the 审核员 role for it. */
export async function review(fake: FakeLedger, id: string, decision: 'approve' | 'return', comment = '') {
  const { role } = await fake.act('settings.get', {});
  await fake.act('settings.update', { role: 'reviewer' });
  const result = await fake.act('progress.review', { id, decision, comment });
  await fake.act('settings.update', { role });
  return result;
}

export const TODAY = new Date(2025, 2, 3, 9, 30);

export const fields = (progressText: string, overrides: Record<string, unknown> = {}) => ({
  status: '推进中' as const,
  percent: 25,
  progressText,
  problemsText: '',
  nextStepsText: '',
  ...overrides,
});
