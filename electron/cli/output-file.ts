import fs from 'node:fs';
import path from 'node:path';
import { backupFolder } from '../backup/store';
import { writeFileAtomic } from '../core/atomic-file';
import { UsageError } from './output';

/*
 * Every file the CLI writes (--out of export, report, sheets, backup; receipts): never over the
 * open database or into the folders the program keeps beside it, never over an existing file
 * unless --force, and whole or not at all (a temporary file renamed into place, so a full disk
 * leaves the old file as it was). Commands call checkOutput before doing the work, so a refused
 * --out leaves no package in 收发记录, no backup and no built report behind.
 */

export interface OutputOptions {
  readonly databasePath: string;
  readonly force: boolean;
  /** Create missing folders on the way (default); `false` when the writer needs the folder to exist. */
  readonly createFolders?: boolean;
}

interface Problem {
  readonly what: string;
  readonly todo: string;
}

const samePath = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);

function isInside(child: string, folder: string): boolean {
  const relative = path.relative(folder, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** The path with symbolic links resolved as far as it exists, so a link cannot smuggle a write past the checks. */
function realPath(file: string): string {
  const resolved = path.resolve(file);
  let existing = resolved;
  while (!fs.existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) return resolved;
    existing = parent;
  }
  try {
    return path.join(fs.realpathSync(existing), path.relative(existing, resolved));
  } catch {
    return resolved;
  }
}

/** The database file and the files SQLite keeps beside it. */
function databaseFiles(databasePath: string): string[] {
  const db = path.resolve(databasePath);
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}

/** Folders the program manages beside the database: its backups (backup/store.ts) and the attachments store (services/attachments.ts). */
function managedFolders(databasePath: string): { folder: string; label: string }[] {
  return [
    { folder: backupFolder(databasePath), label: '备份文件夹' },
    { folder: path.join(path.dirname(path.resolve(databasePath)), 'attachments'), label: '佐证材料文件夹' },
  ];
}

function isDatabaseFile(target: string, databasePath: string): boolean {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  return databaseFiles(databasePath).some((file) => {
    if (samePath(realPath(file), target)) return true;
    // A hard link (or a case-insensitive name) is the same file under another name.
    const other = stat && fs.statSync(file, { throwIfNoEntry: false });
    return Boolean(stat && other && stat.dev === other.dev && stat.ino === other.ino);
  });
}

/** Whether a file can go into `folder` (or the folders to be made under it): not a managed folder, writable. */
function folderProblem(folder: string, shown: string, options: OutputOptions): Problem | null {
  for (const managed of managedFolders(options.databasePath)) {
    if (isInside(folder, realPath(managed.folder))) {
      return {
        what: `“${shown}”在数据库的${managed.label}（${managed.folder}）里，那里的文件由程序自己管理，写入或替换会损坏备份或佐证材料（加 --force 也不行）`,
        todo: '请换一个位置',
      };
    }
  }
  let existing = folder;
  while (!fs.existsSync(existing)) {
    if (options.createFolders === false) return { what: `文件夹“${path.dirname(path.resolve(shown))}”不存在`, todo: '请先创建或换一个位置' };
    existing = path.dirname(existing);
  }
  try {
    if (!fs.statSync(existing).isDirectory()) return { what: `“${existing}”不是文件夹，无法在其中写入“${shown}”`, todo: '请检查路径' };
    fs.accessSync(existing, fs.constants.W_OK);
  } catch {
    return { what: `无法在文件夹“${existing}”中写入文件`, todo: '请检查路径和权限，或换一个位置' };
  }
  return null;
}

function outputProblem(file: string, options: OutputOptions): Problem | null {
  const target = realPath(file);
  if (isDatabaseFile(target, options.databasePath)) return { what: `“${file}”是正在使用的数据库文件，不能写到这里`, todo: '请换一个文件名' };
  const folder = folderProblem(path.dirname(target), file, options);
  if (folder) return folder;
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return { what: `“${file}”是一个文件夹`, todo: '请写出完整的文件名' };
  if (stat && !options.force) return { what: `文件“${file}”已存在`, todo: '如要替换请加 --force，或换一个文件名' };
  return null;
}

/** Before any work: refuses an --out that would later be refused, so nothing is done for a file that cannot be written. */
export function checkOutput(file: string, options: OutputOptions): void {
  const problem = outputProblem(file, options);
  if (problem) throw new UsageError(`${problem.what}，未作任何改动；${problem.todo}`);
}

/** Before any work, for an --out naming a folder to put a file of the program's choosing in. */
export function checkOutputFolder(folder: string, options: Pick<OutputOptions, 'databasePath'>): void {
  const problem = folderProblem(realPath(folder), folder, { ...options, force: false, createFolders: false });
  if (problem) throw new UsageError(`${problem.what}，未作任何改动；${problem.todo}`);
}

export function writeOutput(file: string, bytes: Uint8Array, options: OutputOptions): void {
  // Checked again: receipts and split parts are named only now, and the disk may have changed meanwhile.
  const problem = outputProblem(file, options);
  if (problem) throw new UsageError(`${problem.what}，未写入；${problem.todo}`);
  const target = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new UsageError(`磁盘空间不足，“${file}”未写入${fs.existsSync(target) ? '，原文件未改动' : ''}；请清理磁盘后重试`);
    throw new UsageError(`无法写入文件“${file}”，请检查路径和权限`);
  }
}
