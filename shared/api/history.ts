import { z } from 'zod';
import { defineCall } from './define';
import { uuid } from './common';
import { replicatedTableNames } from '../schema/tables';

export const historyEntry = z.object({
  hlc: z.string(),
  /** Changes written by one save share a batch: the UI shows them as one edit. */
  batch: z.string(),
  /** ISO time taken from the change's clock. */
  at: z.string(),
  actor: z.string(),
  officeName: z.string().nullable(),
  /** The package that brought the change to this PC and who signed it; null for a change made here. */
  via: z
    .object({ fileName: z.string().nullable(), signer: z.string().nullable(), fingerprint: z.string().nullable() })
    .nullable(),
  column: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const historyApi = {
  'history.record': defineCall({
    summary: '查看一条记录的修改历史（谁、何时、从什么改成什么）',
    args: z
      .object({
        table: z.enum(replicatedTableNames as [string, ...string[]], { error: '数据表名称不正确' }),
        id: uuid,
      })
      .strict(),
    result: z.array(historyEntry),
    errors: [],
  }),
} as const;
