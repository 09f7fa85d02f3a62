import { useLedger } from '../store/context';

/** Bottom left, out of the way of buttons: errors stay 8 s, successes 2.5 s. */
export function Toasts() {
  const toasts = useLedger((s) => s.toasts);
  const dismiss = useLedger((s) => s.dismissToast);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <span className="toast-icon" aria-hidden="true">
            {toast.kind === 'error' ? '!' : '✓'}
          </span>
          <span className="toast-message">{toast.message}</span>
          <button type="button" className="icon-button toast-close" aria-label="关闭提示" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
