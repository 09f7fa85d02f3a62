import { useId } from 'react';

export interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly count?: number;
  /** Options under an <optgroup> (sections of several plans). */
  readonly group?: string;
}

interface FacetSelectProps {
  readonly label: string;
  readonly options: readonly FacetOption[];
  /** Already chosen: shown as chips, so not offered again. */
  readonly chosen: readonly string[];
  readonly onAdd: (value: string) => void;
}

const optionText = (option: FacetOption) => (option.count === undefined ? option.label : `${option.label}（${option.count}）`);

/** A filter: picking a choice adds it as a chip; the select itself stays on its prompt. */
export function FacetSelect({ label, options, chosen, onAdd }: FacetSelectProps) {
  const id = useId();
  const open = options.filter((option) => !chosen.includes(option.value));
  const groups = [...new Set(open.map((option) => option.group ?? ''))];
  const render = (list: readonly FacetOption[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {optionText(option)}
      </option>
    ));
  return (
    <div className="inline-field ledger-facet">
      <label htmlFor={id} className="inline-label">
        {label}
      </label>
      <select id={id} className="input" value="" disabled={open.length === 0} onChange={(event) => event.target.value && onAdd(event.target.value)}>
        <option value="">{open.length === 0 ? (options.length === 0 ? '无' : '已全选') : chosen.length > 0 ? '再添加…' : '全部'}</option>
        {groups.length > 1
          ? groups.map((group) => (
              <optgroup key={group} label={group}>
                {render(open.filter((option) => (option.group ?? '') === group))}
              </optgroup>
            ))
          : render(open)}
      </select>
    </div>
  );
}
