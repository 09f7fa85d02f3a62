import { z } from 'zod';
import { defineCall } from './define';
import { empty, optionalText, requiredText } from './common';

export const clerkRole = z.enum(['clerk', 'reviewer']);

/** How lights judge "close" and "behind pace"; see shared/domain/lights.ts for the defaults and why. */
export const statusSettings = z.object({
  closeTolerance: z.number({ error: '接近目标的容差必须是数字' }).min(0, { error: '容差不能小于0' }).max(0.5, { error: '容差不能超过50%' }),
  paceTolerance: z.number({ error: '序时进度容差必须是数字' }).min(0, { error: '容差不能小于0' }).max(0.5, { error: '容差不能超过50%' }),
  dueSoonDays: z.number({ error: '临近时限天数必须是数字' }).int({ error: '天数应为整数' }).min(0, { error: '天数不能小于0' }).max(180, { error: '天数不能超过180' }),
  /** Days after a quarter's end by which departments report (报送截止); later a missing report is 逾期未报. */
  reportGraceDays: z.number({ error: '报送截止天数必须是数字' }).int({ error: '天数应为整数' }).min(0, { error: '天数不能小于0' }).max(90, { error: '天数不能超过90' }),
});
export type StatusSettingsValue = z.infer<typeof statusSettings>;

export const officeSettings = z.object({
  officeName: z.string(),
  officeCode: z.string().nullable(),
  clerkName: z.string(),
  role: clerkRole,
  statusSettings,
});
export type OfficeSettings = z.infer<typeof officeSettings>;

export const settingsApi = {
  'settings.get': defineCall({
    summary: '读取单位名称、填报人等设置',
    args: empty,
    result: officeSettings,
    errors: ['NOT_INITIALIZED'],
  }),
  'settings.update': defineCall({
    summary: '修改单位名称、填报人等设置',
    args: z
      .object({
        officeName: requiredText('单位名称', 60).optional(),
        officeCode: optionalText('单位代码', 30).nullable().optional(),
        clerkName: optionalText('填报人姓名', 30).optional(),
        role: clerkRole.optional(),
        statusSettings: statusSettings.partial().optional(),
      })
      .strict(),
    result: officeSettings,
    errors: ['NOT_INITIALIZED', 'INVALID_ARGUMENT'],
  }),
} as const;
