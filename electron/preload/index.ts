import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LedgerApi, LedgerEvent } from '../../shared/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

/*
 * The page's only door to the main process. It exposes two functions, never ipcRenderer
 * itself, so a compromised page can reach nothing but the checked invoke channel.
 */
const ledger = {
  invoke: (name, args) => ipcRenderer.invoke(INVOKE_CHANNEL, name, args),
  onEvent(listener) {
    // Wrap so the page never receives the IPC event object (it carries `sender`).
    const forward = (_event: IpcRendererEvent, event: LedgerEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} satisfies LedgerApi;

contextBridge.exposeInMainWorld('ledger', ledger);
