import path from 'node:path';

/** What the command line asks for; the same parser serves startup and a second instance. */
export interface CommandLine {
  /** `--db <file>`: use this database instead of the one in the user data folder. */
  readonly dbPath: string | null;
  /** Plain arguments (e.g. a package file double-clicked in Explorer), absolute paths. */
  readonly files: readonly string[];
  /** A Chinese message when the command line cannot be used as given. */
  readonly error: string | null;
}

export const DB_FILE_NAME = 'ledger.sqlite';

/**
 * Parse Electron's argv. `defaultApp` is true when run as `electron .` (development), where
 * argv[1] is the app folder rather than a user argument. Unknown `--switches` (Chromium adds
 * some) are ignored. Relative paths resolve against the invoking process's folder.
 */
export function parseCommandLine(argv: readonly string[], cwd: string, defaultApp = false): CommandLine {
  const args = argv.slice(defaultApp ? 2 : 1);
  let dbPath: string | null = null;
  let error: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--db' || arg.startsWith('--db=')) {
      const value = arg === '--db' ? args[++i] : arg.slice('--db='.length);
      if (!value || value.startsWith('--')) error = '命令行参数 --db 后面缺少数据库文件路径';
      else dbPath = path.resolve(cwd, value);
    } else if (arg === '--') {
      files.push(...args.slice(i + 1).map((file) => path.resolve(cwd, file)));
      break;
    } else if (!arg.startsWith('-')) {
      files.push(path.resolve(cwd, arg));
    }
  }
  return { dbPath, files, error };
}

/** `--db` wins; otherwise the database lives in the per-user data folder. */
export function resolveDbPath(commandLine: CommandLine, userDataDir: string): string {
  return commandLine.dbPath ?? path.join(userDataDir, DB_FILE_NAME);
}
