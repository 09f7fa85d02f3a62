import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow } from 'electron';
import { EVENT_CHANNEL, type LedgerEvent } from '../../shared/api';
import { PACKAGE_EXTENSION } from '../../shared/sync/manifest';
import { MAX_PACKAGE_TOTAL_MB, packageSizeProblem } from '../../shared/sync/limits';

/*
 * Package files the clerk double-clicked: given on the first instance's command line, handed over
 * by a second instance, or sent by macOS 'open-file'. They are read here and handed to the page as
 * one `open-files` event, which opens the import preview; nothing is imported without the clerk.
 */

export type OpenFilesEvent = Extract<LedgerEvent, { type: 'open-files' }>;
type OpenedFile = OpenFilesEvent['files'][number];

/** Bytes read for one hand-over: what 数据交换 and the CLI accept at once (shared/sync/limits.ts). */
export const MAX_OPEN_BYTES = MAX_PACKAGE_TOTAL_MB * 1024 ** 2;
/** The most files `sync.preview` takes at once. */
export const MAX_OPEN_FILES = 200;
/** Explorer starts one process per selected file: wait this long so they arrive as one batch. */
export const BATCH_DELAY_MS = 200;

const PART_PATTERN = /^(.*)\.part(\d+)of(\d+)$/i;

export function isPackagePath(file: string): boolean {
  return file.toLowerCase().endsWith(PACKAGE_EXTENSION);
}

const byName = (a: string, b: string) => path.basename(a).localeCompare(path.basename(b), 'zh-CN', { numeric: true });
/** Windows file names ignore case: the same file given twice must not be read twice. */
const sameFileKey = (file: string) => (process.platform === 'win32' ? file.toLowerCase() : file);

/**
 * The package paths among `paths`, each once. One part of a split package brings its sibling
 * parts from the same folder, so double-clicking any part opens the whole package.
 */
export async function packagePaths(paths: readonly string[], listDir: (dir: string) => Promise<string[]> = (dir) => fs.readdir(dir)): Promise<string[]> {
  const chosen = new Map<string, string>();
  const add = (file: string) => {
    if (!chosen.has(sameFileKey(file))) chosen.set(sameFileKey(file), file);
  };
  for (const file of paths.filter(isPackagePath)) {
    add(file);
    const part = PART_PATTERN.exec(path.basename(file).slice(0, -PACKAGE_EXTENSION.length));
    if (!part) continue;
    const [, base = '', , count = ''] = part;
    const siblings = await listDir(path.dirname(file)).catch(() => []);
    for (const name of siblings) {
      if (!isPackagePath(name)) continue;
      const sibling = PART_PATTERN.exec(name.slice(0, -PACKAGE_EXTENSION.length));
      if (sibling && sibling[1]?.toLowerCase() === base.toLowerCase() && sibling[3] === count) add(path.join(path.dirname(file), name));
    }
  }
  return [...chosen.values()].sort(byName);
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return '文件不存在，可能已被移动或删除';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取这个文件的权限';
  if (code === 'EISDIR') return '这是一个文件夹，不是数据包文件';
  if (code === 'EBUSY') return '文件正被其他程序占用，请关闭后重试';
  return `无法读取文件（${code ?? (error instanceof Error ? error.message : String(error))}）`;
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 ** 2)} MB`;

export interface ReadResult {
  readonly files: OpenedFile[];
  /** One Chinese line per file that was left out, naming it. */
  readonly problems: string[];
}

/** Read the files, within MAX_OPEN_BYTES in all; a file that cannot be read is named, not thrown. */
export async function readPackages(paths: readonly string[], maxBytes = MAX_OPEN_BYTES): Promise<ReadResult> {
  const files: OpenedFile[] = [];
  const problems: string[] = [];
  let total = 0;
  if (paths.length > MAX_OPEN_FILES) problems.push(`一次最多打开${MAX_OPEN_FILES}个数据包文件，其余${paths.length - MAX_OPEN_FILES}个未打开`);
  for (const file of paths.slice(0, MAX_OPEN_FILES)) {
    const name = path.basename(file);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      // One file over the per-file limit is refused by its size, as the import panel and the CLI do.
      const oversized = packageSizeProblem([{ name, size: stat.size }]);
      if (oversized && stat.size <= maxBytes) {
        problems.push(oversized);
        continue;
      }
      if (total + stat.size > maxBytes) {
        problems.push(`「${name}」：文件共${megabytes(total + stat.size)}，超过一次可打开的${megabytes(maxBytes)}。请让对方按时间或内容分批导出`);
        continue;
      }
      const bytes = await fs.readFile(file);
      // The file may have grown since stat: the limit holds for what was actually read.
      if (total + bytes.length > maxBytes) {
        problems.push(`「${name}」：文件共${megabytes(total + bytes.length)}，超过一次可打开的${megabytes(maxBytes)}。请让对方按时间或内容分批导出`);
        continue;
      }
      total += bytes.length;
      files.push({ fileName: name, contentBase64: bytes.toString('base64') });
    } catch (error) {
      problems.push(`「${name}」：${readFailure(error)}`);
    }
  }
  return { files, problems };
}

export interface OpenFilesOptions {
  /** Tell the clerk (in Chinese) which files could not be opened. */
  readonly notify: (message: string) => void;
  readonly delayMs?: number;
  readonly maxBytes?: number;
  readonly listDir?: (dir: string) => Promise<string[]>;
}

export interface OpenFilesQueue {
  /** Paths from a command line or 'open-file'; anything but a package file is ignored. */
  add(paths: readonly string[]): void;
  /** The page can take events now: deliver what waited, and everything after it. */
  ready(deliver: (event: OpenFilesEvent) => void): void;
  /** Once ready: settles when every path added so far has been delivered or reported. */
  idle(): Promise<void>;
}

export const NOTICE_TITLE = '无法打开数据包';

export function createOpenFilesQueue(options: OpenFilesOptions): OpenFilesQueue {
  const delayMs = options.delayMs ?? BATCH_DELAY_MS;
  let pending: string[] = [];
  let deliver: ((event: OpenFilesEvent) => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let work: Promise<void> = Promise.resolve();
  let waiting: Promise<void> | null = null;
  let settle: () => void = () => {};

  const flush = () => {
    timer = null;
    const batch = pending;
    pending = [];
    const target = deliver;
    const done = settle;
    waiting = null;
    work = work.then(async () => {
      try {
        const { files, problems } = await readPackages(await packagePaths(batch, options.listDir), options.maxBytes);
        if (files.length > 0 && target) target({ type: 'open-files', files });
        if (problems.length > 0) options.notify(`以下文件未能打开：\n${problems.join('\n')}`);
      } catch (error) {
        // Reading is guarded file by file; this is the page or the dialog failing. Keep running.
        console.error('[open-files] could not hand over the files:', error);
      } finally {
        done();
      }
    });
  };
  const schedule = () => {
    if (!deliver || pending.length === 0 || timer) return;
    waiting ??= new Promise<void>((resolve) => (settle = resolve));
    timer = setTimeout(flush, delayMs);
  };

  return {
    add(paths) {
      const packages = paths.filter(isPackagePath);
      if (packages.length === 0) return;
      pending.push(...packages);
      schedule();
    },
    ready(target) {
      deliver = target;
      schedule();
    },
    idle: () => Promise.all([waiting, work]).then(() => work),
  };
}

/** Deliver to the window once its page has painted (it subscribes to events as it mounts). */
export function deliverToWindow(queue: OpenFilesQueue, window: BrowserWindow, focus: () => void): void {
  window.once('ready-to-show', () =>
    queue.ready((event) => {
      if (window.isDestroyed()) return;
      window.webContents.send(EVENT_CHANNEL, event);
      focus();
    }),
  );
}
