import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { attachDashValues } from '../../electron/cli/main';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { addIndicator, quarterFixture } from './progress-fixture';

/** Issue 14, finding 11: CLI values starting with "-" (a text, a negative number) were refused. */

function read<T>(db: string, sql: string): T {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(sql).get() as T;
  } finally {
    handle.close();
  }
}

describe('CLI values that start with "-"', () => {
  const options = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, text: { type: 'string' }, value: { type: 'string' }, submit: { type: 'boolean' } } as const;

  it('a string option takes the next argument as its value unless that is one of the options', () => {
    expect(attachDashValues(['--text', '-5%完成', '--submit'], options)).toEqual(['--text=-5%完成', '--submit']);
    expect(attachDashValues(['--value', '-3', '--json'], options)).toEqual(['--value=-3', '--json']);
    expect(attachDashValues(['--text', '--unknown'], options)).toEqual(['--text=--unknown']);
    // An option where the value should be still lacks a value; flags and `=` forms are left alone.
    expect(attachDashValues(['--text', '--json'], options)).toEqual(['--text', '--json']);
    expect(attachDashValues(['--text', '-h'], options)).toEqual(['--text', '-h']);
    expect(attachDashValues(['--text', '--value=2'], options)).toEqual(['--text', '--value=2']);
    expect(attachDashValues(['--text=-1', '--submit', '-x'], options)).toEqual(['--text=-1', '--submit', '-x']);
    expect(attachDashValues(['--text', '--', '-x'], options)).toEqual(['--text', '--', '-x']);
  });

  it('progress set --text "-5%完成" and value set --value -3 are saved, in both spellings', async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const f = await quarterFixture({ file: db });
    addIndicator(f.t, { plan_id: f.plan.id, name: '门诊量增长率', unit: '%', comparator: '>=', target_value: 5, value_kind: 'growth' });
    f.t.close();

    const text = await cli('--db', db, 'progress', 'set', '--task', '1', '--department', '疾控科', '--period', '2025-Q1', '--text', '-5%完成，原因是人员调整');
    expect(text.err).toBe('');
    expect(text.code).toBe(0);
    expect(read<{ progress_text: string }>(db, 'SELECT progress_text FROM progress_reports').progress_text).toBe('-5%完成，原因是人员调整');
    const glued = await cli('--db', db, 'progress', 'set', '--task', '1', '--department', '疾控科', '--period', '2025-Q1', '--next=-继续推进');
    expect(glued.code).toBe(0);
    expect(read<{ next_steps_text: string }>(db, 'SELECT next_steps_text FROM progress_reports').next_steps_text).toBe('-继续推进');

    const negative = await cli('--db', db, '--json', 'value', 'set', '--indicator', '门诊量增长率', '--period', '2025-Q1', '--value', '-3');
    expect(negative.err).toBe('');
    expect(negative.code).toBe(0);
    expect(read<{ value: number }>(db, 'SELECT value FROM indicator_values').value).toBe(-3);
    const equals = await cli('--db', db, 'value', 'set', '--indicator', '门诊量增长率', '--period', '2025-Q2', '--value=-1.5', '--note', '-同比下降');
    expect(equals.code).toBe(0);
    expect(equals.out).toContain('门诊量增长率 2025-Q2 = -1.5%');
  });

  it('an option followed by another option still lacks a value, said in Chinese', async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const missing = await cli('--db', db, 'progress', 'set', '--task', '1', '--department', '疾控科', '--period', '2025-Q1', '--text', '--submit');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('选项 --text 缺少取值（取值本身以“-”开头时，请写成 --text=<取值>）');
  });
});
