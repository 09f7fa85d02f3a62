import type { LedgerApi } from '../../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the page is served by the browser host. */
    ledger?: LedgerApi;
  }
}

export {};
