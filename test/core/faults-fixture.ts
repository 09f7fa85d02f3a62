import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import type { ApiResult } from '../../shared/api';

/** Every table's row count and the newest change: what "nothing half-written" compares. */
export function dataState(db: Database): Record<string, number | string | null> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const state: Record<string, number | string | null> = {};
  for (const table of tables) state[table] = db.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
  state['change_log.newest'] = db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string | null;
  return state;
}

const CJK = /[\u4e00-\u9fff]/;

/** A refusal with the given code and a Chinese message that says what to do, without SQLite's English. */
export function expectFault(result: ApiResult<unknown>, code: string, ...phrases: string[]): string {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  expect(result.error.message).toMatch(CJK);
  expect(result.error.message).not.toMatch(/database|disk image|SQLITE|malformed/i);
  expect(result.error.message).toMatch(/请/);
  for (const phrase of phrases) expect(result.error.message).toContain(phrase);
  return result.error.message;
}
