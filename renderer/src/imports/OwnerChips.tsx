import { useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useLedger } from '../store/context';
import { searchDepartments } from './owners';

export type OwnerState = 'known' | 'create' | 'unknown';

interface OwnerChipsProps {
  readonly names: readonly string[];
  readonly status: ReadonlyMap<string, OwnerState>;
  readonly onChange: (names: string[]) => void;
  readonly taskLabel: string;
}

const stateTitles: Record<OwnerState, string> = {
  known: '已对应到本单位的科室',
  create: '保存时将新建这个科室',
  unknown: '未对应到本单位的科室，请在“科室对应”中处理',
};

/** Search this office's departments by name or alias; Enter adds the first match or the typed name. */
export function DepartmentSearch({ taken, onPick, onClose }: { taken: readonly string[]; onPick: (name: string) => void; onClose: () => void }) {
  const departments = useLedger((s) => s.departments);
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchDepartments(departments ?? [], query).filter((d) => !taken.includes(d.name)), [departments, query, taken]);
  const typed = query.trim();
  const exact = (departments ?? []).some((d) => d.name === typed || d.aliases.includes(typed));

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (found[0] && typed) onPick(found[0].name);
      else if (typed) onPick(typed);
    }
  };

  return (
    <div className="owner-popover">
      <input
        type="search"
        className="input"
        aria-label="搜索科室"
        placeholder="输入科室名称或别名"
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKey}
      />
      <ul className="owner-options" aria-label="可选科室">
        {found.map((d) => (
          <li key={d.id}>
            <button type="button" className="owner-option" onClick={() => onPick(d.name)}>
              <span>{d.name}</span>
              {d.aliases.length > 0 ? <span className="picker-aliases">别名：{d.aliases.join('、')}</span> : null}
            </button>
          </li>
        ))}
        {typed && !exact && !taken.includes(typed) ? (
          <li>
            <button type="button" className="owner-option owner-option-new" onClick={() => onPick(typed)}>
              按原文添加“{typed}”（保存前需对应或新建科室）
            </button>
          </li>
        ) : null}
        {found.length === 0 && !typed ? <li className="picker-empty">还没有科室，可直接输入名称添加</li> : null}
      </ul>
    </div>
  );
}

/** 牵头科室 of one task: the names as printed, marked when they match no department yet. */
export function OwnerChips({ names, status, onChange, taskLabel }: OwnerChipsProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const onBlur = (event: FocusEvent) => {
    if (open && !box.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  return (
    <div className="owner-field" role="group" aria-label={`${taskLabel}的牵头科室`} ref={box} onBlur={onBlur}>
      <span className="owner-field-label">牵头科室</span>
      <ul className="chips">
        {names.map((name) => {
          const state = status.get(name) ?? 'unknown';
          return (
            <li key={name} className={`chip owner-chip owner-chip-${state}`} title={stateTitles[state]}>
              {state === 'unknown' ? (
                <span className="owner-chip-flag" aria-label="未对应">
                  ?
                </span>
              ) : null}
              {name}
              <button type="button" className="chip-remove" aria-label={`移除牵头科室 ${name}`} onClick={() => onChange(names.filter((n) => n !== name))}>
                ×
              </button>
            </li>
          );
        })}
        <li>
          <button type="button" className="chip-add" aria-expanded={open} onClick={() => setOpen(!open)}>
            + 添加
          </button>
        </li>
      </ul>
      {open ? (
        <DepartmentSearch
          taken={names}
          onPick={(name) => {
            onChange([...names, name]);
            setOpen(false);
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
