import fs from 'node:fs';
import path from 'node:path';
import type { ReportFile } from '../../shared/api/reports';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';

/*
 * Where reports go and what they are called: 渝北区卫生健康委_2025年第一季度重点工作台账.xlsx,
 * written into the reports folder beside the database so 打开所在文件夹 can show it.
 */

// The naming is pure and shared with the 报表 page's preview; re-exported for the writers.
export { reportBaseName, safeFileName } from '../../shared/reports/file-name';

export function reportsFolder(core: Core): string | null {
  if (core.file === ':memory:') return null;
  return path.join(path.dirname(core.file), 'reports');
}

/** A name not yet taken in the folder: 台账.xlsx, 台账(2).xlsx, … (a report of the same quarter is never overwritten). */
function freePath(folder: string, fileName: string): string {
  const ext = path.extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? fileName : `${stem}(${n})${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** Write the file whole or not at all: a temporary file renamed into place. */
export function saveReport(core: Core, fileName: string, bytes: Uint8Array): string | null {
  const folder = reportsFolder(core);
  if (!folder) return null;
  let temporary: string | null = null;
  try {
    fs.mkdirSync(folder, { recursive: true });
    const target = freePath(folder, fileName);
    temporary = `${target}.part`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, target);
    return target;
  } catch (error) {
    // Half a report must not be left behind for someone to open and send.
    if (temporary) fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('DISK_FULL', '磁盘空间不足，报表未保存。请清理磁盘空间后重新生成。');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('READ_ONLY', `报表文件夹不能写入：${folder}。请检查该文件夹的写入权限后重新生成。`);
    throw error;
  }
}

export function reportFileResult(core: Core, fileName: string, bytes: Uint8Array, summary: string, save: boolean): ReportFile {
  return {
    fileName,
    savedPath: save ? saveReport(core, fileName, bytes) : null,
    contentBase64: Buffer.from(bytes).toString('base64'),
    bytes: bytes.byteLength,
    summary,
  };
}

/** The folder of a report this PC saved; anything else is refused (the shell only reveals our own files). */
export function savedReportFolder(core: Core, file: string): string {
  const folder = reportsFolder(core);
  const resolved = path.resolve(file);
  if (!folder || path.dirname(resolved) !== path.resolve(folder)) throw new AppError('INVALID_ARGUMENT', '只能打开报表文件夹中的文件');
  if (!fs.existsSync(resolved)) throw new AppError('NOT_FOUND', '报表文件已被移动或删除');
  return folder;
}
