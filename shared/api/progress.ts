import { z } from 'zod';
import { defineCall } from './define';
import { optionalText, requiredText, uuid, year } from './common';
import { lightColors, taskStatuses, workflowStates } from '../domain/progress-status';
import { quarterStates } from '../domain/quarter-state';
import { quarterCounts } from './quarter-counts';

const indicatorNumber = (label: string) => z.number({ error: `${label}必须是数字` }).finite({ error: `${label}必须是有限的数字` });

export const periodText = z.string().regex(/^\d{4}-Q[1-4]$/, { error: '季度格式应为 2025-Q1' });
export const light = z.object({ color: z.enum(lightColors), reason: z.string() });
const taskStatus = z.enum(taskStatuses, { error: `状态应为：${taskStatuses.join('、')}` });

/** The texts and status a department writes for one task in one quarter. */
export const entryFields = z.object({
  status: taskStatus,
  percent: z.number({ error: '完成百分比必须是数字' }).min(0, { error: '完成百分比不能小于0' }).max(100, { error: '完成百分比不能超过100' }).nullable(),
  progressText: optionalText('进展情况', 5000),
  problemsText: optionalText('存在问题', 5000),
  nextStepsText: optionalText('下步打算', 5000),
});
export type EntryFields = z.infer<typeof entryFields>;

export const attachment = z.object({ id: uuid, fileName: z.string(), mime: z.string(), size: z.number(), sha256: z.string() });
export type Attachment = z.infer<typeof attachment>;

export const entry = entryFields.extend({
  id: uuid,
  taskId: uuid,
  departmentId: uuid,
  period: periodText,
  workflowState: z.enum(workflowStates),
  reviewComment: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  attachments: z.array(attachment),
});
export type Entry = z.infer<typeof entry>;

/** Autosaved, unsent typing: local to this PC and outside the change log. */
export const draftFields = entryFields.partial().extend({ savedAt: z.string() });
export type DraftFields = z.infer<typeof draftFields>;

export const sheetTask = z.object({
  id: uuid,
  planId: uuid,
  planTitle: z.string(),
  sectionTitle: z.string().nullable(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  deadline: z.string().nullable(),
  entry: entry.nullable(),
  previous: entry.nullable(),
  draft: draftFields.nullable(),
  light,
});
export type SheetTask = z.infer<typeof sheetTask>;

export const indicatorRow = z.object({
  id: uuid,
  planId: uuid,
  taskId: uuid.nullable(),
  departmentId: uuid.nullable(),
  name: z.string(),
  unit: z.string(),
  comparator: z.enum(['>=', '<=', '=', '>', '<', 'between']),
  targetValue: z.number().nullable(),
  targetValueMax: z.number().nullable(),
  targetYear: z.number().nullable(),
  baselineValue: z.number().nullable(),
  baselineYear: z.number().nullable(),
  valueKind: z.enum(['proportion', 'rate', 'count', 'amount', 'growth', 'other']),
  accumulation: z.enum(['cumulative', 'point']),
  pace: z.array(z.number()).nullable(),
  /** Values by period (`2025-Q1`, or `2025` for yearly plans). */
  values: z.record(z.string(), z.object({ value: z.number(), note: z.string().nullable(), light })),
});
export type IndicatorRow = z.infer<typeof indicatorRow>;

const entryKey = { taskId: uuid, departmentId: uuid, period: periodText };

export const progressApi = {
  'progress.sheet': defineCall({
    summary: '某科室某季度要填报的任务和指标（含上季度内容、草稿和灯色）',
    args: z.object({ period: periodText, departmentId: uuid }).strict(),
    result: z.object({ period: periodText, departmentId: uuid, departmentName: z.string(), tasks: z.array(sheetTask), indicators: z.array(indicatorRow) }),
    errors: ['NOT_FOUND'],
  }),
  'progress.saveDraft': defineCall({
    summary: '自动保存填写中的内容（只存在本机，不进入修改记录）',
    args: z.object({ ...entryKey, fields: entryFields.partial() }).strict(),
    result: draftFields,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'progress.reasonDraft': defineCall({
    summary: '退回意见、解锁原因写到一半时自动保存在本机（不进入修改记录），关闭窗口后再打开仍在；text 为空则只读取，clear 为真则删除',
    args: z
      .object({
        entryId: uuid,
        kind: z.enum(['return', 'unlock']),
        text: optionalText('内容', 1000).optional(),
        clear: z.boolean().default(false),
      })
      .strict(),
    result: z.object({ text: z.string(), savedAt: z.string() }).nullable(),
    errors: [],
  }),
  'progress.save': defineCall({
    summary: '保存（并可提交）一项任务的季度进展',
    args: z.object({ ...entryKey, fields: entryFields, submit: z.boolean().default(false) }).strict(),
    result: entry,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT', 'LOCKED'],
  }),
  'progress.carryForward': defineCall({
    summary: '沿用上季度：把上季度的内容复制为本季度草稿（不指定任务时处理全部任务）',
    args: z.object({ departmentId: uuid, period: periodText, taskId: uuid.nullable().default(null) }).strict(),
    result: z.array(z.object({ taskId: uuid, draft: draftFields })),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'progress.review': defineCall({
    summary: '办公室审核：通过，或退回并写明原因',
    args: z
      .object({ id: uuid, decision: z.enum(['approve', 'return']), comment: optionalText('审核意见', 1000).default('') })
      .strict()
      .refine((a) => a.decision === 'approve' || a.comment.trim() !== '', { error: '退回时请写明原因', path: ['comment'] }),
    result: entry,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT'],
  }),
  'progress.unlock': defineCall({
    summary: '解锁已审核的进展（需写明原因，记入修改记录）',
    args: z.object({ id: uuid, reason: requiredText('解锁原因', 500) }).strict(),
    result: entry,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'CONFLICT'],
  }),
  'progress.overview': defineCall({
    summary: '办公室总览：各科室本季度未填、已提交、已退回、已审核的数量和催办标记',
    args: z.object({ period: periodText }).strict(),
    result: z.array(
      z.object({
        departmentId: uuid,
        departmentName: z.string(),
        tasks: z.number(),
        missing: z.number(),
        draft: z.number(),
        submitted: z.number(),
        returned: z.number(),
        approved: z.number(),
        /** 催办: the quarter has ended (plus grace days) and something is still missing or returned. */
        late: z.boolean(),
      }),
    ),
    errors: [],
  }),
  'progress.taskDetail': defineCall({
    summary: '一项任务各季度、各科室的填报内容',
    args: z.object({ taskId: uuid }).strict(),
    result: z.object({
      task: sheetTask.omit({ entry: true, previous: true, draft: true, light: true }),
      entries: z.array(
        entry.extend({
          departmentName: z.string(),
          light,
          /** Who last changed what the department writes (not the approval, which is newer). */
          writtenBy: z.string().nullable(),
          writtenAt: z.string().nullable(),
          /** Who approved or returned it, while that decision stands. */
          reviewedBy: z.string().nullable(),
          reviewedAt: z.string().nullable(),
        }),
      ),
    }),
    errors: ['NOT_FOUND'],
  }),
  'progress.status': defineCall({
    summary: '某季度每项任务和每个指标的灯色及原因',
    args: z.object({ period: periodText, includeSubmitted: z.boolean().default(false) }).strict(),
    result: z.object({
      period: periodText,
      asOf: z.string(),
      /** Submitted entries were counted (含待审核), not only approved ones. */
      includeSubmitted: z.boolean(),
      /** The same counts 总览 and the reports show (one aggregation). */
      counts: quarterCounts,
      indicatorCounts: z.object({ total: z.number(), met: z.number(), close: z.number(), notMet: z.number(), noData: z.number() }),
      tasks: z.array(
        z.object({
          taskId: uuid,
          planId: uuid,
          number: z.string(),
          title: z.string(),
          departments: z.array(z.string()),
          state: z.enum(quarterStates),
          partial: z.boolean(),
          /** Leads whose report does not count yet, those 逾期未报, returned, awaiting review. */
          missing: z.array(z.string()),
          late: z.array(z.string()),
          returned: z.array(z.string()),
          awaitingReview: z.array(z.string()),
          light,
        }),
      ),
      indicators: z.array(z.object({ indicatorId: uuid, name: z.string(), unit: z.string(), value: z.number().nullable(), light })),
    }),
    errors: [],
  }),
  'indicators.list': defineCall({
    summary: '指标及其各期数值和灯色',
    args: z.object({ planId: uuid.nullable().default(null), departmentId: uuid.nullable().default(null) }).strict(),
    result: z.array(indicatorRow),
    errors: [],
  }),
  'indicators.setValue': defineCall({
    summary: '填报指标某期的数值（按指标类型检查）',
    args: z.object({ indicatorId: uuid, period: z.string().regex(/^\d{4}(-Q[1-4])?$/, { error: '期间格式应为 2025-Q1 或 2025' }), value: z.number({ error: '数值必须是数字' }).finite({ error: '数值必须是有限的数字' }), note: optionalText('说明', 1000).default('') }).strict(),
    result: z.object({ indicator: indicatorRow, warning: z.string().nullable() }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'indicators.update': defineCall({
    summary: '修改指标：名称、比较方式、目标值或区间、单位、基数及年份、目标年份、类型、累计方式、序时进度、责任科室',
    args: z
      .object({
        id: uuid,
        name: requiredText('指标名称', 300).optional(),
        comparator: z.enum(['>=', '<=', '=', '>', '<', 'between'], { error: '比较方式不正确' }).optional(),
        targetValue: indicatorNumber('目标值').nullable().optional(),
        /** The upper end of a range (比较方式“区间”); cleared for any other comparator. */
        targetValueMax: indicatorNumber('目标上限').nullable().optional(),
        unit: optionalText('单位', 20).optional(),
        baselineValue: indicatorNumber('基数').nullable().optional(),
        baselineYear: year.nullable().optional(),
        targetYear: year.nullable().optional(),
        valueKind: z.enum(['proportion', 'rate', 'count', 'amount', 'growth', 'other']).optional(),
        accumulation: z.enum(['cumulative', 'point']).optional(),
        pace: z.array(z.number().min(0).max(1)).length(4, { error: '序时进度应为四个季度的比例' }).nullable().optional(),
        departmentId: uuid.nullable().optional(),
      })
      .strict(),
    result: indicatorRow,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'attachments.add': defineCall({
    summary: '为季度进展添加佐证材料（pdf、docx、xlsx、jpg、png，单个不超过20MB）',
    args: z.object({ ...entryKey, fileName: requiredText('文件名', 255), contentBase64: z.string().max(28_000_000, { error: '佐证材料不能超过20MB，请压缩或拆分后再上传' }) }).strict(),
    result: attachment,
    errors: ['INVALID_ARGUMENT', 'NOT_FOUND', 'LOCKED'],
  }),
  'attachments.read': defineCall({
    summary: '读取佐证材料以打开或另存',
    args: z.object({ id: uuid }).strict(),
    result: z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() }),
    errors: ['NOT_FOUND'],
  }),
  'attachments.remove': defineCall({
    summary: '删除佐证材料',
    args: z.object({ id: uuid }).strict(),
    result: z.null(),
    errors: ['NOT_FOUND', 'CONFLICT', 'LOCKED'],
  }),
  'plans.carryOver': defineCall({
    summary: '年终结转：把未完成的任务带入下一年度的计划（保留与原任务的关联和历史）',
    args: z.object({ fromPlanId: uuid, toPlanId: uuid.nullable().default(null), taskIds: z.array(uuid).max(5000) }).strict(),
    result: z.object({ planId: uuid, carried: z.number() }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
} as const;
