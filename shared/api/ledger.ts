import { z } from 'zod';
import { defineCall } from './define';
import { optionalText, uuid } from './common';
import { light, periodText } from './progress';
import { lightColors, taskStatuses, workflowStates } from '../domain/progress-status';
import { leadReportKinds, quarterStates } from '../domain/quarter-state';
export { quarterCounts } from './quarter-counts';

/** A task with no entry for the quarter shows this instead of a status. */
export const NOT_REPORTED = '未填报';
export const ledgerStatuses = [...taskStatuses, NOT_REPORTED] as const;
export type LedgerStatus = (typeof ledgerStatuses)[number];

/** The quarter states and the two marks a chip can pick (each a filter of its own). */
export const PARTIAL_MARK = '部分科室未报';
export const LATE_MARK = '逾期未报';
export const quarterFilterStates = [...quarterStates, PARTIAL_MARK, LATE_MARK] as const;
export type QuarterFilterState = (typeof quarterFilterStates)[number];

/** One lead department's part in a task's quarter (see shared/domain/quarter-state.ts). */
export const leadStateSchema = z.object({
  departmentId: uuid,
  name: z.string(),
  kind: z.enum(leadReportKinds),
  counted: z.boolean(),
  awaitingReview: z.boolean(),
  late: z.boolean(),
  state: z.enum(quarterStates),
  light,
});
export type LeadStateRow = z.infer<typeof leadStateSchema>;


/**
 * What the ledger and the dashboard show: one office's tasks of the plans that cover the quarter,
 * narrowed by chips and a search. The same filter drives both, so a chart click can open the
 * ledger with exactly the tasks the bar counted.
 */
export const ledgerFilter = z
  .object({
    period: periodText,
    /** null: this installation's office. A city clerk may look at a district that synced to it. */
    officeId: uuid.nullable().default(null),
    planIds: z.array(uuid).max(500).default([]),
    departmentIds: z.array(uuid).max(500).default([]),
    sectionIds: z.array(uuid).max(2000).default([]),
    lights: z.array(z.enum(lightColors)).default([]),
    statuses: z.array(z.enum(ledgerStatuses, { error: `状态应为：${ledgerStatuses.join('、')}` })).default([]),
    overdue: z.boolean().default(false),
    /** Count submitted entries not yet approved as reported (marked 待审核); by default only approved entries count. */
    includeSubmitted: z.boolean().default(false),
    /** Quarter states (已完成 按序时推进 滞后 未填报) and marks (部分科室未报, 逾期未报). */
    states: z.array(z.enum(quarterFilterStates, { error: `应为：${quarterFilterStates.join('、')}` })).max(10).default([]),
    /** Words searched in task text, quarterly progress text and owners; two characters are enough. */
    search: optionalText('搜索内容', 100).default(''),
  })
  .strict();
export type LedgerFilter = z.output<typeof ledgerFilter>;
export type LedgerFilterInput = z.input<typeof ledgerFilter>;

export const ledgerRow = z.object({
  taskId: uuid,
  planId: uuid,
  planTitle: z.string(),
  sectionId: uuid.nullable(),
  sectionTitle: z.string().nullable(),
  number: z.string(),
  title: z.string(),
  departments: z.array(z.object({ id: uuid, name: z.string() })),
  units: z.array(z.string()),
  deadline: z.string().nullable(),
  /** The worst light over the lead departments whose entries count this quarter (grey when none). */
  light,
  /** The task's quarter state by the one aggregation rule. */
  state: z.enum(quarterStates),
  /** Each lead's part: counted or not, 待审核, 已退回修改, 逾期未报. */
  leads: z.array(leadStateSchema),
  /** 部分科室未报: some but not all leads reported. */
  partial: z.boolean(),
  status: z.enum(ledgerStatuses),
  percent: z.number().nullable(),
  workflowState: z.enum(workflowStates).nullable(),
  /** ISO time of the newest change to the quarter's entries, or null when nobody reported. */
  updatedAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Where the search words were found when not in the title: a short excerpt. */
  match: z.string().nullable(),
});
export type LedgerRow = z.infer<typeof ledgerRow>;

const facet = z.object({ id: uuid, label: z.string(), count: z.number() });

/** The ledger asks for its first screen first: `limit` rows, then everything. */
export const ledgerQueryArgs = ledgerFilter.extend({
  limit: z.number().int().min(1).max(1_000_000).nullable().default(null),
});

export const ledgerResult = z.object({
  /** False when only the first `limit` rows (in document order) were read; ask again without a limit for the rest. */
  complete: z.boolean(),
  period: periodText,
  asOf: z.string(),
  officeId: uuid,
  officeName: z.string(),
  /** Tasks in the quarter before chips and search. */
  total: z.number(),
  /** In document order: plan, section, task. */
  rows: z.array(ledgerRow),
  /** Choices for the chips, counted over the quarter's tasks before chips and search. */
  facets: z.object({ plans: z.array(facet), departments: z.array(facet), sections: z.array(facet.extend({ planId: uuid })) }),
});
export type LedgerResult = z.infer<typeof ledgerResult>;

const lightCounts = z.object({ green: z.number(), yellow: z.number(), red: z.number(), grey: z.number() });
export type LightCounts = z.infer<typeof lightCounts>;

export const dashboardSummary = z.object({
  period: periodText,
  asOf: z.string(),
  officeId: uuid,
  officeName: z.string(),
  cards: z.object({
    tasks: z.number(),
    done: z.number(),
    /** Reported and on pace. */
    onPace: z.number(),
    /** Reported and behind pace (yellow or red); never "did not report". */
    behind: z.number(),
    /** Past the task's deadline and not done. */
    overdue: z.number(),
    notReported: z.number(),
    /** Marks over the same tasks (see quarterCounts). */
    partial: z.number(),
    late: z.number(),
    awaitingReview: z.number(),
    returned: z.number(),
    indicatorsMet: z.number(),
    indicatorsClose: z.number(),
    indicatorsNotMet: z.number(),
    indicatorsNoData: z.number(),
  }),
  byDepartment: z.array(lightCounts.extend({ departmentId: uuid, name: z.string() })),
  bySection: z.array(lightCounts.extend({ sectionId: uuid, planId: uuid, title: z.string() })),
  byStatus: z.array(z.object({ status: z.enum(ledgerStatuses), count: z.number() })),
  /** Red and yellow tasks and indicators with their reason, newest report first. */
  lagging: z.array(
    z.object({
      kind: z.enum(['task', 'indicator']),
      id: uuid,
      title: z.string(),
      owners: z.array(z.string()),
      color: z.enum(['red', 'yellow']),
      reason: z.string(),
      updatedAt: z.string().nullable(),
    }),
  ),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const indicatorSeries = z.object({
  indicatorId: uuid,
  planId: uuid,
  name: z.string(),
  unit: z.string(),
  comparator: z.enum(['>=', '<=', '=', '>', '<', 'between']),
  /** up: higher is better (≥ targets); down: lower is better (≤ targets); band: a range or an exact value. */
  direction: z.enum(['up', 'down', 'band']),
  targetValue: z.number().nullable(),
  targetValueMax: z.number().nullable(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().nullable(),
  departmentName: z.string().nullable(),
  points: z.array(z.object({ period: z.string(), value: z.number().nullable(), expected: z.number().nullable(), light })),
  light,
});
export type IndicatorSeries = z.infer<typeof indicatorSeries>;

export const midtermIndicator = z.object({
  indicatorId: uuid,
  name: z.string(),
  unit: z.string(),
  comparator: z.enum(['>=', '<=', '=', '>', '<', 'between']),
  direction: z.enum(['up', 'down', 'band']),
  baselineYear: z.number().nullable(),
  baselineValue: z.number().nullable(),
  targetYear: z.number().nullable(),
  targetValue: z.number().nullable(),
  /** One point a year from the baseline year to the target year. */
  path: z.array(z.object({ year: z.number(), expected: z.number().nullable(), actual: z.number().nullable(), yearlyTarget: z.number().nullable(), light })),
  /** Where yearly or quarterly targets do not add up to the plan, in one Chinese sentence each. */
  flags: z.array(z.string()),
});
export type MidtermIndicator = z.infer<typeof midtermIndicator>;

export const ledgerApi = {
  'ledger.query': defineCall({
    summary: '任务台账：某季度的全部任务及灯色、状态、进度，可按计划、科室、章节、灯色、状态、逾期筛选和全文搜索',
    args: ledgerQueryArgs,
    result: ledgerResult,
    errors: ['NOT_FOUND'],
  }),
  'dashboard.summary': defineCall({
    summary: '总览：任务和指标的统计卡片、按科室和章节的灯色分布、状态分布和滞后事项',
    args: ledgerFilter,
    result: dashboardSummary,
    errors: ['NOT_FOUND'],
  }),
  'dashboard.indicators': defineCall({
    summary: '总览：每个指标各季度的实际值、序时目标、基数和灯色',
    args: ledgerFilter,
    result: z.array(indicatorSeries),
    errors: ['NOT_FOUND'],
  }),
  'dashboard.midterm': defineCall({
    summary: '中期评估：五年规划每个指标从基数到目标的逐年路径、实际值，以及年度目标与规划不衔接之处',
    args: z.object({ planId: uuid }).strict(),
    result: z.object({ planId: uuid, title: z.string(), yearFrom: z.number().nullable(), yearTo: z.number().nullable(), indicators: z.array(midtermIndicator) }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
} as const;
