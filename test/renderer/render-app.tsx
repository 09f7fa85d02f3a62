import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { LedgerApi } from '../../shared/api';
import { App } from '../../renderer/src/app/App';
import { createLedgerStore, type StoreOptions } from '../../renderer/src/store';

afterEach(() => {
  cleanup();
});

/** Render the whole renderer against a LedgerApi, as main.tsx does. */
export function renderApp(api: LedgerApi, options: StoreOptions = {}) {
  const store = createLedgerStore(api, options);
  const view = render(<App store={store} api={api} />);
  return { store, ...view };
}

export async function openPage(name: string): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: '主导航' });
  fireEvent.click(within(nav).getByRole('button', { name }));
}
