import { z } from 'zod';
import { defineCall } from './define';
import { empty } from './common';

/** 诊断信息 and the local log: what support staff need, never plan data. */

/** What the zip holds, for the 设置 card's note (the files themselves are listed in the result). */
export const diagnosticsContents = [
  '软件、数据库结构、运行环境（Node.js/Electron）、操作系统、数据库组件和 SQLite 的版本',
  '各数据表的记录条数、数据库文件大小、磁盘剩余空间和完整性检查结果',
  '本机日志（出错和警告的记录、启动、升级和备份的时间）',
] as const;

export const diagnosticsFile = z.object({
  fileName: z.string(),
  contentBase64: z.string(),
  bytes: z.number(),
  /** The files inside the zip. */
  entries: z.array(z.string()),
  /** PRAGMA integrity_check's verdict: 'ok', the problems found, or why it could not run. */
  integrity: z.string(),
});
export type DiagnosticsFile = z.infer<typeof diagnosticsFile>;

export const diagnosticsApi = {
  'diagnostics.export': defineCall({
    summary: '导出诊断信息：把日志和版本信息打包为 zip（不含任何计划、任务和进展内容），发给技术支持排查问题',
    args: empty,
    result: diagnosticsFile,
    errors: [],
  }),
} as const;
