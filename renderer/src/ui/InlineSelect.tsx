import { useId, type ReactNode } from 'react';

interface InlineSelectProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly children: ReactNode;
}

/** A short label beside its select, for page-level pickers (季度, 科室, 计划, 年度). */
export function InlineSelect({ label, value, onChange, children }: InlineSelectProps) {
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id} className="inline-label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
