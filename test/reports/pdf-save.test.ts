import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../helpers/core';

/** The core's half of 导出 PDF: the shell hands over the printed bytes, the core names and saves them. */
let test: TestCore | null = null;
afterEach(() => {
  test?.close();
  test = null;
});

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

describe('report.savePdf', () => {
  it('saves the bytes in the reports folder under the report’s name, never over an earlier file', async () => {
    test = await createTestCore();
    const cdc = await test.call('departments.create', { name: '疾控科', aliases: [] });
    const plan = await test.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    await test.call('tasks.create', { planId: plan.id, number: '1', title: '提升居民健康素养', leadDepartmentIds: [cdc.id] });
    const args = { kind: 'ledger' as const, scope: { period: '2025-Q1', departmentIds: [cdc.id] }, contentBase64: pdf.toString('base64') };

    const first = await test.call('report.savePdf', args);
    const folder = path.join(path.dirname(test.core.file), 'reports');
    expect(first.fileName).toBe('渝北区卫生健康委疾控科_2025年第一季度重点工作台账.pdf');
    expect(first.savedPath).toBe(path.join(folder, first.fileName));
    expect(fs.readFileSync(first.savedPath!)).toEqual(pdf);
    expect(first.bytes).toBe(pdf.length);
    expect(first.summary).toBe('2025年第一季度疾控科重点工作台账，1项重点工作（PDF）');

    const second = await test.call('report.savePdf', args);
    expect(second.savedPath).toBe(path.join(folder, '渝北区卫生健康委疾控科_2025年第一季度重点工作台账(2).pdf'));
    // The saved file is one the shell may then reveal.
    await expect(test.call('report.reveal', { path: second.savedPath! })).resolves.toEqual({ revealed: false, folder });
  });

  it('names the 情况报告 after its kind', async () => {
    test = await createTestCore();
    const file = await test.call('report.savePdf', { kind: 'summary', scope: { period: '2025-Q2' }, contentBase64: pdf.toString('base64') });
    expect(file.fileName).toBe('渝北区卫生健康委_2025年第二季度重点工作推进情况报告.pdf');
  });

  it('refuses anything that is not a PDF and writes nothing', async () => {
    test = await createTestCore();
    const result = await test.raw('report.savePdf', { kind: 'ledger', scope: { period: '2025-Q1' }, contentBase64: Buffer.from('<html>not a pdf</html>').toString('base64') });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '收到的内容不是 PDF 文件，未保存' } });
    expect(fs.existsSync(path.join(path.dirname(test.core.file), 'reports'))).toBe(false);
  });
});
