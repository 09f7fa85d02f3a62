import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LedgerState, LedgerStore } from './types';

const StoreContext = createContext<LedgerStore | null>(null);

export function StoreProvider({ store, children }: { store: LedgerStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useLedgerStore(): LedgerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLedger must be used inside <StoreProvider>');
  return store;
}

/** Select from the store; select single values or stable references (or wrap with useShallow). */
export function useLedger<T>(selector: (state: LedgerState) => T): T {
  return useStore(useLedgerStore(), selector);
}
