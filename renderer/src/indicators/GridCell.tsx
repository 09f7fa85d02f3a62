import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { IndicatorRow } from '../../../shared/api/progress';
import { checkValue } from '../../../shared/domain/lights';
import { lightLabels } from '../../../shared/domain/progress-status';
import { useLedger } from '../store/context';
import { parseNumberInput, valueText, type GridCell as Cell } from './grid';

interface GridCellProps {
  readonly indicator: IndicatorRow;
  readonly cell: Cell;
  readonly columnLabel: string;
  /** A value saved with a warning (a large jump): shown above the grid, never blocking. */
  readonly onWarning: (message: string) => void;
}

/** One value of the grid: coloured by its light; click, Enter or a digit starts editing; Enter saves, Esc cancels. */
export function GridCell({ indicator, cell, columnLabel, onWarning }: GridCellProps) {
  const save = useLedger((s) => s.saveIndicatorValue);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const shown = valueText(cell.value);

  useEffect(() => {
    if (editing === null && refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const stop = (focusCell: boolean) => {
    refocus.current = focusCell;
    setEditing(null);
    setError(null);
  };

  const commit = async (focusCell: boolean) => {
    if (editing === null || saving) return;
    if (editing.trim() === shown) {
      stop(focusCell);
      return;
    }
    const value = parseNumberInput(editing);
    if (value === null) {
      setError('请填写数值；不修改请按 Esc');
      return;
    }
    if (value === undefined) {
      setError('数值必须是数字，例如 95.5');
      return;
    }
    const problem = checkValue(indicator.valueKind, indicator.unit, value);
    if (problem) {
      setError(problem);
      return;
    }
    setSaving(true);
    const outcome = await save({ indicatorId: indicator.id, period: cell.period, value, note: cell.note ?? '' });
    setSaving(false);
    if (!outcome.ok) {
      setError(outcome.error.fields?.value ?? outcome.error.message);
      return;
    }
    if (outcome.value.warning) onWarning(`${indicator.name}（${columnLabel}）：${outcome.value.warning}`);
    stop(focusCell);
  };

  const onCellKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      setEditing(shown);
    } else if (event.key.length === 1 && /[0-9.-]/.test(event.key) && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      setEditing(event.key);
    }
  };

  const onInputKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      stop(true);
    }
  };

  const label = `${indicator.name} ${columnLabel}`;
  if (editing !== null) {
    return (
      <td className={`grid-cell grid-cell-editing${error ? ' field-invalid' : ''}`}>
        <input
          className="input grid-input"
          inputMode="decimal"
          aria-label={`${label}（回车保存，Esc取消）`}
          aria-invalid={error ? true : undefined}
          value={editing}
          autoFocus
          disabled={saving}
          onChange={(event) => {
            setEditing(event.target.value);
            setError(null);
          }}
          onKeyDown={onInputKey}
          onBlur={() => {
            if (!error) void commit(false);
          }}
        />
        {error ? (
          <p className="field-error grid-error" role="alert">
            {error}
          </p>
        ) : null}
      </td>
    );
  }
  const reason = cell.light ? `${lightLabels[cell.light.color]}：${cell.light.reason}` : '尚未填报，点击填写';
  return (
    <td className={`grid-cell grid-cell-${cell.light?.color ?? 'empty'}`}>
      <button ref={button} type="button" className="grid-value" title={reason} aria-label={`${label}：${shown || '未填报'}。${reason}`} onClick={() => setEditing(shown)} onKeyDown={onCellKey}>
        {shown || '—'}
      </button>
    </td>
  );
}
