import { useEffect, useId, useRef, useState } from 'react';
import type { LedgerColumnId } from '../store/ledger';
import { ledgerColumns } from './columns';

interface ColumnChooserProps {
  readonly hidden: readonly LedgerColumnId[];
  readonly onChange: (column: LedgerColumnId, visible: boolean) => void;
}

/** 显示列: a popover of checkboxes; closes on Esc or a click elsewhere. */
export function ColumnChooser({ hidden, onChange }: ColumnChooserProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent | MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const shown = ledgerColumns.length - hidden.length;
  return (
    <div className="column-chooser" ref={root}>
      <button ref={button} type="button" className="button button-small" aria-expanded={open} aria-controls={popId} onClick={() => setOpen(!open)}>
        显示列（{shown}/{ledgerColumns.length}）
      </button>
      {open ? (
        <fieldset id={popId} className="column-chooser-pop">
          <legend className="column-chooser-title">显示列</legend>
          {ledgerColumns.map((column) => (
            <label key={column.id} className="checkbox">
              <input
                type="checkbox"
                checked={column.required || !hidden.includes(column.id)}
                disabled={column.required}
                onChange={(event) => onChange(column.id, event.target.checked)}
              />
              {column.label}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
