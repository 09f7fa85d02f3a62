import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createBridge } from './bridge';
import { createLedgerStore } from './store';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/overlays.css';

const api = createBridge();
const store = createLedgerStore(api);
// Ask the core who we are while React mounts: the first screen waits for this answer.
void store.getState().loadStatus();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} api={api} statusRequested />
  </StrictMode>,
);
