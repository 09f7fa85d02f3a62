import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as shared from '../../shared/api';
import type { LedgerApi, LedgerEvent } from '../../shared/api';
import * as channels from '../../electron/preload/channels';
import { ipcRenderer, recorded } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

let ledger: LedgerApi;
beforeAll(async () => {
  await import('../../electron/preload/index');
  ledger = recorded.exposed.get('ledger') as LedgerApi;
});

describe('preload', () => {
  it('exposes exactly one object, window.ledger, with invoke and onEvent only', () => {
    expect([...recorded.exposed.keys()]).toEqual(['ledger']);
    expect(Object.keys(ledger).sort()).toEqual(['invoke', 'onEvent']);
    for (const value of Object.values(ledger)) expect(typeof value).toBe('function');
    expect(Object.values(ledger)).not.toContain(ipcRenderer);
  });

  it('uses the same channel names as the contract', () => {
    expect(channels.INVOKE_CHANNEL).toBe(shared.INVOKE_CHANNEL);
    expect(channels.EVENT_CHANNEL).toBe(shared.EVENT_CHANNEL);
  });

  it('invokes through the one invoke channel and returns the main process answer', async () => {
    ipcRenderer.invocations.length = 0;
    const result = await ledger.invoke('plans.get', { id: '3f365e7e-635c-4c6e-8d36-470716cfce50' });
    expect(ipcRenderer.invocations).toEqual([[shared.INVOKE_CHANNEL, 'plans.get', { id: '3f365e7e-635c-4c6e-8d36-470716cfce50' }]]);
    expect(result).toEqual({ ok: true, value: 'from-main' });
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const received: unknown[][] = [];
    const stop = ledger.onEvent((...args) => received.push(args));
    const event: LedgerEvent = { type: 'changed', tables: ['plans'] };
    ipcRenderer.emit(shared.EVENT_CHANNEL, { sender: ipcRenderer }, event);
    expect(received).toEqual([[event]]);
    stop();
    ipcRenderer.emit(shared.EVENT_CHANNEL, { sender: ipcRenderer }, event);
    expect(received).toHaveLength(1);
    expect(ipcRenderer.listenerCount(shared.EVENT_CHANNEL)).toBe(0);
  });
});
