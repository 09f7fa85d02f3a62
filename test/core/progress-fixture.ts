import { randomUUID } from 'node:crypto';
import type { DirectoryEntry } from '../../shared/api/directory';
import type { EntryFields } from '../../shared/api/progress';
import type { PlanSummary, Task } from '../../shared/api/plans';
import { createTestCore, type TestCore } from '../helpers/core';

/** Local noon of a calendar day, so the date is the same in every time zone the tests run in. */
export function localNoon(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
}

export interface QuarterFixture {
  t: TestCore;
  /** Move "today" (the core's injectable clock). */
  setToday(date: string): void;
  cdc: DirectoryEntry;
  mch: DirectoryEntry;
  med: DirectoryEntry;
  plan: PlanSummary;
  /** 1 led by 疾控科; 2 led by 疾控科 and 医政科; 3 led by 妇幼科. */
  literacy: Task;
  chronic: Task;
  maternal: Task;
}

/**
 * A district office with three departments and the 2025 work points (three tasks due at the
 * end of 2025), on a fixed clock.
 */
export async function quarterFixture(options: { today?: string; file?: string } = {}): Promise<QuarterFixture> {
  let now = localNoon(options.today ?? '2025-04-20');
  const t = await createTestCore({ now: () => now, ...(options.file ? { file: options.file } : {}) });
  const cdc = await t.call('departments.create', { name: '疾控科', aliases: ['疾病预防控制科'] });
  const mch = await t.call('departments.create', { name: '妇幼科' });
  const med = await t.call('departments.create', { name: '医政科' });
  const plan = await t.call('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 });
  const section = await t.call('sections.create', { planId: plan.id, label: '一、', title: '推进健康渝北建设' });
  const literacy = await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '1', title: '提升居民健康素养', deadline: '2025年12月底', leadDepartmentIds: [cdc.id] });
  const chronic = await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '2', title: '推进慢病防控', deadline: '2025年12月底', leadDepartmentIds: [cdc.id, med.id] });
  const maternal = await t.call('tasks.create', { planId: plan.id, sectionId: section.id, number: '3', title: '保障母婴安全', deadline: '2025年12月底', leadDepartmentIds: [mch.id] });
  return {
    t,
    setToday: (date) => {
      now = localNoon(date);
    },
    cdc,
    mch,
    med,
    plan,
    literacy,
    chronic,
    maternal,
  };
}

/** A department's entry as the office counts it: saved, submitted and approved. */
export async function approved(t: TestCore, args: { period: string; taskId: string; departmentId: string; fields: EntryFields }): Promise<void> {
  const entry = await t.call('progress.save', { ...args, submit: true });
  // The office PC reviews.
  if ((await t.call('settings.get', {})).role !== 'reviewer') await t.call('settings.update', { role: 'reviewer' });
  await t.call('progress.review', { id: entry.id, decision: 'approve', comment: '' });
}

export const fields = (overrides: Partial<EntryFields> = {}): EntryFields => ({
  status: '推进中',
  percent: 30,
  progressText: '已开展健康素养监测，覆盖全区11个镇街。',
  problemsText: '基层人员力量不足。',
  nextStepsText: '下季度开展入户调查。',
  ...overrides,
});

export interface IndicatorValues {
  plan_id: string;
  name: string;
  unit: string;
  comparator: string;
  target_value: number | null;
  value_kind: string;
  accumulation?: string;
  task_id?: string | null;
  department_id?: string | null;
  baseline_value?: number | null;
  target_value_max?: number | null;
  pace?: number[] | null;
  sort_order?: number;
}

/** Indicators come from imported plans; tests write them through the mutation layer like the import does. */
export function addIndicator(t: TestCore, values: IndicatorValues): string {
  const id = randomUUID();
  t.core.mutations.run((writer) => writer.insert('indicators', id, { accumulation: 'point', task_id: null, department_id: null, sort_order: 1, ...values }));
  return id;
}

export function changeCount(t: TestCore): number {
  return (t.core.db.prepare('SELECT COUNT(*) AS n FROM change_log').get() as { n: number }).n;
}
