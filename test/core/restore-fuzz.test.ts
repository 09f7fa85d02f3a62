import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc } from '../../shared/domain/hlc';
import { replicatedTables } from '../../shared/schema/tables';
import { fileSource, restoreDatabase } from '../../electron/backup/restore';
import { backupFolder } from '../../electron/backup/store';
import { AppError } from '../../electron/core/app-error';
import { createLocalIdentity } from '../../electron/core/identity';
import { latestSchemaVersion, migrate } from '../../electron/db/migrate';
import { loadSqlite } from '../../electron/db/native';
import { tempDir } from '../helpers/core';
import { backupFixture, dumpDatabase } from './backup-fixture';

/*
 * Restore fuzz (issue 14): well over a thousand crafted SQLite files, each made by mutating a
 * copy of one real backup — foreign triggers, views, indexes and virtual tables, huge page
 * counts and broken headers, wrong schemas and versions, our schema with bad rows, a clock far
 * ahead, and valid edits. Each goes through the real restore against a live database and must be
 * refused with a Chinese message (the live database byte-identical in content: a dump of every
 * table and of the catalogue) or rebuilt clean (the catalogue of a fresh database, every row well formed).
 * Counts per kind and outcome are printed at the end.
 */

const SEED = 1414;
const ROUNDS = 1;
const Sqlite = loadSqlite();

/** mulberry32: the same files on every run. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}
type Rng = ReturnType<typeof rng>;

type Expect = 'refuse' | 'rebuild' | 'either';
interface Case {
  readonly kind: string;
  readonly expect: Expect;
  /** SQL-level change on a writable copy. */
  readonly sql?: (db: Database) => void;
  /** Byte-level change of the file after the SQL change. */
  readonly bytes?: (file: string) => void;
  /** A file made from scratch instead of the template. */
  readonly make?: (file: string) => void;
}

const TABLES = Object.keys(replicatedTables);
const LOCAL = ['change_log', 'local_meta', 'local_settings', 'drafts', 'import_history', 'trusted_keys', 'peer_acks', 'sync_packages', 'conflicts', 'report_templates', 'import_baselines', 'search_docs', 'search_scopes', 'entry_clock'];
const ALL = [...TABLES, ...LOCAL];
const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const BAD_IDS = ['../x', '', 'a'.repeat(65), 'id with space', '中文编号', 'x;DROP', '/etc/passwd', 'a\tb'];
const BAD_SHA = ['../../ledger.sqlite', 'ABCDEF'.repeat(11).slice(0, 64), 'a'.repeat(63), 'a'.repeat(65), '/etc/passwd', 'g'.repeat(64)];
const TEXTS = ['提升居民健康素养水平', '“引号”与\'撇号\'', 'emoji 🙂', '', 'x'.repeat(500), '第3、15、24项', 'NULL', '0'];
const BODIES = [
  "UPDATE local_meta SET value = 'attacker' WHERE key = 'public_key';",
  'DELETE FROM change_log;',
  "INSERT INTO local_settings (key, value) VALUES ('x', 'y');",
  'SELECT 1;',
  'UPDATE progress_reports SET percent = 100;',
];

function columnsOf(db: Database, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
}

/** Set one column of one row (the first) of `table` to `sqlValue`. */
function setFirst(db: Database, table: string, column: string, sqlValue: string): void {
  db.exec(`UPDATE "${table}" SET "${column}" = ${sqlValue} WHERE rowid = (SELECT MIN(rowid) FROM "${table}")`);
}
function setFirstWithoutRowid(db: Database, table: string, column: string, sqlValue: string): void {
  const key = columnsOf(db, table)[0]!;
  db.exec(`UPDATE "${table}" SET "${column}" = ${sqlValue} WHERE "${key}" = (SELECT MIN("${key}") FROM "${table}")`);
}

/** A STRICT table's column given a value of another type: the schema text is edited around the insert. */
function wrongType(db: Database, table: string, column: string, value: string): void {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(table) as string;
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare('UPDATE sqlite_master SET sql = ? WHERE name = ?').run(sql.replace(/\)\s*STRICT/, ')'), table);
  db.pragma('writable_schema = RESET');
  setFirst(db, table, column, value);
  db.pragma('writable_schema = ON');
  db.prepare('UPDATE sqlite_master SET sql = ? WHERE name = ?').run(sql, table);
  db.pragma('writable_schema = RESET');
  db.unsafeMode(false);
}

function headerEdit(edit: (header: Buffer) => void): (file: string) => void {
  return (file) => {
    const fd = fs.openSync(file, 'r+');
    const header = Buffer.alloc(100);
    fs.readSync(fd, header, 0, 100, 0);
    edit(header);
    fs.writeSync(fd, header, 0, 100, 0);
    fs.closeSync(fd);
  };
}

const generators: ((r: Rng) => Case)[] = [
  // ---- foreign objects: always refused --------------------------------------------------
  (r) => {
    const table = r.pick(ALL);
    const timing = r.pick(['BEFORE', 'AFTER']);
    const event = r.pick(['INSERT', 'UPDATE', 'DELETE']);
    return { kind: 'trigger', expect: 'refuse', sql: (db) => db.exec(`CREATE TRIGGER t_${r.int(1e6)} ${timing} ${event} ON "${table}" BEGIN ${r.pick(BODIES)} END`) };
  },
  (r) => {
    const table = r.pick(TABLES.filter((t) => t !== 'departments'));
    const recursive = r.next() < 0.5;
    const body = recursive ? 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r' : `SELECT * FROM "${table}"`;
    return r.next() < 0.5
      ? { kind: 'view replacing a table', expect: 'refuse', sql: (db) => db.exec(`DROP TABLE "${table}"; CREATE VIEW "${table}" AS ${body}`) }
      : { kind: 'view', expect: 'refuse', sql: (db) => db.exec(`CREATE VIEW v_${r.int(1e6)} AS ${body}`) };
  },
  (r) => {
    const table = r.pick(ALL.filter((t) => t !== 'local_meta'));
    const choice = r.int(4);
    return {
      kind: 'index',
      expect: 'refuse',
      sql: (db) => {
        const column = r.pick(columnsOf(db, table));
        const name = `i_${r.int(1e6)}`;
        if (choice === 0) db.exec(`CREATE INDEX ${name} ON "${table}" ("${column}")`);
        else if (choice === 1) db.exec(`CREATE INDEX ${name} ON "${table}" ("${column}") WHERE "${column}" IS NOT NULL`);
        else if (choice === 2) db.exec(`CREATE INDEX ${name} ON "${table}" (lower("${column}"))`);
        else {
          // One of ours, same name, other columns.
          const ours = db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; tbl_name: string }[];
          const index = r.pick(ours);
          db.exec(`DROP INDEX "${index.name}"; CREATE INDEX "${index.name}" ON "${index.tbl_name}" ("${r.pick(columnsOf(db, index.tbl_name))}" DESC)`);
        }
      },
    };
  },
  (r) => {
    const choice = r.int(5);
    const sql = [
      `CREATE VIRTUAL TABLE vt_${r.int(1e6)} USING fts5(body)`,
      "DROP TABLE search_fts; CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize='porter')",
      `CREATE VIRTUAL TABLE vt_${r.int(1e6)} USING fts4(a, b)`,
      `CREATE VIRTUAL TABLE vt_${r.int(1e6)} USING rtree(id, x0, x1)`,
      'DROP TABLE search_fts; CREATE TABLE search_fts (body TEXT)',
    ][choice]!;
    return { kind: 'virtual table', expect: 'refuse', sql: (db) => db.exec(sql) };
  },
  // ---- not our schema ---------------------------------------------------------------------
  (r) => {
    const table = r.pick(ALL);
    const choice = r.int(6);
    return {
      kind: 'schema differs',
      expect: 'refuse',
      sql: (db) => {
        const columns = columnsOf(db, table);
        if (choice === 0) db.exec(`CREATE TABLE extra_${r.int(1e6)} (x BLOB)`);
        else if (choice === 1) db.exec(`ALTER TABLE "${table}" ADD COLUMN c_${r.int(1e6)} TEXT`);
        else if (choice === 2) db.exec(`DROP TABLE "${table}"`);
        else if (choice === 3) db.exec(`ALTER TABLE "${table}" RENAME COLUMN "${columns.at(-1)!}" TO renamed`);
        else if (choice === 4) db.exec(`ALTER TABLE "${table}" RENAME TO moved_${r.int(1e6)}`);
        else {
          // The same columns, not STRICT: the text of the schema differs.
          db.exec(`CREATE TABLE copy_t AS SELECT * FROM "${table}"; DROP TABLE "${table}"; ALTER TABLE copy_t RENAME TO "${table}"`);
        }
      },
    };
  },
  (r) => {
    const version = r.pick([0, 1, 33, 45, 79, 81, 90, 1000, -1, 10, 20, 50, 70]);
    return { kind: 'wrong schema version', expect: 'refuse', sql: (db) => db.pragma(`user_version = ${version}`) };
  },
  // ---- sizes, headers, pages ----------------------------------------------------------------
  (r) => {
    const choice = r.int(6);
    const edits: ((file: string) => void)[] = [
      headerEdit((h) => {
        h.writeUInt32BE(0x7fffffff - r.int(1000), 28);
        h.writeUInt32BE(h.readUInt32BE(24), 92);
      }),
      headerEdit((h) => {
        h.writeUInt32BE(h.readUInt32BE(28) + 1 + r.int(1e6), 28);
        h.writeUInt32BE(h.readUInt32BE(24), 92);
      }),
      headerEdit((h) => h.writeUInt16BE(r.pick([0, 3, 511, 1000, 131]), 16)),
      (file) => fs.truncateSync(file, fs.statSync(file).size + 1 + r.int(4000)),
      (file) => fs.truncateSync(file, 3 * 1024 ** 3 + r.int(1e6) * 4096),
      headerEdit((h) => h.write('SQLite format 2\0', 0, 'latin1')),
    ];
    return { kind: 'size or header', expect: 'refuse', bytes: edits[choice]! };
  },
  (r) => ({
    kind: 'flipped bytes',
    expect: 'either',
    bytes: (file) => {
      const size = fs.statSync(file).size;
      const fd = fs.openSync(file, 'r+');
      for (let i = 0, n = 1 + r.int(8); i < n; i++) fs.writeSync(fd, Buffer.from([r.int(256)]), 0, 1, 100 + r.int(size - 100));
      fs.closeSync(fd);
    },
  }),
  // ---- our schema, bad rows -----------------------------------------------------------------
  (r) => {
    const table = r.pick(TABLES.filter((t) => !['metrics', 'metric_links', 'units', 'indicators', 'indicator_values', 'settings'].includes(t)));
    return { kind: 'bad id', expect: 'refuse', sql: (db) => setFirst(db, table, 'id', q(r.pick(BAD_IDS))) };
  },
  (r) => ({ kind: 'sha256 that is not a hash', expect: 'refuse', sql: (db) => setFirst(db, 'attachments', 'sha256', q(r.pick(BAD_SHA))) }),
  (r) => {
    const [table, column] = r.pick([
      ['tasks', 'lead_department_ids'],
      ['tasks', 'milestones'],
      ['departments', 'aliases'],
      ['tasks', 'responsible_units'],
    ] as const);
    return { kind: 'JSON that does not parse', expect: 'refuse', sql: (db) => setFirst(db, table, column, q(r.pick(['{', '[1,', 'undefined', "{'a':1}"]))) };
  },
  (r) => {
    const table = r.pick(['tasks', 'plans', 'departments', 'progress_reports', 'offices', 'attachments']);
    return { kind: 'tombstone not 0 or 1', expect: 'refuse', sql: (db) => setFirst(db, table, 'deleted', r.pick(['2', '-1', '9007199254740993', '100'])) };
  },
  (r) => {
    const [table, column] = r.pick([
      ['tasks', 'title'],
      ['tasks', 'text'],
      ['progress_reports', 'progress_text'],
      ['change_log', 'value'],
      ['local_settings', 'value'],
    ] as const);
    const bytes = r.pick([5, 8]) * 1024 * 1024;
    return {
      kind: 'absurd length',
      expect: 'refuse',
      sql: (db) => (table === 'change_log' ? setFirstWithoutRowid(db, table, column, `'"' || hex(zeroblob(${bytes / 2})) || '"'`) : setFirst(db, table, column, `hex(zeroblob(${bytes / 2}))`)),
    };
  },
  (r) => {
    const choice = r.int(8);
    const edits: [string, string][] = [
      ['hlc', q('not-a-clock')],
      ['tbl', q(r.pick(['sqlite_master', 'local_meta', 'tasks; DROP TABLE x', '../tasks']))],
      ['col', q(r.pick(['secret', 'id', '', 'title; --']))],
      ['value', q(r.pick(['{', 'NaN', "'x'"]))],
      ['supersedes', q(r.pick(['{}', '[1]', '["x"]', 'null']))],
      ['origin_installation_id', q(randomUUID())],
      ['batch', q('')],
      ['row_id', q(r.pick(BAD_IDS))],
    ];
    const [column, value] = edits[choice]!;
    return { kind: 'bad change record', expect: 'refuse', sql: (db) => setFirstWithoutRowid(db, 'change_log', column, value) };
  },
  (r) => {
    const choice = r.int(5);
    return {
      kind: 'bad local_meta',
      expect: 'refuse',
      sql: (db) => {
        if (choice === 0) db.exec("UPDATE local_meta SET value = '../x' WHERE key = 'office_id'");
        else if (choice === 1) db.exec("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('clock', 'tomorrow')");
        else if (choice === 2) db.exec("DELETE FROM local_meta WHERE key = 'installation_id'");
        else if (choice === 3) db.exec("UPDATE local_meta SET value = 'a b' WHERE key = 'installation_id'");
        else db.exec(`INSERT OR REPLACE INTO local_meta (key, value) VALUES ('department_id', ${q(r.pick(BAD_IDS.filter(Boolean)))})`);
      },
    };
  },
  (r) => {
    const choice = r.int(3);
    return {
      kind: 'bad trusted key',
      expect: 'refuse',
      sql: (db) => {
        const { publicKey } = choice === 2 ? generateKeyPairSync('ed448') : generateKeyPairSync('ed25519');
        const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
        const stored = choice === 0 ? '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n' : pem;
        db.prepare("INSERT INTO trusted_keys (installation_id, public_key, fingerprint, trusted_at) VALUES (?, ?, '1234 5678 9012 3456', '2025-01-01')").run(randomUUID(), stored);
      },
    };
  },
  (r) => {
    const [table, column, value] = r.pick([
      ['tasks', 'title', "X'00ff'"],
      ['tasks', 'due_from_year', "'二〇二五'"],
      ['progress_reports', 'percent', "'百分之十'"],
      ['plans', 'year_from', '1.5'],
      ['departments', 'sort_order', "X'01'"],
    ] as const);
    return { kind: 'wrong type in a STRICT table', expect: 'refuse', sql: (db) => wrongType(db, table, column, value) };
  },
  (r) => {
    // Beyond the 24-hour clock allowance: restored, it would stamp every later change of this PC that far ahead.
    const ahead = r.pick([25, 24 * 30, 24 * 365 * 5, 24 * 365 * 200]) * 3_600_000 + r.int(3_600_000);
    const inChange = r.next() < 0.5;
    return {
      kind: 'clock far ahead',
      expect: 'refuse',
      sql: (db) => {
        const newest = db.prepare('SELECT hlc FROM change_log ORDER BY hlc DESC LIMIT 1').pluck().get() as string;
        const { wall, node } = parseHlc(newest);
        const later = formatHlc({ wall: Math.min(wall + ahead, 10 ** 13 - 1), counter: r.int(100), node });
        if (inChange) db.prepare('UPDATE change_log SET hlc = ? WHERE hlc = ?').run(later, newest);
        else db.prepare("INSERT OR REPLACE INTO local_meta (key, value) VALUES ('clock', ?)").run(later);
      },
    };
  },
  // ---- valid edits: rebuilt -------------------------------------------------------------------
  (r) => {
    const choice = r.int(7);
    return {
      kind: 'valid edit',
      expect: 'rebuild',
      sql: (db) => {
        if (choice === 0) setFirst(db, 'tasks', 'title', q(r.pick(TEXTS)));
        else if (choice === 1) db.exec(`DELETE FROM "${r.pick(['sections', 'units', 'metrics', 'settings', 'drafts', 'sync_packages', 'peer_acks'])}"`);
        else if (choice === 2)
          db.prepare("INSERT INTO tasks (id, plan_id, number, title, sort_order, lead_department_ids, deleted) VALUES (?, (SELECT id FROM plans LIMIT 1), ?, ?, ?, '[]', 0)").run(randomUUID(), String(r.int(99)), r.pick(TEXTS), r.int(100));
        else if (choice === 3) db.exec("UPDATE attachments SET sha256 = lower(hex(randomblob(32)))");
        // Derived rows: garbage is dropped and rebuilt.
        else if (choice === 4) db.exec(`INSERT INTO search_docs (ref, doc) VALUES ('../x', 5), ('t:${randomUUID()}', ${r.int(1e9)}); INSERT INTO entry_clock VALUES ('x', 'y')`);
        else if (choice === 5) db.exec(`INSERT INTO search_fts (rowid, body) VALUES (${1 + r.int(1e6)}, 'junk')`);
        else db.exec(`UPDATE local_settings SET value = ${q(r.pick(TEXTS))}; INSERT OR REPLACE INTO local_meta (key, value) VALUES ('private_key', 'stolen'), ('unknown_key', 'x')`);
      },
    };
  },
  (r) => ({
    kind: 'older schema version',
    expect: 'rebuild',
    make: (file) => {
      const db = new Sqlite(file);
      migrate(db, { to: r.pick([10, 20, 30, 40, 50, 60, 70]) });
      db.transaction(() => {
        const identity = createLocalIdentity(db, randomUUID(), null);
        db.prepare("INSERT INTO offices (id, name) VALUES (?, '旧版本单位')").run(identity.officeId);
        db.prepare("DELETE FROM local_meta WHERE key = 'private_key'").run();
      })();
      db.pragma('journal_mode = DELETE');
      db.close();
    },
  }),
];

describe('restore fuzz', () => {
  it(`refuses or rebuilds clean ${ROUNDS * 1300} crafted databases, the live database unchanged when refused`, { timeout: 600_000 }, async () => {
    const f = await backupFixture();
    const backup = await f.t.call('backup.create', {});
    const folder = backupFolder(f.file);
    const template = path.join(folder, `${backup.id}.sqlite`);
    const work = tempDir('tl-restore-fuzz-');
    const fresh = new Sqlite(':memory:');
    migrate(fresh);
    const catalogue = (db: Database) => JSON.stringify(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all());
    const freshCatalogue = catalogue(fresh);
    fresh.close();
    const keep = new Set(fs.readdirSync(folder));

    const r = rng(SEED);
    const counts = new Map<string, Map<string, number>>();
    const tally = (kind: string, outcome: string) => {
      const row = counts.get(kind) ?? new Map<string, number>();
      row.set(outcome, (row.get(outcome) ?? 0) + 1);
      counts.set(kind, row);
    };
    let live = dumpDatabase(f.t.core.db);
    let files = 0;
    const started = performance.now();
    const total = ROUNDS * 1300;
    for (let i = 0; i < total; i++) {
      // Each kind about as often as the others, the valid ones a little less (each restore that goes through costs most).
      const generate = generators[i % generators.length]!;
      const c = generate(r);
      const file = path.join(work, `case-${i}.sqlite`);
      try {
        if (c.make) c.make(file);
        else {
          fs.copyFileSync(template, file);
          if (c.sql) {
            const db = new Sqlite(file);
            try {
              c.sql(db);
            } finally {
              db.close();
            }
          }
        }
        c.bytes?.(file);
      } catch (error) {
        throw new Error(`case ${i} (${c.kind}) could not be made: ${String(error)}`, { cause: error });
      }
      files++;
      let outcome: string;
      try {
        const result = await restoreDatabase(f.t.core, f.file, fileSource(f.file, file));
        outcome = 'rebuilt';
        expect(c.expect, `case ${i} (${c.kind}) was restored`).not.toBe('refuse');
        checkClean(f.t.core.db, freshCatalogue, catalogue);
        expect(result.installationId).toBe(f.t.core.requireIdentity().installationId);
        live = dumpDatabase(f.t.core.db);
        // Keep the folder small: the "恢复前" backups of the fuzz are not needed.
        for (const name of fs.readdirSync(folder)) if (!keep.has(name) && /-restore\.(json|sqlite)$/.test(name)) fs.rmSync(path.join(folder, name));
      } catch (error) {
        if (!(error instanceof AppError)) throw new Error(`case ${i} (${c.kind}): not a clerk-facing refusal: ${String(error)}`, { cause: error });
        outcome = error.code;
        expect(c.expect, `case ${i} (${c.kind}) was refused: ${error.message}`).not.toBe('rebuild');
        expect(error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(error.message, `case ${i} (${c.kind})`).toMatch(/未作任何改动/);
        expect(dumpDatabase(f.t.core.db) === live, `case ${i} (${c.kind}) changed the live database`).toBe(true);
      }
      tally(c.kind, outcome);
      fs.rmSync(file, { force: true });
    }
    const seconds = (performance.now() - started) / 1000;
    const all = [...counts.values()].flatMap((m) => [...m.entries()]);
    const rebuilt = all.filter(([o]) => o === 'rebuilt').reduce((s, [, n]) => s + n, 0);
    const lines = [...counts].map(([kind, m]) => `  ${kind.padEnd(30)} ${[...m].map(([o, n]) => `${o} ${n}`).join(', ')}`);
    console.log(`restore fuzz: ${files} crafted databases in ${seconds.toFixed(1)} s — refused ${files - rebuilt}, rebuilt clean ${rebuilt}\n${lines.join('\n')}`);
    expect(files).toBeGreaterThanOrEqual(1000);
    expect(rebuilt).toBeGreaterThan(50);
    expect(files - rebuilt).toBeGreaterThan(900);
    f.t.close();
  });
});

const HLC = /^\d{13}-[0-9a-f]{6}-.+$/;
const ID = /^[0-9A-Za-z-]{1,64}$/;
const SQL_TYPES: Record<string, readonly string[]> = { text: ['null', 'text'], json: ['null', 'text'], integer: ['null', 'integer'], boolean: ['null', 'integer'], real: ['null', 'real'] };

/** The restored database: our catalogue exactly, and rows of the shapes the app writes (checked here independently of the restore's own checks). */
function checkClean(db: Database, freshCatalogue: string, catalogue: (db: Database) => string): void {
  expect(catalogue(db)).toBe(freshCatalogue);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  for (const [table, spec] of Object.entries(replicatedTables)) {
    for (const id of db.prepare(`SELECT id FROM "${table}"`).pluck().all() as string[]) expect(id).toMatch(ID);
    for (const [column, type] of Object.entries(spec.columns)) {
      const types = db.prepare(`SELECT DISTINCT typeof("${column}") FROM "${table}"`).pluck().all() as string[];
      for (const t of types) expect(SQL_TYPES[type], `${table}.${column}`).toContain(t);
    }
    expect(db.prepare(`SELECT COUNT(*) FROM "${table}" WHERE deleted NOT IN (0, 1)`).pluck().get()).toBe(0);
  }
  for (const sha of db.prepare('SELECT sha256 FROM attachments WHERE sha256 IS NOT NULL').pluck().all() as string[]) expect(sha).toMatch(/^[0-9a-f]{64}$/);
  const changes = db.prepare('SELECT hlc, tbl, json_valid(value) AS ok FROM change_log').all() as { hlc: string; tbl: string; ok: number }[];
  for (const change of changes) {
    expect(change.hlc).toMatch(HLC);
    expect(Object.keys(replicatedTables)).toContain(change.tbl);
    expect(change.ok).toBe(1);
  }
  const meta = db.prepare('SELECT key FROM local_meta ORDER BY key').pluck().all();
  expect(meta).toEqual(expect.arrayContaining(['installation_id', 'office_id', 'public_key', 'private_key', 'file_identity']));
  for (const key of meta as string[]) expect(['installation_id', 'office_id', 'department_id', 'public_key', 'private_key', 'file_identity', 'clock']).toContain(key);
  expect(db.prepare("SELECT value FROM local_meta WHERE key = 'private_key'").pluck().get()).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
}
