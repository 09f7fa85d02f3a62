import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { parseCsv } from './csv-parse';
import { paragraphs, readDocx } from './docx-xml';

describe('CLI report', () => {
  it('writes the quarter’s 台账 as CSV for the imported sample plan, one row per task', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    const out = path.join(dir, '台账.csv');
    const made = await cli('--db', db, '--json', 'report', '--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--out', out);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]!.slice(0, 3)).toEqual(['所属部分', '序号', '工作任务']);
    const sqlite = new Database(db, { readonly: true });
    const titles = sqlite.prepare('SELECT title FROM tasks WHERE deleted = 0').pluck().all() as string[];
    sqlite.close();
    expect(rows.length - 1).toBe(titles.length);
    expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(titles));
    // Nobody reported yet: every task says so.
    expect(new Set(rows.slice(1).map((r) => r.at(-1)))).toEqual(new Set(['未填报']));
    expect(JSON.parse(made.out)).toMatchObject({ fileName: '渝北区卫生健康委_2025年第一季度重点工作台账.csv' });
  });

  it('dates the Word 情况报告 with --date, not the day it is made', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    expect((await cli('--db', db, 'import-plan', '../shared/samples/yubei-2025-work-points.txt')).code).toBe(0);
    const signature = async (out: string, ...date: string[]) => {
      const made = await cli('--db', db, '--json', 'report', '--kind', 'summary', '--format', 'docx', '--period', '2025-Q1', ...date, '--out', out);
      expect(made.err).toBe('');
      expect(made.code).toBe(0);
      const texts = paragraphs(readDocx(new Uint8Array(fs.readFileSync(out))).document).map((p) => p.text);
      return texts.slice(-2);
    };
    expect(await signature(path.join(dir, 'dated.docx'), '--date', '2025-04-12')).toEqual(['渝北区卫生健康委', '2025年4月12日']);
    // Without it, today (in this PC's calendar).
    const today = new Date();
    expect(await signature(path.join(dir, 'today.docx'))).toEqual(['渝北区卫生健康委', `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`]);
  });

  it('says in Chinese what is wrong with the options and writes nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'office.sqlite');
    expect((await cli('--db', db, 'init', '--office', '渝北区卫生健康委')).code).toBe(0);
    const out = path.join(dir, 'x.csv');
    const cases: [string[], string][] = [
      [['--kind', 'ledger', '--format', 'csv', '--period', '2025-Q5'], '--period'],
      [['--kind', 'budget', '--format', 'csv', '--period', '2025-Q1'], '--kind'],
      [['--kind', 'summary', '--format', 'csv', '--period', '2025-Q1'], '不能导出为 csv'],
      [['--kind', 'ledger', '--format', 'csv', '--period', '2025-Q1', '--department', '财务科'], '找不到科室“财务科”'],
      [['--template', '市卫生健康委', '--period', '2025-Q1'], '没有“市卫生健康委”的表样'],
      [['--kind', 'summary', '--format', 'docx', '--period', '2025-Q1', '--date', '2025-02-30'], '--date 应为有效日期，格式 YYYY-MM-DD，例如 2025-04-12，收到“2025-02-30”'],
      [['--kind', 'summary', '--format', 'docx', '--period', '2025-Q1', '--date', '2025年4月12日'], '--date 应为有效日期'],
    ];
    for (const [args, message] of cases) {
      const result = await cli('--db', db, 'report', ...args, '--out', out);
      expect({ args, err: result.err, code: result.code }).toMatchObject({ code: 1, err: expect.stringContaining(message) });
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
