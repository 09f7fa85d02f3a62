import { randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * Who may use the browser host. The host prints a one-time address (/open?t=<code>); visiting it
 * spends the code and gives that browser a session cookie (HttpOnly, so the page's scripts cannot
 * read it; SameSite=Strict, so other sites' requests do not carry it). Nothing the host serves
 * without the cookie names the code, the session or the API token.
 */

export interface SessionGate {
  /** A new one-time code; it opens one session, once. */
  issueCode(): string;
  /** Spend the code: a new session secret, or null for an unknown or spent code. */
  redeem(code: string | null): string | null;
  /** True when the request's Cookie header carries a live session of this host. */
  hasSession(cookieHeader: string | undefined): boolean;
  /** The Set-Cookie value giving a browser `secret`. */
  cookie(secret: string): string;
}

const secret = () => randomBytes(32).toString('base64url');

/** Constant-time membership: every stored value is compared in full, whatever the input. */
function findEqual(given: string, stored: readonly string[]): number {
  const a = Buffer.from(given);
  let found = -1;
  stored.forEach((value, index) => {
    const b = Buffer.from(value);
    if (a.length === b.length && timingSafeEqual(a, b)) found = index;
  });
  return found;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * `cookieName` carries the port: browsers share cookies between ports of one host, so two hosts
 * on 127.0.0.1 must not overwrite each other's session.
 */
export function createSessionGate(cookieName: string): SessionGate {
  const codes: string[] = [];
  const sessions: string[] = [];
  return {
    issueCode() {
      const code = secret();
      codes.push(code);
      return code;
    },
    redeem(code) {
      if (!code) return null;
      const index = findEqual(code, codes);
      if (index < 0) return null;
      codes.splice(index, 1);
      const session = secret();
      sessions.push(session);
      return session;
    },
    hasSession(cookieHeader) {
      const given = cookieValue(cookieHeader, cookieName);
      return given !== null && findEqual(given, sessions) >= 0;
    },
    cookie: (value) => `${cookieName}=${value}; HttpOnly; SameSite=Strict; Path=/`,
  };
}
