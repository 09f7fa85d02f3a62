import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { LedgerApi } from '../../../shared/api';
import { createBridge } from '../bridge';

/*
 * PdfButton calls the contract itself (report.pdf, report.reveal) rather than through a store
 * slice: main.tsx hands it the app's own bridge here. Without a provider it picks the transport
 * the way main.tsx does (the preload in Electron, HTTP in the browser host).
 */
const PdfApiContext = createContext<LedgerApi | null>(null);

export function PdfApiProvider({ api, children }: { api: LedgerApi; children: ReactNode }) {
  return <PdfApiContext.Provider value={api}>{children}</PdfApiContext.Provider>;
}

export function usePdfApi(): LedgerApi {
  const provided = useContext(PdfApiContext);
  return useMemo(() => provided ?? createBridge(), [provided]);
}
