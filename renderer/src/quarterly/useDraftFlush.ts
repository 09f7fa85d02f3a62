import { useEffect } from 'react';
import { useLedgerStore } from '../store/context';

/**
 * Nothing typed is lost: waiting drafts are sent when the window is hidden, closed or
 * reloaded, and when the clerk leaves the page.
 */
export function useDraftFlush(): void {
  const store = useLedgerStore();
  useEffect(() => {
    const flush = () => void store.getState().flushDrafts();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [store]);
}
