import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CoreClient } from '../../electron/core/client';
import { LOG_FILE } from '../../electron/core/log';
import { latestSchemaVersion } from '../../electron/db/migrate';
import { tempDir } from '../helpers/core';

/* 导出诊断信息 through the worker: the logs and the versions, and not one word of plan data. */

const TITLE = '全面提升居民健康素养水平专项行动';
const NARRATIVE = '已在双龙湖街道开展入户调查，完成问卷一千二百份';

describe('diagnostics.export', () => {
  it('zips the rotated logs with versions, counts, size and integrity, without plan data', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'ledger.sqlite');
    // Older rotated logs, as a long-running PC has them.
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', `${LOG_FILE}.1`), '2025-01-01T00:00:00.000Z INFO  [worker] start app="0.1.0"\n');
    const client = await CoreClient.start({ dbPath });
    const ok = async <T>(promise: Promise<{ ok: boolean; value?: T }>) => {
      const result = await promise;
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.value as T;
    };
    await ok(client.invoke('system.init', { officeName: '渝北区卫生健康委' }));
    const department = await ok(client.invoke('departments.create', { name: '疾控科', aliases: [] }));
    const plan = await ok(client.invoke('plans.create', { kind: 'work-points', title: '渝北区卫生健康委2025年工作要点', yearFrom: 2025, yearTo: 2025 }));
    const task = await ok(client.invoke('tasks.create', { planId: plan.id, number: '1', title: TITLE, leadDepartmentIds: [department.id] }));
    await ok(client.invoke('progress.save', { period: '2025-Q1', taskId: task.id, departmentId: department.id, fields: { status: '推进中', percent: 30, progressText: NARRATIVE, problemsText: '', nextStepsText: '' }, submit: false }));
    // A refused call with the title in its arguments: the log keeps the code, not the words.
    await client.invoke('tasks.update', { id: task.id, title: `${TITLE}${'长'.repeat(600)}` });

    const file = await ok(client.invoke('diagnostics.export', {}));
    await client.close();
    expect(file.fileName).toMatch(/^目标台账诊断信息-\d{8}-\d{4}\.zip$/);
    expect(file.integrity).toBe('ok');
    const zip = unzipSync(Buffer.from(file.contentBase64, 'base64'));
    expect(Object.keys(zip).sort()).toEqual(['diagnostics.json', 'logs/target-ledger.log', 'logs/target-ledger.log.1', '诊断信息.txt']);
    expect(file.entries.sort()).toEqual(Object.keys(zip).sort());
    const facts = JSON.parse(strFromU8(zip['diagnostics.json']!)) as {
      versions: { app: string; schema: number; latestSchema: number; sqlite: string; betterSqlite3: string; node: string; electron: string | null };
      os: { platform: string };
      database: { fileBytes: number; pageSize: number; freeDiskBytes: number };
      tables: Record<string, number>;
      integrity: string;
    };
    expect(facts.versions).toMatchObject({ app: '0.1.0', schema: latestSchemaVersion(), latestSchema: latestSchemaVersion(), node: process.versions.node, electron: null });
    expect(facts.versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(facts.versions.betterSqlite3).toMatch(/^\d+\.\d+\.\d+/);
    expect(facts.os.platform).toBe(process.platform);
    expect(facts.database.fileBytes).toBeGreaterThan(0);
    expect(facts.database.freeDiskBytes).toBeGreaterThan(0);
    expect(facts.tables).toMatchObject({ plans: 1, tasks: 1, progress_reports: 1, departments: 1 });
    expect(facts.integrity).toBe('ok');
    const log = strFromU8(zip['logs/target-ledger.log']!);
    expect(log).toMatch(/\[worker\] open schema=/);
    const everything = Object.values(zip).map((bytes) => strFromU8(bytes)).join('\n');
    for (const secret of [TITLE, NARRATIVE, '健康素养', '双龙湖', '渝北区', '疾控科', '工作要点', 'PRIVATE KEY']) expect(everything).not.toContain(secret);
  });
});
