import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiResult, CallName, LedgerApi } from '../../shared/api';
import { createLedgerStore } from '../../renderer/src/store';
import { FakeLedger } from './fake-ledger';
import { openPage, renderApp } from './render-app';

describe('store', () => {
  it('shows progress events as a global progress bar', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await screen.findByRole('navigation', { name: '主导航' });
    act(() => fake.emit({ type: 'progress', call: 'system.generate', jobId: 'job-1', label: '正在生成演示数据', done: 30, total: 120 }));
    const bar = await screen.findByRole('progressbar', { name: '正在生成演示数据' });
    expect(bar.getAttribute('aria-valuenow')).toBe('30');
    expect(bar.getAttribute('aria-valuemax')).toBe('120');
    expect(screen.getByText('30 / 120')).toBeTruthy();
  });

  it('reloads the departments list when a changed event names departments', async () => {
    const fake = new FakeLedger();
    renderApp(fake);
    await openPage('设置');
    await screen.findByText('还没有科室');
    await fake.act('departments.create', { name: '妇幼健康科', aliases: ['妇幼科'] });
    expect(await screen.findByText('妇幼健康科')).toBeTruthy();
  });

  it('turns a failed call into a Chinese error toast', async () => {
    const fake = new FakeLedger();
    const failing: LedgerApi = {
      invoke: (async (name: CallName, args: never) =>
        name === 'plans.list'
          ? ({ ok: false, error: { code: 'DATABASE_LOCKED', message: '数据库正被其他程序占用，请关闭其他目标台账窗口后重试' } } satisfies ApiResult<never>)
          : fake.invoke(name, args)) as LedgerApi['invoke'],
      onEvent: (listener) => fake.onEvent(listener),
    };
    renderApp(failing);
    await openPage('计划与任务');
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toContain('数据库正被其他程序占用');
  });

  it('a transport that throws becomes an INTERNAL failure, not an unhandled rejection', async () => {
    const api: LedgerApi = {
      invoke: (async () => {
        throw new Error('boom');
      }) as LedgerApi['invoke'],
      onEvent: () => () => {},
    };
    const store = createLedgerStore(api);
    const outcome = await store.getState().createPlan({ kind: 'other', title: 'x' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['无法连接到数据服务，请稍后重试']);
  });
});
