import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** `drawer` slides in from the right (the history panel); `dialog` is centred. */
  readonly variant?: 'dialog' | 'drawer';
  readonly size?: 'small' | 'normal' | 'wide';
  /** While true, Esc and the backdrop do not close (a save is running). */
  readonly busy?: boolean;
  readonly role?: 'dialog' | 'alertdialog';
}

/** Open modals, innermost last: only the innermost answers Esc. */
const openStack: symbol[] = [];

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('hidden'));
}

/** A Chinese modal dialog: Esc closes, Tab stays inside, focus returns to the opener. */
export function Modal({ title, onClose, children, variant = 'dialog', size = 'normal', busy = false, role = 'dialog' }: ModalProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);
  closeRef.current = onClose;
  busyRef.current = busy;
  // Read during the first render, before a child's autoFocus moves the focus into the dialog.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const key = Symbol('modal');
    openStack.push(key);
    const root = panel.current;
    if (root && !root.contains(document.activeElement)) {
      const preferred = root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root).find((el) => el.matches('input, select, textarea'));
      (preferred ?? root).focus();
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || openStack[openStack.length - 1] !== key) return;
      event.preventDefault();
      if (!busyRef.current) closeRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      openStack.splice(openStack.indexOf(key), 1);
      if (opener && opener.isConnected) opener.focus();
    };
  }, [opener]);

  const trapTab = (event: ReactKeyboardEvent) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const items = focusables(panel.current);
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div
      className={`modal-backdrop modal-backdrop-${variant}`}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !busy) onClose();
      }}
    >
      <div
        ref={panel}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`modal modal-${variant} modal-${size}`}
        onKeyDown={trapTab}
      >
        <div className="modal-header">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          <button type="button" className="icon-button" aria-label="关闭" title="关闭（Esc）" onClick={onClose} disabled={busy}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
