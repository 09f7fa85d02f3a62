import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { entryUrl, isAllowedRequest, isAppFile, isAppPage, parseDevServerUrl, type AppLocation } from '../../electron/main/location';

const built: AppLocation = { indexFile: '/opt/目标台账/resources/app.asar/out/renderer/index.html', devServer: null };
const dev: AppLocation = { ...built, devServer: new URL('http://localhost:5173/') };
const page = pathToFileURL(built.indexFile).href;

describe('dev server URL', () => {
  it('accepts only loopback http', () => {
    expect(parseDevServerUrl('http://localhost:5173/')?.host).toBe('localhost:5173');
    expect(parseDevServerUrl('http://127.0.0.1:5174')?.host).toBe('127.0.0.1:5174');
    for (const raw of ['https://localhost:5173', 'http://example.com', 'http://localhost.example.com', 'http://user:pw@localhost:5173', 'file:///etc/passwd', 'nonsense', '', undefined]) {
      expect(parseDevServerUrl(raw), String(raw)).toBeNull();
    }
  });

  it('decides what the window loads', () => {
    expect(entryUrl(built)).toBe(page);
    expect(entryUrl(dev)).toBe('http://localhost:5173/');
  });
});

describe('the app page', () => {
  it('is the built index.html, with any hash or query, and the file URL is percent-encoded', () => {
    expect(page).toContain('%E7%9B%AE'); // 目 encoded, as Chromium reports it
    expect(isAppPage(page, built)).toBe(true);
    expect(isAppPage(`${page}#/plans/1`, built)).toBe(true);
    expect(isAppPage(`${page}?x=1`, built)).toBe(true);
  });

  it('is not another local file, a remote page, or the dev server in a build', () => {
    expect(isAppPage('file:///opt/目标台账/resources/app.asar/out/renderer/other.html', built)).toBe(false);
    expect(isAppPage('file:///opt/目标台账/resources/app.asar/out/renderer/../../evil/index.html', built)).toBe(false);
    expect(isAppPage('https://example.com/', built)).toBe(false);
    expect(isAppPage('http://localhost:5173/', built)).toBe(false);
    expect(isAppPage('about:blank', built)).toBe(false);
    expect(isAppPage('not a url', built)).toBe(false);
  });

  it('is the dev server origin in development, and nothing else', () => {
    expect(isAppPage('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPage('http://127.0.0.1:5173/', dev)).toBe(false);
  });
});

describe('requests', () => {
  it('allows the built renderer files, DevTools and locally made data', () => {
    expect(isAppFile('file:///opt/目标台账/resources/app.asar/out/renderer/assets/index-abc.js', built)).toBe(true);
    for (const url of [page, 'file:///opt/目标台账/resources/app.asar/out/renderer/assets/index-abc.css', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AAAA', 'blob:file:///1234']) {
      expect(isAllowedRequest(url, built), url).toBe(true);
    }
  });

  it('blocks remote content and local files outside the renderer folder', () => {
    for (const url of [
      'https://example.com/tracker.js',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'file:///opt/目标台账/resources/app.asar/out/main/index.js',
      'file:///opt/目标台账/resources/app.asar/out/renderer-evil/x.js',
      'ftp://example.com/',
      'garbage',
    ]) {
      expect(isAllowedRequest(url, built), url).toBe(false);
    }
  });

  it('allows the dev server and its hot-reload socket in development only', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedRequest('https://localhost:5173/', dev)).toBe(false);
  });
});
