import { useEffect } from 'react';
import type { LedgerApi } from '../../../shared/api';
import { connectLedgerEvents, type LedgerStore } from '../store';
import { StoreProvider, useLedger, useLedgerStore } from '../store/context';
import { SetupScreen } from '../setup/SetupScreen';
import { Toasts } from '../ui/Toasts';
import { AppFrame } from './AppFrame';

function StartupError({ message }: { message: string }) {
  const loadStatus = useLedger((s) => s.loadStatus);
  return (
    <div className="startup">
      <div className="card startup-card" role="alert">
        <h1 className="startup-title">目标台账无法打开数据</h1>
        <p>{message}</p>
        <button type="button" className="button button-primary" onClick={() => void loadStatus()}>
          重试
        </button>
      </div>
    </div>
  );
}

/** Setup on first start, the app frame afterwards. */
function Root() {
  const status = useLedger((s) => s.status);
  const statusError = useLedger((s) => s.statusError);
  if (!status) {
    if (statusError) return <StartupError message={statusError.message} />;
    return (
      <p className="loading startup-loading" role="status">
        正在打开目标台账…
      </p>
    );
  }
  return status.initialized ? <AppFrame /> : <SetupScreen />;
}

function Connected({ api, statusRequested }: { api: LedgerApi; statusRequested: boolean }) {
  const store = useLedgerStore();
  useEffect(() => {
    const disconnect = connectLedgerEvents(store, api);
    if (!statusRequested) void store.getState().loadStatus();
    return disconnect;
  }, [store, api, statusRequested]);
  return (
    <>
      <Root />
      <Toasts />
    </>
  );
}

/** `statusRequested`: the caller already asked the core for its status (main.tsx does, before React mounts). */
export function App({ store, api, statusRequested = false }: { store: LedgerStore; api: LedgerApi; statusRequested?: boolean }) {
  return (
    <StoreProvider store={store}>
      <Connected api={api} statusRequested={statusRequested} />
    </StoreProvider>
  );
}
