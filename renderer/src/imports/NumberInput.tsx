import { useEffect, useState } from 'react';

interface NumberInputProps {
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly label: string;
  /** Empty allowed (null); otherwise an empty box is invalid. */
  readonly optional?: boolean;
  readonly integer?: boolean;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly id?: string;
}

const show = (value: number | null) => (value === null ? '' : String(value));

function read(text: string, integer: boolean): number | null | undefined {
  const trimmed = text.trim().replace(/，/g, ',').replace(/,/g, '');
  if (trimmed === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return undefined;
  return n;
}

/** A number typed as text: half-typed values (“0.”) stay in the box; only valid numbers reach the draft. */
export function NumberInput({ value, onChange, label, optional = false, integer = false, disabled, className, id }: NumberInputProps) {
  const [text, setText] = useState(show(value));
  useEffect(() => {
    // Follow changes made elsewhere, but keep what is being typed when it means the same number.
    setText((current) => (read(current, integer) === value ? current : show(value)));
  }, [value, integer]);
  const parsed = read(text, integer);
  const invalid = parsed === undefined || (parsed === null && !optional);
  return (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      className={`input${invalid ? ' input-invalid' : ''}${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-invalid={invalid || undefined}
      title={invalid ? (parsed === null ? `请填写${label}` : `${label}应为数字`) : undefined}
      disabled={disabled}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const next = read(event.target.value, integer);
        if (next !== undefined && (next !== null || optional)) onChange(next);
      }}
    />
  );
}
