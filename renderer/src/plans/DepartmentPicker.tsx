import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { DirectoryEntry } from '../../../shared/api/directory';
import { DELETED_DEPARTMENT } from './tree';

interface DepartmentPickerProps {
  readonly departments: readonly DirectoryEntry[];
  readonly value: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly error?: string | undefined;
}

function matches(entry: DirectoryEntry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [entry.name, ...entry.aliases].some((name) => name.toLowerCase().includes(q));
}

/** 牵头科室: tick departments, found by name or alias; the chosen ones are listed on top. */
export function DepartmentPicker({ departments, value, onChange, error }: DepartmentPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(departments.map((d) => [d.id, d])), [departments]);
  const shown = useMemo(() => departments.filter((d) => matches(d, query)), [departments, query]);
  const selected = new Set(value);

  const toggle = (departmentId: string) => {
    onChange(selected.has(departmentId) ? value.filter((v) => v !== departmentId) : [...value, departmentId]);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter picks the first match instead of submitting the form.
    event.preventDefault();
    const first = shown.find((d) => !selected.has(d.id));
    if (first && query.trim()) {
      onChange([...value, first.id]);
      setQuery('');
    }
  };

  return (
    <fieldset className={`field picker${error ? ' field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">牵头科室</legend>
      {value.length > 0 ? (
        <ul className="chips picker-selected" aria-label="已选科室">
          {value.map((departmentId) => {
            const name = byId.get(departmentId)?.name ?? DELETED_DEPARTMENT;
            return (
              <li key={departmentId} className="chip chip-selected">
                {name}
                <button type="button" className="chip-remove" aria-label={`移除牵头科室 ${name}`} onClick={() => toggle(departmentId)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="field-hint">尚未选择，可多选</p>
      )}
      {departments.length === 0 ? (
        <p className="picker-empty">还没有科室。请先到“设置”中添加科室，再回来选择牵头科室。</p>
      ) : (
        <>
          <input
            type="search"
            className="input picker-search"
            aria-label="搜索科室"
            placeholder="输入名称或别名筛选，如“疾控”"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onSearchKey}
          />
          <ul className="picker-options" aria-label="科室">
            {shown.length === 0 ? <li className="picker-empty">没有名称或别名包含“{query.trim()}”的科室</li> : null}
            {shown.map((department) => (
              <li key={department.id}>
                <label className="picker-option">
                  <input type="checkbox" aria-label={department.name} checked={selected.has(department.id)} onChange={() => toggle(department.id)} />
                  <span className="picker-name">{department.name}</span>
                  {department.aliases.length > 0 ? <span className="picker-aliases">别名：{department.aliases.join('、')}</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
