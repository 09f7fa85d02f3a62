import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ApiError, LedgerEvent } from '../../shared/api';
import { isRecoverableOpenError } from '../backup/recoverable';
import { CoreClient } from '../core/client';
import { defaultDatabasePath } from '../core/paths';
import { commands, type Command } from './commands';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, exitCodeFor, formatError, UsageError } from './output';

/** Commands that can rescue a damaged database, so they run although it did not open. */
const RECOVERY_COMMANDS = new Set(['backup', 'restore']);
/** The only commands that may create the database file: setting up a PC, or restoring a backup onto a new one. */
const CREATING_COMMANDS = new Set(['init', 'restore']);
const GLOBAL_OPTIONS = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function helpText(): string {
  const lines = ['用法：npm run -s cli -- [--db <数据库文件>] [--json] <命令> [选项]', '', '命令：'];
  for (const command of Object.values(commands)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  lines.push('', '查看某个命令的说明：npm run -s cli -- help <命令>', '退出码：0 成功；1 输入有误；2 程序内部错误。', `默认数据库：${defaultDatabasePath()}`);
  return lines.join('\n');
}

function commandHelpText(command: Command): string {
  const usage = command.usage.replace(/\n\s*/g, '\n      npm run -s cli -- ');
  return [`用法：npm run -s cli -- [--db <数据库文件>] [--json] ${usage}`, '', command.summary].join('\n');
}

function unknownCommand(name: string): string {
  return `错误：未知命令“${name}”。运行 npm run -s cli -- help 查看全部命令。`;
}

/** The database file and the files SQLite keeps beside it (removed again when a creating command fails on a new file). */
const databaseFiles = (db: string) => [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];

/** Runs one CLI invocation; returns the exit code. Output goes to the given streams. */
export async function runCli(argv: readonly string[], io: { out: (text: string) => void; err: (text: string) => void }): Promise<number> {
  const commandIndex = argv.findIndex((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--db');
  const name = commandIndex >= 0 ? argv[commandIndex]! : undefined;
  const command = name ? commands[name] : undefined;
  const options = { ...GLOBAL_OPTIONS, ...command?.options };
  const args = command ? attachDashValues([...argv.slice(0, commandIndex), ...argv.slice(commandIndex + 1)], options) : [...argv];
  const wantsHelp = args.includes('--help') || args.includes('-h');
  if (name === 'help') {
    // `help` and `help <命令>`: the same text as --help, without touching any database.
    const topic = argv.slice(commandIndex + 1).find((arg) => !arg.startsWith('-'));
    if (topic === undefined) {
      io.out(helpText());
      return EXIT_OK;
    }
    const described = commands[topic];
    if (!described) {
      io.err(unknownCommand(topic));
      return EXIT_BAD_INPUT;
    }
    io.out(commandHelpText(described));
    return EXIT_OK;
  }
  if (!name || (wantsHelp && !command)) {
    io.out(helpText());
    return name || wantsHelp ? EXIT_OK : EXIT_BAD_INPUT;
  }
  if (!command) {
    io.err(unknownCommand(name));
    return EXIT_BAD_INPUT;
  }
  if (wantsHelp) {
    io.out(commandHelpText(command));
    return EXIT_OK;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`错误：${translateParseError(error)}\n用法：npm run -s cli -- ${command.usage}`);
    return EXIT_BAD_INPUT;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const json = values.json === true;
  const dbPath = path.resolve(typeof values.db === 'string' ? values.db : defaultDatabasePath());
  // Opening creates the file: only init and restore may, so a mistyped --db never leaves an empty database behind.
  const isNew = !fs.existsSync(dbPath);
  if (isNew && !CREATING_COMMANDS.has(name)) {
    const dbOption = typeof values.db === 'string' ? `--db ${JSON.stringify(dbPath)} ` : '';
    io.err(`错误：数据库文件“${dbPath}”不存在，未作任何改动。请检查 --db 的路径；如果这台电脑还没有设置，请先运行 npm run -s cli -- ${dbOption}init --office <单位名称>`);
    return EXIT_BAD_INPUT;
  }
  const runOn = async (): Promise<number> => {
    let client: CoreClient;
    try {
      client = await CoreClient.start({ dbPath });
    } catch (error) {
      io.err(`错误：数据服务无法启动：${error instanceof Error ? error.message : String(error)}`);
      return EXIT_INTERNAL;
    }
    try {
      // backup --list and restore still work on a damaged database (the worker answers them in recovery).
      if (client.openError && !(RECOVERY_COMMANDS.has(name) && isRecoverableOpenError(client.openError))) return report(client.openError);
      const unsubscribe = client.onEvent((event: LedgerEvent) => {
        if (event.type === 'progress' && !json) io.err(`${event.label}（${event.done}/${event.total}）`);
      });
      try {
        const result = await command.run({ invoke: (n, a) => client.invoke(n, a), options: values, positionals: parsed.positionals, databasePath: dbPath, progress: (line) => io.err(line) });
        if (!result.ok) return report(result.error);
        io.out(result.value.raw ?? (json ? JSON.stringify(result.value.json, null, 2) : result.value.text));
        return EXIT_OK;
      } finally {
        unsubscribe();
      }
    } catch (error) {
      if (error instanceof UsageError) {
        io.err(`错误：${error.message}\n用法：npm run -s cli -- ${command.usage}`);
        return EXIT_BAD_INPUT;
      }
      io.err(`错误：程序内部错误：${error instanceof Error ? error.message : String(error)}`);
      return EXIT_INTERNAL;
    } finally {
      await client.close();
    }
  };
  const code = await runOn();
  // A creating command that failed on a new file leaves no empty database behind.
  if (isNew && code !== EXIT_OK) for (const file of databaseFiles(dbPath)) fs.rmSync(file, { force: true });
  return code;

  function report(error: ApiError): number {
    io.err(json ? JSON.stringify({ error }, null, 2) : formatError(error));
    return exitCodeFor(error);
  }
}

type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/**
 * parseArgs refuses `--text -5%完成` and `--value -3` as ambiguous (the value might be a forgotten
 * option). Here a string option takes the next argument as its value, dash or not, unless that
 * argument is itself one of the command's options (`--text --json` still lacks a value): it is
 * glued on as `--text=-5%完成`, which parseArgs reads as a value. `--text=-5%` already worked.
 */
export function attachDashValues(args: readonly string[], options: OptionSpec): string[] {
  const known = new Set<string>();
  for (const [name, spec] of Object.entries(options)) {
    known.add(`--${name}`);
    if (spec.short) known.add(`-${spec.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const next = args[i + 1];
    const takesValue = arg.startsWith('--') && !arg.includes('=') && options[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && next.startsWith('-') && next !== '--' && !known.has(next.split('=')[0]!)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function translateParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `不认识的选项 ${unknown[1]}`;
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) return `选项 ${ambiguous[1]} 缺少取值（取值本身以“-”开头时，请写成 ${ambiguous[1]}=<取值>）`;
  const missing = /Option '([^']+)'.*argument missing/.exec(message);
  if (missing) return `选项 ${missing[1]?.split(',')[0]} 缺少取值`;
  return message;
}

/** Run directly (node main.ts / out/cli/main.js, or through the `target-ledger` link npm makes), not imported. */
function isEntry(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(fs.realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntry()) {
  // `parse … | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
  });
  runCli(process.argv.slice(2), { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.stderr.write(`错误：程序内部错误：${String(error)}\n`);
      process.exitCode = EXIT_INTERNAL;
    });
}
