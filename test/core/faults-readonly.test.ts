import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';
import { dataState, expectFault } from './faults-fixture';
import { approved, fields, localNoon, quarterFixture } from './progress-fixture';

/*
 * A data folder that cannot be written. The tests run as root in CI, and root writes through
 * chmod, so two ways that hold for root too: SQLite itself opening the file read-only, and the
 * real chmod'ed folder opened by a child process running as an unprivileged user (uid 65534).
 */

const CHILD = path.resolve('test/core/faults-readonly-child.ts');
const isRoot = process.getuid?.() === 0;

describe('read-only data folder', () => {
  it('a database SQLite can only read: writes refused in Chinese, nothing written, reading goes on', async () => {
    const q = await quarterFixture();
    const key = { period: '2025-Q1', taskId: q.literacy.id, departmentId: q.cdc.id };
    await approved(q.t, { ...key, fields: fields() });
    const file = q.t.core.file;
    q.t.close();

    const core = Core.open(file, { readonly: true, now: () => localNoon('2025-04-20') });
    const dispatch = createDispatcher(core);
    const before = dataState(core.db);
    const writes: [string, unknown][] = [
      ['progress.save', { ...key, taskId: q.chronic.id, fields: fields({ percent: 60 }), submit: true }],
      ['tasks.update', { id: q.literacy.id, title: '改名' }],
      ['settings.update', { clerkName: '李四' }],
      ['departments.create', { name: '规划科', aliases: [] }],
    ];
    for (const [name, args] of writes) expectFault(await dispatch(name, args), 'READ_ONLY', '写入权限', '重新打开');
    expect(dataState(core.db)).toEqual(before);
    const ledger = (await dispatch('ledger.query', { period: '2025-Q1' })) as ApiResult<{ rows: { taskId: string; percent: number | null }[] }>;
    expect(ledger.ok && ledger.value.rows.find((r) => r.taskId === q.literacy.id)?.percent).toBe(30);
    core.close();
  });

  it('a chmod read-only folder, opened by an ordinary user through the worker: READ_ONLY in Chinese, the worker keeps answering, the file is untouched', async () => {
    const q = await quarterFixture();
    const file = q.t.core.file;
    q.t.close();
    const folder = path.dirname(file);
    const bytes = fs.readFileSync(file);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(folder, 0o555);
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, file], {
        cwd: process.cwd(),
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, HOME: os.tmpdir() },
        ...(isRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(child.status, child.stderr).toBe(0);
      const out = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
        uid: number;
        openError: { code: string; message: string } | null;
        status: ApiResult<unknown>;
        write: ApiResult<unknown>;
        again: ApiResult<unknown>;
        diagnostics: { ok: boolean; entries?: string[] };
      };
      expect(out.uid).not.toBe(0);
      // SQLite cannot set up its shared-memory file in the folder: the database does not open for this user.
      expect(out.openError?.code).toBe('READ_ONLY');
      expect(out.openError?.message).toContain('写入权限');
      for (const result of [out.status, out.write, out.again]) expectFault(result, 'READ_ONLY', '写入权限');
      expect(out.diagnostics.ok, JSON.stringify(out.diagnostics)).toBe(true);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
      expect(fs.readdirSync(folder).filter((name) => name.startsWith('ledger.sqlite'))).toEqual(['ledger.sqlite']);
    } finally {
      fs.chmodSync(folder, 0o755);
      fs.chmodSync(file, 0o644);
    }
  });
});
