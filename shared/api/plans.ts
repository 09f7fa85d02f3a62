import { z } from 'zod';
import { defineCall } from './define';
import { empty, idArgs, isoDate, optionalText, requiredText, uuid, year } from './common';
import { planKinds } from '../domain/plan-kinds';

export const planKind = z.enum(planKinds, { error: '计划类型不正确' });

export const planSummary = z.object({
  id: uuid,
  kind: planKind,
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  taskCount: z.number(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const section = z.object({
  id: uuid,
  planId: uuid,
  parentId: uuid.nullable(),
  label: z.string(),
  title: z.string(),
  sortOrder: z.number(),
});
export type Section = z.infer<typeof section>;

const periodPattern = /^\d{4}-Q[1-4]$/;
const percentError = '节点目标的完成比例应是0到100之间的数字';

/** A quarterly milestone (节点目标): what should be done by the end of the quarter, optionally as a percent. */
export const taskMilestone = z
  .object({
    period: z.string().regex(periodPattern, { error: '节点目标的季度格式应为“2025-Q2”' }),
    text: z.string().trim().max(100, { error: '节点目标内容不能超过100个字' }),
    percent: z.number({ error: percentError }).min(0, { error: percentError }).max(100, { error: percentError }).nullable().optional(),
  })
  .strict()
  .refine((m) => m.text !== '' || (m.percent !== null && m.percent !== undefined), { error: '节点目标需填写内容或完成比例', path: ['text'] });
export type TaskMilestone = z.infer<typeof taskMilestone>;

const sortedPeriods = (list: readonly TaskMilestone[]) => [...list].sort((a, b) => (a.period < b.period ? -1 : 1));

/** Milestones as a task's edit sends them; null clears them. Percents may not fall from one quarter to the next. */
export const taskMilestones = z
  .array(taskMilestone)
  .max(60, { error: '节点目标不能超过60个' })
  .refine((list) => new Set(list.map((m) => m.period)).size === list.length, { error: '同一季度只能有一个节点目标' })
  .refine(
    (list) => {
      const percents = sortedPeriods(list).flatMap((m) => (m.percent === null || m.percent === undefined ? [] : [m.percent]));
      return percents.every((value, i) => i === 0 || value >= percents[i - 1]!);
    },
    { error: '节点目标的完成比例不能低于之前季度的比例' },
  )
  .nullable();

export const task = z.object({
  id: uuid,
  planId: uuid,
  sectionId: uuid.nullable(),
  number: z.string(),
  sortOrder: z.number(),
  title: z.string(),
  text: z.string(),
  deadline: z.string().nullable(),
  leadDepartmentIds: z.array(uuid),
  responsibleUnits: z.array(z.string()),
  /** Sorted by quarter; absent from callers that predate milestones. */
  milestones: z.array(z.object({ period: z.string(), text: z.string(), percent: z.number().nullable() })).optional(),
});
export type Task = z.infer<typeof task>;

export const planDetail = z.object({ plan: planSummary, sections: z.array(section), tasks: z.array(task) });
export type PlanDetail = z.infer<typeof planDetail>;

const planFields = {
  kind: planKind,
  title: requiredText('计划标题', 200),
  docNumber: optionalText('文号', 60).nullable(),
  issuer: optionalText('印发单位', 60).nullable(),
  issuedOn: isoDate.nullable(),
  yearFrom: year.nullable(),
  yearTo: year.nullable(),
};

const yearsInOrder = (value: { yearFrom?: number | null; yearTo?: number | null }) =>
  value.yearFrom == null || value.yearTo == null || value.yearFrom <= value.yearTo;
const yearOrderError = { error: '起始年份不能晚于结束年份', path: ['yearTo'] };

const sectionFields = {
  parentId: uuid.nullable(),
  label: optionalText('序号', 20),
  title: requiredText('章节标题', 200),
};

const taskFields = {
  sectionId: uuid.nullable(),
  number: optionalText('序号', 20),
  title: requiredText('任务名称', 300),
  text: optionalText('任务内容', 20000),
  deadline: optionalText('完成时限', 60).nullable(),
  leadDepartmentIds: z.array(uuid).max(30, { error: '牵头科室不能超过30个' }),
  responsibleUnits: z.array(requiredText('责任单位', 60)).max(100, { error: '责任单位不能超过100个' }),
  milestones: taskMilestones,
};

export const plansApi = {
  'plans.list': defineCall({ summary: '列出计划', args: empty, result: z.array(planSummary), errors: ['NOT_INITIALIZED'] }),
  'plans.get': defineCall({ summary: '读取计划及其章节、任务', args: idArgs, result: planDetail, errors: ['NOT_FOUND'] }),
  'plans.create': defineCall({
    summary: '新建计划',
    args: z
      .object({
        ...planFields,
        docNumber: planFields.docNumber.default(null),
        issuer: planFields.issuer.default(null),
        issuedOn: planFields.issuedOn.default(null),
        yearFrom: planFields.yearFrom.default(null),
        yearTo: planFields.yearTo.default(null),
      })
      .strict()
      .refine(yearsInOrder, yearOrderError),
    result: planSummary,
    errors: ['NOT_INITIALIZED', 'INVALID_ARGUMENT'],
  }),
  'plans.update': defineCall({
    summary: '修改计划信息',
    args: z
      .object({ id: uuid, ...z.object(planFields).partial().shape })
      .strict()
      .refine(yearsInOrder, yearOrderError),
    result: planSummary,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'plans.delete': defineCall({ summary: '删除计划（含其章节和任务）', args: idArgs, result: z.null(), errors: ['NOT_FOUND'] }),
  'sections.create': defineCall({
    summary: '新增章节',
    args: z.object({ planId: uuid, ...sectionFields, parentId: sectionFields.parentId.default(null), label: sectionFields.label.default('') }).strict(),
    result: section,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'sections.update': defineCall({
    summary: '修改章节',
    args: z.object({ id: uuid, ...z.object(sectionFields).partial().shape }).strict(),
    result: section,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'sections.delete': defineCall({ summary: '删除章节（其中的任务移到计划顶层）', args: idArgs, result: z.null(), errors: ['NOT_FOUND'] }),
  'tasks.create': defineCall({
    summary: '新增任务',
    args: z
      .object({
        planId: uuid,
        ...taskFields,
        sectionId: taskFields.sectionId.default(null),
        number: taskFields.number.default(''),
        text: taskFields.text.default(''),
        deadline: taskFields.deadline.default(null),
        leadDepartmentIds: taskFields.leadDepartmentIds.default([]),
        responsibleUnits: taskFields.responsibleUnits.default([]),
        milestones: taskFields.milestones.default(null),
      })
      .strict(),
    result: task,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'tasks.update': defineCall({
    summary: '修改任务',
    args: z.object({ id: uuid, ...z.object(taskFields).partial().shape }).strict(),
    result: task,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'tasks.delete': defineCall({ summary: '删除任务', args: idArgs, result: z.null(), errors: ['NOT_FOUND'] }),
} as const;
