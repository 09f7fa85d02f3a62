import { z } from 'zod';
import { defineCall } from './define';
import { empty, optionalText, requiredText, uuid } from './common';

export const installationInfo = z.object({
  installationId: uuid,
  officeId: uuid,
  officeName: z.string(),
  officeCode: z.string().nullable(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  /** Short code read out over the phone to confirm a peer's key. */
  fingerprint: z.string(),
});

/** 办公室 (汇总、审核) or 科室 (填报本科室). */
export const pcRole = z.enum(['office', 'department'], { error: '请选择本机用途：办公室或科室' });
export type PcRole = z.infer<typeof pcRole>;

export const systemStatus = z.object({
  initialized: z.boolean(),
  installation: installationInfo.nullable(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  databasePath: z.string(),
});
export type SystemStatus = z.infer<typeof systemStatus>;

export const generateArgs = z
  .object({
    offices: z.number().int().min(1, { error: '单位数量至少为1' }).max(500, { error: '单位数量不能超过500' }),
    years: z.number().int().min(1, { error: '年数至少为1' }).max(20, { error: '年数不能超过20' }),
    tasksPerPlan: z.number().int().min(1).max(200).default(60),
    departmentsPerOffice: z.number().int().min(1).max(30).default(8),
    firstYear: z.number().int().min(2000).max(2100).default(2021),
    seed: z.number().int().default(1),
    /** Several plans a year (工作要点 plus 实施方案): large ledgers for one office and quarter. */
    plansPerYear: z.number().int().min(1).max(100).default(1),
    /** The first generated office's data goes into this installation's own office, so the app shows it. */
    intoOwnOffice: z.boolean().default(false),
  })
  .strict();

export const systemApi = {
  'system.status': defineCall({
    summary: '查看本机数据库和身份信息',
    args: empty,
    result: systemStatus,
    errors: [],
  }),
  'system.init': defineCall({
    summary: '初始化本机：设置单位（及科室），生成本机身份',
    args: z
      .object({
        officeName: requiredText('单位名称', 60),
        officeCode: optionalText('单位代码', 30).optional(),
        departmentName: optionalText('科室名称', 40).optional(),
        /** What this PC is for: the office reviews (role 审核员), a department reports its own work. */
        pcRole: pcRole.optional(),
      })
      .strict()
      .superRefine((args, ctx) => {
        if (args.pcRole === 'department' && !args.departmentName?.trim()) {
          ctx.addIssue({ code: 'custom', path: ['departmentName'], message: '科室电脑请填写本机所属科室' });
        }
        if (args.pcRole === 'office' && args.departmentName?.trim()) {
          ctx.addIssue({ code: 'custom', path: ['departmentName'], message: '办公室汇总用的电脑不填写科室' });
        }
      }),
    result: systemStatus,
    errors: ['ALREADY_INITIALIZED', 'INVALID_ARGUMENT'],
  }),
  'system.generate': defineCall({
    summary: '生成演示和测试用的大量数据',
    args: generateArgs,
    result: z.object({ offices: z.number(), plans: z.number(), tasks: z.number(), progressReports: z.number(), indicatorValues: z.number(), changes: z.number() }),
    errors: ['NOT_INITIALIZED'],
    longJob: true,
  }),
  'system.dump': defineCall({
    summary: '按规范顺序导出全部可同步的数据（不含本机私有数据），用于比对',
    args: empty,
    result: z.string(),
    errors: [],
  }),
} as const;
