import { z } from 'zod';
import { defineCall } from './define';
import { empty, idArgs, requiredText, uuid } from './common';

/** Departments (科室) and responsible units (责任单位) share one shape: a name with aliases. */
export const directoryEntry = z.object({
  id: uuid,
  name: z.string(),
  aliases: z.array(z.string()),
  sortOrder: z.number(),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

const aliasList = z
  .array(requiredText('别名', 40), { error: '别名必须是文字列表' })
  .max(20, { error: '别名不能超过20个' });

const createArgs = z.object({ name: requiredText('名称', 40), aliases: aliasList.default([]) }).strict();
const updateArgs = z
  .object({ id: uuid, name: requiredText('名称', 40).optional(), aliases: aliasList.optional() })
  .strict();

function directoryCalls<P extends string>(prefix: P, noun: string) {
  return {
    [`${prefix}.list`]: defineCall({ summary: `列出${noun}`, args: empty, result: z.array(directoryEntry), errors: ['NOT_INITIALIZED'] }),
    [`${prefix}.create`]: defineCall({
      summary: `新增${noun}`,
      args: createArgs,
      result: directoryEntry,
      errors: ['NOT_INITIALIZED', 'DUPLICATE', 'INVALID_ARGUMENT'],
    }),
    [`${prefix}.update`]: defineCall({
      summary: `修改${noun}名称或别名`,
      args: updateArgs,
      result: directoryEntry,
      errors: ['NOT_FOUND', 'DUPLICATE', 'INVALID_ARGUMENT'],
    }),
    [`${prefix}.delete`]: defineCall({ summary: `删除${noun}`, args: idArgs, result: z.null(), errors: ['NOT_FOUND'] }),
  } as {
    [K in `${P}.list`]: ReturnType<typeof defineCall<typeof empty, z.ZodArray<typeof directoryEntry>>>;
  } & {
    [K in `${P}.create`]: ReturnType<typeof defineCall<typeof createArgs, typeof directoryEntry>>;
  } & {
    [K in `${P}.update`]: ReturnType<typeof defineCall<typeof updateArgs, typeof directoryEntry>>;
  } & {
    [K in `${P}.delete`]: ReturnType<typeof defineCall<typeof idArgs, z.ZodNull>>;
  };
}

export const directoryApi = {
  ...directoryCalls('departments', '科室'),
  ...directoryCalls('units', '责任单位'),
};
