import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { faultOf } from '../core/app-error';
import { APP_VERSION } from '../core/version';
import { latestSchemaVersion, schemaVersion } from '../db/migrate';

/*
 * The facts a support person needs to understand a fault: versions, the size and shape of the
 * database (row counts per table, never rows), free disk space and SQLite's integrity verdict.
 * Nothing here reads a column value of a data table.
 */

export interface DiagnosticFacts {
  readonly generatedAt: string;
  readonly versions: {
    readonly app: string;
    readonly schema: number | null;
    readonly latestSchema: number;
    readonly node: string;
    readonly electron: string | null;
    readonly chrome: string | null;
    readonly betterSqlite3: string | null;
    readonly sqlite: string | null;
  };
  readonly os: { readonly platform: string; readonly release: string; readonly version: string; readonly arch: string; readonly memoryMb: number };
  readonly database: {
    readonly fileName: string;
    readonly folder: string;
    readonly fileBytes: number | null;
    readonly walBytes: number | null;
    readonly pageSize: number | null;
    readonly pageCount: number | null;
    readonly freelistCount: number | null;
    readonly journalMode: string | null;
    readonly freeDiskBytes: number | null;
    /** How the database failed to open, as an error code, when it did. */
    readonly openError: string | null;
  };
  readonly tables: Readonly<Record<string, number | string>>;
  readonly integrity: string;
}

const nodeRequire = createRequire(import.meta.url);

function betterSqliteVersion(): string | null {
  try {
    return (nodeRequire('better-sqlite3/package.json') as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}

function freeDisk(folder: string): number | null {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** A failure reported by its code only: SQLite's text may quote nothing private, but codes are enough. */
function failure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return `无法读取（${typeof code === 'string' ? code : (faultOf(error) ?? 'ERROR')}）`;
}

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function tableCounts(db: Database): Record<string, number | string> {
  const counts: Record<string, number | string> = {};
  let names: string[];
  try {
    names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  } catch (error) {
    return { sqlite_master: failure(error) };
  }
  for (const name of names) {
    try {
      counts[name] = db.prepare(`SELECT COUNT(*) FROM "${name.replace(/"/g, '""')}"`).pluck().get() as number;
    } catch (error) {
      counts[name] = failure(error);
    }
  }
  return counts;
}

/** SQLite's verdict, at most 20 problems (page and table names, never cell contents). */
function integrity(db: Database): string {
  try {
    const rows = db.prepare('PRAGMA integrity_check(20)').pluck().all() as string[];
    return rows.join('\n');
  } catch (error) {
    return failure(error);
  }
}

export function collectDiagnostics(input: { dbFile: string; db: Database | null; openError?: string | null; now?: Date }): DiagnosticFacts {
  const { db, dbFile } = input;
  const memory = dbFile === ':memory:' || dbFile === '';
  const folder = memory ? '' : path.dirname(path.resolve(dbFile));
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    versions: {
      app: APP_VERSION,
      schema: db ? attempt(() => schemaVersion(db)) : null,
      latestSchema: latestSchemaVersion(),
      node: process.versions.node,
      electron: process.versions['electron'] ?? null,
      chrome: process.versions['chrome'] ?? null,
      betterSqlite3: betterSqliteVersion(),
      sqlite: db ? attempt(() => db.prepare('SELECT sqlite_version()').pluck().get() as string) : null,
    },
    os: {
      platform: process.platform,
      release: os.release(),
      version: attempt(() => os.version()) ?? '',
      arch: process.arch,
      memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    },
    database: {
      fileName: memory ? ':memory:' : path.basename(dbFile),
      folder,
      fileBytes: memory ? null : sizeOf(dbFile),
      walBytes: memory ? null : sizeOf(`${dbFile}-wal`),
      pageSize: db ? attempt(() => db.pragma('page_size', { simple: true }) as number) : null,
      pageCount: db ? attempt(() => db.pragma('page_count', { simple: true }) as number) : null,
      freelistCount: db ? attempt(() => db.pragma('freelist_count', { simple: true }) as number) : null,
      journalMode: db ? attempt(() => db.pragma('journal_mode', { simple: true }) as string) : null,
      freeDiskBytes: memory ? null : freeDisk(folder),
      openError: input.openError ?? null,
    },
    tables: db ? tableCounts(db) : {},
    integrity: db ? integrity(db) : '数据库未能打开，无法检查',
  };
}

const mb = (bytes: number | null) => (bytes === null ? '未知' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The same facts as a page a support person reads first. */
export function describeDiagnostics(facts: DiagnosticFacts): string {
  const v = facts.versions;
  const d = facts.database;
  const lines = [
    '目标台账 诊断信息',
    `生成时间：${facts.generatedAt}`,
    '',
    `软件版本：${v.app}`,
    `数据库结构版本：${v.schema ?? '未知'}（本软件最高支持 ${v.latestSchema}）`,
    `Node.js：${v.node}`,
    `Electron：${v.electron ?? '（未在桌面程序中运行）'}`,
    `数据库组件 better-sqlite3：${v.betterSqlite3 ?? '未知'}，SQLite：${v.sqlite ?? '未知'}`,
    `操作系统：${facts.os.platform} ${facts.os.release} ${facts.os.version} ${facts.os.arch}，内存 ${facts.os.memoryMb} MB`,
    '',
    `数据库文件：${d.fileName}，大小 ${mb(d.fileBytes)}，预写日志 ${mb(d.walBytes)}`,
    `页大小 ${d.pageSize ?? '未知'}，页数 ${d.pageCount ?? '未知'}，空闲页 ${d.freelistCount ?? '未知'}，日志模式 ${d.journalMode ?? '未知'}`,
    `数据文件夹所在磁盘剩余空间：${mb(d.freeDiskBytes)}`,
    ...(d.openError ? [`数据库未能打开：${d.openError}`] : []),
    `完整性检查：${facts.integrity === 'ok' ? '通过（ok）' : facts.integrity}`,
    '',
    '各数据表记录条数：',
    ...Object.entries(facts.tables).map(([table, count]) => `  ${table}: ${count}`),
    '',
    '本文件和日志只含版本、数量和错误代码，不含任何计划、任务、进展或指标的内容。',
  ];
  return `${lines.join('\n')}\n`;
}
