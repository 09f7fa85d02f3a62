import { describe, expect, it } from 'vitest';
import { callNames, contract, errorMessages } from '../../shared/api';
import { handlers } from '../../electron/core/handlers';
import { countRows, createTestCore } from '../helpers/core';

const CJK = /[\u4e00-\u9fff]/;
const malformedInputs: unknown[] = [42, 'text', [], { bogus: 1 }, { id: 'not-a-uuid' }];

describe('contract', () => {
  it('has exactly one handler per call', () => {
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
    expect(callNames.length).toBeGreaterThan(20);
  });

  it('declares only known error codes and Chinese summaries', () => {
    for (const name of callNames) {
      const spec = contract[name];
      expect(spec.summary, name).toMatch(CJK);
      for (const code of spec.errors) expect(Object.keys(errorMessages), name).toContain(code);
    }
    for (const message of Object.values(errorMessages)) expect(message).toMatch(CJK);
  });

  it('rejects malformed input for every call with a Chinese message and writes nothing', async () => {
    const t = await createTestCore();
    const changesBefore = countRows(t.core, 'change_log');
    for (const name of callNames) {
      for (const input of malformedInputs) {
        const accepted = contract[name].args.safeParse(input).success;
        const result = await t.raw(name, input);
        if (accepted) continue; // e.g. `{}`-shaped args of calls without arguments are not malformed
        expect(result.ok, `${name} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code, name).toBe('INVALID_ARGUMENT');
          expect(result.error.message, name).toMatch(CJK);
        }
      }
    }
    expect(countRows(t.core, 'change_log')).toBe(changesBefore);
    t.close();
  });

  it('every call rejects at least one malformed input', () => {
    for (const name of callNames) {
      const rejected = malformedInputs.filter((input) => !contract[name].args.safeParse(input).success);
      expect(rejected.length, name).toBeGreaterThan(0);
    }
  });

  it('refuses unknown calls', async () => {
    const t = await createTestCore();
    const result = await t.raw('db.exec', { sql: 'DROP TABLE tasks' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    const proto = await t.raw('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    t.close();
  });

  it('explains field problems in Chinese, keyed by argument path', async () => {
    const t = await createTestCore();
    const result = await t.raw('plans.create', { kind: 'work-points', title: '   ', yearFrom: 2026, yearTo: 2025 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fields?.title).toBe('计划标题不能为空');
      expect(result.error.message).toMatch(CJK);
    }
    const years = await t.raw('plans.create', { kind: 'work-points', title: '规划', yearFrom: 2026, yearTo: 2025 });
    expect(years).toMatchObject({ ok: false, error: { fields: { yearTo: '起始年份不能晚于结束年份' } } });
    t.close();
  });

  it('asks for initialisation before anything else', async () => {
    const t = await createTestCore({ init: false });
    expect(await t.raw('plans.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_INITIALIZED' } });
    expect(await t.raw('system.status', {})).toMatchObject({ ok: true, value: { initialized: false } });
    t.close();
  });
});
