import path from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorMessages, type LedgerApi } from '../../shared/api';
import { createRecoveryDispatcher } from '../../electron/backup/recovery';
import { Core } from '../../electron/core/core';
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch';
import { formatDateTime } from '../../renderer/src/ui/format';
import { countRows, createTestCore, tempDir } from '../helpers/core';
import { flipHeader } from '../core/backup-fixture';
import { createCoreApi } from './core-api';
import { openPage, renderApp } from './render-app';

const planTitles = (core: Core) => core.db.prepare('SELECT title FROM plans WHERE deleted = 0').pluck().all();

describe('设置 → 备份与恢复', () => {
  it('makes a backup, then restores it with 恢复 and one confirmation naming its time', async () => {
    const api = await createCoreApi({ file: path.join(tempDir(), 'ledger.sqlite') });
    await api.test.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    renderApp(api);
    await openPage('设置');
    const card = await screen.findByRole('region', { name: /备份与恢复/ });
    await within(card).findByText('还没有备份');

    fireEvent.click(within(card).getByRole('button', { name: '立即备份' }));
    const table = await within(card).findByRole('table', { name: '备份列表' });
    const row = within(table).getByText('手动备份').closest('tr')!;
    expect(within(row).getByText(/计划 1 个 · 任务 0 项/)).toBeTruthy();
    expect(await screen.findByText('已备份')).toBeTruthy();
    const [backup] = (await api.test.call('backup.list', {})).backups;
    const time = formatDateTime(backup!.createdAt);
    expect(within(row).getByText(time)).toBeTruthy();

    // Work after the backup, which the restore takes back.
    await api.test.call('plans.create', { kind: 'work-points', title: '2026年工作要点', yearFrom: 2026, yearTo: 2026 });
    const installationBefore = api.test.core.requireIdentity().installationId;

    fireEvent.click(within(row).getByRole('button', { name: `恢复 ${time} 的备份` }));
    const dialog = await screen.findByRole('alertdialog', { name: '恢复备份' });
    expect(within(dialog).getByText(new RegExp(`恢复到 ${time} 的备份（手动备份）`))).toBeTruthy();
    // 取消 has the focus: Enter does not restore by accident.
    expect(document.activeElement?.textContent).toBe('取消');
    expect(planTitles(api.test.core)).toHaveLength(2);
    fireEvent.click(within(dialog).getByRole('button', { name: '恢复' }));

    expect(await screen.findByText(new RegExp(`已恢复到 ${time} 的备份`))).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(planTitles(api.test.core)).toEqual(['2025年工作要点']);
    expect(api.test.core.requireIdentity().installationId).not.toBe(installationBefore);
    expect(api.callsNamed('backup.restore')).toEqual([{ id: backup!.id }]);
    // The 恢复前 backup is listed too, so the restore can be undone the same way.
    await within(card).findByText('恢复前');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    api.close();
  });

  it('checks the number of automatic backups to keep and saves it', async () => {
    const api = await createCoreApi({ file: path.join(tempDir(), 'ledger.sqlite') });
    renderApp(api);
    await openPage('设置');
    const input = await screen.findByLabelText('自动备份保留份数');
    expect((input as HTMLInputElement).value).toBe('10');
    // 设置 has several cards with a 保存 button: use the backup card's own.
    const save = within(input.closest('section, form, .card') as HTMLElement).getByRole('button', { name: '保存' });
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.click(save);
    expect(await screen.findByText('请填写 1 到 100 之间的整数')).toBeTruthy();
    expect(api.callsNamed('backup.setKeep')).toEqual([]);
    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.click(save);
    await waitFor(() => expect(api.callsNamed('backup.setKeep')).toEqual([{ keep: 30 }]));
    expect((await api.test.call('backup.list', {})).keep).toBe(30);
    api.close();
  });
});

describe('start screen when the database is damaged', () => {
  it('offers the newest backups; 恢复 and a confirmation bring the data back and start the app', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const t = await createTestCore({ file });
    await t.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    const backup = await t.call('backup.create', {});
    t.close();
    flipHeader(file);
    expect(() => Core.open(file).close()).toThrow();

    // What the worker does (electron/core/worker.ts): recovery calls until a restore succeeds.
    let core: Core | null = null;
    let dispatch: Dispatch = createRecoveryDispatcher(file, { code: 'CORRUPT', message: errorMessages.CORRUPT }, {
      onRestored: () => {
        core = Core.open(file);
        dispatch = createDispatcher(core);
        return core;
      },
    });
    const api: LedgerApi = {
      invoke: (name, args) => dispatch(name, args) as never,
      onEvent: () => () => {},
    };
    renderApp(api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('目标台账无法打开数据');
    expect(alert.textContent).toContain('数据库文件已损坏');
    const time = formatDateTime(backup.createdAt);
    fireEvent.click(await screen.findByRole('button', { name: `恢复 ${time} 的备份` }));
    const dialog = await screen.findByRole('alertdialog', { name: '恢复备份' });
    expect(within(dialog).getByText(new RegExp(time))).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '恢复' }));

    await screen.findByRole('navigation', { name: '主导航' });
    expect(core).not.toBeNull();
    expect(countRows(core!, 'plans')).toBe(1);
    core!.close();
  });

  it('offers no restore when the database is only locked by another program', async () => {
    const api: LedgerApi = {
      invoke: async (name) => (name === 'backup.list' ? { ok: true, value: { folder: '/x', keep: 10, backups: [] } } : { ok: false, error: { code: 'DATABASE_LOCKED', message: errorMessages.DATABASE_LOCKED } }) as never,
      onEvent: () => () => {},
    };
    renderApp(api);
    await screen.findByText(errorMessages.DATABASE_LOCKED);
    expect(screen.queryByText('从备份恢复')).toBeNull();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
