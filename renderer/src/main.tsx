import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createBridge } from './bridge';
import { PdfApiProvider } from './print/pdf-api';
import { isPrintHash } from './print/print-url';
import { createLedgerStore } from './store';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/overlays.css';

const api = createBridge();
const root = createRoot(document.getElementById('root')!);

if (isPrintHash(window.location.hash)) {
  // The print view (PDF in the desktop shell, the browser's print dialog in the browser host): its own chunk.
  const hash = window.location.hash;
  void import('./print/mount').then(({ mountPrintView }) => mountPrintView(root, api, hash));
} else {
  const store = createLedgerStore(api);
  // Ask the core who we are while React mounts: the first screen waits for this answer.
  void store.getState().loadStatus();

  root.render(
    <StrictMode>
      <PdfApiProvider api={api}>
        <App store={store} api={api} statusRequested />
      </PdfApiProvider>
    </StrictMode>,
  );
}
