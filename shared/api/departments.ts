import { z } from 'zod';
import { defineCall } from './define';
import { empty, idArgs, requiredText, uuid } from './common';
import { directoryEntry } from './directory';
import { systemStatus } from './system';

/*
 * The office's list of departments beyond plain editing: every record with its merged state,
 * rename (the old name stays as an alias), merge of two records for one 科室, and which
 * department a department PC reports for.
 */

export const departmentRecord = directoryEntry.extend({
  /** Merged records are tombstoned; this names where their work went. */
  mergedInto: z.object({ id: uuid, name: z.string() }).nullable(),
  /** Created (or also written) by the office: a department PC binds only to these. */
  fromOffice: z.boolean(),
  /** This PC reports for it. */
  bound: z.boolean(),
});
export type DepartmentRecordInfo = z.infer<typeof departmentRecord>;

export const mergeOutcome = z.object({
  into: directoryEntry,
  /** Quarterly entries moved to the target. */
  moved: z.number(),
  /** Entries where the target already had one for the task and quarter: the target's was kept. */
  kept: z.number(),
  tasks: z.number(),
  indicators: z.number(),
  attachments: z.number(),
});
export type MergeOutcome = z.infer<typeof mergeOutcome>;

export const departmentsApi = {
  'departments.all': defineCall({
    summary: '列出全部科室（含已合并的）、别名、编号，以及本机所属科室',
    args: empty,
    result: z.array(departmentRecord),
    errors: ['NOT_INITIALIZED'],
  }),
  'departments.rename': defineCall({
    summary: '科室改名：编号不变，原名称保留为别名',
    args: z.object({ id: uuid, name: requiredText('新名称', 40) }).strict(),
    result: directoryEntry,
    errors: ['NOT_FOUND', 'DUPLICATE', 'INVALID_ARGUMENT'],
  }),
  'departments.merge': defineCall({
    summary: '把一个科室合并到另一个科室：进展、牵头任务、指标和别名随之转移，原科室标记为已合并',
    args: z.object({ fromId: uuid, intoId: uuid }).strict(),
    result: mergeOutcome,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'departments.bind': defineCall({
    summary: '科室电脑：选择本机所属科室（从办公室的科室名单中）',
    args: idArgs,
    result: systemStatus,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
} as const;
