import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

/*
 * A whole 2025 Q1 headless, as three clerks on three PCs would run it: the office imports the
 * Yubei work points (its list names 疾病预防控制科; the document prints 疾控科), corrects a title,
 * sends each department its tasks; the 疾控科 PC is set up with the short name, the 信息统计科 PC
 * with its own; both report (task 1 is shared and only 疾控科 reports it), packages go back, the
 * office returns one entry and approves others, the department corrects and resubmits, the
 * office re-imports the plan as .docx. Then `status`, the Excel 台账 and the Word 情况报告 must
 * give the same counts, no PC may hold a duplicate department, the correction must survive and
 * the returned-then-corrected text must be the one reported.
 */

const SAMPLES = path.resolve(__dirname, '../../../shared/samples');
const PLAN_TXT = path.join(SAMPLES, 'yubei-2025-work-points.txt');
const PLAN_DOCX = path.join(SAMPLES, 'formats/yubei-2025-work-points.docx');
const Q1 = '2025-Q1';

async function ok(...argv: string[]): Promise<string> {
  const result = await cli(...argv);
  if (result.code !== 0) throw new Error(`${argv.join(' ')} → ${result.code}\n${result.err}\n${result.out}`);
  return result.out;
}

async function json<T>(db: string, ...argv: string[]): Promise<T> {
  return JSON.parse(await ok('--db', db, '--json', ...argv)) as T;
}

/** Import a package, trusting its signer by the fingerprint `verify` reads (the phone call). */
async function receive(db: string, file: string): Promise<void> {
  const { fingerprint } = await json<{ fingerprint: string }>(db, 'verify', file);
  await ok('--db', db, 'import', file, '--trust', fingerprint);
}

type Departments = { id: string; name: string; aliases: string[]; mergedInto: { name: string } | null; bound: boolean }[];

/** The departments a PC works with: a stray folded into the office's record is kept only as history. */
async function liveDepartments(db: string): Promise<Departments> {
  return (await json<Departments>(db, 'departments')).filter((d) => d.mergedInto === null);
}
type Status = {
  counts: { total: number; done: number; onPace: number; behind: number; notReported: number; partial: number; late: number; awaitingReview: number; returned: number };
  tasks: { number: string; title: string; state: string; partial: boolean; missing: string[]; returned: string[] }[];
};

/** The 台账's totals line, read back from the Excel file. */
async function ledgerTotals(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  return String(sheet.getRow(sheet.rowCount).getCell(1).value ?? '');
}

/** The Word report's text, from its document.xml. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(fs.readFileSync(file))['word/document.xml']!);
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('a quarter run through the CLI alone, on three PCs', () => {
  it('gives the same numbers in status, the Excel 台账 and the Word report, with no duplicated department', async () => {
    expect(fs.existsSync(PLAN_TXT), `samples missing at ${SAMPLES}`).toBe(true);
    const dir = tempDir();
    const office = path.join(dir, 'office.sqlite');
    const cdc = path.join(dir, 'cdc.sqlite');
    const info = path.join(dir, 'info.sqlite');

    // The office: its own list names 疾病预防控制科; the document's 疾控科 is an alias.
    await ok('--db', office, 'init', '--office', '渝北区卫生健康委', '--code', '500112');
    await ok('--db', office, 'department', 'add', '--name', '疾病预防控制科');
    await ok('--db', office, 'department', 'alias', '--department', '疾病预防控制科', '--alias', '疾控科');
    await ok('--db', office, 'import-plan', PLAN_TXT);
    const officeDepartments = await liveDepartments(office);
    expect(officeDepartments.filter((d) => d.name === '疾控科')).toEqual([]);
    expect(officeDepartments.find((d) => d.name === '疾病预防控制科')!.aliases).toContain('疾控科');

    // A correction the office makes after the import.
    const corrected = '加强疾病监测预警体系建设（经办公室核定）';
    await ok('--db', office, 'task', 'edit', '--task', '1', '--title', corrected);

    // 下发 to each department.
    const toCdc = path.join(dir, '下发-疾控.tlpkg');
    const toInfo = path.join(dir, '下发-信息.tlpkg');
    await ok('--db', office, 'export', '--kind', 'assignment', '--department', '疾病预防控制科', '--period', Q1, '--out', toCdc);
    await ok('--db', office, 'export', '--kind', 'assignment', '--department', '信息统计科', '--period', Q1, '--out', toInfo);

    // The 疾控科 PC is set up with the short name and the office's code; the 信息统计科 PC with its own name.
    await ok('--db', cdc, 'init', '--office', '渝北区卫生健康委', '--code', '500112', '--department', '疾控科');
    await ok('--db', info, 'init', '--office', '渝北区卫生健康委', '--code', '500112', '--department', '信息统计科');
    await receive(cdc, toCdc);
    await receive(info, toInfo);
    for (const db of [cdc, info]) {
      const live = await liveDepartments(db);
      const names = live.map((d) => d.name);
      expect(new Set(names).size, `duplicate department on ${path.basename(db)}: ${names.join('、')}`).toBe(names.length);
      expect(names, path.basename(db)).not.toContain('疾控科');
      expect(live.find((d) => d.bound)!.name).toBe(db === cdc ? '疾病预防控制科' : '信息统计科');
    }

    // Quarterly entries. Task 1 (疾控科、信息统计科) is reported by 疾控科 only.
    const report = (db: string, department: string, task: string, percent: string, text: string, extra: string[] = []) =>
      ok('--db', db, 'progress', 'set', '--task', task, '--department', department, '--period', Q1, '--percent', percent, '--text', text, ...extra, '--submit');
    await report(cdc, '疾控科', '1', '30', '完成全区监测哨点布设，开展一季度风险评估。');
    await report(cdc, '疾控科', '4', '5', '方案起草中。', ['--problems', '无']);
    await report(info, '信息统计科', '26', '30', '区域全民健康信息平台完成招标。');
    const fromCdc = path.join(dir, '上报-疾控.tlpkg');
    const fromInfo = path.join(dir, '上报-信息.tlpkg');
    await ok('--db', cdc, 'export', '--kind', 'return', '--out', fromCdc);
    await ok('--db', info, 'export', '--kind', 'return', '--out', fromInfo);
    await receive(office, fromCdc);
    await receive(office, fromInfo);

    // Before review nothing counts; with 含待审核 three entries do.
    const pending = await json<Status>(office, 'status', '--period', Q1);
    expect(pending.counts.awaitingReview).toBe(3);
    expect(pending.counts.notReported).toBe(pending.counts.total);
    // A 台账 may carry them, marked 待审核, only when asked.
    const strictCsv = path.join(dir, '台账-已审核.csv');
    const looseCsv = path.join(dir, '台账-含待审核.csv');
    await ok('--db', office, 'report', '--kind', 'ledger', '--format', 'csv', '--period', Q1, '--out', strictCsv);
    await ok('--db', office, 'report', '--kind', 'ledger', '--format', 'csv', '--period', Q1, '--include-submitted', '--out', looseCsv);
    expect(fs.readFileSync(strictCsv, 'utf8')).not.toContain('完成全区监测哨点布设');
    expect(fs.readFileSync(looseCsv, 'utf8')).toContain('【疾病预防控制科】（待审核）完成全区监测哨点布设');

    // The office approves task 1 and task 26, returns task 4 ("无" is not a problem statement).
    await ok('--db', office, 'review', '--task', '1', '--department', '疾病预防控制科', '--period', Q1, '--approve');
    await ok('--db', office, 'review', '--task', '26', '--department', '信息统计科', '--period', Q1, '--approve');
    await ok('--db', office, 'review', '--task', '4', '--department', '疾控科', '--period', Q1, '--return', '--comment', '请写明存在问题');
    const afterReturn = await json<Status>(office, 'status', '--period', Q1);
    const task4 = afterReturn.tasks.find((t) => t.number === '4')!;
    expect([task4.state, task4.returned]).toEqual(['未填报', ['疾病预防控制科']]);

    // The return travels to the 疾控科 PC; the clerk corrects and resubmits; the office approves.
    const back = path.join(dir, '下发-疾控-2.tlpkg');
    await ok('--db', office, 'export', '--kind', 'assignment', '--department', '疾病预防控制科', '--period', Q1, '--out', back);
    await receive(cdc, back);
    await report(cdc, '疾控科', '4', '5', '方案起草中，已征求各科室意见。', ['--problems', '专业人员不足，方案论证进度慢。']);
    const again = path.join(dir, '上报-疾控-2.tlpkg');
    await ok('--db', cdc, 'export', '--kind', 'return', '--out', again);
    await receive(office, again);
    await ok('--db', office, 'review', '--task', '4', '--department', '疾控科', '--period', Q1, '--approve');

    // The office re-imports the same plan as .docx: the correction survives.
    await ok('--db', office, 'import-plan', PLAN_DOCX);
    const status = await json<Status>(office, 'status', '--period', Q1);
    const task1 = status.tasks.find((t) => t.number === '1')!;
    expect(task1.title).toBe(corrected);
    expect([task1.state, task1.partial, task1.missing]).toEqual(['按序时推进', true, ['信息统计科']]);
    const c = status.counts;
    expect([c.onPace, c.behind, c.partial, c.awaitingReview, c.returned]).toEqual([2, 1, 2, 0, 0]);
    expect(c.done + c.onPace + c.behind + c.notReported).toBe(c.total);
    expect((await liveDepartments(office)).map((d) => d.name)).not.toContain('疾控科');

    // The Excel 台账 and the Word report say the same numbers.
    const ledgerFile = path.join(dir, '台账.xlsx');
    await ok('--db', office, 'report', '--kind', 'ledger', '--format', 'xlsx', '--period', Q1, '--out', ledgerFile);
    const sentence = `共${c.total}项，其中已完成${c.done}项，按序时推进${c.onPace}项，滞后${c.behind}项，未填报${c.notReported}项`;
    expect(await ledgerTotals(ledgerFile)).toContain(sentence);
    const wordFile = path.join(dir, '情况报告.docx');
    await ok('--db', office, 'report', '--kind', 'summary', '--format', 'docx', '--period', Q1, '--date', '2025-04-15', '--out', wordFile);
    const word = docxText(wordFile);
    expect(word).toContain(`${c.total}项重点工作`);
    expect(word).toContain(`按序时推进${c.onPace}项`);
    expect(word).toContain(`滞后${c.behind}项`);
    expect(word).toContain('2025年4月15日');
    // The returned text was replaced; "无" is never pasted into a sentence.
    expect(word).toContain('专业人员不足');
    expect(word).not.toMatch(/[；，]无。/);
  }, 240_000);
});
