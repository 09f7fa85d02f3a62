import { z } from 'zod';
import { MAX_PACKAGE_FILE_MB } from '../sync/limits';
import { defineCall } from './define';
import { uuid } from './common';
import { periodText } from './progress';
import { packageKinds } from '../sync/manifest';

/*
 * 数据交换: packages between offices and departments, their preview, the conflict queue and the
 * Excel fill-in sheet for units without the app. Files travel as base64 (the renderer reads
 * and saves them; the CLI passes paths).
 */

const fileContent = z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().max(2_800_000_000) }).strict();

export const tableSummary = z.object({
  table: z.string(),
  label: z.string(),
  new: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  conflicts: z.number(),
  ignored: z.number(),
  examples: z.array(z.string()),
});

export const packageOrigin = z.object({
  installationId: uuid,
  officeName: z.string(),
  departmentName: z.string().nullable(),
  fingerprint: z.string(),
  /** known: trusted before; new: first package from it (the clerk must confirm the fingerprint). */
  trust: z.enum(['known', 'new']),
});

export const importPreview = z.object({
  packageId: uuid,
  kind: z.enum(packageKinds),
  origin: packageOrigin,
  createdAt: z.string(),
  period: periodText.nullable(),
  changes: z.object({ total: z.number(), new: z.number(), ignored: z.number() }),
  tables: z.array(tableSummary),
  conflicts: z.number(),
  /** Already imported: nothing new in it. */
  nothingNew: z.boolean(),
  /** One Chinese sentence for the top of the preview. */
  headline: z.string(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const conflictHead = z.object({ hlc: z.string(), value: z.unknown(), actor: z.string(), officeName: z.string(), at: z.string() });

export const conflictItem = z.object({
  table: z.string(),
  rowId: z.string(),
  column: z.string(),
  kind: z.enum(['field', 'delete-edit', 'approval-edit']),
  /** What the record is, in Chinese: 任务“…”的标题. */
  title: z.string(),
  heads: z.array(conflictHead),
});
export type ConflictItem = z.infer<typeof conflictItem>;

export const syncApi = {
  'sync.export': defineCall({
    summary: '导出数据包：下发（给科室）、上报（给办公室）、全量（给上级或备份）、回执',
    args: z
      .object({
        kind: z.enum(packageKinds),
        departmentId: uuid.nullable().default(null),
        toInstallationId: uuid.nullable().default(null),
        period: periodText.nullable().default(null),
        /** receipt: the package received. */
        forPackageId: uuid.nullable().default(null),
        /** Split into parts of at most this many MB (government mail limits); never above what a receiver reads per file. */
        splitMb: z
          .number({ error: '分卷大小应为数字（MB）' })
          .min(1, { error: '分卷大小至少为1 MB' })
          .max(MAX_PACKAGE_FILE_MB, { error: `分卷大小不能超过${MAX_PACKAGE_FILE_MB} MB（对方每个文件最多读取${MAX_PACKAGE_FILE_MB} MB）` })
          .nullable()
          .default(null),
      })
      .strict(),
    result: z.object({ packageId: uuid, files: z.array(fileContent), changes: z.number(), summary: z.string() }),
    errors: ['INVALID_ARGUMENT', 'NOT_FOUND'],
    longJob: true,
  }),
  'sync.verify': defineCall({
    summary: '验证数据包的签名和完整性，显示签名者识别码（不读写数据库）',
    args: z.object({ files: z.array(fileContent).min(1).max(200) }).strict(),
    result: z.object({
      packageId: uuid,
      kind: z.enum(packageKinds),
      officeName: z.string(),
      departmentName: z.string().nullable(),
      installationId: uuid,
      fingerprint: z.string(),
      createdAt: z.string(),
      changes: z.number(),
      attachments: z.number(),
      schemaVersion: z.number(),
    }),
    errors: ['INVALID_ARGUMENT'],
  }),
  'sync.preview': defineCall({
    summary: '核对数据包：验证签名和内容，预览将新增、更新、冲突的内容（不写入）',
    args: z.object({ files: z.array(fileContent).min(1).max(200) }).strict(),
    result: importPreview,
    errors: ['INVALID_ARGUMENT', 'DATABASE_NEWER'],
    longJob: true,
  }),
  'sync.import': defineCall({
    summary: '导入数据包（先自动备份，一次事务写入），返回结果和回执',
    args: z.object({ files: z.array(fileContent).min(1).max(200), trustFingerprint: z.string().max(200).nullable().default(null) }).strict(),
    result: z.object({ preview: importPreview, receipt: fileContent.nullable() }),
    errors: ['INVALID_ARGUMENT', 'FORBIDDEN', 'DATABASE_NEWER'],
    longJob: true,
  }),
  'sync.conflicts': defineCall({
    summary: '冲突队列：同一内容在不同电脑上被改成不同的值，或删除、审核与修改同时发生',
    args: z.object({}).strict(),
    result: z.array(conflictItem),
    errors: [],
  }),
  'sync.resolve': defineCall({
    summary: '处理冲突：保留其中一个值，或填写新值（作为新的修改同步给各方）',
    args: z.object({ table: z.string().max(40), rowId: z.string().max(64), column: z.string().max(40), keepHlc: z.string().max(200).nullable().default(null), value: z.unknown().optional() }).strict(),
    result: z.null(),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT'],
  }),
  'sync.history': defineCall({
    summary: '数据包收发记录',
    args: z.object({}).strict(),
    result: z.array(z.object({ id: uuid, direction: z.enum(['in', 'out']), kind: z.string(), peerName: z.string().nullable(), fileName: z.string().nullable(), at: z.string(), summary: z.string() })),
    errors: [],
  }),
  'sync.peers': defineCall({
    summary: '已信任的电脑（单位、科室和识别码）',
    args: z.object({}).strict(),
    result: z.array(z.object({ installationId: uuid, officeName: z.string().nullable(), departmentName: z.string().nullable(), fingerprint: z.string(), trustedAt: z.string() })),
    errors: [],
  }),
  'sync.exportSheet': defineCall({
    summary: '导出Excel填报表（给未安装本程序的委属单位、镇街）：某科室或单位某季度的任务和指标',
    args: z.object({ departmentId: uuid, period: periodText }).strict(),
    result: fileContent,
    errors: ['NOT_FOUND'],
  }),
  'sync.previewSheet': defineCall({
    summary: '核对填回的Excel填报表：逐行检查，列出将写入的内容和错误（不写入）',
    args: fileContent,
    result: z.object({
      departmentName: z.string(),
      period: periodText,
      rows: z.array(z.object({ row: z.number(), target: z.string(), field: z.string(), oldValue: z.string().nullable(), newValue: z.string(), error: z.string().nullable() })),
      errors: z.number(),
      changes: z.number(),
    }),
    errors: ['INVALID_ARGUMENT', 'NOT_FOUND'],
  }),
  'sync.importSheet': defineCall({
    summary: '导入填回的Excel填报表（未签名，需确认来源），只写入没有错误的行',
    args: fileContent.extend({ senderConfirmed: z.literal(true, { error: '请先确认填报表的来源' }) }),
    result: z.object({ written: z.number(), skipped: z.number() }),
    errors: ['INVALID_ARGUMENT', 'NOT_FOUND'],
  }),
} as const;
