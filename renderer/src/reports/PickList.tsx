import { useId } from 'react';

export interface PickOption {
  readonly value: string;
  readonly label: string;
  readonly count: number;
  /** Options under an <optgroup> (sections of several plans). */
  readonly group?: string;
}

interface PickListProps {
  readonly label: string;
  /** The select's prompt when nothing is picked (全部计划, 请选择科室). */
  readonly emptyPrompt: string;
  readonly options: readonly PickOption[];
  readonly chosen: readonly string[];
  readonly onChange: (chosen: string[]) => void;
  readonly error?: string | undefined;
  /** Under a choice (范围 → 按科室): indented, with a lighter label. */
  readonly nested?: boolean;
}

/** Several of a list: a select adds one, each picked one is a chip that can be removed. */
export function PickList({ label, emptyPrompt, options, chosen, onChange, error, nested = false }: PickListProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const open = options.filter((option) => !chosen.includes(option.value));
  const groups = [...new Set(open.map((option) => option.group ?? ''))];
  const picked = chosen.map((value) => options.find((option) => option.value === value)).filter((option): option is PickOption => option !== undefined);
  const render = (list: readonly PickOption[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}（{option.count}项）
      </option>
    ));
  return (
    <div className={`field report-pick${nested ? ' report-pick-nested' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="input"
        value=""
        disabled={open.length === 0}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => event.target.value && onChange([...chosen, event.target.value])}
      >
        <option value="">{open.length === 0 ? (options.length === 0 ? '无可选项' : '已全部选中') : picked.length > 0 ? '再添加…' : emptyPrompt}</option>
        {groups.length > 1
          ? groups.map((group) => (
              <optgroup key={group} label={group}>
                {render(open.filter((option) => (option.group ?? '') === group))}
              </optgroup>
            ))
          : render(open)}
      </select>
      {picked.length > 0 ? (
        <ul className="chips report-chips" aria-label={`已选${label}`}>
          {picked.map((option) => (
            <li key={option.value} className="chip chip-selected">
              {option.label}
              <button type="button" className="chip-remove" aria-label={`去掉“${option.label}”`} onClick={() => onChange(chosen.filter((value) => value !== option.value))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
