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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} api={api} />
  </StrictMode>,
);
