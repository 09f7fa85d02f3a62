import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { loadSqlite } from '../../electron/db/native';
import { latestSchemaVersion, migrate, schemaVersion } from '../../electron/db/migrate';
import { migrations, type Migration } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { AppError } from '../../electron/core/app-error';
import { replicatedTables, TOMBSTONE_COLUMN } from '../../shared/schema/tables';
import { tempDir } from '../helpers/core';

const Sqlite = loadSqlite();

/** Tables holding data; the search index (search_*, rebuilt from the data by migration 20) is derived, not data. */
function tables(db: Database): string[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all.map((t) => t.name).filter((name) => !name.startsWith('search_') && !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

function columns(db: Database, table: string): { name: string; type: string; pk: number }[] {
  return db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; pk: number }[];
}

/** Fill every table with rows of plausible values so a migration has something to lose. */
function populate(db: Database, rowsPerTable = 25, tag = '测试'): void {
  for (const table of tables(db)) {
    const cols = columns(db, table);
    const insert = db.prepare(`INSERT INTO ${table} (${cols.map((c) => c.name).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    for (let i = 0; i < rowsPerTable; i++) {
      const text = (c: { name: string }) => `${table}-${c.name}-${i}-${tag}`;
      // STRICT BLOB columns take bytes only.
      insert.run(...cols.map((c) => (c.type === 'INTEGER' ? i % 2 : c.type === 'REAL' ? i + 0.5 : c.type === 'BLOB' ? Buffer.from(text(c)) : text(c))));
    }
  }
}

/** Rows in a stable order: by primary key (WITHOUT ROWID tables such as change_log have no rowid). */
function rowsOf(db: Database, table: string): Record<string, unknown>[] {
  const keys = columns(db, table)
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return db.prepare(`SELECT * FROM ${table} ORDER BY ${keys.length > 0 ? keys.join(', ') : 'rowid'}`).all() as Record<string, unknown>[];
}

function snapshot(db: Database): Map<string, Record<string, unknown>[]> {
  return new Map(tables(db).map((table) => [table, rowsOf(db, table)]));
}

function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('migrations', () => {
  it('versions ascend and the latest is what a new database gets', () => {
    const versions = migrations.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    const db = openDatabase(':memory:');
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    db.close();
  });

  it('creates every replicated table with exactly the columns of the shared schema, STRICT and without foreign keys', () => {
    const db = openDatabase(':memory:');
    for (const [table, spec] of Object.entries(replicatedTables)) {
      const names = columns(db, table).map((c) => c.name).sort();
      expect(names, table).toEqual(['id', TOMBSTONE_COLUMN, ...Object.keys(spec.columns)].sort());
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(table) as string;
      expect(sql, table).toMatch(/\)\s*STRICT\s*$/);
      expect(db.prepare(`PRAGMA foreign_key_list(${table})`).all(), table).toEqual([]);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
    db.close();
  });

  it('uses WAL on files', () => {
    const file = path.join(tempDir(), 'wal.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  // One test per migration: migrate a populated database from the previous version; every row survives.
  for (const [index, migration] of migrations.entries()) {
    it(`migration ${migration.version}-${migration.name} keeps every row of version ${migrations[index - 1]?.version ?? 0}`, () => {
      const db = new Sqlite(':memory:');
      const previous = migrations[index - 1]?.version ?? 0;
      migrate(db, { to: previous });
      populate(db);
      const before = snapshot(db);
      migrate(db, { to: migration.version });
      expect(schemaVersion(db)).toBe(migration.version);
      for (const [table, rows] of before) {
        const after = rowsOf(db, table);
        expect(after.length, table).toBe(rows.length);
        rows.forEach((row, i) => expect(after[i], `${table} row ${i}`).toMatchObject(row));
      }
      // And the new schema accepts data.
      populate(db, 3, '新表结构');
      db.close();
    });
  }

  it('refuses a database from a newer version without touching the file', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const db = new Sqlite(file);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.pragma(`user_version = ${latestSchemaVersion() + 5}`);
    db.close();
    const before = fileHash(file);
    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DATABASE_NEWER');
    expect((caught as AppError).message).toContain('请升级目标台账');
    expect(fileHash(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('rolls a failing migration back whole and stays at the previous version', () => {
    const db = new Sqlite(':memory:');
    migrate(db);
    const broken: Migration = {
      version: latestSchemaVersion() + 1,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x TEXT)');
        throw new Error('disk pulled out');
      },
    };
    expect(() => migrate(db, { list: [...migrations, broken] })).toThrow('disk pulled out');
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('refuses a migration list whose versions do not ascend', () => {
    const db = new Sqlite(':memory:');
    const noop = (version: number): Migration => ({ version, name: `v${version}`, up: () => {} });
    expect(() => migrate(db, { list: [noop(20), noop(10)] })).toThrow(/ascend/);
    expect(schemaVersion(db)).toBe(0);
    db.close();
  });
});
