import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseGraceDays } from '../../renderer/src/settings/ReportingDeadlineCard';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

describe('设置 · 报送截止', () => {
  it('shows the office’s grace days with the deadline it gives, refuses a non-number inline, and saves the number', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await openPage('设置');
    const card = (await screen.findByRole('heading', { name: '报送截止' })).closest('form')!;
    const input = within(card).getByLabelText('报送截止（季度结束后天数）') as HTMLInputElement;
    expect(input.value).toBe('10');
    expect(card.textContent).toContain('如一季度截至4月10日');

    fireEvent.change(input, { target: { value: '十五' } });
    fireEvent.click(within(card).getByRole('button', { name: '保存' }));
    expect(await within(card).findByText('请填写0到90之间的整数天数')).toBeTruthy();
    expect(fake.callsNamed('settings.update')).toEqual([]);

    fireEvent.change(input, { target: { value: '15' } });
    expect(card.textContent).toContain('如一季度截至4月15日');
    fireEvent.click(within(card).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fake.callsNamed('settings.update')).toEqual([{ statusSettings: { reportGraceDays: 15 } }]));
    expect((await fake.act('settings.get', {})).statusSettings.reportGraceDays).toBe(15);
  });

  it('reads whole days from 0 to 90', () => {
    expect(parseGraceDays(' 0 ')).toEqual({ ok: true, days: 0 });
    expect(parseGraceDays('90')).toEqual({ ok: true, days: 90 });
    expect(parseGraceDays('91')).toEqual({ ok: false, error: '天数不能超过90' });
    expect(parseGraceDays('1.5')).toMatchObject({ ok: false });
    expect(parseGraceDays('')).toMatchObject({ ok: false });
  });
});
