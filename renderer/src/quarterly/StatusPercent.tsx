import { useId } from 'react';
import { taskStatuses } from '../../../shared/domain/progress-status';
import type { EntryForm, FormErrors } from './entry-form';

interface StatusPercentProps {
  readonly form: EntryForm;
  readonly errors: FormErrors | undefined;
  readonly readOnly: boolean;
  readonly changed: ReadonlySet<string>;
  readonly onChange: (field: 'status' | 'percent', value: string) => void;
}

/** 状态 and 完成百分比, stacked in the card's narrow first column. */
export function StatusPercent({ form, errors, readOnly, changed, onChange }: StatusPercentProps) {
  const id = useId();
  return (
    <div className="entry-side">
      <div className={`entry-field${changed.has('status') ? ' entry-field-changed' : ''}${errors?.status ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-status`} className="entry-label">
          状态
        </label>
        <select id={`${id}-status`} className="input" value={form.status} disabled={readOnly} onChange={(event) => onChange('status', event.target.value)}>
          {taskStatuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        {errors?.status ? (
          <p className="field-error" role="alert">
            {errors.status}
          </p>
        ) : null}
      </div>
      <div className={`entry-field${changed.has('percent') ? ' entry-field-changed' : ''}${errors?.percent ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-percent`} className="entry-label">
          完成百分比
        </label>
        <div className="entry-percent">
          <input
            id={`${id}-percent`}
            className="input"
            inputMode="decimal"
            value={form.percent}
            readOnly={readOnly}
            placeholder="0—100"
            aria-invalid={errors?.percent ? true : undefined}
            aria-describedby={errors?.percent ? `${id}-percent-error` : undefined}
            onChange={(event) => onChange('percent', event.target.value)}
          />
          <span aria-hidden="true">%</span>
        </div>
        {errors?.percent ? (
          <p id={`${id}-percent-error`} className="field-error" role="alert">
            {errors.percent}
          </p>
        ) : null}
      </div>
    </div>
  );
}
