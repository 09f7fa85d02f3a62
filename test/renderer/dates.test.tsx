import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateInput } from '../../renderer/src/ui/DateInput';
import { clockTime, formatChineseDate, formatDate, formatDateTime, parseDateText } from '../../renderer/src/ui/format';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

const root = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('one date formatter for the renderer', () => {
  it('shows 2025-04-12 or 2025年4月12日, for a plain date and for an ISO time in local time', () => {
    const noon = new Date(2025, 3, 12, 12, 5).toISOString();
    expect(formatDate('2025-04-12')).toBe('2025-04-12');
    expect(formatDate(noon)).toBe('2025-04-12');
    expect(formatChineseDate('2025-04-02')).toBe('2025年4月2日');
    expect(formatChineseDate(noon)).toBe('2025年4月12日');
    expect(formatDateTime(noon)).toBe('2025-04-12 12:05');
    expect(clockTime(noon)).toBe('12:05');
    // Not a date: shown as written, never "Invalid Date".
    expect(formatDate('2025年底')).toBe('2025年底');
    expect(formatChineseDate('')).toBe('');
    expect(clockTime('x')).toBe('');
  });

  it('reads a date typed the ways clerks type it, and refuses a day that does not exist', () => {
    for (const typed of ['2025-04-12', '2025-4-12', '2025/4/12', '2025.4.12', '2025年4月12日', '20250412', '２０２５-４-１２', ' 2025 年 4 月 12 日 ']) {
      expect(parseDateText(typed), typed).toBe('2025-04-12');
    }
    expect(parseDateText('')).toBeNull();
    expect(parseDateText('  ')).toBeNull();
    for (const typed of ['2025-02-30', '04/12/2025', '2025-13-01', '明天', '2025-4']) expect(parseDateText(typed), typed).toBeUndefined();
  });

  it('no page formats dates itself or uses the browser locale; no native date input; the page is zh-CN', () => {
    const offenders: string[] = [];
    const forbidden = /type="date"|toLocaleDateString|toLocaleTimeString|toLocaleString\(|Intl\.DateTimeFormat|\.getDate\(\)/;
    for (const file of sources(path.join(root, 'renderer/src'))) {
      if (file.endsWith(path.join('ui', 'format.ts'))) continue;
      const text = fs.readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (forbidden.test(line)) offenders.push(`${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
    expect(fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8')).toMatch(/<html lang="zh-CN">/);
  });
});

describe('DateInput', () => {
  function Harness({ initial }: { initial: string }) {
    const [value, setValue] = useState(initial);
    return (
      <>
        <DateInput aria-label="印发日期" value={value} onChange={setValue} />
        <output aria-label="值">{value}</output>
      </>
    );
  }

  it('shows yyyy-mm-dd, takes 2025年4月12日 as 2025-04-12 and tidies it on leaving the field', () => {
    render(<Harness initial="2025-01-15" />);
    const input = screen.getByLabelText<HTMLInputElement>('印发日期');
    expect(input.type).toBe('text');
    expect(input.value).toBe('2025-01-15');
    fireEvent.change(input, { target: { value: '2025年4月12日' } });
    expect(screen.getByLabelText('值').textContent).toBe('2025-04-12');
    expect(input.value).toBe('2025年4月12日');
    fireEvent.blur(input);
    expect(input.value).toBe('2025-04-12');
    // Not a date yet: the text stays as typed and is handed on for the core to name the error.
    fireEvent.change(input, { target: { value: '2025-02-30' } });
    expect(screen.getByLabelText('值').textContent).toBe('2025-02-30');
    fireEvent.blur(input);
    expect(input.value).toBe('2025-02-30');
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.getByLabelText('值').textContent).toBe('');
  });

  it('新建计划 sends the 印发日期 typed in Chinese as 2025-01-15, and the plan header shows 2025年1月15日', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await openPage('计划与任务');
    fireEvent.click(await screen.findByRole('button', { name: '新建计划' }));
    const dialog = await screen.findByRole('dialog', { name: '新建计划' });
    fireEvent.change(within(dialog).getByLabelText('计划标题'), { target: { value: '2025年全区卫生健康工作要点' } });
    fireEvent.change(within(dialog).getByLabelText('起始年份'), { target: { value: '2025' } });
    fireEvent.change(within(dialog).getByLabelText('印发日期'), { target: { value: '2025年1月15日' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '创建计划' }));
    expect(await screen.findByRole('heading', { name: '2025年全区卫生健康工作要点', level: 1 })).toBeTruthy();
    expect(fake.callsNamed('plans.create')[0]).toMatchObject({ issuedOn: '2025-01-15' });
    expect(screen.getByText('2025年1月15日')).toBeTruthy();
  });
});
