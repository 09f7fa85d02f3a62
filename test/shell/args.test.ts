import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, resolveDbPath } from '../../electron/main/args';

const exe = '/opt/目标台账/target-ledger';
const cwd = '/home/clerk';

describe('command line', () => {
  it('uses ledger.sqlite in the user data folder by default', () => {
    const commandLine = parseCommandLine([exe], cwd);
    expect(commandLine).toEqual({ dbPath: null, files: [], error: null });
    expect(resolveDbPath(commandLine, '/home/clerk/.config/目标台账')).toBe(path.join('/home/clerk/.config/目标台账', 'ledger.sqlite'));
  });

  it('lets --db <file> and --db=<file> override it, resolved against the working folder', () => {
    expect(resolveDbPath(parseCommandLine([exe, '--db', 'test/台账.sqlite'], cwd), '/ignored')).toBe('/home/clerk/test/台账.sqlite');
    expect(resolveDbPath(parseCommandLine([exe, '--db=/data/a.sqlite'], cwd), '/ignored')).toBe('/data/a.sqlite');
  });

  it('skips the app folder argument when run as `electron .`', () => {
    expect(parseCommandLine(['/usr/bin/electron', '.', '--db', 'x.sqlite'], cwd, true)).toEqual({
      dbPath: '/home/clerk/x.sqlite',
      files: [],
      error: null,
    });
    // Without defaultApp the "." would be taken as a file to open.
    expect(parseCommandLine(['/usr/bin/electron', '.'], cwd, false).files).toEqual([cwd]);
  });

  it('reports --db without a path in Chinese instead of silently using the default database', () => {
    expect(parseCommandLine([exe, '--db'], cwd).error).toMatch(/--db.*缺少数据库文件路径/);
    expect(parseCommandLine([exe, '--db', '--inspect'], cwd).error).not.toBeNull();
    expect(parseCommandLine([exe, '--db='], cwd).error).not.toBeNull();
  });

  it('collects plain arguments as files (for opening a package later) and ignores Chromium switches', () => {
    const commandLine = parseCommandLine([exe, '--allow-file-access-from-files', '收件/2024年.pkg', '--', '--odd-name.pkg'], '/srv');
    expect(commandLine.files).toEqual(['/srv/收件/2024年.pkg', '/srv/--odd-name.pkg']);
    expect(commandLine.dbPath).toBeNull();
  });
});
