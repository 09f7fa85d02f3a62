import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { contract, fail, isCallName, type ApiResult, type LedgerEvent } from '../../shared/api';
import { bodyTooLargeMessage, MAX_HTTP_BODY_BYTES } from '../../shared/api/http-limits';
import { isLoopbackHost } from './loopback';
import { OPEN_PAGE_POLICY, openPage, type OpenPageReason } from './open-page';
import { createSessionGate } from './sessions';

/** What the host needs from the core: the same untyped entry the Electron IPC bridge uses. */
export interface CoreEndpoint {
  call(name: unknown, args: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (event: LedgerEvent) => void): () => void;
}

export interface WebHostOptions {
  readonly core: CoreEndpoint;
  readonly staticDir: string;
  readonly host?: string;
  readonly port?: number;
  /** Fixed token for tests; a random one per run otherwise. */
  readonly token?: string;
  /** Tests only: a smaller request limit than MAX_HTTP_BODY_BYTES. */
  readonly maxBodyBytes?: number;
}

export interface WebHost {
  /** The host's address; without a session it shows only how to open the app. */
  readonly url: string;
  readonly token: string;
  /** A new one-time address (…/open?t=…) that gives the first browser to visit it a session. */
  openUrl(): string;
  close(): Promise<void>;
}
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

function sameToken(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function refuse(response: http.ServerResponse, status: number, message: string): void {
  sendJson(response, status, { ok: false, error: { code: 'INVALID_ARGUMENT', message } });
}

class BodyTooLarge extends Error {
  constructor(readonly declared: number | null) {
    super('request body over the limit');
  }
}

/** The body, refused as soon as it passes `limit` (declared or counted): never buffered past it. */
async function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(null);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendOpenPage(response: http.ServerResponse, reason: OpenPageReason): void {
  response.writeHead(403, { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-store', 'Content-Security-Policy': OPEN_PAGE_POLICY });
  response.end(openPage(reason));
}

const SESSION_LOST = '本页面的访问权限已失效（目标台账浏览器版可能已重新启动），请使用启动窗口中新显示的地址重新打开';

/**
 * Serves the built renderer and answers the contract over HTTP on loopback only, for tests and
 * for PCs without Electron. The page and the API need a session cookie, obtained once from the
 * printed one-time address (sessions.ts); every API request must also carry the per-run token
 * the page holds (a page on another local port is same-site, so the cookie alone would not do);
 * the Host header must name this loopback address (a defence against DNS rebinding) and a
 * request's Origin, when sent, this host.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(`出于安全考虑，浏览器服务只能监听本机回环地址（127.0.0.1），不能监听 ${host}`);
  }
  const token = options.token ?? randomBytes(24).toString('hex');
  const maxBody = options.maxBodyBytes ?? MAX_HTTP_BODY_BYTES;
  const staticRoot = path.resolve(options.staticDir);
  const indexFile = path.join(staticRoot, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`找不到界面文件 ${indexFile}，请先运行 vite build --config vite.renderer.config.ts`);
  const indexHtml = fs
    .readFileSync(indexFile, 'utf8')
    .replace('<head>', `<head>\n    <meta name="ledger-token" content="${token}" />`);

  const streams = new Set<http.ServerResponse>();
  const unsubscribe = options.core.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });

  let allowedHosts: Set<string> = new Set();
  let gate = createSessionGate('tl_session');
  const server = http.createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', message: '程序内部错误' } });
      else response.end();
    });
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowedHosts.has(request.headers.host ?? '')) return refuse(response, 421, '请求的主机名不正确');
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return refuse(response, 403, '请求来源不正确');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const signedIn = gate.hasSession(request.headers.cookie);

    if (url.pathname === '/open') {
      if (request.method !== 'GET') return refuse(response, 405, '只接受 GET 请求');
      const session = gate.redeem(url.searchParams.get('t'));
      if (!session && !signedIn) return sendOpenPage(response, 'spent-code');
      // A spent address visited again by the browser it opened simply goes to the app.
      response.writeHead(303, { Location: '/', 'Cache-Control': 'no-store', ...(session ? { 'Set-Cookie': gate.cookie(session) } : {}) });
      response.end();
      return;
    }

    if (url.pathname === '/api/invoke') {
      if (request.method !== 'POST') return refuse(response, 405, '只接受 POST 请求');
      if (!signedIn || !sameToken(request.headers['x-ledger-token'] as string | undefined, token)) return refuse(response, 403, SESSION_LOST);
      let text: string;
      try {
        text = await readBody(request, maxBody);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        // Stop reading: the connection closes after this answer instead of draining the rest.
        response.setHeader('Connection', 'close');
        return refuse(response, 413, bodyTooLargeMessage(error.declared));
      }
      let payload: { name?: unknown; args?: unknown };
      try {
        payload = JSON.parse(text) as { name?: unknown; args?: unknown };
      } catch {
        return refuse(response, 400, '请求内容不是有效的 JSON');
      }
      if (payload === null || typeof payload !== 'object') return refuse(response, 400, '请求内容格式不正确');
      // Like the desktop's IPC: calls only the shell itself may make are refused to a page.
      if (isCallName(payload.name) && contract[payload.name].shellOnly) return sendJson(response, 200, fail('FORBIDDEN', '已拒绝：该操作只能由桌面程序自身调用'));
      return sendJson(response, 200, await options.core.call(payload.name, payload.args));
    }

    if (url.pathname === '/api/events') {
      if (!signedIn || !sameToken(url.searchParams.get('token'), token)) return refuse(response, 403, SESSION_LOST);
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, '不支持的请求方法');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
    } catch {
      // "/%" and other broken escapes: a bad request, not a server error.
      return refuse(response, 400, '请求地址格式不正确');
    }
    const file = path.resolve(staticRoot, relative || 'index.html');
    if (file !== indexFile && (file.startsWith(staticRoot + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile())) {
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      fs.createReadStream(file).pipe(response);
      return;
    }
    if (path.extname(relative) && file !== indexFile) return refuse(response, 404, '文件不存在');
    // The page holds the API token: only a browser with a session gets it.
    if (!signedIn) return sendOpenPage(response, 'no-session');
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': 'no-store', 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    response.end(indexHtml);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  allowedHosts = new Set([`${shownHost}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]);
  gate = createSessionGate(`tl_session_${port}`);
  const url = `http://${shownHost}:${port}/`;

  return {
    url,
    token,
    openUrl: () => `${url}open?t=${gate.issueCode()}`,
    close: async () => {
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
