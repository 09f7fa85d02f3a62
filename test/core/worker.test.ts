import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/api';
import { CoreClient } from '../../electron/core/client';
import { tempDir } from '../helpers/core';

describe('database worker', () => {
  it('delivers progress events while a long job is still running, and the caller stays responsive', async () => {
    const client = await CoreClient.start({ dbPath: path.join(tempDir(), 'worker.sqlite') });
    expect(client.openError).toBeNull();
    expect((await client.invoke('system.init', { officeName: '渝北区卫生健康委' })).ok).toBe(true);

    const progressArrivals: number[] = [];
    client.onEvent((event: LedgerEvent) => {
      if (event.type === 'progress') progressArrivals.push(performance.now());
    });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const result = await client.invoke('system.generate', { offices: 3, years: 3, tasksPerPlan: 40 });
    const finished = performance.now();
    clearInterval(timer);

    expect(result.ok).toBe(true);
    // 1 start event + 9 office-years, all received before the result.
    expect(progressArrivals.length).toBe(10);
    expect(progressArrivals.every((t) => t <= finished)).toBe(true);
    // They arrived spread over the job, not in one burst at the end.
    expect(progressArrivals[1]! - started).toBeLessThan((finished - started) * 0.6);
    // The calling thread kept running timers during the job: the database work is elsewhere.
    expect(ticks).toBeGreaterThan((finished - started) / 5 / 4);
    await client.close();
  });

  it('reports a database it cannot open as an error instead of crashing', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'not-a-folder'), 'x');
    const client = await CoreClient.start({ dbPath: path.join(dir, 'not-a-folder', 'ledger.sqlite') });
    expect(client.openError).not.toBeNull();
    expect(client.openError?.message).toMatch(/[\u4e00-\u9fff]/);
    const result = await client.invoke('system.status', {});
    expect(result.ok).toBe(false);
    await client.close();
  });
});
