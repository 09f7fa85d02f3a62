import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
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

  it('a progress bar goes when its job has nothing to do (0 / 0) and when its call answers, even short of its total', async () => {
    vi.useFakeTimers();
    try {
      let answer: (value: ApiResult<unknown>) => void = () => {};
      const api: LedgerApi = { invoke: (() => new Promise((resolve) => (answer = resolve as (value: ApiResult<unknown>) => void))) as LedgerApi['invoke'], onEvent: () => () => {} };
      const store = createLedgerStore(api);
      // The same package a second time: nothing to check, 0 / 0.
      store.getState().reportProgress({ type: 'progress', call: 'sync.preview', jobId: 'a', label: '正在核对数据包', done: 0, total: 0 });
      expect(store.getState().jobs).toHaveLength(1);
      vi.advanceTimersByTime(1000);
      expect(store.getState().jobs).toEqual([]);
      // A job that stops half way (refused): its call's answer takes the bar away.
      const pending = store.getState().createPlan({ kind: 'other', title: 'x' });
      store.getState().reportProgress({ type: 'progress', call: 'plans.create', jobId: 'b', label: '正在保存', done: 1, total: 4 });
      answer({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '不行' } });
      await pending;
      vi.advanceTimersByTime(1000);
      expect(store.getState().jobs).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
