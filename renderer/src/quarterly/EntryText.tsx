import { useId } from 'react';
import { TEXT_MAX, fieldLabels, type TextFieldName } from './entry-form';

interface EntryTextProps {
  readonly field: TextFieldName;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly readOnly: boolean;
  readonly error?: string | undefined;
  /** Last quarter's text when this one differs from it. */
  readonly changedFrom?: string | null | undefined;
  readonly placeholder?: string;
}

/** One of 进展情况 / 存在问题 / 下步打算, with its character count and the 与上季度不同 mark. */
export function EntryText({ field, value, onChange, readOnly, error, changedFrom, placeholder }: EntryTextProps) {
  const id = useId();
  const label = fieldLabels[field];
  const changed = changedFrom !== undefined && changedFrom !== null;
  const length = value.length;
  return (
    <div className={`entry-field${changed ? ' entry-field-changed' : ''}${error ? ' field-invalid' : ''}`}>
      <div className="entry-label-row">
        <label htmlFor={id} className="entry-label">
          {label}
        </label>
        {changed ? (
          <span className="entry-changed" title={changedFrom ? `上季度：${changedFrom}` : '上季度未填写'}>
            与上季度不同
          </span>
        ) : null}
        <span className={`entry-count${length > TEXT_MAX * 0.9 ? ' entry-count-near' : ''}`} aria-label={`已输入${length}字，最多${TEXT_MAX}字`}>
          {length}/{TEXT_MAX}
        </span>
      </div>
      <textarea
        id={id}
        className="input textarea entry-textarea"
        value={value}
        rows={3}
        maxLength={TEXT_MAX}
        readOnly={readOnly}
        placeholder={readOnly ? undefined : placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
