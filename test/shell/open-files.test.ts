import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenFilesQueue, isPackagePath, packagePaths, readPackages, type OpenFilesEvent } from '../../electron/main/open-files';
import { PACKAGE_EXTENSION } from '../../shared/sync/manifest';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-open-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A file in the temp folder with these bytes; returns its path. */
function put(name: string, bytes: Uint8Array | string = `内容 ${name}`): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}
const decoded = (event: OpenFilesEvent) => event.files.map((f) => [f.fileName, Buffer.from(f.contentBase64, 'base64').toString()]);

describe('which paths are packages', () => {
  it('takes the sync package extension in any case and nothing else', () => {
    expect(PACKAGE_EXTENSION).toBe('.tlpkg');
    expect(isPackagePath('/收件/渝北区-上报-2025Q1.tlpkg')).toBe(true);
    expect(isPackagePath('C:\\收件\\包.TLPKG')).toBe(true);
    for (const other of ['/收件/报表.xlsx', '/收件/包.tlpkg.zip', '/opt/目标台账/target-ledger', '/收件/tlpkg', '.']) {
      expect(isPackagePath(other), other).toBe(false);
    }
  });

  it('drops other paths and duplicates, and sorts split parts in number order', async () => {
    const files = ['b.part10of10.tlpkg', 'b.part2of10.tlpkg', 'a.tlpkg'].map((name) => path.join(dir, name));
    expect(await packagePaths([files[0]!, '/x/说明.docx', files[2]!, files[1]!, files[2]!], async () => [])).toEqual([files[2], files[1], files[0]]);
  });

  it('brings the sibling parts of a split package when one part is opened, and only those', async () => {
    const parts = [1, 2, 3].map((i) => put(`渝北区-上报.part${i}of3.tlpkg`));
    put('渝北区-上报.part1of2.tlpkg'); // an older split of the same name, with another part count
    put('其他.part2of3.tlpkg');
    put('渝北区-上报.part4of3.txt');
    expect(await packagePaths([parts[1]!])).toEqual(parts);
  });
});

describe('reading the files', () => {
  it('reads each file as base64 under its own name', async () => {
    const a = put('上报.tlpkg', new Uint8Array([0, 1, 2, 250, 255]));
    const { files, problems } = await readPackages([a]);
    expect(problems).toEqual([]);
    expect(files).toEqual([{ fileName: '上报.tlpkg', contentBase64: Buffer.from([0, 1, 2, 250, 255]).toString('base64') }]);
  });

  it('names a missing file and a folder in Chinese and still reads the rest', async () => {
    const good = put('好的.tlpkg');
    fs.mkdirSync(path.join(dir, '文件夹.tlpkg'));
    const { files, problems } = await readPackages([path.join(dir, '不见了.tlpkg'), path.join(dir, '文件夹.tlpkg'), good]);
    expect(files.map((f) => f.fileName)).toEqual(['好的.tlpkg']);
    expect(problems).toEqual(['「不见了.tlpkg」：文件不存在，可能已被移动或删除', '「文件夹.tlpkg」：这是一个文件夹，不是数据包文件']);
  });

  it.skipIf(process.getuid?.() === 0)('names a file it may not read', async () => {
    const locked = put('锁定.tlpkg');
    fs.chmodSync(locked, 0o000);
    const { files, problems } = await readPackages([locked]);
    expect(files).toEqual([]);
    expect(problems).toEqual(['「锁定.tlpkg」：没有读取这个文件的权限']);
  });

  it('stops at the size limit for all files together, without reading a file over it', async () => {
    const small = put('a.tlpkg', 'x'.repeat(600));
    const second = put('b.tlpkg', 'y'.repeat(600));
    const result = await readPackages([small, second], 1000);
    expect(result.files.map((f) => f.fileName)).toEqual(['a.tlpkg']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^「b\.tlpkg」：文件共1 MB，超过一次可打开的1 MB。请让对方按时间或内容分批导出$/);

    // A huge (sparse) file is refused from its size alone: it is never read into memory.
    const huge = path.join(dir, '巨大.tlpkg');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 400 * 1024 ** 2);
    const read = vi.spyOn(fs.promises, 'readFile');
    const refused = await readPackages([huge]);
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
    expect(refused.files).toEqual([]);
    expect(refused.problems[0]).toMatch(/^「巨大\.tlpkg」：文件共400 MB，超过一次可打开的300 MB/);

    // One file over the per-file limit: the same sentence as 数据交换 and the CLI, asking for parts.
    const single = path.join(dir, '单个过大.tlpkg');
    fs.writeFileSync(single, '');
    fs.truncateSync(single, 150 * 1024 ** 2);
    const alone = await readPackages([single]);
    expect(alone.files).toEqual([]);
    expect(alone.problems[0]).toMatch(/^数据包“单个过大\.tlpkg”有 150 MB，超过单个文件 100 MB 的上限.*分卷/);
  });

  it('opens at most as many files as the preview takes', async () => {
    const names = Array.from({ length: 202 }, (_, i) => put(`p${i}.tlpkg`, 'z'));
    const { files, problems } = await readPackages(names);
    expect(files).toHaveLength(200);
    expect(problems).toEqual(['一次最多打开200个数据包文件，其余2个未打开']);
  });
});

describe('the queue', () => {
  it('holds files until the page is ready, then delivers them as one open-files event', async () => {
    const notify = vi.fn();
    const queue = createOpenFilesQueue({ notify, delayMs: 5 });
    const a = put('a.tlpkg', 'A');
    const b = put('b.tlpkg', 'B');
    queue.add([a, '/opt/目标台账/target-ledger', path.join(dir, 'readme.txt')]);
    queue.add([b]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const delivered: OpenFilesEvent[] = [];
    queue.ready((event) => delivered.push(event));
    await queue.idle();
    expect(delivered.map(decoded)).toEqual([
      [
        ['a.tlpkg', 'A'],
        ['b.tlpkg', 'B'],
      ],
    ]);
    expect(notify).not.toHaveBeenCalled();

    // Later files go straight through; paths arriving together (Explorer starts one process per
    // selected file) make one event.
    const c = put('c.tlpkg', 'C');
    const d = put('d.tlpkg', 'D');
    queue.add([c]);
    queue.add([d]);
    await queue.idle();
    expect(delivered.slice(1).map(decoded)).toEqual([
      [
        ['c.tlpkg', 'C'],
        ['d.tlpkg', 'D'],
      ],
    ]);
  });

  it('ignores command lines without a package', async () => {
    const deliver = vi.fn();
    const notify = vi.fn();
    const queue = createOpenFilesQueue({ notify, delayMs: 1 });
    queue.ready(deliver);
    queue.add(['/opt/目标台账/target-ledger', put('报表.xlsx')]);
    queue.add([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await queue.idle();
    expect(deliver).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  it('tells the clerk in Chinese about files it could not open, and delivers the others', async () => {
    const notify = vi.fn();
    const deliver = vi.fn();
    const queue = createOpenFilesQueue({ notify, delayMs: 1, maxBytes: 10 });
    queue.ready(deliver);
    queue.add([put('ok.tlpkg', '12345'), put('big.tlpkg', 'x'.repeat(20)), path.join(dir, 'gone.tlpkg')]);
    await queue.idle();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(decoded(deliver.mock.calls[0]![0] as OpenFilesEvent)).toEqual([['ok.tlpkg', '12345']]);
    expect(notify).toHaveBeenCalledTimes(1);
    const message = notify.mock.calls[0]![0] as string;
    expect(message.split('\n')).toEqual([
      '以下文件未能打开：',
      expect.stringMatching(/^「big\.tlpkg」：文件共1 MB，超过一次可打开的1 MB/),
      '「gone.tlpkg」：文件不存在，可能已被移动或删除',
    ]);
  });

  it('keeps running when every file fails: a notice, no event, and the next file still opens', async () => {
    const notify = vi.fn();
    const deliver = vi.fn();
    const queue = createOpenFilesQueue({ notify, delayMs: 1 });
    queue.ready(deliver);
    queue.add([path.join(dir, 'gone.tlpkg')]);
    await queue.idle();
    expect(deliver).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledTimes(1);

    deliver.mockImplementationOnce(() => {
      throw new Error('page gone');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    queue.add([put('x.tlpkg', 'X')]);
    await queue.idle();
    expect(error).toHaveBeenCalled();
    queue.add([put('y.tlpkg', 'Y')]);
    await queue.idle();
    expect(decoded(deliver.mock.calls.at(-1)![0] as OpenFilesEvent)).toEqual([['y.tlpkg', 'Y']]);
    error.mockRestore();
  });
});
