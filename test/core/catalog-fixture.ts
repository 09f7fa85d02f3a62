import type { Core } from '../../electron/core/core';
import { departmentId, indicatorValueId, officeId, progressReportId, uuidV5 } from '../../electron/core/ids';
import { createTestCore } from '../helpers/core';

/*
 * Other offices' plans as they arrive by 数据交换: offices, departments, plans, tasks, quarterly
 * entries, indicators and values written through the mutation layer, each office naming its
 * indicators in its own words.
 */

export interface SeedTask {
  readonly title: string;
  /** One entry per lead department; null: that lead has not reported. */
  readonly entries: ({ status: string; percent: number | null } | null)[];
  readonly milestones?: { period: string; text: string }[];
}

export interface SeedIndicator {
  readonly name: string;
  readonly unit: string;
  readonly comparator: string;
  readonly target: number;
  /** Values by period. */
  readonly values?: Record<string, number>;
}

export interface SeedPlan {
  readonly title: string;
  readonly yearFrom: number;
  readonly yearTo: number;
  readonly tasks?: SeedTask[];
  readonly indicators?: SeedIndicator[];
}

export interface SeededOffice {
  readonly id: string;
  readonly name: string;
  /** Indicator ids by plan title and indicator name. */
  indicator(planTitle: string, name: string): string;
}

export function seedOffice(core: Core, name: string, plans: SeedPlan[], period = '2025-Q2'): SeededOffice {
  const office = officeId(`seed:${name}`);
  const indicators = new Map<string, string>();
  core.mutations.run((writer) => {
    writer.insert('offices', office, { name, code: null, level: 'district', parent_id: null });
    const leads = ['疾控科', '医政科'].map((dept, index) => {
      const id = departmentId(office, dept);
      writer.insert('departments', id, { office_id: office, name: dept, aliases: [], sort_order: index + 1 });
      return id;
    });
    for (const plan of plans) {
      const planId = uuidV5(`seed-plan:${office}:${plan.title}`);
      writer.insert('plans', planId, { office_id: office, kind: 'work-points', title: plan.title, year_from: plan.yearFrom, year_to: plan.yearTo });
      (plan.tasks ?? []).forEach((task, t) => {
        const taskId = uuidV5(`seed-task:${planId}:${t}`);
        const taskLeads = leads.slice(0, task.entries.length);
        writer.insert('tasks', taskId, {
          plan_id: planId,
          number: String(t + 1),
          sort_order: t + 1,
          title: task.title,
          deadline: `${plan.yearTo}年12月底`,
          due_date: `${plan.yearTo}-12-31`,
          lead_department_ids: taskLeads,
          responsible_units: [],
          milestones: task.milestones ?? null,
        });
        task.entries.forEach((entry, e) => {
          if (!entry) return;
          writer.insert('progress_reports', progressReportId(taskId, taskLeads[e]!, period), {
            task_id: taskId,
            department_id: taskLeads[e]!,
            period,
            status: entry.status,
            percent: entry.percent,
            progress_text: '按计划推进。',
            problems_text: '',
            next_steps_text: '',
            workflow_state: 'approved',
          });
        });
      });
      (plan.indicators ?? []).forEach((spec, i) => {
        const id = uuidV5(`seed-indicator:${planId}:${i}`);
        indicators.set(`${plan.title}|${spec.name}`, id);
        writer.insert('indicators', id, {
          plan_id: planId,
          name: spec.name,
          unit: spec.unit,
          comparator: spec.comparator,
          target_value: spec.target,
          target_year: plan.yearTo,
          value_kind: 'rate',
          accumulation: 'point',
          sort_order: i + 1,
        });
        for (const [at, value] of Object.entries(spec.values ?? {})) {
          writer.insert('indicator_values', indicatorValueId(id, office, at), { indicator_id: id, office_id: office, period: at, value, note: null });
        }
      });
    }
  });
  return {
    id: office,
    name,
    indicator: (planTitle, indicatorName) => {
      const id = indicators.get(`${planTitle}|${indicatorName}`);
      if (!id) throw new Error(`no indicator ${indicatorName} in ${planTitle}`);
      return id;
    },
  };
}

/** Local noon of a calendar day, so the date is the same in every time zone. */
export function localNoon(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
}

export const WORK_POINTS = (district: string) => `${district}2025年卫生健康工作要点`;
const task = (title: string, ...entries: SeedTask['entries']): SeedTask => ({ title, entries });

/*
 * 2025 Q2 is judged at 30 June: a task due 31 December should be 181/365 ≈ 49.6% done.
 * 50% is green, 45% yellow (under 10 points behind), 30% red, 滞后 red, no entry red.
 */
export async function cityWithThreeDistricts() {
  const t = await createTestCore({ officeName: '重庆市卫生健康委', now: () => localNoon('2025-07-10') });
  const offices = seedThreeDistricts(t.core);
  await t.call('catalog.fromIndicators', {});
  return { t, ...offices };
}

/** The three districts of 2025 Q2 (judged on 10 July 2025), plus two offices that do not count for 2025. */
export function seedThreeDistricts(core: Core) {
  // 江北: done, green, yellow, red, and a two-lead task where one lead is far behind → red. 2 of 5 on track.
  const jiangbei = seedOffice(core, '江北区卫生健康委', [
    {
      title: WORK_POINTS('江北区'),
      yearFrom: 2025,
      yearTo: 2025,
      tasks: [
        task('推进紧密型医共体建设', { status: '已完成', percent: 100 }),
        task('完善家庭医生签约服务', { status: '推进中', percent: 50 }),
        task('建设智慧医院', { status: '推进中', percent: 45 }),
        task('提升院前急救能力', { status: '推进中', percent: 30 }),
        task('开展慢病综合防控', { status: '推进中', percent: 60 }, { status: '推进中', percent: 30 }),
      ],
      indicators: [
        { name: '全区居民健康素养水平', unit: '%', comparator: '>=', target: 30, values: { '2025-Q2': 32, '2025-Q1': 20 } },
        { name: '孕产妇死亡率（1/10万）', unit: '', comparator: '<=', target: 10, values: { '2025-Q2': 12 } },
        { name: '婴儿死亡率', unit: '‰', comparator: '<=', target: 3, values: { '2025-Q2': 3.5 } },
      ],
    },
    // The five-year plan also names the metric, without a value this quarter: the work points' indicator is used.
    { title: '江北区卫生健康“十四五”规划', yearFrom: 2021, yearTo: 2025, indicators: [{ name: '居民健康素养水平', unit: '%', comparator: '>=', target: 35 }] },
  ]);
  // 南岸: two done, one 长期坚持 (green), one waiting for its Q4 milestone (grey). 3 of 4 on track.
  const nanan = seedOffice(core, '南岸区卫生健康委', [
    {
      title: WORK_POINTS('南岸区'),
      yearFrom: 2025,
      yearTo: 2025,
      tasks: [
        task('推进公立医院改革', { status: '已完成', percent: 100 }),
        task('建设区域医疗中心', { status: '已办结', percent: 100 }),
        task('开展爱国卫生运动', { status: '长期坚持', percent: null }),
        { title: '建成托育综合服务中心', entries: [null], milestones: [{ period: '2025-Q4', text: '建成投用' }] },
      ],
      indicators: [
        { name: '居民健康素养水平（%）', unit: '', comparator: '>=', target: 30, values: { '2025-Q2': 29 } },
        { name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target: 10, values: { '2025-Q2': 8 } },
        { name: '婴儿死亡率', unit: '‰', comparator: '<=', target: 3, values: { '2025-Q2': 4 } },
      ],
    },
  ]);
  // 北碚: 滞后, nobody reported, one on pace. 1 of 3 on track.
  const beibei = seedOffice(core, '北碚区卫生健康委', [
    {
      title: WORK_POINTS('北碚区'),
      yearFrom: 2025,
      yearTo: 2025,
      tasks: [task('推进中医馆建设', { status: '滞后', percent: 20 }), task('加强职业病防治', null), task('提升心理健康服务', { status: '推进中', percent: 55 })],
      indicators: [
        { name: '城乡居民健康素养水平', unit: '％', comparator: '>=', target: 30, values: { '2025-Q2': 25 } },
        { name: '孕产妇死亡率', unit: '1/10万', comparator: '<=', target: 10 },
        { name: '婴儿死亡率', unit: '‰', comparator: '<=', target: 3, values: { '2025-Q2': 2.5 } },
      ],
    },
  ]);
  // Neither counts for 2025: a district with only a 2024 plan, and one whose 2025 plan has no tasks.
  seedOffice(core, '渝中区卫生健康委', [{ title: '渝中区2024年工作要点', yearFrom: 2024, yearTo: 2024, tasks: [task('旧任务', { status: '推进中', percent: 10 })] }]);
  seedOffice(core, '大渡口区卫生健康委', [{ title: '大渡口区2025年指标', yearFrom: 2025, yearTo: 2025, indicators: [{ name: '居民健康素养水平', unit: '%', comparator: '>=', target: 30, values: { '2025-Q2': 10 } }] }]);
  return { jiangbei, nanan, beibei };
}

export const literacy = (name: string, unit: string): SeedIndicator => ({ name, unit, comparator: '>=', target: 30 });

/**
 * Three districts naming the same indicators in their own words: 居民健康素养水平 three ways (and
 * 居民健康素养 once), 孕产妇死亡率 twice, 婴儿死亡率 and 新生儿死亡率 once each.
 */
export function seedVariantDistricts(core: Core) {
  const jiangbei = seedOffice(core, '江北区卫生健康委', [
    {
      title: '江北区2025年工作要点',
      yearFrom: 2025,
      yearTo: 2025,
      indicators: [literacy('全区居民健康素养水平', '%'), { name: '孕产妇死亡率（1/10万）', unit: '', comparator: '<=', target: 10 }, { name: '新生儿死亡率', unit: '‰', comparator: '<=', target: 2 }],
    },
  ]);
  const nanan = seedOffice(core, '南岸区卫生健康委', [
    { title: '南岸区2025年工作要点', yearFrom: 2025, yearTo: 2025, indicators: [literacy('居民健康素养水平（%）', ''), { name: '孕产妇死亡率', unit: '/10万', comparator: '<=', target: 12 }, literacy('居民健康素养', '%')] },
  ]);
  const beibei = seedOffice(core, '北碚区卫生健康委', [
    { title: '北碚区2025年工作要点', yearFrom: 2025, yearTo: 2025, indicators: [literacy('城乡居民健康素养水平', '％'), { name: '婴儿死亡率', unit: '‰', comparator: '<=', target: 3 }] },
  ]);
  return { jiangbei, nanan, beibei };
}
