import { useEffect, useState } from 'react';
import { parseDateText } from './format';

interface DateInputProps {
  readonly id?: string;
  /** yyyy-MM-dd, or '' for none. */
  readonly value: string;
  /** yyyy-MM-dd once the text is a real date, '' when emptied, else the text as typed (the core names the error). */
  readonly onChange: (value: string) => void;
  readonly className?: string;
  readonly 'aria-invalid'?: boolean | undefined;
  readonly 'aria-describedby'?: string | undefined;
  readonly 'aria-label'?: string;
}

/**
 * A date typed as text, shown as 2025-04-12. Not a native date input: Chromium draws that in the
 * browser's own language (04/12/2025 in an English browser), whatever the page's lang says.
 */
export function DateInput({ value, onChange, className = 'input', ...rest }: DateInputProps) {
  const [text, setText] = useState(value);
  // A value set from outside (a reset, a parse) replaces the text unless the text already means it.
  useEffect(() => {
    setText((current) => ((parseDateText(current) ?? '') === value ? current : value));
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      className={className}
      placeholder="例如 2025-04-12"
      maxLength={20}
      value={text}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        const parsed = parseDateText(typed);
        onChange(parsed === undefined ? typed : (parsed ?? ''));
      }}
      onBlur={() => {
        const parsed = parseDateText(text);
        if (parsed) setText(parsed);
      }}
    />
  );
}
