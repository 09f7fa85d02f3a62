import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, LedgerEvent } from '../../shared/api';
import { MAX_HTTP_BODY_BYTES } from '../../shared/api/http-limits';
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

/** Visit a fresh one-time address as a browser would: the session cookie it sets, as a Cookie header. */
async function signIn(host: WebHost): Promise<string> {
  const opened = await request(host.openUrl());
  expect(opened.status).toBe(303);
  expect(opened.headers.location).toBe('/');
  const setCookie = opened.headers['set-cookie']?.[0] ?? '';
  return setCookie.split(';')[0]!;
}

describe('browser host', () => {
  const core = fakeCore();
  let host: WebHost;
  let cookie: string;
  const staticDir = tempDir();

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>目标台账</title></head><body></body></html>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
    host = await startWebHost({ core, staticDir });
    cookie = await signIn(host);
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
    const page = await request(host.url, { headers: { Cookie: cookie } });
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
    // The token alone (a page or process that read it somehow) or the cookie alone do not answer.
    expect((await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': host.token } })).status).toBe(403);
    expect((await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { Cookie: cookie } })).status).toBe(403);
    expect(core.calls).toEqual([]);
    const right = await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': host.token, Cookie: cookie } });
    expect(JSON.parse(right.body)).toEqual({ ok: true, value: { echoed: 'system.status' } });
    expect(core.calls).toEqual([{ name: 'system.status', args: {} }]);
    const junk = await request(`${host.url}api/invoke`, { method: 'POST', body: '{not json', headers: { 'X-Ledger-Token': host.token, Cookie: cookie } });
    expect(junk.status).toBe(400);
    expect(JSON.parse(junk.body).error.message).toBe('请求内容不是有效的 JSON');
  });

  it('refuses calls only the desktop shell may make, before they reach the core', async () => {
    const before = core.calls.length;
    const body = JSON.stringify({ name: 'report.savePdf', args: { kind: 'ledger', scope: { period: '2025-Q1' }, contentBase64: 'JVBERi0xLjQK' } });
    const refused = await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': host.token, Cookie: cookie } });
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

  it('shows how to open the app, never the token, to a browser without a session (issue 14, finding 10)', async () => {
    for (const address of [host.url, `${host.url}index.html`, `${host.url}计划/任务`, `${host.url}open`]) {
      const page = await request(address);
      expect(page.status, address).toBe(403);
      expect(page.body).toContain('请用启动时显示的地址打开目标台账');
      expect(page.body).not.toContain(host.token);
      expect(page.body).not.toContain('ledger-token');
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    }
    // A made-up session is no session.
    const forged = await request(host.url, { headers: { Cookie: `tl_session_${new URL(host.url).port}=${'A'.repeat(43)}` } });
    expect(forged.status).toBe(403);
    expect(forged.body).not.toContain(host.token);
  });

  it('a one-time address gives one browser an HttpOnly, SameSite=Strict session, and is spent', async () => {
    const address = host.openUrl();
    expect(address).toMatch(new RegExp(`^${host.url}open\\?t=[A-Za-z0-9_-]{43}$`));
    const first = await request(address);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = first.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^tl_session_${new URL(host.url).port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    const session = setCookie.split(';')[0]!;
    expect(session).not.toContain(host.token);
    expect((await request(host.url, { headers: { Cookie: session } })).body).toContain(host.token);

    // Another browser with the same address gets nothing: the code was spent.
    const again = await request(address);
    expect(again.status).toBe(403);
    expect(again.body).toContain('这个地址已经用过或已失效');
    expect(again.headers['set-cookie']).toBeUndefined();
    // The browser it opened just goes to the app when it visits the address again.
    const back = await request(address, { headers: { Cookie: session } });
    expect(back.status).toBe(303);
    expect(back.headers['set-cookie']).toBeUndefined();
    // Codes are random per address; a guessed one opens nothing.
    expect(host.openUrl()).not.toBe(address);
    expect((await request(`${host.url}open?t=${'A'.repeat(43)}`)).status).toBe(403);
  });

  it('a session of one host opens nothing on another host', async () => {
    const other = await startWebHost({ core, staticDir });
    try {
      const theirs = await signIn(other);
      expect(theirs.split('=')[0]).not.toBe(cookie.split('=')[0]);
      const page = await request(host.url, { headers: { Cookie: theirs } });
      expect(page.status).toBe(403);
      expect(page.body).not.toContain(host.token);
    } finally {
      await other.close();
    }
  });

  it('refuses a request from a page of another origin (another port on this PC)', async () => {
    const body = JSON.stringify({ name: 'system.status', args: {} });
    const before = core.calls.length;
    const foreign = await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': host.token, Cookie: cookie, Origin: 'http://127.0.0.1:1' } });
    expect(foreign.status).toBe(403);
    expect(core.calls.length).toBe(before);
    const own = await request(`${host.url}api/invoke`, { method: 'POST', body, headers: { 'X-Ledger-Token': host.token, Cookie: cookie, Origin: host.url.replace(/\/$/, '') } });
    expect(own.status).toBe(200);
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
      const req = http.get(`${host.url}api/events?token=${host.token}`, { headers: { Cookie: cookie } }, (res) => {
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
    expect((await request(`${host.url}api/events?token=nope`, { headers: { Cookie: cookie } })).status).toBe(403);
    // The token without the session cookie is not enough either.
    expect((await request(`${host.url}api/events?token=${host.token}`)).status).toBe(403);
  });
});

/** Send `chunks` as a body, stopping at the answer: the status and text of that answer. */
function postChunks(url: string, headers: Record<string, string>, chunk: Buffer, count: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    // The host closes the connection while we may still be writing: that is the point.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (sent < count && !answered) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('browser host request size (issue 14, finding 11)', () => {
  const core = fakeCore();
  const staticDir = tempDir();
  const limit = 1024 * 1024;
  let host: WebHost;
  let headers: Record<string, string>;

  beforeAll(async () => {
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    host = await startWebHost({ core, staticDir, maxBodyBytes: limit });
    headers = { 'X-Ledger-Token': host.token, Cookie: await signIn(host), 'Content-Type': 'application/json' };
  });
  afterAll(() => host.close());

  it('refuses a declared oversize body with 413 before reading it', async () => {
    // 200 MB announced, 64 KB sent: the answer comes without waiting for the rest.
    const answer = await postChunks(`${host.url}api/invoke`, { ...headers, 'Content-Length': String(200 * 1024 * 1024) }, Buffer.alloc(64 * 1024, 0x20), 1);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { message: expect.stringContaining('共 200 MB，超过浏览器版一次 100 MB 的上限，未作任何改动') } });
    expect(core.calls).toEqual([]);
  });

  it('refuses a streamed (chunked) body as soon as it passes the limit', async () => {
    // Up to 64 MB offered in 64 KB chunks; the host answers after about 1 MB and stops reading.
    const answer = await postChunks(`${host.url}api/invoke`, { ...headers, 'Transfer-Encoding': 'chunked' }, Buffer.alloc(64 * 1024, 0x20), 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.message).toContain('超过浏览器版一次 100 MB 的上限');
    expect(answer.sent).toBeLessThan(1024);
    expect(core.calls).toEqual([]);
    // The host still answers afterwards.
    const small = await request(`${host.url}api/invoke`, { method: 'POST', body: JSON.stringify({ name: 'system.status', args: {} }), headers });
    expect(JSON.parse(small.body)).toEqual({ ok: true, value: { echoed: 'system.status' } });
  });

  it('the default limit fits the largest legitimate call: a 50 MB document as base64', () => {
    const largestImport = JSON.stringify({ name: 'imports.parse', args: { fileName: '工作要点.docx', contentBase64: '' } }).length + 70_000_000;
    expect(largestImport).toBeLessThan(MAX_HTTP_BODY_BYTES);
    expect(MAX_HTTP_BODY_BYTES).toBeLessThanOrEqual(100 * 1024 * 1024);
  });
});
