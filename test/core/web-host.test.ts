import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, LedgerEvent } from '../../shared/api';
import { startWebHost, type WebHost } from '../../electron/host/web-server';
import { isLoopbackHost } from '../../electron/host/loopback';
import { tempDir } from '../helpers/core';

/** A fake core that records what reached it. */
function fakeCore() {
  const calls: { name: unknown; args: unknown }[] = [];
  const listeners = new Set<(event: LedgerEvent) => void>();
  return {
    calls,
    emit: (event: LedgerEvent) => listeners.forEach((l) => l(event)),
    call: async (name: unknown, args: unknown): Promise<ApiResult<unknown>> => {
      calls.push({ name, args });
      return { ok: true, value: { echoed: name } };
    },
    onEvent: (listener: (event: LedgerEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe('browser host', () => {
  const core = fakeCore();
  let host: WebHost;
  const staticDir = tempDir();

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>目标台账</title></head><body></body></html>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
    host = await startWebHost({ core, staticDir });
  });
  afterAll(() => host.close());

  it('refuses to listen on anything but loopback', async () => {
    for (const address of ['0.0.0.0', '192.168.1.5', '10.0.0.2', '::', 'example.com']) {
      await expect(startWebHost({ core, staticDir, host: address })).rejects.toThrow(/只能监听本机回环地址/);
    }
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('injects a per-run token into the page and serves a CSP', async () => {
    const page = await request(host.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="ledger-token" content="${host.token}" />`);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const other = await startWebHost({ core, staticDir });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('answers the contract only with the token', async () => {
    const body = JSON.stringify({ name: 'system.status', args: {} });
    const without = await request(`${host.url}api/invoke`, { method: 'POST', body });
    expect(without.status).toBe(403);
    const wrong = await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': 'guess' } });
    expect(wrong.status).toBe(403);
    expect(core.calls).toEqual([]);
    const right = await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': host.token } });
    expect(JSON.parse(right.body)).toEqual({ ok: true, value: { echoed: 'system.status' } });
    expect(core.calls).toEqual([{ name: 'system.status', args: {} }]);
    const junk = await request(`${host.url}api/invoke`, { method: 'POST', body: '{not json', headers: { 'X-Ledger-Token': host.token } });
    expect(junk.status).toBe(400);
    expect(JSON.parse(junk.body).error.message).toBe('请求内容不是有效的 JSON');
  });

  it('refuses calls only the desktop shell may make, before they reach the core', async () => {
    const before = core.calls.length;
    const body = JSON.stringify({ name: 'report.savePdf', args: { kind: 'ledger', scope: { period: '2025-Q1' }, contentBase64: 'JVBERi0xLjQK' } });
    const refused = await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': host.token } });
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.calls.length).toBe(before);
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    const port = new URL(host.url).port;
    const rebinding = await request(host.url, { headers: { Host: `evil.example:${port}` } });
    expect(rebinding.status).toBe(421);
  });

  it('serves only files inside the renderer folder', async () => {
    expect((await request(`${host.url}assets/app.js`)).body).toBe('console.log(1)');
    const traversal = await request(`${host.url}..%2F..%2Fsecret.txt`);
    expect(traversal.body).not.toContain('secret');
    expect((await request(`${host.url}assets/missing.js`)).status).toBe(404);
    // A broken escape is a bad request, not a server error (issue 14, finding 11).
    const broken = await request(`${host.url}%`);
    expect(broken.status).toBe(400);
    expect(broken.body).toContain('请求地址格式不正确');
  });

  it('web-main refuses a non-loopback address before it creates a database', () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/web-main.ts', '--db', db, '--host', '0.0.0.0'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('只能在本机回环地址上运行');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('streams events to holders of the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(`${host.url}api/events?token=${host.token}`, (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
          if (text.includes('"progress"')) {
            resolve(text);
            req.destroy();
          }
        });
        setTimeout(() => core.emit({ type: 'progress', call: 'system.generate', jobId: 'j', label: '正在生成', done: 1, total: 2 }), 50);
      });
      req.on('error', reject);
    });
    expect(received).toContain('data: {"type":"progress"');
    expect((await request(`${host.url}api/events?token=nope`)).status).toBe(403);
  });
});
