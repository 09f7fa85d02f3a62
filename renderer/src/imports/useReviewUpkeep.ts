import { useEffect } from 'react';
import { useLedgerStore } from '../store/context';

/**
 * While a review is open: the waiting autosave is sent when the window is hidden, closed or
 * reloaded, and when the clerk leaves the page; the departments are read again when the window
 * regains focus, so an alias added meanwhile (设置, another window) matches its owner name.
 */
export function useReviewUpkeep(): void {
  const store = useLedgerStore();
  useEffect(() => {
    const flush = () => void store.getState().flushImportDraft();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onFocus = () => void store.getState().loadDirectory('departments');
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [store]);
}
