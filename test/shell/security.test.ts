import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_SERVER_CONTENT_SECURITY_POLICY, hardenContents, hardenSession, policyFor, withCsp } from '../../electron/main/security';
import { rendererConfig } from '../../vite.renderer.config';
import type { AppLocation } from '../../electron/main/location';
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron';

const location: AppLocation = { indexFile: '/app/out/renderer/index.html', devServer: null };
const page = pathToFileURL(location.indexFile).href;
const indexHtml = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
const metaPolicy = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

// The guards log what they block; keep test output quiet.
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

function hardenedSession() {
  const session = new FakeSession();
  hardenSession(session as unknown as Session, location);
  return session;
}

function hardenedContents() {
  const contents = new FakeWebContents();
  hardenContents(contents as unknown as WebContents, location);
  return contents;
}

describe('session', () => {
  it('denies every permission request and check', () => {
    const session = hardenedSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.({} as never, permission as never, ((answer: boolean) => (granted = answer)) as never);
      expect(granted, permission).toBe(false);
      expect(session.permissionCheckHandler?.({} as never, permission as never), permission).toBe(false);
    }
    expect(session.devicePermissionHandler?.({} as never)).toBe(false);
  });

  it('cancels remote requests and lets the app files through', () => {
    const session = hardenedSession();
    const decide = (url: string) => {
      let response: { cancel?: boolean } | undefined;
      session.beforeRequest?.({ url } as never, ((r: { cancel?: boolean }) => (response = r)) as never);
      return response;
    };
    expect(decide('https://example.com/x.js')).toEqual({ cancel: true });
    expect(decide('http://192.168.1.10/report')).toEqual({ cancel: true });
    expect(decide(page)).toEqual({ cancel: false });
    expect(decide('file:///app/out/renderer/assets/index.js')).toEqual({ cancel: false });
  });

  it("puts the CSP header on the app's pages, replacing any other", () => {
    const session = hardenedSession();
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    session.headersReceived?.(
      { url: page, responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } } as never,
      ((r: typeof response) => (response = r)) as never,
    );
    const headers = response?.responseHeaders ?? {};
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('leaves other responses (DevTools) unchanged', () => {
    const session = hardenedSession();
    let response: unknown;
    session.headersReceived?.({ url: 'devtools://devtools/bundled/inspector.html', responseHeaders: {} } as never, ((r: unknown) => (response = r)) as never);
    expect(response).toEqual({});
  });

  it("uses exactly the policy of renderer/index.html's meta tag", () => {
    expect(metaPolicy(indexHtml)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('relaxes the policy for the dev server exactly as the renderer config relaxes its meta tag', async () => {
    const plugin = (rendererConfig.plugins ?? []).flat().find((p) => (p as Plugin | null)?.name === 'target-ledger-dev-csp') as Plugin;
    const transform = plugin.transformIndexHtml as (html: string) => string;
    expect(metaPolicy(await transform(indexHtml))).toBe(DEV_SERVER_CONTENT_SECURITY_POLICY);
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).not.toBe(CONTENT_SECURITY_POLICY);
  });

  it('picks the policy by origin: strict for app files, relaxed for the dev server, none elsewhere', () => {
    const dev: AppLocation = { ...location, devServer: new URL('http://localhost:5173/') };
    expect(policyFor(page, dev)).toBe(CONTENT_SECURITY_POLICY);
    expect(policyFor('http://localhost:5173/', dev)).toBe(DEV_SERVER_CONTENT_SECURITY_POLICY);
    expect(policyFor('http://localhost:5173/', location)).toBeNull();
    expect(policyFor('devtools://devtools/bundled/inspector.html', dev)).toBeNull();
  });

  it('withCsp keeps unrelated headers', () => {
    expect(withCsp({ A: ['1'], 'Content-Security-Policy': ['x'] }, 'p')).toEqual({ A: ['1'], 'Content-Security-Policy': ['p'] });
    expect(withCsp(undefined, 'p')).toEqual({ 'Content-Security-Policy': ['p'] });
  });
});

describe('web contents', () => {
  it('prevents navigation and redirects away from the app page', () => {
    const contents = hardenedContents();
    const away = fakeEvent({ url: 'https://example.com' });
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const redirect = fakeEvent({ url: 'https://example.com/phish' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const local = fakeEvent({ url: 'file:///etc/passwd' });
    contents.emit('will-navigate', local);
    expect(local.defaultPrevented).toBe(true);
  });

  it('allows reloading the app page itself', () => {
    const contents = hardenedContents();
    const reload = fakeEvent({ url: `${page}#/plans` });
    contents.emit('will-navigate', reload);
    expect(reload.defaultPrevented).toBe(false);
  });

  it('denies window.open and webview attachment', () => {
    const contents = hardenedContents();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: page })).toEqual({ action: 'deny' });
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, { src: 'https://example.com' });
    expect(attach.defaultPrevented).toBe(true);
  });
});
