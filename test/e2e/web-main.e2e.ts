import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';

/*
 * The real `npm run web` entry: it needs the built page (out/renderer), which the e2e suite builds
 * first, so it lives here and always runs (as a unit test it was skipped on a clean clone).
 */

function request(url: string, options: { headers?: Record<string, string> } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm run web', () => {
  it('web-main prints a one-time address that opens the app once, and the page itself only with it', async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/web-main.ts', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('按 Ctrl+C 退出')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`web-main exited ${code}`)));
      });
      const address = /(http:\/\/127\.0\.0\.1:\d+\/open\?t=[A-Za-z0-9_-]+)/.exec(printed)?.[1];
      expect(address, printed).toBeDefined();
      const base = new URL('/', address).href;
      expect(printed).not.toMatch(/ledger-token|令牌/);
      const without = await request(base);
      expect(without.status).toBe(403);
      expect(without.body).toContain('请用启动时显示的地址打开目标台账');
      const opened = await request(address!);
      expect(opened.status).toBe(303);
      const session = (opened.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      const page = await request(base, { headers: { Cookie: session } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('name="ledger-token"');
      expect((await request(address!)).status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  });

});
