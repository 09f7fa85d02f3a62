import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import type { LedgerApi } from '../../../shared/api';
import { PrintView } from './PrintView';

/** main.tsx loads this chunk only for #print, so the app's bundle does not grow. */
export function mountPrintView(root: Root, api: LedgerApi, hash: string): void {
  document.documentElement.classList.add('print-mode');
  root.render(
    <StrictMode>
      <PrintView api={api} hash={hash} />
    </StrictMode>,
  );
}
