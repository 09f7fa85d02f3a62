import { z } from 'zod';
import { defineCall } from './define';
import { requiredText, uuid } from './common';
import { light, periodText } from './progress';

/**
 * 标准指标库: one metric (居民健康素养水平, %) that every office's plan names in its own words.
 * Matching is by normalised name and unit; uncertain matches wait for the clerk, whose
 * decisions are replicated so a district that receives the catalog maps the same way.
 */
const comparator = z.enum(['>=', '<=', '=', '>', '<', 'between']);

export const catalogLink = z.object({
  indicatorId: uuid,
  officeId: uuid.nullable(),
  officeName: z.string(),
  planTitle: z.string(),
  name: z.string(),
  unit: z.string(),
  /** exact: same normalised name and unit; alias: one of the metric's aliases; confirmed: a clerk said so. */
  how: z.enum(['exact', 'alias', 'confirmed']),
});

export const metric = z.object({
  id: uuid,
  name: z.string(),
  unit: z.string(),
  comparator: comparator.nullable(),
  aliases: z.array(z.string()),
  links: z.array(catalogLink),
});
export type Metric = z.infer<typeof metric>;

export const catalogIndicator = z.object({
  indicatorId: uuid,
  officeId: uuid.nullable(),
  officeName: z.string(),
  planTitle: z.string(),
  name: z.string(),
  unit: z.string(),
});

export const catalogResult = z.object({
  metrics: z.array(metric),
  /** Indicators that look like a metric but not certainly: the clerk confirms or rejects. */
  pending: z.array(catalogIndicator.extend({ candidates: z.array(z.object({ metricId: uuid, name: z.string(), unit: z.string(), score: z.number() })) })),
  /** Indicators no metric resembles. */
  unmatched: z.array(catalogIndicator),
});
export type CatalogResult = z.infer<typeof catalogResult>;

export const compareResult = z.object({
  period: periodText,
  offices: z.array(
    z.object({
      officeId: uuid,
      name: z.string(),
      tasks: z.number(),
      /** By quarter state (countQuarter): 已完成, 按序时推进 (green), 滞后 split by light (yellow, red), 未填报 (grey). */
      done: z.number(),
      green: z.number(),
      yellow: z.number(),
      red: z.number(),
      grey: z.number(),
      /** Marks over the same tasks: 部分科室未报, 逾期未报. */
      partial: z.number(),
      late: z.number(),
      /** Done or green, as a share of the office's tasks (0–1); null without tasks. */
      onTrackShare: z.number().nullable(),
    }),
  ),
  metrics: z.array(
    z.object({
      metricId: uuid,
      name: z.string(),
      unit: z.string(),
      direction: z.enum(['up', 'down', 'band']),
      cells: z.array(z.object({ officeId: uuid, indicatorId: uuid.nullable(), value: z.number().nullable(), target: z.number().nullable(), light })),
    }),
  ),
});
export type CompareResult = z.infer<typeof compareResult>;

export const catalogApi = {
  'catalog.list': defineCall({
    summary: '标准指标库：标准指标及各单位对应的指标、待确认的匹配和未匹配的指标',
    args: z.object({}).strict(),
    result: catalogResult,
    errors: [],
  }),
  'catalog.createMetric': defineCall({
    summary: '新建标准指标（可同时把若干单位的指标对应到它）',
    args: z
      .object({
        name: requiredText('指标名称', 100),
        unit: z.string().trim().max(20, { error: '单位不能超过20个字' }),
        comparator: comparator.nullable().default(null),
        indicatorIds: z.array(uuid).max(1000).default([]),
      })
      .strict(),
    result: metric,
    errors: ['INVALID_ARGUMENT', 'CONFLICT', 'NOT_FOUND'],
  }),
  'catalog.fromIndicators': defineCall({
    summary: '把尚未匹配的指标按名称和单位归并，逐一建成标准指标',
    args: z.object({}).strict(),
    result: z.object({ created: z.number() }),
    errors: [],
  }),
  'catalog.updateMetric': defineCall({
    summary: '修改标准指标的名称、单位、方向或别名',
    args: z
      .object({
        id: uuid,
        name: requiredText('指标名称', 100).optional(),
        unit: z.string().trim().max(20, { error: '单位不能超过20个字' }).optional(),
        comparator: comparator.nullable().optional(),
        aliases: z.array(requiredText('别名', 100)).max(100).optional(),
      })
      .strict(),
    result: metric,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT'],
  }),
  'catalog.deleteMetric': defineCall({
    summary: '删除标准指标（各单位的指标不受影响）',
    args: z.object({ id: uuid }).strict(),
    result: z.null(),
    errors: ['NOT_FOUND'],
  }),
  'catalog.decide': defineCall({
    summary: '确认或否认某个指标与标准指标是同一指标（记住决定，随数据包下发）',
    args: z.object({ indicatorId: uuid, metricId: uuid, same: z.boolean() }).strict(),
    result: z.null(),
    errors: ['NOT_FOUND'],
  }),
  'dashboard.compare': defineCall({
    summary: '各单位对比：同一标准指标在各单位的数值和灯色，以及各单位任务完成情况',
    args: z
      .object({
        period: periodText,
        metricIds: z.array(uuid).max(200).default([]),
        /** 含待审核: count submitted entries too, as 总览 does with the same switch. */
        includeSubmitted: z.boolean().default(false),
      })
      .strict(),
    result: compareResult,
    errors: [],
  }),
} as const;
