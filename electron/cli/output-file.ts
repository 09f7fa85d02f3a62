import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../core/atomic-file';
import { UsageError } from './output';

/*
 * Every file the CLI writes (--out of export, report, sheets; receipts): never over the open
 * database, never over an existing file unless --force, and whole or not at all (a temporary
 * file renamed into place, so a full disk leaves the old file as it was).
 */

/** The database file and the files SQLite keeps beside it. */
function databaseFiles(databasePath: string): string[] {
  const db = path.resolve(databasePath);
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}

export function writeOutput(file: string, bytes: Uint8Array, options: { databasePath: string; force: boolean }): void {
  const target = path.resolve(file);
  if (databaseFiles(options.databasePath).includes(target)) {
    throw new UsageError(`“${file}”是正在使用的数据库文件，不能写到这里；请换一个文件名`);
  }
  if (!options.force && fs.existsSync(target)) throw new UsageError(`文件“${file}”已存在，未作改动；如要替换请加 --force，或换一个文件名`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new UsageError(`磁盘空间不足，“${file}”未写入${fs.existsSync(target) ? '，原文件未改动' : ''}；请清理磁盘后重试`);
    throw new UsageError(`无法写入文件“${file}”，请检查路径和权限`);
  }
}
