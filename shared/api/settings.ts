import { z } from 'zod';
import { defineCall } from './define';
import { empty, optionalText, requiredText } from './common';

export const clerkRole = z.enum(['clerk', 'reviewer']);

export const officeSettings = z.object({
  officeName: z.string(),
  officeCode: z.string().nullable(),
  clerkName: z.string(),
  role: clerkRole,
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
      })
      .strict(),
    result: officeSettings,
    errors: ['NOT_INITIALIZED', 'INVALID_ARGUMENT'],
  }),
} as const;
