import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreClient } from '../../electron/core/client';
import { describeError, LOG_FILE, LOG_KEEP, LOG_MAX_BYTES, logFolderOf, redact, RotatingLog } from '../../electron/core/log';
import { loadSqlite } from '../../electron/db/native';
import { tempDir } from '../helpers/core';

const CJK = /[\u4e00-\u9fff]/;

describe('local rotating log', () => {
  it('lives in <data folder>/logs/target-ledger.log, rotates at about 1 MB and keeps 5 files', () => {
    expect(logFolderOf('/data/台账/ledger.sqlite')).toBe(path.resolve('/data/台账/logs'));
    expect(logFolderOf(':memory:')).toBeNull();
    expect(LOG_FILE).toBe('target-ledger.log');
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    expect(LOG_KEEP).toBe(5);

    const folder = path.join(tempDir(), 'logs');
    const log = new RotatingLog(folder, { maxBytes: 2000, keep: 5 });
    for (let i = 0; i < 400; i++) log.info('call.ok', { call: 'ledger.query', n: i });
    const names = fs.readdirSync(folder).sort();
    expect(names).toEqual(['target-ledger.log', 'target-ledger.log.1', 'target-ledger.log.2', 'target-ledger.log.3', 'target-ledger.log.4']);
    for (const name of names) expect(fs.statSync(path.join(folder, name)).size).toBeLessThanOrEqual(2000);
    // Newest in the current file, the one before in .1, the oldest entries gone.
    const current = fs.readFileSync(path.join(folder, LOG_FILE), 'utf8');
    const older = fs.readFileSync(path.join(folder, `${LOG_FILE}.1`), 'utf8');
    expect(current).toContain('n=399');
    const lastOlder = Number(/n=(\d+)\n$/.exec(older)?.[1]);
    const firstCurrent = Number(/n=(\d+)/.exec(current)?.[1]);
    expect(firstCurrent).toBe(lastOlder + 1);
    expect(fs.readFileSync(path.join(folder, `${LOG_FILE}.4`), 'utf8')).not.toContain('n=0 ');
    expect(log.files()).toHaveLength(5);
  });

  it('never writes Chinese text (titles, narratives), only codes, names and stack frames', () => {
    const folder = path.join(tempDir(), 'logs');
    const log = new RotatingLog(folder);
    const error = Object.assign(new Error('UNIQUE failed for 提升居民健康素养：已开展监测'), { code: 'SQLITE_CONSTRAINT' });
    log.error('call.failed', { call: 'tasks.update', code: 'INTERNAL', title: '提升居民健康素养' }, error);
    const text = fs.readFileSync(path.join(folder, LOG_FILE), 'utf8');
    expect(text).not.toMatch(CJK);
    expect(text).toContain('ERROR');
    expect(text).toContain('call.failed call="tasks.update" code="INTERNAL"');
    expect(text).toContain('Error [SQLITE_CONSTRAINT]: UNIQUE failed for …');
    expect(text).toMatch(/\n {4}at .*log\.test\.ts/);
    expect(redact('计划“健康渝北”第3项', 50)).toBe('…3…');
    expect(describeError('字符串')).toBe('non-error thrown: string');
  });

  it('does not create a data folder that does not exist, and never throws', () => {
    const missing = path.join(tempDir(), 'no-such-folder', 'logs');
    new RotatingLog(missing).error('x');
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });

  it('the worker logs startup, migration and internal errors with stacks, and no plan content', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'ledger.sqlite');
    fs.writeFileSync(path.join(dir, '.keep'), '');
    const client = await CoreClient.start({ dbPath });
    const title = '全面提升居民健康素养水平专项行动';
    const narrative = '已在双龙湖街道开展入户调查';
    expect((await client.invoke('system.init', { officeName: '渝北区卫生健康委' })).ok).toBe(true);
    const plan = await client.invoke('plans.create', { kind: 'work-points', title, yearFrom: 2025, yearTo: 2025 });
    expect(plan.ok).toBe(true);
    const department = await client.invoke('departments.create', { name: '疾控科', aliases: [] });
    if (!plan.ok || !department.ok) throw new Error('setup failed');
    const task = await client.invoke('tasks.create', { planId: plan.value.id, number: '1', title, leadDepartmentIds: [department.value.id] });
    if (!task.ok) throw new Error('setup failed');
    await client.invoke('progress.save', { period: '2025-Q1', taskId: task.value.id, departmentId: department.value.id, fields: { status: '推进中', percent: 30, progressText: narrative, problemsText: '', nextStepsText: '' }, submit: false });
    // A bug: a table the code expects is gone. The call fails as INTERNAL and the worker logs its stack.
    const other = new (loadSqlite())(dbPath);
    other.exec('ALTER TABLE plans RENAME TO plans_gone');
    other.close();
    const broken = await client.invoke('plans.list', {});
    expect(!broken.ok && broken.error.code).toBe('INTERNAL');
    expect((await client.invoke('system.status', {})).ok).toBe(true);
    await client.close();

    const text = fs.readFileSync(path.join(dir, 'logs', LOG_FILE), 'utf8');
    expect(text).toMatch(/INFO +\[worker\] start app="0\.1\.0"/);
    expect(text).toMatch(/\[worker\] migrate from=0 to=\d+/);
    expect(text).toMatch(/\[worker\] open schema=\d+ initialized=false/);
    expect(text).toMatch(/ERROR \[worker\] call\.failed call="plans\.list" code="INTERNAL"\n {2}SqliteError \[SQLITE_ERROR\]: no such table: plans\n {4}at /);
    expect(text).not.toMatch(CJK);
    for (const secret of [title, narrative, '渝北区', '疾控科', '健康素养']) expect(text).not.toContain(secret);
  });
});
