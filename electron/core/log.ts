import fs from 'node:fs';
import path from 'node:path';

/*
 * The local log beside the database (`<data folder>/logs/target-ledger.log`): errors, warnings and
 * startup, migration and backup events, for support staff reading an exported 诊断信息. It must never
 * hold plan content, so entries carry an event name and short fields (call names, error codes,
 * counts), every string is stripped of non-ASCII text, and an error keeps only its class, code, a
 * redacted message and its stack frames. No Electron import: the worker and the CLI use it too.
 */

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'target-ledger.log';
/** Rotate when the current file would pass this size. */
export const LOG_MAX_BYTES = 1024 * 1024;
/** Files kept: the current one and the older ones `.1` … `.4`. */
export const LOG_KEEP = 5;

export type LogLevel = 'ERROR' | 'WARN' | 'INFO';
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The log folder of a database file; an in-memory database has none. */
export function logFolderOf(dbFile: string): string | null {
  if (dbFile === ':memory:' || dbFile === '') return null;
  return path.join(path.dirname(path.resolve(dbFile)), LOG_FOLDER);
}

const MAX_TEXT = 200;

/** Keep ASCII only: Chinese text in a message may be a task title or a narrative. */
export function redact(text: string, max = MAX_TEXT): string {
  const ascii = text.replace(/[^\x20-\x7e]+/g, '…').replace(/\s+/g, ' ').trim();
  return ascii.length > max ? `${ascii.slice(0, max)}…` : ascii;
}

function fieldText(fields: LogFields): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${redact(key, 40).replace(/[ =]/g, '_')}=${typeof value === 'string' ? JSON.stringify(redact(value)) : String(value)}`)
    .join(' ');
}

/** Class, code, redacted message and the stack's frames (file paths and line numbers only). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error thrown: ${typeof error}`;
  const code = (error as { code?: unknown }).code;
  const head = `${redact(error.name, 60)}${typeof code === 'string' ? ` [${redact(code, 60)}]` : ''}: ${redact(error.message)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 20)
    .map((line) => `    ${redact(line.trim(), 300)}`);
  const cause = error.cause instanceof Error ? [`  caused by ${describeError(error.cause)}`] : [];
  return [head, ...frames, ...cause].join('\n');
}

export interface LogOptions {
  readonly maxBytes?: number;
  readonly keep?: number;
  /** Which part of the app writes: main, worker, cli, web. */
  readonly source?: string;
  readonly now?: () => Date;
}

/** An append-only text log that rotates by size. Writing never throws: a log must not break the app. */
export class RotatingLog {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly source: string;
  private readonly now: () => Date;

  constructor(
    readonly folder: string,
    options: LogOptions = {},
  ) {
    this.file = path.join(folder, LOG_FILE);
    this.maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
    this.keep = Math.max(1, options.keep ?? LOG_KEEP);
    this.source = options.source ?? 'app';
    this.now = options.now ?? (() => new Date());
  }

  info(event: string, fields: LogFields = {}): void {
    this.write('INFO', event, fields);
  }

  warn(event: string, fields: LogFields = {}): void {
    this.write('WARN', event, fields);
  }

  error(event: string, fields: LogFields = {}, error?: unknown): void {
    this.write('ERROR', event, fields, error);
  }

  write(level: LogLevel, event: string, fields: LogFields = {}, error?: unknown): void {
    const head = [this.now().toISOString(), level.padEnd(5), `[${this.source}]`, redact(event, 80), fieldText(fields)].filter(Boolean).join(' ');
    const entry = `${head}${error === undefined ? '' : `\n  ${describeError(error)}`}\n`;
    try {
      // Only inside an existing data folder: the log never creates a data folder of its own.
      if (!fs.existsSync(this.folder)) fs.mkdirSync(this.folder);
      this.rotateFor(Buffer.byteLength(entry));
      fs.appendFileSync(this.file, entry);
    } catch {
      // A full or read-only disk already shows the clerk a message; the log stays silent.
    }
  }

  /** The log files, newest first (current, .1, .2 …), that exist. */
  files(): string[] {
    return Array.from({ length: this.keep }, (_, i) => (i === 0 ? this.file : `${this.file}.${i}`)).filter((file) => fs.existsSync(file));
  }

  private rotateFor(bytes: number): void {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return;
    }
    if (size === 0 || size + bytes <= this.maxBytes) return;
    if (this.keep === 1) {
      fs.rmSync(this.file, { force: true });
      return;
    }
    fs.rmSync(`${this.file}.${this.keep - 1}`, { force: true });
    for (let i = this.keep - 2; i >= 1; i--) {
      const from = `${this.file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${i + 1}`);
    }
    fs.renameSync(this.file, `${this.file}.1`);
  }
}

/** Each thread's log (the worker's and the main process's), set once at startup; silent until then. */
let current: RotatingLog | null = null;

export function setAppLog(log: RotatingLog | null): void {
  current = log;
}

export function appLog(): RotatingLog | null {
  return current;
}

/** Log through the thread's log if one is set (services call this without knowing where it goes). */
export const log = {
  info: (event: string, fields?: LogFields) => current?.info(event, fields),
  warn: (event: string, fields?: LogFields) => current?.warn(event, fields),
  error: (event: string, fields?: LogFields, error?: unknown) => current?.error(event, fields, error),
};
