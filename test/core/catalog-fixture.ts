import type { Core } from '../../electron/core/core';
import { departmentId, indicatorValueId, officeId, progressReportId, uuidV5 } from '../../electron/core/ids';

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
