import type { Session, WebContents } from 'electron';
import { isAllowedRequest, isAppFile, isAppPage, type AppLocation } from './location';

/** Identical to the meta tag in renderer/index.html (a test keeps them in step). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/**
 * The dev server page needs React refresh's inline script and Vite's websocket: the same
 * relaxation vite.renderer.config.ts applies to its meta tag in serve mode (tested to match).
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: http://localhost:*",
);

/**
 * The policy header for a response, or null to leave it alone (DevTools). Chromium may not
 * report headers for file: responses at all; there the meta tag is what holds.
 */
export function policyFor(url: string, location: AppLocation): string | null {
  if (isAppFile(url, location)) return CONTENT_SECURITY_POLICY;
  if (location.devServer && isAllowedRequest(url, location) && url.startsWith('http:')) return DEV_SERVER_CONTENT_SECURITY_POLICY;
  return null;
}

type Headers = Record<string, string[]>;

/** Replace any CSP the response carries with ours (header names are case-insensitive). */
export function withCsp(headers: Headers | undefined, policy: string): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/**
 * Session-wide rules: no permissions (camera, notifications, clipboard read, …), no network
 * except the app's own files (and the dev server in development), a CSP header on the page.
 */
export function hardenSession(session: Session, location: AppLocation): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, location);
    if (!allowed) console.warn(`[security] blocked request: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    const policy = policyFor(details.url, location);
    if (!policy) return callback({});
    callback({ responseHeaders: withCsp(details.responseHeaders, policy) });
  });
}

/** Per-page rules: stay on the app's page, open no windows, attach no webviews. */
export function hardenContents(contents: WebContents, location: AppLocation): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAppPage(url, location)) {
      event.preventDefault();
      console.warn(`[security] blocked navigation: ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
