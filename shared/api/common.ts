import { z } from 'zod';

/** Chinese messages for the zod checks used in the contract. */
export const uuid = z.uuid({ error: '编号格式不正确' });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过${max}个字` });

export const optionalText = (label: string, max = 20000) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` });

export const year = z
  .number({ error: '年份必须是数字' })
  .int({ error: '年份必须是整数' })
  .min(2000, { error: '年份不能早于2000年' })
  .max(2100, { error: '年份不能晚于2100年' });

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

export const empty = z.object({}).strict();

export const idArgs = z.object({ id: uuid }).strict();

export const nothing = z.null();
