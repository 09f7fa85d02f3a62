import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../shared/api';
import { CoreClient } from '../../electron/core/client';
import { parseInThread } from '../../electron/import/parse-thread';
import { tempDir } from '../helpers/core';

/*
 * Issue 14, finding 5: a document is read and parsed in a thread of its own. In the browser host
 * a 1.26 MB parse took 57 s inside the database thread and every other call timed out meanwhile.
 */

/** About 1.6 million characters of plan text: 17,000 numbered tasks, each with an owner and a target. */
function longPlan(): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < 1_600_000; i++) {
    const line = `${(i % 900) + 1}.推进基层医疗卫生服务能力提升工作，完善家庭医生签约服务，加强慢性病患者健康管理，提高居民健康素养水平，年内签约覆盖率达到${(i % 50) + 40}%（基层卫生科牵头，各街道社区卫生服务中心配合）。`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

describe('parsing in its own thread', () => {
  it('keeps answering other calls while a long document is parsed', async () => {
    const client = await CoreClient.start({ dbPath: path.join(tempDir(), 'parse-thread.sqlite') });
    expect((await client.invoke('system.init', { officeName: '渝北区卫生健康委' })).ok).toBe(true);
    const parsing = new Promise<void>((resolve) => {
      const stop = client.onEvent((event: LedgerEvent) => {
        if (event.type === 'progress' && event.call === 'imports.parse') {
          stop();
          resolve();
        }
      });
    });
    let parsed = false;
    const parse = client.invoke('imports.parse', { pastedText: longPlan() }).then((result) => {
      parsed = true;
      return result;
    });
    await parsing; // the parse has begun

    const latencies: number[] = [];
    let answeredDuringParse = 0;
    while (!parsed) {
      for (const call of ['system.status', 'plans.list'] as const) {
        const started = performance.now();
        const result = await client.invoke(call, {});
        latencies.push(performance.now() - started);
        expect(result.ok).toBe(true);
        if (!parsed) answeredDuringParse++;
      }
    }
    const result = await parse;
    expect(result.ok && result.value.parse.tasks.length).toBeGreaterThan(17_000);
    // Other calls were answered while the parse ran, each within a second.
    expect(answeredDuringParse).toBeGreaterThanOrEqual(2);
    expect(Math.max(...latencies)).toBeLessThan(1000);
    await client.close();
  }, 60_000);

  it('取消 ends a running parse at once and changes nothing; the next import works', async () => {
    const client = await CoreClient.start({ dbPath: path.join(tempDir(), 'parse-cancel.sqlite') });
    expect((await client.invoke('system.init', { officeName: '渝北区卫生健康委' })).ok).toBe(true);
    const started = new Promise<void>((resolve) => {
      const stop = client.onEvent((event: LedgerEvent) => {
        if (event.type === 'progress' && event.call === 'imports.parse') {
          stop();
          resolve();
        }
      });
    });
    const parse = client.invoke('imports.parse', { pastedText: longPlan() });
    await started;
    const asked = performance.now();
    const cancel = await client.invoke('imports.cancelParse', {});
    expect(cancel.ok && cancel.value.cancelled).toBe(1);
    const result = await parse;
    expect(performance.now() - asked).toBeLessThan(1000);
    expect(result.ok === false && result.error.message).toContain('已取消读取文件，未作任何改动');
    // Nothing is running any more; a small paste parses as usual.
    expect((await client.invoke('imports.cancelParse', {})).ok && true).toBe(true);
    const next = await client.invoke('imports.parse', { pastedText: '一、公共卫生\n1.提升居民健康素养水平，达到34%以上（疾控科牵头）。' });
    expect(next.ok && next.value.parse.tasks.length).toBe(1);
    await client.close();
  }, 60_000);

  it('ends a parse still running when the database thread closes, instead of waiting for it', async () => {
    const client = await CoreClient.start({ dbPath: path.join(tempDir(), 'parse-close.sqlite') });
    expect((await client.invoke('system.init', { officeName: '渝北区卫生健康委' })).ok).toBe(true);
    const parse = client.invoke('imports.parse', { pastedText: longPlan() });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    await client.close();
    expect(performance.now() - started).toBeLessThan(2000);
    const result = await parse;
    expect(result.ok).toBe(false);
  }, 60_000);

  it('refuses in Chinese, naming the file, a parse that outgrows its memory limit', async () => {
    const contentBase64 = Buffer.from(longPlan()).toString('base64');
    const error = await parseInThread({ fileName: '大计划.txt', contentBase64 }, () => {}, { memoryMb: 32 }).then(
      () => null,
      (caught: unknown) => caught as { code: string; message: string },
    );
    expect(error?.code).toBe('INVALID_ARGUMENT');
    expect(error?.message).toContain('文件“大计划.txt”无法导入');
    expect(error?.message).toContain('拆分');
  }, 60_000);

  it('ends the thread when the parse is cancelled', async () => {
    const controller = new AbortController();
    const progress: string[] = [];
    const parse = parseInThread({ pastedText: longPlan() }, (label) => progress.push(label), { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    await expect(parse).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('已取消') });
    expect(performance.now() - started).toBeLessThan(1000);
  }, 60_000);

  it('hands back the same preview as parsing in place: progress, parse and source', async () => {
    const labels: string[] = [];
    const { parse, source } = await parseInThread({ fileName: '要点.txt', contentBase64: Buffer.from('1.加强疫情防控，报告率达到95%（疾控科牵头）').toString('base64') }, (label) => labels.push(label));
    expect(labels).toEqual(['正在读取文件', '正在读取文件', '正在识别章节、任务和指标', '正在识别章节、任务和指标']);
    expect(parse.tasks.map((task) => task.leadDepartments)).toEqual([['疾控科']]);
    expect(source).toMatchObject({ fileName: '要点.txt', format: 'txt', size: Buffer.byteLength('1.加强疫情防控，报告率达到95%（疾控科牵头）'), encoding: 'utf-8' });
    expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);
});
