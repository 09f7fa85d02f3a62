import { useEffect } from 'react';
import type { ApiError, LedgerApi } from '../../../shared/api';
import { connectLedgerEvents, type LedgerStore } from '../store';
import { StoreProvider, useLedger, useLedgerStore } from '../store/context';
import { BackupRecovery } from '../settings/BackupRecovery';
import { SetupScreen } from '../setup/SetupScreen';
import { Toasts } from '../ui/Toasts';
import { AboutDialog } from './AboutDialog';
import { AppFrame } from './AppFrame';

/** Open failures a restore may cure (the file is damaged); a locked or newer database is not offered one. */
const RESTORABLE = new Set(['CORRUPT', 'INTERNAL']);

function StartupError({ error }: { error: ApiError }) {
  const loadStatus = useLedger((s) => s.loadStatus);
  return (
    <div className="startup">
      <div className="card startup-card">
        <div role="alert" className="startup-error">
          <h1 className="startup-title">目标台账无法打开数据</h1>
          <p>{error.message}</p>
        </div>
        <button type="button" className="button button-primary startup-retry" onClick={() => void loadStatus()}>
          重试
        </button>
        {RESTORABLE.has(error.code) ? <BackupRecovery /> : null}
      </div>
    </div>
  );
}

/** Setup on first start, the app frame afterwards. */
function Root() {
  const status = useLedger((s) => s.status);
  const statusError = useLedger((s) => s.statusError);
  if (!status) {
    if (statusError) return <StartupError error={statusError} />;
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
      <AboutDialog />
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
