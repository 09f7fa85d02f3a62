import fs from 'node:fs';
import path from 'node:path';
import type { BackupList } from '../../shared/api/backup';
import { AppError } from '../core/app-error';
import { ARCHIVE_EXTENSION, writeArchive } from './archive';
import { backupFolder, listManifests, prune, readManifest, removeBackupFiles, toInfo } from './store';

export function listBackups(dbFile: string, keep: number): BackupList {
  if (dbFile === ':memory:' || dbFile === '') return { folder: '', keep, backups: [] };
  const folder = backupFolder(dbFile);
  return { folder, keep, backups: listManifests(folder).map(toInfo) };
}

export function removeBackup(dbFile: string, id: string, keep: number): BackupList {
  const folder = backupFolder(dbFile);
  if (!readManifest(folder, id)) throw new AppError('NOT_FOUND', '找不到这份备份，可能已被删除');
  removeBackupFiles(folder, id);
  prune(folder, keep);
  return listBackups(dbFile, keep);
}

/** Safe in a file name on Windows and Linux. */
function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40);
}

/** Save backup `id` with its attachments as one .tlbak file at `out` (a file, or a folder to put it in). */
export function exportBackup(dbFile: string, id: string, out: string): { file: string; bytes: number } {
  const folder = backupFolder(dbFile);
  const manifest = readManifest(folder, id);
  if (!manifest) throw new AppError('NOT_FOUND', '找不到这份备份，可能已被删除');
  let target = path.resolve(out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    const stamp = id.slice(0, 15);
    target = path.join(target, `目标台账备份-${fileNamePart(manifest.officeName) || '本机'}-${stamp}${ARCHIVE_EXTENSION}`);
  }
  if (!fs.existsSync(path.dirname(target))) throw new AppError('INVALID_ARGUMENT', `文件夹“${path.dirname(target)}”不存在，请先创建或换一个位置`);
  return { file: target, bytes: writeArchive(folder, manifest, target) };
}
