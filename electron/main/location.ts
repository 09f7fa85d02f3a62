import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the app's own page lives. Every security decision (IPC sender, navigation, network
 * requests, CSP) asks this one place, so "ours" means the same thing everywhere.
 */
export interface AppLocation {
  /** Absolute path of the built renderer entry (out/renderer/index.html). */
  readonly indexFile: string;
  /** The electron-vite dev server in development; null in a build. */
  readonly devServer: URL | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Accept ELECTRON_RENDERER_URL only when it points at a loopback http server. */
export function parseDevServerUrl(raw: string | undefined): URL | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) return null;
  return url;
}

/** The URL the window loads first. */
export function entryUrl(location: AppLocation): string {
  return location.devServer ? location.devServer.href : pathToFileURL(location.indexFile).href;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function filePath(url: URL): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function isDevServer(url: URL, location: AppLocation): boolean {
  // Same host and port; ws: is Vite's hot-reload socket.
  return location.devServer !== null && (url.protocol === 'http:' || url.protocol === 'ws:') && url.host === location.devServer.host;
}

/** Is this the app's own page (any hash or query)? Used for IPC senders and navigation. */
export function isAppPage(url: string, location: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (location.devServer) return parsed.protocol === 'http:' && parsed.host === location.devServer.host;
  if (parsed.protocol !== 'file:') return false;
  const file = filePath(parsed);
  return file !== null && path.resolve(file) === path.resolve(location.indexFile);
}

/** Is this one of the built renderer's files (the page, its scripts, styles, fonts)? */
export function isAppFile(url: string, location: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'file:') return false;
  const file = filePath(parsed);
  return file !== null && isInside(path.dirname(path.resolve(location.indexFile)), path.resolve(file));
}

/**
 * May the page load this URL? Only the app's own files, DevTools, and in development the dev
 * server. data: and blob: are produced locally (images, downloads), never fetched remotely.
 */
export function isAllowedRequest(url: string, location: AppLocation): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'file:':
      return isAppFile(url, location);
    default:
      return isDevServer(parsed, location);
  }
}
